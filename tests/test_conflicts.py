"""Measured facts, conflicts per measure, checked corroboration and synthesis rules, on texts written here.

Two small stories the tests write: an earthquake told by three outlets over three days (a rising toll,
two agencies' magnitudes, depth and distance, an earlier quake's figures, an opinionated sentence, a
map link and a bare attribution) and a summit day told by two (a meeting's length, a court's vote,
one sentence put in two different speakers' mouths).
"""

from __future__ import annotations


import pytest

from newsprism.compare import compare_analyzed
from newsprism.compare.conflicts import compatible
from newsprism.compare.verify import is_chrome, is_fragment
from newsprism.records import Quantity
from newsprism.stages.quantities import value_range

from .conftest import story_articles

QUAKE = {
    "Xinhua": ("2014-08-03", """Earthquake in Ludian County kills at least 175

A magnitude 6.5 earthquake struck Ludian County in Yunnan province on Sunday afternoon, the China Earthquake Networks Center said.

At least 175 people were killed and more than 1,400 were injured in the earthquake, state media said.

The quake struck at a depth of 12 km, and its epicentre was 23 km from the county seat.

The earthquake destroyed 12,000 homes in Longtoushan, the worst-hit township.

The 2012 earthquake in neighbouring Yiliang County killed 81 people.

View China Earthquake in a larger map."""),
    "Scripps": ("2014-08-05", """Death toll in Yunnan earthquake nears 400

The death toll from the Ludian earthquake has risen to nearly 400 people killed, officials said on Tuesday.

The U.S. Geological Survey said the earthquake had a magnitude of 6.1, while the China Earthquake Networks Center measured it at 6.5.

Rescuers were still searching the rubble of collapsed homes in the mountainous county.

The government’s shameful response left thousands of families without shelter in the rain.

Infrastructure Minister Tomas Berend, who visited the site on Wednesday, said:

“We will rebuild every school in the county before winter.”"""),
    "Daily Star": ("2014-08-04", """Yunnan quake: rescuers search rubble

The 2012 earthquake destroyed 12,000 homes in Longtoushan, the same township hit this week.

The government's shameful response left thousands of families without shelter in the rain.

Rescuers were still searching the rubble of collapsed homes in the mountainous county, officials said.

The quake struck at a depth of 12 km, the China Earthquake Networks Center said."""),
}

SUMMIT = {
    "Arden Post": ("2023-06-29", """Leaders meet in Arden

President Lena Varga and Prime Minister Amir Haddad met for around 48 minutes in Arden on Thursday.

The Supreme Court ruled against the admissions programmes in a 6-3 decision on the same day.

“We agreed on a common plan for the border and for trade,” Varga said after the talks."""),
    "Kelso Herald": ("2023-06-29", """Varga and Haddad hold short talks

The meeting between Lena Varga and Amir Haddad lasted about 40 minutes, officials said.

The justices split 6-3 for UNC and 6-2 for Harvard in the admissions cases.

“We agreed on a common plan for the border and for trade,” Haddad said after the talks."""),
}


@pytest.fixture(scope="module")
def analyzed():  # type: ignore[no-untyped-def]
    from newsprism.stages import analyze_many

    quake, summit = story_articles(QUAKE), story_articles(SUMMIT)
    done = analyze_many(quake + summit)
    return done[:len(quake)], done[len(quake):]


@pytest.fixture(scope="module")
def quake(analyzed):  # type: ignore[no-untyped-def]
    return compare_analyzed(analyzed[0])


@pytest.fixture(scope="module")
def summit(analyzed):  # type: ignore[no-untyped-def]
    return compare_analyzed(analyzed[1])


def _conflicts(c):  # type: ignore[no-untyped-def]
    return [f.conflict for f in c.facts if f.status == "conflict" and f.conflict and f.conflict["kind"] == "number"]


def _q(analyzed_article, needle):  # type: ignore[no-untyped-def]
    return next(q for q in analyzed_article.quantities if needle in q.text)


# --------------------------------------------------------------------------- fast: ranges and filters


