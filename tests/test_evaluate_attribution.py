"""Attribution scoring (newsprism.evaluate_attribution) and the shipped cue table: no models loaded."""

from __future__ import annotations

import json
from importlib import resources

from newsprism.evaluate_attribution import (
    content_kind, coverage, cue_class, quoted_regions, same_speaker, source_kind,
)
from newsprism.stages.cues import MODEL_PATH, cue_rate


def test_evaluate_attribution_same_speaker_by_head_word():
    assert same_speaker("Hillary Clinton", "Clinton")
    assert same_speaker("Kim Jong Un", "Kim Jong-un")
    assert same_speaker("El País", "El Pais")
    assert same_speaker("Hassan Rohani", "Hassan Rouhani")
    assert same_speaker("a campaign spokesman", "the spokesman")
    assert not same_speaker("Donald Trump", "Clinton")
    assert not same_speaker(None, "Clinton")
    assert not same_speaker("Mike Pence", "the spokeswoman")


def test_evaluate_attribution_source_kinds():
    assert source_kind("He", named=False) == "pronoun"
    assert source_kind("who", named=False) == "pronoun"
    assert source_kind("Sen. Ted Cruz", named=True) == "named"
    assert source_kind("a source close to the campaign", named=False) == "nominal"


def test_evaluate_attribution_quoted_regions_and_content_kind():
    text = "He said ''we will win,'' and “soon”. She said \"maybe” later. Aides said the vote was close."
    regions = quoted_regions(text)
    inside = [text[a:b] for a, b in regions]
    assert "we will win," in inside and "soon" in inside and "maybe" in inside
    direct = text.index("we will win")
    assert content_kind([(direct, direct + len("we will win,"))], regions, text) == "direct"
    reported = text.index("the vote was close")
    assert content_kind([(reported, reported + len("the vote was close"))], regions, text) == "reported"
    mixed_start = text.index("said ''we") + 5
    assert content_kind([(mixed_start, text.index("and “soon”"))], regions, text) in ("direct", "mixed")
    assert content_kind([(0, text.index("She"))], regions, text) == "mixed"


def test_evaluate_attribution_coverage_ignores_marks_and_spaces():
    text = "“abc def”"
    assert coverage([(0, len(text))], [(1, 4)], text) == 0.5
    assert coverage([(0, len(text))], [], text) == 0.0


def test_evaluate_attribution_cue_classes():
    assert cue_class("say") == "say" and cue_class("according to") == "according_to"
    assert cue_class("accuse") == "other_speech" and cue_class("think") == "other"


def test_cues_table_is_small_learned_from_polnear_train_and_ranks_cues():
    raw = resources.files("newsprism").joinpath(MODEL_PATH).read_bytes()
    assert len(raw) < 2_000_000
    meta = json.loads(raw)
    assert meta["split"] == "train" and "PolNeAR" in meta["trained_on"]
    said, accused, thought = cue_rate("say", "ccomp"), cue_rate("accuse", "dobj"), cue_rate("think", "ccomp")
    assert said is not None and accused is not None and thought is not None
    assert said.rate > thought.rate and accused.rate > thought.rate and said.seen > 1000
