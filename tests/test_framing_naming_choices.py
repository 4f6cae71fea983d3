"""Naming choices for a shared referent (issue 14, round 7): the words an article alone puts on a named actor or
on the story's event ("Tehran's archfoe Israel", "an illegal referendum"), contrasted with how the other articles
name it. Texts and records the tests write."""

from __future__ import annotations

from newsprism import nlp
from newsprism.compare.framing import add_naming_cues, naming_choices, summarise
from newsprism.records import AnalyzedArticle, Article, Entity, FramingCue, NamingPhrase, Paragraph
from newsprism.settings import DEFAULT
from newsprism.stages.naming import actor_descriptions

from .conftest import entity_of


def test_actor_descriptions_read_appositions_and_words_before_the_name() -> None:
    text = ("The deal was branded a mistake by Tehran's archfoe Israel on Tuesday. Later, Benjamin Netanyahu, a "
            "consistent opponent of the deal, spoke to reporters.")
    doc = nlp.parse([text])[0]
    ents = [entity_of(text, "Israel", "place:israel"), entity_of(text, "Benjamin Netanyahu", "person:netanyahu",
                                                             "PERSON")]
    found = {n.anchors[0]: n for n in actor_descriptions(ents, doc)}
    assert "archfoe" in found["place:israel"].text and found["place:israel"].kind == "actor"
    assert found["place:israel"].word == "archfoe" and found["place:israel"].score is not None
    net = found["person:netanyahu"]
    assert "opponent" in net.text and "Benjamin Netanyahu" in net.text
    assert "spoke" not in net.text  # the apposition ends at its comma


def test_an_apposition_the_parser_hangs_elsewhere_is_read_after_the_names_comma() -> None:
    text = ("Dutch Foreign Minister Bert Koenders in Israel, Netanyahu, a consistent opponent of a deal which "
            "appeases Iran, said the deal was bad.")
    doc = nlp.parse([text])[0]
    found = actor_descriptions([entity_of(text, "Netanyahu", "person:netanyahu", "PERSON")], doc)
    assert [n.text for n in found] == ["Netanyahu, a consistent opponent of a deal"]


def _article(aid: str, text: str, entities: tuple[Entity, ...], naming: tuple[NamingPhrase, ...]) -> AnalyzedArticle:
    art = Article(id=aid, source=aid, text=text, title=aid, outlet=aid, paragraphs=(Paragraph(start=0, end=len(text)),))
    return AnalyzedArticle(article=art, entities=entities, naming=naming)


def _phrase(text: str, phrase: str, head: str, word: str, score: float, kind: str,
            anchor: str = "place:israel") -> NamingPhrase:
    at = text.find(phrase)
    assert at >= 0
    return NamingPhrase(start=at, end=at + len(phrase), text=phrase, head=head, anchors=(anchor,), kind=kind,
                        word=word, score=score)


def _story(partisan_word: str = "archfoe", partisan_score: float = 0.8) -> list[AnalyzedArticle]:
    a_text = f"The deal was criticised by Tehran's {partisan_word} Israel, and the vote on an illegal referendum went on."
    b_text = "The deal was criticised by Israel. The independence referendum went ahead on Sunday."
    c_text = "Israel criticised the deal. Voters took part in the independence referendum."
    out = []
    for aid, text in (("partisan", a_text), ("wire", b_text), ("daily", c_text)):
        naming = []
        if aid == "partisan":
            naming.append(_phrase(text, f"Tehran's {partisan_word} Israel", partisan_word, partisan_word,
                                  partisan_score, "actor"))
            naming.append(_phrase(text, "an illegal referendum", "referendum", "illegal", 0.8, "event",
                                  "place:catalonia"))
        else:
            naming.append(_phrase(text, "independence referendum", "referendum", "independence", 0.05, "event",
                                  "place:catalonia"))
        out.append(_article(aid, text, (entity_of(text, "Israel", "place:israel"),), tuple(naming)))
    return out


