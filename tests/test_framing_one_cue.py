"""One cue per framing act, counted once, each with its span; set-aside words never shown as cues; a hedge or
loaded word in words the outlet reports someone saying is the speaker's (issue 14, session 9). Texts the tests
write."""

from __future__ import annotations

import json

import pytest

from newsprism.compare.framing import framing_acts, relative_framing, spoken, summarise
from newsprism.records import AnalyzedArticle, Article, FramingCue, Paragraph
from newsprism.stages import analyze, analyze_many


def _written(text: str, id: str = "t") -> Article:
    title, body = text.split("\n\n", 1)
    return Article(id=id, source=id, text=body, title=title, outlet=id, paragraphs=(Paragraph(start=0, end=len(body)),))


def _art(text: str) -> Article:
    return Article(id="x", source="x", text=text, title="x", outlet="x", paragraphs=(Paragraph(start=0, end=len(text)),))


def test_summary_counts_each_act_once_and_lists_every_counted_cue_with_its_span() -> None:
    text = "The staggering blow hit the regime. Critics call it a staggering blow. The vote went ahead."
    cues = (
        FramingCue(start=4, end=19, text="staggering blow", cue="evaluative", reason="phrase", word=(4, 14)),
        FramingCue(start=28, end=34, text="regime", cue="naming", reason="names it"),
        FramingCue(start=28, end=34, text="regime", cue="biased_sentence", reason="score"),
        FramingCue(start=36, end=43, text="Critics", cue="set_aside", reason="not flagged"),
        FramingCue(start=54, end=69, text="staggering blow", cue="evaluative", reason="x", word=(54, 64),
                   speaker="Critics"),
        FramingCue(start=44, end=48, text="call", cue="attribution_verb", reason="said", grade="neutral"),
    )
    s = summarise(AnalyzedArticle(article=_art(text), framing=cues))
    assert s["raw_counts"] == {"evaluative": 1, "naming": 1}
    assert sum(s["raw_counts"].values()) == len(s["notable"])  # every counted cue is listed, with its span
    assert all(n["end"] > n["start"] for n in s["notable"])
    assert [n["cue"] for n in s["notable"]] == ["evaluative", "naming"]
    assert s["set_aside"][0]["text"] == "Critics"
    assert not spoken(cues[0]) and spoken(cues[4])
    assert [f.text for f in framing_acts(cues)] == ["staggering blow", "regime"]


@pytest.mark.slow
def test_a_phrase_built_on_a_loaded_word_is_its_one_cue() -> None:
    a = analyze(_written("Council Vote\n\nThe council took a disgraceful decision on Tuesday."))
    phrase = [f for f in a.framing if f.word is not None]
    assert phrase and phrase[0].text == "disgraceful decision" and phrase[0].loaded_word == "disgraceful"
    assert "tagger" in phrase[0].reason  # the word's reason travels with the phrase
    assert not [f for f in a.framing if f.cue == "loaded" and f.text == "disgraceful"]  # not counted twice
    assert summarise(a)["raw_counts"].get("evaluative") == 1 and "loaded" not in summarise(a)["raw_counts"]


@pytest.mark.slow
def test_a_hedge_in_reported_words_is_the_speakers() -> None:
    # (session 16: "would likely rise", "will likely rise" are forecasts, no hedge; guesses about the past are)
    a = analyze(_written("Quake\n\nOfficials said the death toll had likely risen. The toll likely rose "
                         "again, and the agency's allegedly faulty sensors failed."))
    hedges = [f for f in a.framing if f.cue == "hedge"]
    theirs = [f for f in hedges if f.speaker == "Officials"]
    assert len(theirs) == 1 and "the speaker's word" in theirs[0].reason and theirs[0].start < 40
    mine = [f.text for f in hedges if f.speaker is None]
    assert mine == ["likely", "allegedly"], mine
    assert summarise(a)["raw_counts"].get("hedge") == 2


@pytest.mark.slow
def test_a_loaded_word_in_reported_words_is_marked_the_speakers_but_a_tail_attribution_is_not() -> None:
    a = analyze(_written("Clinic\n\nOpposition councillor Sigrid Moe accused the board of a cynical exercise. "
                         "The board's shameful plan closed the clinic, officials said."))
    marked = {(f.loaded_word, f.speaker) for f in a.framing if f.loaded_word}
    assert ("cynical", "Moe") in marked, marked  # inside what Moe accused the board of
    assert ("shameful", None) in marked, marked  # the outlet's sentence: ", officials said" after it is no speaker's
    assert "cynical" not in {f.loaded_word for f in framing_acts(a.framing)}


def test_article_json_lists_set_aside_words_apart_and_round_trips() -> None:
    text = "A powerful quake hit the town."
    cues = (FramingCue(start=2, end=10, text="powerful", cue="set_aside", reason="not flagged: topic", score=0.9),
            FramingCue(start=2, end=16, text="powerful quake", cue="evaluative", reason="phrase", word=(2, 10)))
    a = AnalyzedArticle(article=_art(text), framing=cues)
    out = json.loads(json.dumps(a.to_output()))
    assert [f["cue"] for f in out["framing"]] == ["evaluative"] and out["framing"][0]["word"] == [2, 10]
    assert [f["text"] for f in out["set_aside"]] == ["powerful"]
    back = AnalyzedArticle.from_output(out)
    assert set(back.framing) == set(cues) and back.framing[1].word == (2, 10) or back.framing[0].word == (2, 10)


