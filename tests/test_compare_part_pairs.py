"""The part verifier (off by default: ``part_pair_min`` 1.0), on texts the tests write.

A pair the pair verifier refuses may still share one part of each unit ("a specially built, lighted and ventilated
tunnel" / "equipped the tunnel with lighting and ventilation"). ``local_features`` and ``span_check.soft_local``
look at windows of a unit instead of the whole; the shipped ``models/fact_part_pairs.json`` (fitted by
scripts/train_part_pairs.py on hand-labelled BASIL pairs) turns them into a probability, asked only with
``part_pair_min`` under 1.0 and only about refused pairs from ``part_pair_floor``.
"""

from __future__ import annotations

from newsprism.compare.facts import pair_verdicts
from newsprism.compare.pairs import PART_FEATURES, load_part_model, local_features
from newsprism.compare.span_check import soft_local
from newsprism.compare.verify import Verifier
from newsprism.records import Alignment, Claim
from newsprism.settings import DEFAULT

LONG = ("Officials said on Monday that the rescue teams, working through the night in heavy rain, had evacuated "
        "the riverside school before the levee broke near the old mill.")
PART = "The levee broke near the old mill late on Monday, flooding three farms."
OTHER = "The city council voted to raise parking fees in the harbour district next spring."


def _claim(cid: str, text: str) -> Claim:
    return Claim(id=cid, article=cid.split(":")[0], sentence=0, start=0, end=len(text), text=text)


def test_local_features_see_a_shared_part_of_a_long_sentence() -> None:
    shared = local_features(LONG, PART)
    apart = local_features(LONG, OTHER)
    # "levee broke near old mill" is a window of the long sentence the short one holds whole
    assert shared["local_cover"] >= 0.8 > apart["local_cover"]
    assert shared["shared_bigrams"] > 0.0 == apart["shared_bigrams"]
    assert all(0.0 <= v <= 1.0 for v in shared.values())


def test_soft_local_scores_the_shared_part_above_another_fact() -> None:
    shared, apart = soft_local([(LONG, PART), (LONG, OTHER)])
    assert shared > apart
    assert soft_local([]) == []


def test_shipped_part_model_reads_its_features_and_prefers_a_shared_part() -> None:
    model = load_part_model()
    assert model.features == list(PART_FEATURES)
    assert model.meta["pairs"] >= 100 and "recall15" in model.meta["data"]
    low = {"combined": 0.35, "local_cover": 0.2, "shared_bigrams": 0.0, "soft_local": 0.5}
    high = {**low, "local_cover": 0.8, "soft_local": 0.9}
    assert model.probability(low) < model.probability(high)


def test_part_verifier_accepts_a_refused_pair_only_when_asked() -> None:
    a, b = _claim("a:0", LONG), _claim("b:0", PART)
    claims = {a.id: a, b.id: b}
    # a weak alignment the pair verifier refuses (p well under pair_min)
    al = Alignment(a=a.id, b=b.id, relation="candidate", score=0.35,
                   scores={"embedding": 0.45, "terms": 0.2, "entities": 0.0, "numbers": 0.0, "mutual_best": 0.0})
    off = pair_verdicts(claims, [al], Verifier([], DEFAULT))
    assert off[(a.id, b.id)][2] is False
    p_old = off[(a.id, b.id)][0]
    on = pair_verdicts(claims, [al], Verifier([], DEFAULT.replace(part_pair_min=0.01, part_pair_floor=0.0)))
    accepted = on[(a.id, b.id)]
    assert accepted[2] is True and accepted[1].startswith("part verifier")
    assert accepted[0] == p_old  # ranked at the pair verifier's probability, below every pair it accepts
    # a floor above the pair's probability keeps the part verifier from being asked
    floor = pair_verdicts(claims, [al], Verifier([], DEFAULT.replace(part_pair_min=0.01, part_pair_floor=0.99)))
    assert floor[(a.id, b.id)][2] is False


def test_part_verifier_needs_a_predicate_both_write() -> None:
    # names and place shared, no predicate: "is against" / "does ... have"
    a = _claim("a:0", "But just how much independence does the Marren valley have, exactly?")
    b = _claim("b:0", "“The whole of the Marren valley is against the dam.”")
    claims = {a.id: a, b.id: b}
    al = Alignment(a=a.id, b=b.id, relation="candidate", score=0.35,
                   scores={"embedding": 0.45, "terms": 0.2, "entities": 0.0, "numbers": 0.0, "mutual_best": 0.0})
    settings = DEFAULT.replace(part_pair_min=0.01, part_pair_floor=0.0)
    assert pair_verdicts(claims, [al], Verifier([], settings))[(a.id, b.id)][2] is False
    # the same pair where one unit's predicate is written in the other passes
    c = _claim("c:0", "The whole of the Marren valley opposes the dam, and farmers opposed it at every meeting.")
    al2 = Alignment(a=b.id, b=c.id, relation="candidate", score=0.35, scores=al.scores)
    d = _claim("d:0", "Farmers across the Marren valley oppose the dam.")
    al3 = Alignment(a=c.id, b=d.id, relation="candidate", score=0.35, scores=al.scores)
    got = pair_verdicts({b.id: b, c.id: c, d.id: d}, [al2, al3], Verifier([], settings))
    assert got[(c.id, d.id)][2] is True and "predicate" in got[(c.id, d.id)][1]
