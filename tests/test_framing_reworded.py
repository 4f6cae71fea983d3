"""Naming recall (issue 14, session 15): the same sentence told by two outlets, reworded, names the same thing
differently ("a lasting ban" / "a brief pause"); each phrase becomes a naming cue of its article with the other's
wording. Texts the tests write."""

from __future__ import annotations

import pytest

from newsprism import nlp
from newsprism.compare.framing import add_naming_cues, reworded_namings
from newsprism.records import AnalyzedArticle, Article, Paragraph, Quote, Sentence
from newsprism.settings import DEFAULT

LASTING = ("Under the agreement, fines imposed by the regional council and the port authority would be dropped in "
           "return for the company accepting a lasting ban on its shipments.")
BRIEF = ("Under the agreement, fines imposed by the regional council and the port authority will be dropped in "
         "return for the company's shipments becoming subject to a brief pause.")
OTHER = "The harbour has been busy since the new terminal opened in spring, and dock workers expect more jobs."


def _article(aid: str, *sentences: str) -> AnalyzedArticle:
    text = " ".join(sentences)
    art = Article(id=aid, source=aid, text=text, title=aid, outlet=aid, paragraphs=(Paragraph(start=0, end=len(text)),))
    sents = tuple(Sentence(i=i, start=s.start_char, end=s.end_char, text=s.text)
                  for i, s in enumerate(nlp.parse([text])[0].sents))
    return AnalyzedArticle(article=art, sentences=sents)


def test_a_reworded_sentence_names_the_measure_differently_in_each_outlet() -> None:
    story = [_article("wire", LASTING, OTHER), _article("paper", OTHER, BRIEF)]
    found = {(c["article"], c["text"]): c for c in reworded_namings(story, DEFAULT)}
    assert ("wire", "lasting ban") in found and ("paper", "brief pause") in found
    assert "“brief pause”" in found[("wire", "lasting ban")]["reason"]
    c = found[("paper", "brief pause")]
    assert story[1].article.text[c["start"]:c["end"]] == "brief pause"
    out = add_naming_cues(story, DEFAULT)
    assert [f.text for f in out[0].framing if f.cue == "naming"] == ["lasting ban"]
    assert [f.text for f in out[1].framing if f.cue == "naming"] == ["brief pause"]


def test_identical_sentences_and_unrelated_ones_give_no_rewording() -> None:
    assert not reworded_namings([_article("wire", LASTING, OTHER), _article("copy", LASTING, OTHER)], DEFAULT)
    assert not reworded_namings([_article("wire", LASTING), _article("paper", OTHER)], DEFAULT)


def test_a_phrase_only_one_outlet_adds_is_no_rewording() -> None:
    # the same sentence, one version adding a clause: its phrase has no counterpart, so no naming choice
    longer = BRIEF[:-1] + " after a costly legal battle."
    found = {c["text"] for c in reworded_namings([_article("a", BRIEF), _article("b", longer)], DEFAULT)}
    assert not found


def test_words_inside_a_quotation_are_a_speaker_s_not_the_outlet_s() -> None:
    quoted = _article("paper", OTHER, BRIEF)
    quoted = AnalyzedArticle(article=quoted.article, sentences=quoted.sentences, quotes=(
        Quote(start=len(OTHER) + 1, end=len(quoted.article.text), text=BRIEF, speaker=None, speaker_id=None, cue=None, kind="direct", rule="test"),))
    assert not reworded_namings([_article("wire", LASTING, OTHER), quoted], DEFAULT)


def _misparsed() -> object:
    """"Riot police and paramilitary Border Guard arrived.", parsed the way the model parses such a line at times:
    the adjective a conjunct of the verb and the name its object (heads and labels written by the test)."""
    from spacy.tokens import Doc

    words = ["Riot", "police", "and", "paramilitary", "Border", "Guard", "arrived", "."]
    heads = [1, 6, 6, 6, 5, 3, 6, 6]
    deps = ["compound", "nsubj", "cc", "conj", "compound", "dobj", "ROOT", "punct"]
    tags = ["NN", "NNS", "CC", "JJ", "NNP", "NNP", "VBD", "."]
    pos = ["NOUN", "NOUN", "CCONJ", "ADJ", "PROPN", "PROPN", "VERB", "PUNCT"]
    return Doc(nlp.spacy_pipeline().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos,
               lemmas=[w.lower() for w in words], sent_starts=[True] + [False] * 7)


