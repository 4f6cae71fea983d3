"""Corroboration's structured checks judge the figures a unit states, on texts the tests write.

- an attribution unit (the rest of a sentence of reported speech) is checked by the figures outside the reported
  content, not by its whole sentence's ("at least 22 children died, while another 30 were missing, the president
  said": the attribution states the 30 missing, not the 22 dead);
- two exact figures told at a scale, one the other rounded to its precision ("a country of 80 million" / "77
  million"), state one fact (``figure_rounding``); a count not told at a scale ("20 dead" / "22 dead") must be the
  same figure;
- a pair the aligner marks as a conflict (two raw numbers differ) is judged by the pair verifier only when the
  measured figures show every differing pair of numbers to be one figure (``pair_conflict_checked``).
"""

from __future__ import annotations

from newsprism.compare.facts import pair_verdicts
from newsprism.compare.verify import Verifier, rounding_step, rounds_to, same_figure
from newsprism.records import Alignment, AnalyzedArticle, Article, Claim, Quantity, Value
from newsprism.settings import DEFAULT


def _q(article: str, text: str, full: str, value: float, measure: str, low: float, high: float,
       qualifier: str = "exact") -> Quantity:
    start = full.index(text)
    return Quantity(article=article, sentence=0, start=start, end=start + len(text), text=text, value=value,
                    measure=measure, low=low, high=high, qualifier=qualifier)


MISSING = "At least 22 children died in the school, while another 30 children were missing, the president said."
OTHER = "Twenty children died and 30 children are missing, the president said as he visited the school."


def _missing_articles() -> tuple[list[AnalyzedArticle], Claim, Claim]:
    attribution = Claim(id="a:0:a", article="a", sentence=0, start=0, end=len(MISSING),
                        text="while another 30 children were missing … the president said", part="attribution")
    other = Claim(id="b:0", article="b", sentence=0, start=0, end=len(OTHER), text=OTHER)
    # the reported content is the sentence up to the attribution (the test's own cut)
    content = Claim(id="a:0:c", article="a", sentence=0, start=0, end=MISSING.index(", while"),
                    text=MISSING[:MISSING.index(", while")], part="content")
    a = AnalyzedArticle(article=Article(id="a", source="a", text=MISSING), claims=(content, attribution),
                        quantities=(_q("a", "At least 22", MISSING, 22, "children killed", 21.5, 33.0, "at_least"),
                                    _q("a", "30", MISSING, 30, "children missing", 29.1, 30.9)))
    b = AnalyzedArticle(article=Article(id="b", source="b", text=OTHER), claims=(other,),
                        quantities=(_q("b", "Twenty", OTHER, 20, "children killed", 20.0, 20.0),
                                    _q("b", "30", OTHER, 30, "children missing", 29.1, 30.9)))
    return [a, b], attribution, other


def test_an_attribution_unit_is_checked_by_the_figures_it_states() -> None:
    analyzed, attribution, other = _missing_articles()
    verifier = Verifier(analyzed)
    assert [q.text for q in verifier.quantities_of(attribution)] == ["30"]
    assert verifier.refuse(attribution, other) is None
    # the reported content still states the 22 dead, and the other sentence's 20 dead differs
    content = analyzed[0].claims[0]
    assert [q.text for q in verifier.quantities_of(content)] == ["At least 22"]
    assert verifier.refuse(content, other) is not None


POP_A = "Rouhani vowed to end the isolation of a country of 77 million people."
POP_B = "Rouhani vowed to end the isolation of his nation of 80 million people."
POP_C = "Rouhani vowed to end the isolation of his nation of 86 million people."


def test_a_figure_told_at_a_scale_is_a_rounding() -> None:
    x = _q("a", "77 million", POP_A, 77e6, "population", 76.5e6, 77.5e6)
    y = _q("b", "80 million", POP_B, 80e6, "population", 77.6e6, 82.4e6)
    z = _q("c", "86 million", POP_C, 86e6, "population", 85.5e6, 86.5e6)
    assert rounding_step(y) == 1e7 and rounding_step(x) == 1e6
    assert rounds_to(x, y) and rounds_to(y, x)
    assert not rounds_to(z, y)  # 86 million rounds to 90 million, not 80
    assert not same_figure(x, y, 0.1) and same_figure(x, y, 0.1, rounding=True)
    assert not same_figure(z, y, 0.1, rounding=True)
    claims = [Claim(id=f"{k}:0", article=k, sentence=0, start=0, end=len(t), text=t)
              for k, t in (("a", POP_A), ("b", POP_B))]
    arts = [AnalyzedArticle(article=Article(id=k, source=k, text=t), claims=(c,), quantities=(q,))
            for (k, t), c, q in zip((("a", POP_A), ("b", POP_B)), claims, (x, y), strict=True)]
    assert Verifier(arts).refuse(*claims) is None
    assert Verifier(arts, DEFAULT.replace(figure_rounding=False)).refuse(*claims) is not None