def test_quantities_ranges_follow_wording():
    assert value_range(400, "400", "nearly") == pytest.approx((360, 400.5), abs=0.6)
    assert value_range(40, "40", "exact")[1] < value_range(48, "48", "about")[0]  # 40 vs around 48: apart
    low, high = value_range(2.3e6, "2.3", "exact")
    assert low <= 2.26e6 <= high  # "2.3 million" covers 2.26 million
    assert value_range(175, "175", "at_least")[1] < 381  # "at least 175" is a count, not "any number above"


def test_conflicts_compatible_needs_overlap_and_same_vote():
    def q(value, low=None, high=None):  # type: ignore[no-untyped-def]
        return Quantity(article="a", sentence=0, start=0, end=1, text=str(value), value=value, measure="m",
                        low=low, high=high)
    assert compatible(q(39.0, 37.0, 41.0), q(40.0, 38.0, 42.0))
    assert not compatible(q(40.0, 39.5, 40.5), q(48.0, 45.6, 50.4))
    assert not compatible(q("6-3"), q("6-2")) and compatible(q("6-3"), q("6-3"))


def test_verify_chrome_and_fragments():
    assert is_chrome("View China Earthquake in a larger map.")
    assert is_chrome("Reporting by Jane Doe; Editing by John Roe")
    assert is_fragment("Infrastructure Minister Tomas Berend, who visited the site on Wednesday, said:")
    assert not is_fragment("At least 175 people were killed, state media said.")
    assert not is_chrome("At least 175 people were killed, state media said.")


def test_chrome_is_a_form_not_a_word() -> None:
    """Chrome has the form of chrome (a byline, a call to the reader, a credit), not merely its words: news
    sentences about users signing up, a copyright suit or what happened "By noon" are facts (session 13: every
    one of these was refused as chrome, so no fact, corroboration or synthesis could use it)."""
    for line in ("By DAVID BAUDER", "By Anna Smith and John Roe", "Posted by Kathy on March 20, 2007",
                 "by rglass44 on Aug 9, 2012 2:11 PM EDT", "Sign up for our daily newsletter.",
                 "Subscribe to The Herald for $1 a week.", "Read more: the ten best apps",
                 "Follow us on Twitter @herald", "Copyright 2014 The Associated Press.",
                 "(Photo by Brian Snyder/Getty Images)", "We use cookies to improve your experience.",
                 "Share this article", "Click here to read the full report.",
                 "Editor's note: the author is a paid adviser to the campaign.",
                 "Correction: an earlier version misspelled the mayor's name."):
        assert is_chrome(line), line
    for sentence in ("WhatsApp has 450 million users, and about a million new users sign up every day.",
                     "By noon, the White House press office had released supportive comments.",
                     "By Saturday, the president clarified that he was not speaking about the center.",
                     "By contrast, Romney operatives said Ryan clearly won.",
                     "They got caught with their hand in the cookie jar, Ryan said.",
                     "Getty Images sued the start-up over copyright infringement.",
                     "The paper said 20,000 readers subscribe to its print edition.",
                     "By Monday, Ms. Clinton had conceded.",
                     "The editor's note on the front page apologised for the error, the paper said."):
        assert not is_chrome(sentence), sentence


# --------------------------------------------------------------------------- slow: the stage and compare


@pytest.mark.slow
def test_quantities_measure_event_source(analyzed):
    xinhua, scripps, _ = analyzed[0]
    assert _q(xinhua, "12 km").measure == "depth"
    assert _q(xinhua, "23 km").measure == "distance"
    assert _q(xinhua, "6.5").measure == "magnitude"
    toll = next(q for q in xinhua.quantities if "175" in q.text and q.sentence > 0)  # the body, not the headline
    assert toll.measure == "people killed" and toll.qualifier == "at_least" and toll.event == "this"
    assert toll.as_of == "2014-08-03" and toll.source == "state media"
    assert _q(xinhua, "81").event == "2012"
    assert _q(scripps, "6.1").source == "the U.S. Geological Survey"  # the speaker phrase in full (value_sources)
    assert _q(scripps, "6.5").source == "the China Earthquake Networks Center"


