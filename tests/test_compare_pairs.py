"""The learned pair verifier of checked corroboration and the rules beside it, on texts the tests write.

``pair_features`` describes an aligned pair; ``PairModel`` (shipped ``models/fact_pairs.json``, fitted on
hand-labelled BASIL pairs by scripts/train_fact_pairs.py) turns the features into a probability with the
features that pushed it most as the reason. Beside it: a four-digit count ("more than 2000 officers") is
no year, and figures whose range the quantities stage converted ("nearly a mile" → km) are compared in
that unit.
"""

from __future__ import annotations

import pytest

from newsprism.compare.align import align
from newsprism.compare.pairs import FEATURES, PairModel, load_pair_model, pair_features
from newsprism.compare.verify import Verifier, claim_event, same_figure
from newsprism.records import Alignment, Claim, Quantity, Value


def _claim(cid: str, text: str, terms: tuple[str, ...] = (), entities: tuple[str, ...] = (),
           quote: bool = False) -> Claim:
    return Claim(id=cid, article=cid.split(":")[0], sentence=0, start=0, end=len(text), text=text,
                 terms=terms, entities=entities, quote=quote)


def _alignment(a: Claim, b: Claim, cosine: float) -> Alignment:
    return Alignment(a=a.id, b=b.id, relation="paraphrase", score=cosine,
                     scores={"embedding": cosine, "terms": 0.3, "entities": 0.5, "numbers": 0.0, "mutual_best": 1.0})


def test_shipped_model_has_every_feature_and_a_reason() -> None:
    model = load_pair_model()
    assert model.features == list(FEATURES)
    assert model.meta["pairs"] >= 100 and 0 < model.meta["positive"] < model.meta["pairs"]
    feats = {f: 0.5 for f in FEATURES}
    p = model.probability(feats)
    assert 0.0 < p < 1.0
    reason = model.reason(feats)
    assert reason.count("(") == 3 and any(f in reason for f in FEATURES)


def test_probability_follows_the_coefficients() -> None:
    model = PairModel({"features": ["combined", "cover_long"], "mean": [0.5, 0.5], "scale": [0.1, 0.2],
                       "coef": [2.0, 1.0], "intercept": 0.0})
    low = model.probability({"combined": 0.4, "cover_long": 0.5})
    high = model.probability({"combined": 0.7, "cover_long": 0.5})
    assert low < 0.5 < high
    # the reason names the feature that pushed the decision most, with its signed contribution
    assert model.reason({"combined": 0.7, "cover_long": 0.5}, n=1) == "combined=0.70 (+4.00)"


def test_shipped_model_prefers_the_stronger_pair() -> None:
    model = load_pair_model()
    base = {f: 0.0 for f in FEATURES}
    weak = {**base, "combined": 0.35, "embedding": 0.45, "terms": 0.1, "cover_short": 0.2, "cover_long": 0.1}
    strong = {**base, "combined": 0.8, "embedding": 0.9, "terms": 0.6, "cover_short": 0.9, "cover_long": 0.8,
              "len_ratio": 0.9, "mutual_best": 1.0}
    assert model.probability(weak) < 0.5 < model.probability(strong)


def test_pair_features_see_a_long_sentence_that_says_more() -> None:
    short = _claim("a:0", "Rescue teams evacuated 1,200 residents.", terms=("rescue", "team", "evacuate", "resident"))
    long_ = _claim("b:0", "Rescue teams evacuated 1,200 residents, the governor declared an emergency and the "
                          "dam operator opened every sluice gate.",
                   terms=("rescue", "team", "evacuate", "resident", "governor", "declare", "emergency", "operator",
                          "open", "sluice", "gate"))
    same = _claim("c:0", "Rescue teams evacuated 1,200 residents on Monday.",
                  terms=("rescue", "team", "evacuate", "resident", "monday"))
    verifier = Verifier([])
    f_long = pair_features(short, long_, _alignment(short, long_, 0.7), verifier)
    f_same = pair_features(short, same, _alignment(short, same, 0.7), verifier)
    assert f_long["cover_short"] == f_same["cover_short"] == 1.0  # the short one's words are in both
    assert f_long["cover_long"] < 0.5 < f_same["cover_long"]  # but the long one says much more
    assert f_long["len_ratio"] < f_same["len_ratio"]
    assert all(0.0 <= v <= 1.0 for v in f_long.values()) and set(f_long) == set(FEATURES)
    quoted = _claim("d:0", "“Rescue teams evacuated 1,200 residents,” the mayor said.", quote=True,
                    terms=("rescue", "team", "evacuate", "resident", "mayor"))
    assert pair_features(short, quoted, _alignment(short, quoted, 0.7), verifier)["quote_mismatch"] == 1.0


def test_a_count_of_four_digits_is_no_year() -> None:
    text = "More than 2000 officers mobilised for the march through the city on Sunday."
    v = Value(kind="date", value="2000", text="2000", start=text.index("2000"), end=text.index("2000") + 4)
    claim = Claim(id="a:0", article="a", sentence=0, start=0, end=len(text), text=text, values=(v,))
    assert claim_event(claim, "2019", text) == "this"
    text = "The quake in 2000 destroyed 300 homes."
    v = Value(kind="date", value="2000", text="2000", start=text.index("2000"), end=text.index("2000") + 4)
    claim = Claim(id="a:0", article="a", sentence=0, start=0, end=len(text), text=text, values=(v,))
    assert claim_event(claim, "2019", text) == "2000"  # a year is still another event


def test_converted_figures_are_compared_in_one_unit() -> None:
    def q(text: str, value: float, low: float, high: float, qualifier: str) -> Quantity:
        return Quantity(article="a", sentence=0, start=0, end=1, text=text, value=value, measure="length",
                        low=low, high=high, unit="km", qualifier=qualifier)
    km = q("1.5 kilometer", 1.5, 1.45, 1.55, "exact")
    mile = q("nearly a mile", 1.0, 1.4481, 1.609, "nearly")  # the stage keeps 1 (mile), the range in km
    assert same_figure(km, mile, 0.1)
    assert not same_figure(q("1 kilometer", 1.0, 0.95, 1.05, "exact"), mile, 0.1)


@pytest.mark.slow
def test_candidates_are_kept_apart_from_the_alignments() -> None:
    from newsprism.settings import DEFAULT

    a = [_claim("a:0", "Rescue teams evacuated 1,200 residents from the valley."),
         _claim("a:1", "The governor declared a state of emergency.")]
    b = [_claim("b:0", "Heavy rain fell for three days in the hills."),
         _claim("b:1", "About 1,200 people left their homes in the valley.")]
    plain = align([a, b], DEFAULT)
    wide = align([a, b], DEFAULT.replace(candidate_top=2, candidate_min=0.0), candidates=True)
    assert all(al.relation != "candidate" for al in plain)
    assert any(al.relation == "candidate" for al in wide)
    assert {(al.a, al.b) for al in plain} <= {(al.a, al.b) for al in wide}