def test_a_count_not_told_at_a_scale_is_no_rounding() -> None:
    a, b = "Twenty children died.", "22 children died."
    x = _q("a", "Twenty", a, 20, "children killed", 20.0, 20.0)
    y = _q("b", "22", b, 22, "children killed", 21.5, 22.5)
    assert rounding_step(x) is None and not rounds_to(x, y)
    assert not same_figure(x, y, 0.1, rounding=True)
    # "1.5 billion" states 100 million: 1.46 billion rounds to it, 1.3 billion does not
    u, v, w = "1.5 billion", "1.46 billion", "1.3 billion"
    big = _q("a", u, u, 1.5e9, "money", 1.45e9, 1.55e9)
    assert rounds_to(big, _q("b", v, v, 1.46e9, "money", 1.455e9, 1.465e9))
    assert not rounds_to(big, _q("b", w, w, 1.3e9, "money", 1.25e9, 1.35e9))


TOLL_A = "The quake struck 12 days after another quake, leaving 96 people dead in the south."
TOLL_B = "The quake came 12 days after another quake that left nearly 100 people dead in the south."
TOLL_C = "The quake came 12 days after another quake that left 140 people dead in the south."


def _conflict_pair(text_b: str, measured: bool, value_b: float, qual_b: str, low_b: float,
                   high_b: float) -> tuple[dict[tuple[str, str], tuple[float, str, bool]], Alignment]:
    word_b = "nearly 100" if "nearly" in text_b else "140"
    va = Value(kind="number", value=96.0, text="96", start=TOLL_A.index("96"), end=TOLL_A.index("96") + 2,
               unit="people")
    vb = Value(kind="number", value=value_b, text=word_b, start=text_b.index(word_b),
               end=text_b.index(word_b) + len(word_b), unit="people", qualifier=None)
    a = Claim(id="a:0", article="a", sentence=0, start=0, end=len(TOLL_A), text=TOLL_A, values=(va,),
              terms=("quake", "struck", "days", "leave", "people", "dead", "south"))
    b = Claim(id="b:0", article="b", sentence=0, start=0, end=len(text_b), text=text_b, values=(vb,),
              terms=("quake", "came", "days", "leave", "people", "dead", "south"))
    qa = (_q("a", "96", TOLL_A, 96, "people killed", 95.5, 96.5),) if measured else ()
    qb = (_q("b", word_b, text_b, value_b, "people killed", low_b, high_b, qual_b),) if measured else ()
    arts = [AnalyzedArticle(article=Article(id="a", source="a", text=TOLL_A), claims=(a,), quantities=qa),
            AnalyzedArticle(article=Article(id="b", source="b", text=text_b), claims=(b,), quantities=qb)]
    al = Alignment(a=a.id, b=b.id, relation="conflict", score=0.8,
                   scores={"embedding": 0.9, "terms": 0.7, "entities": 0.0, "numbers": 0.0, "mutual_best": 1.0})
    return pair_verdicts({a.id: a, b.id: b}, [al], Verifier(arts)), al


def test_a_conflict_the_measured_figures_resolve_is_judged() -> None:
    verdicts, al = _conflict_pair(TOLL_B, True, 100.0, "nearly", 90.0, 100.0)
    assert (al.a, al.b) in verdicts  # 96 and "nearly 100" are one measured figure: the pair verifier judges it
    # the raw numbers differ and nothing measured them: the aligner's conflict stands
    verdicts, al = _conflict_pair(TOLL_B, False, 100.0, "nearly", 90.0, 100.0)
    assert (al.a, al.b) not in verdicts
    # measured, and another figure: refused
    verdicts, al = _conflict_pair(TOLL_C, True, 140.0, "exact", 139.5, 140.5)
    assert (al.a, al.b) not in verdicts
