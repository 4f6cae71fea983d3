"""The shipped speaker-chooser weights: small, trained on PolNeAR train only, and used as written (fast)."""

from __future__ import annotations

import json

from newsprism.stages.speakers import MODEL_PATH, load_model, score

from .conftest import ROOT


def test_speaker_chooser_weights_record_their_data_and_split():
    path = ROOT / "src" / "newsprism" / MODEL_PATH
    model = json.loads(path.read_text(encoding="utf-8"))
    assert path.stat().st_size < 2_000_000
    assert model["split"] == "train" and "PolNeAR" in model["trained_on"]
    assert model["quotes"] > 1000 and model["weights"]


def test_speaker_chooser_prefers_the_subject_of_a_verb_of_saying_next_to_the_quote():
    model = load_model()
    assert model is not None
    near, parts = score({"subj_of_speech": 1.0, "after_quote": 1.0, "closeness": 0.9, "type=PERSON": 1.0}, model)
    far, _ = score({"dep=pobj": 1.0, "prev_sentence": 1.0, "closeness": 0.1, "type=GPE": 1.0}, model)
    assert near > 0.5 > far
    assert parts and all(isinstance(c, float) for _, c in parts)  # every score comes with its reasons