def test_an_adjective_right_before_a_name_the_parser_hung_elsewhere_describes_the_name() -> None:
    from newsprism.records import Entity, Mention
    from newsprism.stages.naming import actor_descriptions

    doc = _misparsed()
    at = doc.text.find("Border Guard")
    guard = Entity(id="org:border-guard", name="Border Guard", type="ORG",
                   mentions=(Mention(start=at, end=at + len("Border Guard"), text="Border Guard"),))
    found = actor_descriptions([guard], doc)
    assert [n.text for n in found] == ["paramilitary Border Guard"] and found[0].word == "paramilitary"
    # only adjectives: the same parse with a noun in the adjective's place gives the name no description
    words = [t.text for t in doc]
    words[3] = "troops"
    from spacy.tokens import Doc

    other = Doc(doc.vocab, words=words, heads=[t.head.i for t in doc], deps=[t.dep_ for t in doc],
                tags=[t.tag_ if t.i != 3 else "NNS" for t in doc], pos=[t.pos_ if t.i != 3 else "NOUN" for t in doc],
                lemmas=[w.lower() for w in words], sent_starts=[True] + [False] * 7)
    at = other.text.find("Border Guard")
    guard = Entity(id="org:border-guard", name="Border Guard", type="ORG",
                   mentions=(Mention(start=at, end=at + len("Border Guard"), text="Border Guard"),))
    assert not actor_descriptions([guard], other)


def test_phrases_on_either_side_of_a_shared_run_of_words_are_not_paired() -> None:
    # a title before "pleaded guilty on Monday" and a court after it are two things, however alike the sentences
    a = ("Jo Smith, the former Liberal senator from Ohio, pleaded guilty on Monday to one fraud count in connection "
         "with the misuse of campaign money.")
    b = ("Former Sen. Jo Smith pleaded guilty on Monday in federal court to one fraud count in connection with the "
         "misuse of campaign money.")
    assert not reworded_namings([_article("a", a), _article("b", b)], DEFAULT)


def test_an_adjective_before_a_name_that_modifies_a_later_noun_or_is_a_complement_is_no_description() -> None:
    from newsprism.records import Entity, Mention
    from newsprism.stages.naming import actor_descriptions

    for text, name in (("The caller was an undercover FBI employee who was investigating the mayor.", "FBI"),
                       ("He said he wants to make sure Republicans pick the right candidate.", "Republicans"),
                       ("Critics posted a picture of the unenthused Obama daughters on Friday.", "Obama")):
        at = text.find(name)
        ent = Entity(id="org:x", name=name, type="ORG", mentions=(Mention(start=at, end=at + len(name), text=name),))
        assert not actor_descriptions([ent], nlp.parse([text])[0]), text


def test_a_noun_whose_counterpart_is_a_bare_noun_is_no_pair_of_namings() -> None:
    # "one felony fraud count" answers "charges" (a bare noun), not "federal court", which the other sentence adds
    a = ("Jo Smith pleaded guilty on Monday to one felony fraud count in connection with his use of campaign money "
         "to pay for living expenses.")
    b = ("Jo Smith pleaded guilty Monday in federal court to charges in connection with his use of campaign money to "
         "pay for living expenses.")
    assert not reworded_namings([_article("a", a), _article("b", b)], DEFAULT)


