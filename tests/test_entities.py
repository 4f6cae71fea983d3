"""Entities: one referent per person/organisation/place, names and roles learned from the text."""

from __future__ import annotations

import pytest

from newsprism.stages import analyze
from newsprism.compare import link_across
from newsprism.text.names import is_acronym_of, nat_match

from .conftest import make_article

pytestmark = pytest.mark.slow



def _by_name(analyzed, name):  # type: ignore[no-untyped-def]
    return next(e for e in analyzed.entities if e.name == name)


def _mention_texts(entity):  # type: ignore[no-untyped-def]
    return {m.text for m in entity.mentions}


def test_entities_seed_000_putin_and_xi_roles(analyzed_seeds):
    a = analyzed_seeds[0]
    putin = _by_name(a, "Vladimir Putin")
    xi = _by_name(a, "Xi Jinping")
    assert {"Putin", "Vladimir Putin"} <= _mention_texts(putin)
    assert any(t.lower() == "the russian leader" for t in _mention_texts(putin))
    assert any(t.lower() == "the russian president" for t in _mention_texts(putin))
    # "his Chinese counterpart, President Xi Jinping" ties "the Chinese president" to Xi
    assert any(t.lower() == "the chinese president" for t in _mention_texts(xi))
    assert {"Xi"} <= _mention_texts(xi)
    assert not any("president" in t.lower() and "russian" in t.lower() for t in _mention_texts(xi))


def test_entities_seed_001_mr_putin_and_headline(analyzed_seeds):
    a = analyzed_seeds[1]
    names = {e.name for e in a.entities if e.type == "PERSON"}
    assert {"Vladimir Putin", "Xi Jinping", "Yuri Ushakov", "Volodymyr Zelenskyy"} <= names
    assert not any("Sign" in n for n in names)  # the headline's "Xi Sign Joint Plan" is trimmed to a known name
    xi = _by_name(a, "Xi Jinping")
    assert "Xi" in _mention_texts(xi)  # "Mr Xi"


def test_entities_short_name_and_role_phrase():
    a = analyze(make_article(
        "Harbour Authority Names New Chief\n\n"
        "Harbour Minister Elsa Norrgard announced on Monday that the port would close for two days. "
        "Norrgard said the closure was needed for repairs. The minister also thanked the dock workers."))
    elsa = _by_name(a, "Elsa Norrgard")
    texts = {m.text for m in elsa.mentions}
    assert "Norrgard" in texts
    assert any(t.lower() == "the minister" for t in texts)
    rules = {m.rule for m in elsa.mentions}
    assert "role" in rules


def test_entities_acronym_joins_expansion():
    a = analyze(make_article(
        "Regulator Fines Bank\n\n"
        "The National Water Agency fined the company on Tuesday. A spokesman for the NWA said the fine was the "
        "largest it had ever imposed."))
    office = next(e for e in a.entities if e.name == "National Water Agency")
    assert "NWA" in {m.text for m in office.mentions}
    assert {m.rule for m in office.mentions} >= {"acronym"}


def test_entities_pronoun_subject_resolves():
    a = analyze(make_article(
        "Mayor Visits Flooded Streets\n\n"
        "Mayor Ines Okafor toured the flooded streets on Tuesday. She promised that every family would be housed."))
    okafor = _by_name(a, "Ines Okafor")
    assert any(m.rule == "pronoun" for m in okafor.mentions)


def test_entities_same_referent_one_id_across_articles(analyzed_seeds):
    linked = link_across(analyzed_seeds)
    ids = [{e.id for e in a.entities if e.name == "Vladimir Putin"} for a in linked]
    assert ids[0] == ids[1] == {"person:vladimir-putin"}
    for a in linked:
        for q in a.quotes:
            if q.speaker == "Vladimir Putin":
                assert q.speaker_id == "person:vladimir-putin"


def test_entities_examples_okafor_is_a_person_everywhere(analyzed_examples):
    for a in link_across(analyzed_examples):
        okafor = [e for e in a.entities if e.name == "Ines Okafor"]
        assert okafor and okafor[0].type == "PERSON", a.article.source


def test_entities_helpers():
    assert is_acronym_of("UN", "United Nations")
    assert not is_acronym_of("WHO", "World Trade Organization")
    assert nat_match("Russia", "Russian") and nat_match("China", "Chinese") and not nat_match("Russia", "China")


def test_entities_abbreviated_title_meets_role_phrase():
    a = analyze(make_article("Ad Campaign Launched\n\nGov. Rick Perry launched a new television ad on Monday in "
                             "Iowa. \"As president, I will fight for our values,\" the Texas governor said."))
    perry = _by_name(a, "Rick Perry")
    assert "the Texas governor" in _mention_texts(perry)
    assert a.quotes[0].speaker == "Rick Perry"


def test_entities_pronoun_skips_person_of_the_other_stated_gender():
    a = analyze(make_article("Hearing Ends\n\nRep. Jackie Speier questioned Mr. Tom Hale, the agency chief. "
                             "Ms. Speier said the report was late. He said it would arrive next week."))
    hale = _by_name(a, "Tom Hale")
    assert any(m.rule == "pronoun" and m.text == "He" for m in hale.mentions)
    said = next(q for q in a.quotes if "arrive next week" in q.text)
    assert said.speaker == "Tom Hale"


def test_entities_name_cut_at_a_glued_hyphen_runs_on():
    from spacy.tokens import Span

    from newsprism import nlp
    from newsprism.stages.entities import _hyphen_completed

    doc = nlp.parse(["The spokesman for Prime Minister Haider al-Abadi spoke, and Ana Ruiz - the mayor - agreed."])[0]
    words = [t.text for t in doc]
    cut = Span(doc, words.index("Haider"), words.index("al") + 1, label="PERSON")
    assert _hyphen_completed(cut).text == "Haider al-Abadi"
    # a spaced dash is punctuation, not part of the name
    ruiz = Span(doc, words.index("Ana"), words.index("Ruiz") + 1, label="PERSON")
    assert _hyphen_completed(ruiz).text == "Ana Ruiz"


def test_a_speaker_phrase_never_stops_inside_a_hyphenated_name():
    from newsprism import nlp
    from newsprism.stages.quotes import _noun_phrase

    doc = nlp.parse(["The spokesman for Iraqi Prime Minister Haider al-Abadi said the deal was good."])[0]
    head = next(t for t in doc if t.text == "spokesman")
    assert _noun_phrase(head).endswith("al-Abadi"), _noun_phrase(head)
