"""The word tagger's vector features (issue 14, round 6): the token's vector lets the tagger tell a rare word of
description from a rare word of judgement, where word identity and rarity could not. Texts the tests write."""

from __future__ import annotations

import pytest

from newsprism import nlp
from newsprism.stages.bias_words import bias_word_features, score_token, tagger, vector_features


def _token(text: str, word: str):  # type: ignore[no-untyped-def]
    doc = nlp.parse([text])[0]
    return next(t for t in doc if t.text == word)


def test_tensor_features_are_the_parsers_contextual_vector_of_content_words_only() -> None:
    text = "The cowardly senator fled from the hall before the vote."
    tok = _token(text, "cowardly")
    feats = vector_features(tok, "tensor")
    assert len(feats) == tok.doc.tensor.shape[1] > 0
    assert set(feats) == {f"t{j}" for j in range(len(feats))}
    with_vec = bias_word_features(tok, None, "tensor")
    without = bias_word_features(tok, None, "")
    assert set(with_vec) - set(without) == set(feats)
    # a function word gets no vector: the tagger judges content words by their meaning
    assert not any(k.startswith("t") and k[1:].isdigit() for k in bias_word_features(_token(text, "from"), None,
                                                                                         "tensor"))
    # the vector is contextual: the same word in another sentence has another vector
    other = vector_features(_token("Critics called the cowardly retreat a disgrace.", "cowardly"), "tensor")
    assert other != feats
    with pytest.raises(ValueError):
        vector_features(tok, "glove")


def test_explanations_name_the_vector_once_not_its_dimensions() -> None:
    tok = _token("The furious mob smashed the windows of the embassy.", "furious")
    verdict = score_token(tok, 0.5)
    assert not any(b.startswith("t") and b[1:].isdigit() for b in verdict.because)
    if tagger().get("vectors"):
        assert sum(1 for b in verdict.because if "vector" in b) <= 1, verdict.because


def test_rare_words_of_description_score_below_rare_words_of_judgement() -> None:
    """The shipped tagger: words of the same rarity, one that describes a thing and one that judges an actor."""
    judged = [("The cowardly senator fled before the vote.", "cowardly"),
              ("The spineless senator fled before the vote.", "spineless"),
              ("The senator gave a deranged speech before the vote.", "deranged")]
    described = [("The inmates were moved to two penitentiaries before the vote.", "penitentiaries"),
                 ("The senator spoke under the floodlights before the vote.", "floodlights"),
                 ("The senator walked past the turbines before the vote.", "turbines")]
    p_judged = [score_token(_token(t, w), 0.5).probability for t, w in judged]
    p_described = [score_token(_token(t, w), 0.5).probability for t, w in described]
    assert min(p_judged) > max(p_described), (p_judged, p_described)
