"""Naming recall (issue 14, session 16): a thing named with a noun that is itself the choice, where the other
outlets use other words: a definite label with no name the article uses there first ("the crackdown"), a
demonstrative label ("this plebiscite" where the others say "the referendum"), an act of a named actor
("intimidation by the Spanish state"). Texts the tests write."""

from __future__ import annotations

from newsprism import nlp
from newsprism.compare.framing import add_naming_cues, charged_heads
from newsprism.records import AnalyzedArticle, Article, Paragraph, Quote, Sentence
from newsprism.settings import DEFAULT
from newsprism.stages.naming import naming_phrases

from .conftest import entity_of


def _article(aid: str, text: str, names: tuple[tuple[str, str], ...] = (), quoted: str | None = None) -> AnalyzedArticle:
    doc = nlp.parse([text])[0]
    ents = tuple(entity_of(text, n, eid, "NORP") for n, eid in names)
    quotes = ()
    if quoted is not None:
        at = text.find(quoted)
        quotes = (Quote(start=at, end=at + len(quoted), text=quoted, speaker=None, speaker_id=None, cue=None,
                        kind="direct", rule="test"),)
    art = Article(id=aid, source=aid, text=text, title=aid, outlet=aid, paragraphs=(Paragraph(start=0, end=len(text)),))
    sents = tuple(Sentence(i=i, start=s.start_char, end=s.end_char, text=s.text) for i, s in enumerate(doc.sents))
    return AnalyzedArticle(article=art, entities=ents, naming=tuple(naming_phrases(ents, doc)), quotes=quotes,
                           sentences=sents)


def test_a_definite_phrase_with_no_name_is_a_label_where_its_head_is_first_used() -> None:
    text = "Police moved in at dawn. The mayor said the crackdown had gone too far, and the crackdown went on this week."
    labels = [n for n in naming_phrases([], nlp.parse([text])[0]) if n.kind == "label"]
    assert [n.text for n in labels if n.head == "crackdown"] == ["the crackdown"]  # the second use is no new label
    assert labels[[n.head for n in labels].index("crackdown")].start == text.find("the crackdown")
    assert not any(n.head == "week" for n in labels)  # a time is no label


POLICE = "Police moved in at dawn to close the schools used as polling stations."
OTHERS = ("The mayor said the police operation had gone too far.", "The mayor said the police action had gone too far.",
          "The mayor said the operation by the police had gone too far.")


def test_a_charged_label_only_one_outlet_uses_is_a_naming_choice() -> None:
    story = [_article("wire", f"{POLICE} The mayor said the crackdown had gone too far.")] + [
        _article(f"o{k}", f"{POLICE} {s}") for k, s in enumerate(OTHERS)]
    found = {(c["article"], c["text"]): c for c in charged_heads(story, DEFAULT)}
    assert set(found) == {("wire", "the crackdown")}
    reason = found[("wire", "the crackdown")]["reason"]
    assert "“crackdown”" in reason and "0% of the other 3 articles" in reason
    out = add_naming_cues(story, DEFAULT)
    assert [f.text for f in out[0].framing if f.cue == "naming"] == ["the crackdown"]
    # the same word in every outlet is the story's word, not a choice
    same = [_article(f"s{k}", f"{POLICE} The mayor said the crackdown had gone too far.") for k in range(4)]
    assert not charged_heads(same, DEFAULT)
    # the same word in a quotation is the speaker's
    quoted = "The mayor said “the crackdown had gone too far”."
    assert not charged_heads([_article("wire", f"{POLICE} {quoted}", quoted=quoted[15:])] + story[1:], DEFAULT)
    # a label in a sentence no other outlet tells alike is not shown to name the story's thing: no choice
    apart = [_article(f"o{k}", "Shops in the old town reopened on Monday after the holiday.") for k in range(3)]
    assert not charged_heads([story[0]] + apart, DEFAULT)
    # a phrase that runs into a quotation ("the “crackdown …”") is partly the speaker's
    runs = "The mayor condemned the “crackdown on voters” at once."
    assert not charged_heads([_article("wire", f"{POLICE} {runs}", quoted="crackdown on voters")] + story[1:], DEFAULT)


REFERENDUM = "The referendum on independence was held on Sunday, and polling stations opened at nine."


def test_a_demonstrative_label_renames_the_story_s_event() -> None:
    mine = f"{REFERENDUM} Five million people were eligible to vote in this plebiscite."
    plain = f"{REFERENDUM} Five million people were eligible to vote in the referendum."
    story = [_article("a", mine), _article("b", plain), _article("c", plain), _article("d", plain)]
    found = {(c["article"], c["text"]): c for c in charged_heads(story, DEFAULT)}
    assert set(found) == {("a", "this plebiscite")}
    assert "eligible to vote in the referendum.”" in found[("a", "this plebiscite")]["reason"]  # the others' wording
    # a plain word in the demonstrative ("this vote") is no choice
    bland = f"{REFERENDUM} Five million people were eligible to take part in this vote."
    assert not charged_heads([_article("a", bland)] + story[1:], DEFAULT)


def test_an_act_named_with_a_charged_noun_lists_how_the_others_name_the_actor_s_acts() -> None:
    names = (("Spanish", "group:spanish"),)
    mine = "Intimidation by the Spanish state did not stop the voters."
    plain = "An operation by the Spanish state did not stop the voters."
    story = [_article("a", mine, names), _article("b", plain, names), _article("c", plain, names)]
    found = {(c["article"], c["text"]): c for c in charged_heads(story, DEFAULT)}
    assert list(found) == [("a", "Intimidation by the Spanish state")]
    assert "“An operation by the Spanish state”" in found[("a", "Intimidation by the Spanish state")]["reason"]
    # a plain noun for the act is no choice
    assert not charged_heads(story[1:], DEFAULT)
    # a noun the evaluative model reads as charged but with no feeling in it ("tactic") is no choice
    tactic = "A tactic by the Spanish state did not stop the voters."
    assert not charged_heads([_article("a", tactic, names)] + story[1:], DEFAULT)
    # where no other article names the Spanish state, there is no choice between outlets to show
    unnamed = "Nothing stopped the voters on Sunday."
    assert not charged_heads([story[0], _article("b", unnamed), _article("c", unnamed)], DEFAULT)