@pytest.mark.slow
def test_conflicts_same_measure_different_event(quake):
    killed = [c for c in _conflicts(quake) if c["measure"] == "people killed"]
    assert killed, [c["measure"] for c in _conflicts(quake)]
    assert not any(v["value"] == "81" for c in killed for v in c["values"])  # the 2012 quake's toll


@pytest.mark.slow
def test_conflicts_depth_is_not_distance(quake):
    for c in _conflicts(quake):
        values = {v["value"] for v in c["values"]}
        assert not {"12 km", "23 km"} <= values, c


@pytest.mark.slow
def test_conflicts_rising_toll_is_updated(quake):
    killed = next(c for c in _conflicts(quake) if c["measure"] == "people killed")
    assert killed["label"] == "updated", killed
    assert {v["as_of"] for v in killed["values"]} >= {"2014-08-03", "2014-08-05"}
    line = next(s for s in quake.synthesis if s["kind"] == "conflict" and s["about"] == "people killed")
    assert "rose from at least 175" in line["text"].lower() and "nearly 400" in line["text"]
    assert "2014-08-03" in line["text"] and "2014-08-05" in line["text"]


@pytest.mark.slow
def test_conflicts_two_agencies_differ(quake, analyzed):
    magnitude = next(c for c in _conflicts(quake) if c["measure"] == "magnitude")
    assert magnitude["label"] == "sources differ"
    assert "U.S. Geological Survey" in magnitude["reason"] and "China Earthquake Networks Center" in magnitude["reason"]
    for v in magnitude["values"]:  # the JSON shape of a conflict value, pointing at its span
        assert set(v) >= {"article", "value", "as_of", "source", "start", "end"}
        art = next(a for a in quake.articles if a.id == v["article"])
        assert v["value"] in art.article.text[v["start"]:v["end"]]
    # the article that gives both agencies' figures has no internal inconsistency for it
    scripps = analyzed[0][1]
    assert not [i for i in scripps.issues if i.kind == "number_inconsistency"]


@pytest.mark.slow
def test_conflicts_vote_split(summit):
    vote = next(c for c in _conflicts(summit) if c["measure"] == "vote")
    assert {v["value"] for v in vote["values"]} >= {"6-3", "6-2"} and vote["label"] == "conflict"


@pytest.mark.slow
def test_conflicts_meeting_length(summit):
    durations = [c for c in _conflicts(summit) if c["measure"].startswith("duration")]
    assert durations, [c["measure"] for c in _conflicts(summit)]
    values = {v["value"] for v in durations[0]["values"]}
    assert any("48" in v for v in values) and any("40" in v for v in values)


@pytest.mark.slow
def test_corroboration_earlier_event_never_supports_this_one(quake):
    for f in quake.facts:
        if f.status != "corroborated":
            continue
        texts = [s["text"] for s in f.support]
        assert not (any("2012 earthquake destroyed" in t for t in texts)
                    and any("The earthquake destroyed 12,000" in t for t in texts)), texts


@pytest.mark.slow
def test_corroboration_quotes_only_with_same_speaker(summit):
    for f in summit.facts:
        if f.status == "corroborated":
            assert not any("common plan" in s["text"] for s in f.support), f.support


@pytest.mark.slow
def test_synthesis_attributes_opinion_and_drops_chrome(quake):
    texts = [s["text"] for s in quake.synthesis]
    assert not any("larger map" in t for t in texts)
    assert not any(t.rstrip().endswith(("said:", "said")) for t in texts)
    opinion = [s for s in quake.synthesis if "response left thousands" in s["text"]]
    assert opinion, texts
    assert all(s["text"].startswith("According to ") for s in opinion)
    # every citation points at a span of a cited article
    ids = {a.id for a in quake.articles}
    for s in quake.synthesis:
        assert s["citations"] and set(s["citations"]) <= ids
        assert {sp["article"] for sp in s["spans"]} == set(s["citations"])


@pytest.mark.slow
def test_comparison_contract_v2(quake):
    out = quake.to_dict()
    assert out["schema"] == "newsprism.comparison/2"
    conflicts = [f["conflict"] for f in out["facts"] if f["conflict"]]
    assert conflicts
    for c in conflicts:
        assert set(c) >= {"kind", "measure", "values", "label", "reason"}
        assert c["label"] in ("conflict", "updated", "sources differ", "estimates differ")