@pytest.mark.slow
def test_a_phrase_whose_loaded_word_is_the_topic_leaves_with_it() -> None:
    texts = ["The devastating quake hit the coast on Monday. Rescuers searched the rubble.",
             "A devastating quake struck on Monday, and rescuers dug through rubble.",
             "The devastating quake left thousands homeless on Monday."]
    analyzed = analyze_many([_written(f"Quake\n\n{t}", id=f"a{i}") for i, t in enumerate(texts)])
    built = [f for a in analyzed for f in a.framing if f.loaded_word == "devastating"]
    if not built:
        pytest.skip("the tagger does not flag 'devastating' here")
    rel, topic = relative_framing(analyzed)
    assert not [f for a in rel for f in a.framing if f.loaded_word == "devastating"]
    assert any(t["word"] == "devastating" for ts in topic.values() for t in ts)


@pytest.mark.slow
def test_a_participle_the_writer_adds_after_reported_words_is_the_outlets() -> None:
    from newsprism.settings import DEFAULT

    # whose word it is, whether or not it is presented (cue_present_precision_min 0: every word the gate keeps)
    a = analyze(_written("School\n\nThe navy said on Thursday that all pupils had been accounted for, leading to "
                         "anguished reports that the girl had died."), DEFAULT.replace(cue_present_precision_min=0))
    words = {(f.loaded_word, f.speaker) for f in a.framing if f.loaded_word}
    assert ("anguished", None) in words and ("anguished", "navy") not in words, words


def test_occlusion_scores_the_sentence_with_and_without_the_word(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism import nlp
    from newsprism.settings import DEFAULT
    from newsprism.stages import framing

    seen: list[str] = []

    def scores(texts, keep=True):  # type: ignore[no-untyped-def]
        seen.extend(texts)
        return [0.9 if "shameful" in t else 0.2 for t in texts]

    monkeypatch.setattr(nlp, "bias_scores", scores)
    doc = nlp.parse(["The vote was held. It was a shameful deal for the town."])[0]
    tok = next(t for t in doc if t.text == "shameful")
    sent = next(s for s in doc.sents if s.start_char <= tok.idx < s.end_char)

    class S:  # a body sentence as the stage passes it
        start, end = sent.start_char, sent.end_char

    assert framing._occlusion([tok], [S()], DEFAULT) == [(0.9, 0.2)]
    assert sorted(seen) == ["It was a deal for the town.", "It was a shameful deal for the town."]  # each scored once
    assert framing._occlusion([tok], [S()], DEFAULT.replace(loaded_occlusion_min=-2.0)) == [(None, None)]


@pytest.mark.slow
def test_a_word_that_does_not_move_its_sentence_towards_biased_is_set_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.stages import framing

    text = "Council Vote\n\nThe council took a disgraceful decision on Tuesday."
    monkeypatch.setattr(framing, "_occlusion", lambda toks, sentences, settings, known=None: [(0.5, 0.6)] * len(toks))
    a = analyze(_written(text))
    aside = [f for f in a.framing if f.cue == "set_aside" and f.text == "disgraceful"]
    assert aside and "without" in aside[0].reason and "loaded_occlusion_min" in aside[0].reason
    assert not [f for f in a.framing if f.loaded_word == "disgraceful"]
    monkeypatch.setattr(framing, "_occlusion", lambda toks, sentences, settings, known=None: [(0.8, 0.3)] * len(toks))
    kept = [f for f in analyze(_written(text)).framing if f.loaded_word == "disgraceful"]
    assert kept and "0.80 biased with the word, 0.30 without" in kept[0].reason


def test_reports_list_every_cue_the_counts_count() -> None:
    # review11f (session 9): an article's header counted a cue the Markdown never listed (the list stopped at 6)
    from newsprism.records import Comparison
    from newsprism.report.html import render
    from newsprism.report.text import comparison_sections

    text = " ".join(f"Word{i} is here." for i in range(12))
    art = AnalyzedArticle(article=_art(text))
    notable = [{"start": 13 * i, "end": 13 * i + 5, "text": f"Word{i}", "cue": "loaded", "reason": f"because {i}"}
               for i in range(12)]
    c = Comparison(articles=(art,), facts=(), omissions={}, quotes=(), sources={},
                   framing={"x": {"counts": {"loaded": 12.0}, "raw_counts": {"loaded": 12}, "notable": notable}},
                   synthesis=(), alignments=())
    listed = [line for line in dict(comparison_sections(c))["Framing"] if line.startswith("    loaded:")]
    assert len(listed) == 12 and "because 11" in listed[-1]
    page = render(c)
    assert all(f"because {i}<" in page for i in range(12))