def test_only_sentences_sharing_runs_of_words_with_another_outlet_are_encoded(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # the cheap filter before the encoder: the reworded twins are encoded, a same-topic sentence sharing no run with
    # another outlet's is not
    seen: list[str] = []
    real = nlp.embed

    def spy(texts, encoder=None):  # type: ignore[no-untyped-def]
        seen.extend(texts)
        return real(texts, encoder)

    monkeypatch.setattr(nlp, "embed", spy)
    # a third outlet prints OTHER word for word (a wire copy): never a rewording, so not encoded either
    found = reworded_namings([_article("wire", LASTING, OTHER), _article("paper", BRIEF), _article("copy", OTHER)],
                             DEFAULT)
    assert {c["text"] for c in found} == {"lasting ban", "brief pause"}
    assert set(seen) == {LASTING, BRIEF}


def test_the_gate_before_the_encoder_keeps_every_pair_of_namings_and_encodes_no_pair_that_cannot_give_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # speed23: a pair of sentences is encoded only where the parse shows, in one stretch between shared runs, a noun
    # each side alone uses with a modifier of its own; the namings must be those of the old path, which encoded every
    # sentence the word-pair filter kept (``gate=False``)
    from collections import OrderedDict
    from functools import partial

    from newsprism.compare import framing

    fishing = (LASTING.replace("a lasting ban", "a lasting fishing ban"),  # a modifier both use, one each alone
               BRIEF.replace("a brief pause", "a brief fishing pause"))
    plain = (LASTING.replace("a lasting ban", "a permanent ban"), BRIEF.replace("a brief pause", "a temporary pause"))
    firm = LASTING.replace("the company accepting", "the firm accepting")  # a name changed: nothing named differently
    seen: list[str] = []
    real_embed, real_pairs = nlp.embed, framing._reworded_pairs

    def spy(texts, encoder=None):  # type: ignore[no-untyped-def]
        seen.extend(texts)
        return real_embed(texts, encoder)

    monkeypatch.setattr(nlp, "embed", spy)
    monkeypatch.setattr(nlp, "_cache", OrderedDict())  # no vector kept from another test: the gate runs
    expected = [{"lasting ban", "brief pause"}, {"lasting fishing ban", "brief fishing pause"},
                {"permanent ban", "temporary pause"}, set()]
    for (a, b), want in zip([(LASTING, BRIEF), fishing, plain, (LASTING, firm)], expected, strict=True):
        story = [_article("wire", a, OTHER), _article("paper", OTHER, b)]
        seen.clear()
        gated = reworded_namings(story, DEFAULT)
        assert {c["text"] for c in gated} == want, (a, b)
        assert set(seen) == ({a, b} if want else set())  # the firm/company pair is never encoded
        monkeypatch.setattr(framing, "_reworded_pairs", partial(real_pairs, gate=False))
        assert reworded_namings(story, DEFAULT) == gated  # the old path: the same namings, reasons and spans
        monkeypatch.setattr(framing, "_reworded_pairs", real_pairs)
    # the old path did encode the firm/company pair and found it reworded (cosine >= naming_reworded_min)
    story = [_article("wire", LASTING, OTHER), _article("paper", OTHER, firm)]
    assert real_pairs(story, DEFAULT, gate=False)
    nlp._cache.clear()  # (the old path kept their vectors; with none kept the gate runs)
    assert not real_pairs(story, DEFAULT)


def test_where_every_vector_is_kept_the_gate_spends_no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    # an analysis that encoded its sentences, or a comparison run before, leaves the vectors kept: the cosines then
    # cost nothing, so the sentences are not parsed for the gate (the namings are the same either way)
    from collections import OrderedDict

    story = [_article("wire", LASTING, OTHER), _article("paper", OTHER, BRIEF)]
    said = ("Amir Haddad said on Monday that the flood in Kelso had affected 2,000 people and that the council would "
            "meet again next week.")
    warned = ("Rosa Fenwick warned on Friday that the flood in Kelso had affected 3,500 people and that the council "
              "would meet again next week.")  # shares runs of words with ``said``: kept by the word-pair filter
    template = [_article("wire", said, OTHER), _article("paper", OTHER, warned)]
    parsed: list[str] = []
    real_parse = nlp.parse_cached

    def spy(texts, batch_size=16, disable=()):  # type: ignore[no-untyped-def]
        parsed.extend(texts)
        return real_parse(texts, batch_size=batch_size, disable=disable)

    monkeypatch.setattr(nlp, "parse_cached", spy)
    monkeypatch.setattr(nlp, "_cache", OrderedDict())
    assert not reworded_namings(template, DEFAULT) and set(parsed) == {said, warned}  # nothing kept: the gate parses
    nlp.embed([LASTING, BRIEF, said, warned])
    parsed.clear()
    assert not reworded_namings(template, DEFAULT) and not parsed  # kept: the cosines alone, no parse
    assert {c["text"] for c in reworded_namings(story, DEFAULT)} == {"lasting ban", "brief pause"}
    assert set(parsed) == {LASTING, BRIEF}  # parsed once a pair is found, for its nouns, as before the gate
