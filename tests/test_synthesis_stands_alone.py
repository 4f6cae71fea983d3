"""Issue 13, session 13 (synth18): the synthesis on BASIL training events nobody had built it on (14 train-dev events
read by hand: ``benchmarks/results/synthesis_basil_train_labels.json``). Each frequent wrong class as a rule or a
learned check, on texts the tests write: (1) narration that leans on an earlier sentence of its article (a bare
definite description, a person title, a demonstrative, a day's possessive, an opening "Then") is refused with its
score and cues (``compare/standalone.py``, setting ``synthesis_stands_alone``: single-source sentences); (2) a quotation cut at its start keeps
the capital of the pronoun "I" and the speaker's description starts the sentence with a capital; (3) a relative
clause set off by commas on the subject is a part each cited span must state, cut where one does not; (4) quoted
words cut inside a quotation of their own are a fragment."""

from __future__ import annotations

import pytest

from newsprism import nlp
from newsprism.compare.standalone import FEATURES, features, leans_on_context, model, score, topic_words
from newsprism.compare.synthesis import _cut_part, _parts, _quoted_fragment, _representative, unclosed_inner_quote
from newsprism.records import Claim


@pytest.mark.parametrize("text", [
    "The package would cost roughly $500 million, officials estimated.",  # a bare definite "shell" noun
    "Then a curfew was imposed.",  # an opening discourse adverb
    "The attorney general then described how he was stopped on the highway.",  # a person title as the first mention
    "That cable warned of a coordinated attack.",  # a demonstrative subject
    "Thursday’s announcement comes after a court ruling.",  # a day's possessive
    "The approach is so sweeping that the announcement received second billing.",
])
def test_narration_that_leans_on_an_earlier_sentence_is_refused_with_score_and_cues(text: str) -> None:
    why = leans_on_context(text)
    assert why is not None and "stands-alone score" in why, (text, score(text))


@pytest.mark.parametrize("text", [
    "Senator Jane Doe of Ohio voted on Tuesday against a bill to raise the minimum wage.",
    "Senator Jane Doe of Ohio said on Tuesday that she would vote against a bill to raise the minimum wage.",
    "The Federal Reserve raised interest rates by a quarter point on Wednesday.",
    "Apartment blocks in the old districts of Varna and Sofia swayed and cracked, officials said.",
])
def test_a_sentence_that_says_who_did_what_stands_alone(text: str) -> None:
    assert leans_on_context(text) is None, score(text)


def test_the_cues_are_read_from_the_parse_and_a_headline_noun_is_the_story_s_own() -> None:
    assert len(model()["weights"]) == len(FEATURES)
    f = dict(zip(FEATURES, features("The package would cost roughly $500 million."), strict=True))
    assert f["subject a bare definite description"] == 1.0 and f["a bare definite shell noun"] == 1.0
    g = dict(zip(FEATURES, features("Senator Jane Doe voted against a bill."), strict=True))
    assert g["subject a name"] == 1.0 and g["subject a bare definite description"] == 0.0
    # a quoted "the plan" is the speaker's word, not the narration's
    q = dict(zip(FEATURES, features("Jane Doe said “the plan will fail” on Tuesday."), strict=True))
    assert q["bare definite descriptions"] == 0.0
    # "Orbis will buy …, the company said": the reported clause is the statement, its subject a name
    r = dict(zip(FEATURES, features("Orbis will buy the Hollins plant for $16 billion, the company said."), strict=True))
    assert r["subject a name"] == 1.0, r
    # the story's headline names the march: "the march" is the story's own, not an earlier sentence's
    text = "Police in Marrowby said there were 9,000 people on the march against the ferry tax in the port."
    topic = topic_words(["Thousands march against the ferry tax", "Police count 9,000 at Marrowby march"])
    assert score(text, topic)[0] > score(text)[0], (score(text), score(text, topic))
    plain = dict(zip(FEATURES, features(text), strict=True))
    told = dict(zip(FEATURES, features(text, topic), strict=True))
    assert plain["bare definite descriptions after a name"] == 2.0 and told["bare definite descriptions after a name"] == 1.0  # the port


def _quote(text: str, speaker: str) -> Claim:
    return Claim(id="a:1", article="a", sentence=1, start=0, end=len(text), text=text, quote=True,
                 asserted_by_name=speaker, part="content")


def test_a_quote_cut_at_its_start_keeps_the_capital_of_i_and_the_speaker_opens_with_a_capital() -> None:
    out = _representative(None, [_quote("and I will always work for a civil debate.”", "Ann Lee")])  # type: ignore[arg-type]
    assert out == "Ann Lee was quoted as saying: “… I will always work for a civil debate.”", out
    out = _representative(None, [_quote("but the budget is clear.”", "Ann Lee")])  # type: ignore[arg-type]
    assert "“… the budget" in out, out
    out = _representative(None, [_quote("“The world needs more wind farms.”", "an unseen narrator")])  # type: ignore[arg-type]
    assert out.startswith("An unseen narrator was quoted as saying: “The world"), out


def test_a_relative_clause_on_the_subject_is_a_part_each_span_must_state() -> None:
    text = "Mr. Reed, who represents a rural district north of Dunmore, faces a re-election challenge."
    parts = _parts(nlp.parse_cached([text], disable=("ner",))[0])
    rel = [t for k, t, _, _, _ in parts if k == "modifier"]
    assert rel == ["who represents a rural district north of Dunmore"], parts
    assert _cut_part(text, rel[0]) == "Mr. Reed faces a re-election challenge."
    # a restrictive relative clause says which one: no part
    plain = "The senator who wrote the bill voted against the budget."
    assert not [t for k, t, _, _, _ in _parts(nlp.parse_cached([plain], disable=("ner",))[0]) if "wrote" in t]


def test_quoted_words_cut_inside_a_quotation_of_their_own_are_a_fragment() -> None:
    assert unclosed_inner_quote("The world tells Israel, ‘Wait.")
    assert not unclosed_inner_quote("The world tells Israel, ‘Wait, there’s still time.’")
    assert not unclosed_inner_quote("Israel’s leaders won’t wait.")
    assert _quoted_fragment("Ann Lee was quoted as saying: “The council tells us, ‘Wait.”") is not None
    assert _quoted_fragment("Ann Lee was quoted as saying: “The council tells us to wait.”") is None
