"""The pair verifier's predicate features and the gate on them (``pair_predicate_min``), on texts the tests write.

``predicate_features`` sees a predicate of one unit written in the other by its lemma or its derivational family
("deployed" / "deployment") and whether that word governs one of the same arguments ("police"); a pair the pair
verifier refused from ``pair_predicate_min`` is accepted when it does (off by default).
"""

from __future__ import annotations

from newsprism.compare.facts import _predicate_verdicts
from newsprism.compare.pairs import PREDICATE_FEATURES, family, predicate_features
from newsprism.records import Alignment, Claim
from newsprism.settings import DEFAULT


def test_family_joins_derivational_forms_and_keeps_other_words_apart() -> None:
    assert family("deployed") == family("deployment") == family("deploy")
    assert family("unanimous") == family("unanimously")
    assert family("lighted") == family("lighting")
    assert family("collapse") == family("collapsed")
    assert family("ventilated") == family("ventilation")
    assert family("protesters") == family("protest")
    assert family("protest") != family("protect")
    assert family("deploy") != family("employ")


def test_a_derivational_paraphrase_shares_its_predicate_and_an_argument() -> None:
    f = predicate_features("Police were deployed from outside Catalonia to stop the vote.",
                           "The deployment of police from outside the region angered voters.")
    assert set(f) == set(PREDICATE_FEATURES)
    assert f["pred_lemma"] == 0.0  # "deploy" is not written as such
    assert f["pred_family"] == 1.0 and f["pred_arg"] > 0  # but "deployment" of "police" is
    f = predicate_features("The school collapsed during the earthquake.", "Rescuers searched the collapsed school.")
    assert f["pred_family"] == 1.0 and f["pred_arg"] > 0
    # the argument behind a quantity ("thousands of police") and a compound ("police officers")
    f = predicate_features("The ministry deployed over 10,000 police officers.",
                           "Madrid deployed thousands of police ahead of the vote.")
    assert f["pred_lemma"] == 1.0 and f["pred_arg"] > 0


def test_a_same_topic_pair_with_another_predicate_shares_none() -> None:
    f = predicate_features("Police arrested protesters in Hong Kong.", "Protesters marched through Hong Kong on Sunday.")
    assert f == {"pred_lemma": 0.0, "pred_family": 0.0, "pred_arg": 0.0}
    # the same predicate with other participants: no shared argument
    f = predicate_features("Police were deployed to the border.", "The army deployed tanks in the capital.")
    assert f["pred_family"] == 1.0 and f["pred_arg"] == 0.0


def _claim(cid: str, text: str) -> Claim:
    return Claim(id=cid, article=cid.split(":")[0], sentence=0, start=0, end=len(text), text=text)


def test_the_gate_accepts_a_refused_paraphrase_and_not_a_same_topic_pair() -> None:
    a = _claim("a:0", "Police were deployed from outside Catalonia to stop the vote.")
    b = _claim("b:0", "The deployment of police from outside the region angered voters.")
    c = _claim("c:0", "Voters queued outside the polling stations from dawn in Catalonia.")
    out = {}
    for x, y in ((a, b), (a, c)):
        al = Alignment(a=x.id, b=y.id, relation="candidate", score=0.45)
        out[(x.id, y.id)] = out[(y.id, x.id)] = (0.47, "pair verifier 0.47 < pair_min 0.55", False)
        _predicate_verdicts([(al, x, y, 0.47, "combined=0.45")], out, 0.45)
    assert out[("a:0", "b:0")][2] and out[("b:0", "a:0")][2]
    assert "pair_predicate_min" in out[("a:0", "b:0")][1] and out[("a:0", "b:0")][0] == 0.47  # ranked as refused
    assert not out[("a:0", "c:0")][2]


def test_the_gate_is_off_by_default() -> None:
    assert DEFAULT.pair_predicate_min >= 1.0
