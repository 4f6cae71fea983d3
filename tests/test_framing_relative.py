"""Story-relative framing (fast: built from records the test writes, no models): a loaded word every
outlet uses is the story's topic, a word only one outlet uses sets it apart (log-odds with a prior)."""

from __future__ import annotations

from collections import Counter

from newsprism.compare.framing import distinctive_words, log_odds, relative_framing, stem, summarise
from newsprism.records import AnalyzedArticle, Article, FramingCue, Paragraph
from newsprism.settings import DEFAULT

QUAKE = [
    ("wire", "Quake Hits Coast\n\nA strong quake killed twelve people on the coast on Monday, officials said. "
             "Rescue teams searched the rubble of the market through the night."),
    ("daily", "Coast Quake\n\nTwelve people were killed when a strong quake struck the coast on Monday. Rescue "
              "teams worked through the night and the mayor asked for calm."),
    ("partisan", "Regime Fails Quake Victims\n\nThe quake killed twelve people while the callous regime dithered "
                 "and the callous ministers hid. Callous officials ignored the rubble as the bungling rescue "
                 "stalled."),
]


def _analyzed(source: str, text: str, loaded: list[str]) -> AnalyzedArticle:
    title, body = text.split("\n\n", 1)  # records built directly: this tests the comparison, not the cleaner
    article = Article(id=source, source=source, text=body, title=title, outlet=source, paragraphs=(Paragraph(start=0, end=len(body)),))
    cues = []
    for word in loaded:
        start = article.text.find(word)
        assert start >= 0, word
        cues.append(FramingCue(start=start, end=start + len(word), text=word, cue="loaded", reason="test"))
    return AnalyzedArticle(article=article, framing=tuple(cues))


def _story() -> list[AnalyzedArticle]:
    return [_analyzed("wire", QUAKE[0][1], ["killed", "strong"]),
            _analyzed("daily", QUAKE[1][1], ["killed", "strong"]),
            _analyzed("partisan", QUAKE[2][1], ["killed", "callous", "bungling"])]


def test_framing_relative_topic_words_not_flagged_when_every_outlet_uses_them() -> None:
    out, topic = relative_framing(_story(), DEFAULT)
    kept = {a.article.source: {f.text for f in a.framing} for a in out}
    assert "killed" not in kept["wire"] and "killed" not in kept["partisan"]
    assert "strong" not in kept["wire"]  # "strong quake": every outlet says it
    assert {"callous", "bungling"} <= kept["partisan"]  # only the partisan site uses them
    why = next(t for t in topic[out[2].id] if t["word"] == "killed")
    assert why["share"] == 1.0 and "topic" in why["reason"]


def test_framing_relative_single_article_keeps_its_cues() -> None:
    one = _story()[:1]
    out, topic = relative_framing(one, DEFAULT)
    assert {f.text for f in out[0].framing} == {"killed", "strong"} and topic[one[0].id] == []


def test_framing_distinctive_words_set_an_outlet_apart() -> None:
    story = _story()
    words = distinctive_words(story, DEFAULT)
    partisan = [w["word"] for w in words[story[2].id]]
    assert partisan and partisan[0] == stem("callous")  # used three times, by no one else
    assert stem("quake") not in partisan and stem("killed") not in partisan
    assert all(w["z"] >= DEFAULT.distinctive_z_min and "log-odds" in w["reason"] for w in words[story[2].id])


def test_framing_log_odds_prior_shrinks_rare_counts() -> None:
    mine, others = Counter({"callous": 1, "quake": 5}), Counter({"quake": 5, "rescue": 4})
    weak = log_odds(mine, others, 500.0)["callous"]
    strong = log_odds(Counter({"callous": 4, "quake": 5}), others, 500.0)["callous"]
    assert strong > weak > 0
    assert abs(log_odds(mine, others, 500.0)["quake"]) < weak


def test_framing_summary_lists_actors_and_voices() -> None:
    a = _story()[2]
    epithet = FramingCue(start=0, end=5, text=a.article.text[:5], cue="epithet", reason="test", target="group:x")
    summary = summarise(AnalyzedArticle(article=a.article, framing=a.framing + (epithet,)))
    assert summary["actors"] == {"group:x": [a.article.text[:5]]}
    assert summary["raw_counts"]["loaded"] == 3