def test_a_charged_word_one_article_alone_puts_on_a_shared_referent_is_a_naming_choice() -> None:
    choices = {(c["article"], c["word"]): c for c in naming_choices(_story(), DEFAULT)}
    assert set(choices) == {("partisan", "archfoe"), ("partisan", "illegal")}
    archfoe = choices[("partisan", "archfoe")]
    assert archfoe["target"] == "place:israel" and "wire: by name only" in archfoe["reason"]
    assert "“independence referendum”" in choices[("partisan", "illegal")]["reason"]


def test_a_word_the_others_also_use_or_an_uncharged_word_is_no_naming_choice() -> None:
    # "independence" is what every article says; a weakly charged word stays out
    assert not naming_choices(_story("ally", DEFAULT.naming_word_min - 0.2),
                              DEFAULT.replace(naming_word_min=0.9, naming_word_low=0.9))
    shared = _story()
    shared[1] = _article("wire", shared[1].article.text + " Some call Israel an archfoe of Tehran.",
                         shared[1].entities, shared[1].naming)
    words = {c["word"] for c in naming_choices(shared, DEFAULT)}
    assert "archfoe" not in words and "illegal" in words


def test_naming_choices_become_naming_cues_with_span_reason_and_score() -> None:
    out = add_naming_cues(_story(), DEFAULT)
    cues = [f for f in out[0].framing if f.cue == "naming"]
    assert {f.text for f in cues} == {"Tehran's archfoe Israel", "an illegal referendum"}
    assert all(f.score == 0.8 and f.reason.startswith("names ") for f in cues)
    assert not [f for a in out[1:] for f in a.framing if f.cue == "naming"]


def test_set_aside_cues_are_listed_not_counted() -> None:
    text = "A powerful quake hit the town."
    art = Article(id="x", source="x", text=text, title="x", outlet="x", paragraphs=(Paragraph(start=0, end=len(text)),))
    cue = FramingCue(start=2, end=10, text="powerful", cue="set_aside", reason="not flagged: topic gate p=0.1",
                     score=0.9)
    summary = summarise(AnalyzedArticle(article=art, framing=(cue,)))
    assert summary["counts"] == {} and summary["set_aside"][0]["text"] == "powerful"


def test_the_words_probability_in_its_sentence_counts_where_the_framing_stage_judged_it() -> None:
    story = _story("archfoe", 0.3)  # alone the word is weak
    assert "archfoe" not in {c["word"] for c in naming_choices(story, DEFAULT)}
    a = story[0]
    at = a.article.text.find("archfoe")
    cue = FramingCue(start=at, end=at + 7, text="archfoe", cue="set_aside", reason="not flagged: test", score=0.9)
    story[0] = AnalyzedArticle(article=a.article, entities=a.entities, naming=a.naming, framing=(cue,))
    found = {c["word"]: c for c in naming_choices(story, DEFAULT)}
    assert found["archfoe"]["score"] == 0.9 and "in its sentence" in found["archfoe"]["reason"]


def test_the_summary_lists_how_the_article_describes_each_actor() -> None:
    story = _story("neighbour", 0.1)  # an uncharged description: no cue, but the reader sees it per actor
    summary = summarise(story[0])
    assert summary["actors"]["place:israel"] == ["Tehran's neighbour Israel"]
    assert not [f for f in story[0].framing if f.cue == "naming"]


def test_event_phrases_end_on_a_word_and_leave_an_actors_description_to_the_actor() -> None:
    from newsprism.stages.naming import naming_phrases

    text = ('Mexico\'s most notorious drug lord Joaquin "El Chapo" Guzman has escaped from a maximum security prison. '
            'That makes the bold escape by "El Chapo" from a maximum security prison all the more embarrassing.')
    doc = nlp.parse([text])[0]
    events = [n for n in naming_phrases([entity_of(text, "Mexico", "place:mexico")], doc) if n.kind == "event"]
    assert not [n for n in events if n.head == "drug"], events
    assert all(n.text.split()[-1].lower() not in ("from", "by", "of", "the") for n in events), events
