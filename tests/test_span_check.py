"""The synthesis' learned span check (issue 13, session 10) on texts the tests write: a span stating a statement in
other words scores above the completion threshold, a same-topic sentence below it; pruning drops a cited span the
check refuses and says a statement left with its own article alone as that outlet's."""

from __future__ import annotations

import pytest

from newsprism.compare import compare_analyzed
from newsprism.compare.span_check import SPAN_FEATURES, span_checks, span_features, span_model
from newsprism.settings import DEFAULT

from .conftest import story_articles
from .test_synthesis_citations import DAM

STATEMENT = "The Hollins dam on the Marren river was opened by Governor Lena Varga on Tuesday."


def test_the_span_check_passes_a_paraphrase_and_refuses_a_same_topic_sentence() -> None:
    (said, why), (topic, _) = span_checks([
        (STATEMENT, "On Tuesday Governor Lena Varga cut the ribbon to open the Hollins dam on the Marren river."),
        (STATEMENT, "Critics said the Hollins dam on the Marren river drowned three villages.")])
    assert said >= DEFAULT.synthesis_complete_min > topic, (said, topic)
    assert "soft" in why or "word" in why  # the decision names the features that weighed most


def test_the_span_features_measure_what_the_span_holds() -> None:
    f, g = span_features([(STATEMENT, STATEMENT), ("The dam cost 40 million dollars.", "The dam cost 25 million dollars.")])
    assert set(f) == set(SPAN_FEATURES) == set(span_model()["features"])
    assert f["soft_cover"] > 0.99 and f["word_cover"] == 1.0 and f["figure_cover"] == 1.0
    assert g["figure_cover"] == 0.0  # 40 is not 25
    assert span_features([("Nobody opened the dam.", "The governor opened the dam.")])[0]["negation_differs"] == 1.0


@pytest.mark.slow
def test_pruning_drops_a_span_the_check_refuses_and_a_lone_statement_is_its_outlets() -> None:
    from newsprism.stages import analyze_many

    analyzed = analyze_many(story_articles(DAM))
    by_outlet = {a.article.outlet: a.id for a in analyzed}

    def dam(settings):  # type: ignore[no-untyped-def]
        c = compare_analyzed(analyzed, settings)
        return next(s for s in c.synthesis if "Hollins dam" in s["text"] and s["kind"] != "conflict")

    kept = dam(DEFAULT.replace(synthesis_prune_below=0.5))  # the paraphrases pass the check: all kept
    assert {by_outlet["Valley Courier"], by_outlet["Plains Herald"]} <= set(kept["citations"]), kept
    strict = dam(DEFAULT.replace(synthesis_prune_below=0.9999))  # nothing but the same words passes
    assert by_outlet["Plains Herald"] not in strict["citations"], strict  # “cut the ribbon …”: dropped, not re-added
    assert "span check" in strict["reason"] and "synthesis_prune_below" in strict["reason"]
    assert strict["citations"] == [by_outlet["Harbor Daily"]], strict
    assert strict["kind"] == "attributed" and strict["text"].startswith("According to Harbor Daily"), strict