def test_a_caption_shows_a_picture_and_prose_is_no_caption() -> None:
    """The caption rule (a named subject, then a present-tense verb of what a picture shows) refused 29 body
    sentences of BASIL as captions before session 13: "in March" read as the verb "march", "carries a maximum
    penalty", "is seen as", "the way he speaks", a quotation, a US party label "(R)"."""
    from newsprism.compare.verify import is_caption

    for line in ("Thousands march through the old town on Sunday.", "A rescuer pulls a dog out of the rubble.",
                 "Foreign Minister Jan Dole (C) laughs at the start of a meeting.",
                 "Protesters march in the capital against the bill.", "Park supporters are cordoned off by police.",
                 "Minister Ana Pol stands on the balcony of the palace. Talks resumed on Sunday, officials said."):
        assert is_caption(line), line
    for sentence in ("Ryan's budget plan was approved in March by the House Budget Committee.",
                     "The charge against the former congressman carries a maximum of five years in prison.",
                     "Both provisions are seen by many Democrats as giveaways to the rich.",
                     "That cable is seen as one of the vital warnings sent out of the country.",
                     "But the way he speaks about his service has led to confusion.",
                     "Gov. Jan Brewer (R) announced her decision to veto the bill on Wednesday.",
                     "Lynch holds more conservative positions than Markey.",
                     "\"His record speaks for itself,\" the senator said."):
        assert not is_caption(sentence), sentence


def test_a_sentence_dense_with_names_is_no_headline() -> None:
    """Title Case is a headline's form only when every lowercase word is a small function word: "Secretary of State
    John Kerry met Iranian Foreign Minister Javad Zarif in Vienna." has the verb "met" (before session 13, four of
    every five long words capitalised was enough, so such sentences were never facts)."""
    from newsprism.compare.verify import is_headline

    for headline in ("Historic Nuclear Deal Reached With Iran", "Senator Rips Progressivism at Party Convention",
                     "Report Sees Guns as Path to Safety in Schools"):
        assert is_headline(headline), headline
    for sentence in ("Secretary of State John Kerry met Iranian Foreign Minister Javad Zarif in Vienna.",
                     "President Barack Obama met Chinese President Xi Jinping in Beijing on Monday.",
                     "Cowan is a graduate of Duke University and Northeastern University School of Law."):
        assert not is_headline(sentence), sentence


def test_one_utterance_given_to_two_speakers_needs_the_same_long_words_and_two_people() -> None:
    """A speaker conflict says an outlet gave someone else's words to another person. On PolNeAR (session 13) all 5
    reported were wrong: a slogan both candidates used, "party of Reagan" against "Reagan Democrats", a retort that
    quotes the other side with a "not", a headline's "Trump Calls" read as a second speaker, "Islamic" as a speaker."""
    from newsprism.compare.quote_variants import _misattributed
    from newsprism.records import Quote

    def q(text: str, speaker: str, sid: str) -> Quote:
        return Quote(text=text, start=0, end=len(text), speaker=speaker, speaker_id=sid, cue="said", kind="direct")

    kinds = {"a": "PERSON", "b": "PERSON", "c": "NORP", "d": "PERSON"}
    words = "We will rebuild every school in the valley before the winter comes"
    assert _misattributed(q(words, "Ana Pol", "a"), q(words, "Jon Dole", "b"), kinds)
    assert not _misattributed(q("make the valley whole again", "Ana Pol", "a"),
                              q("make the valley whole again", "Jon Dole", "b"), kinds)  # a slogan both use
    assert not _misattributed(q("No reasonable prosecutor would bring such a case", "Ana Pol", "a"),
                              q("No reasonable prosecutor would not bring such a case", "Jon Dole", "b"), kinds)
    assert not _misattributed(q(words, "Ana Pol", "a"), q(words, "Pol Calls", "d"), kinds)  # one person, misread
    assert not _misattributed(q(words, "Ana Pol", "a"), q(words, "Islamic", "c"), kinds)  # no person
