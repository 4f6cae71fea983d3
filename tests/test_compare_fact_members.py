"""Issue 13: a corroborated fact cites a member only where the member's span states the whole statement: every
figure it states (another figure of the measure, or none, is no support); where a member states one of two
conjuncts the statement narrows to the shared one, else the member is not cited (texts written here; invented
names)."""

from __future__ import annotations

from dataclasses import replace

from newsprism.compare.facts import ON_TRIAL, STATEMENT_UNIT, figures_missing, stated_by_members
from newsprism.compare.verify import Verifier
from newsprism.records import Claim, Fact, Quantity
from newsprism.settings import DEFAULT, Settings


def _claim(article: str, text: str) -> Claim:
    return Claim(id=f"{article}:0", article=article, sentence=0, start=0, end=len(text), text=text)


def _figure(article: str, text: str, phrase: str, value: float, measure: str, noun: str) -> Quantity:
    at = text.index(phrase)
    return Quantity(article=article, sentence=0, start=at, end=at + len(phrase), text=phrase, value=value,
                    measure=measure, low=value, high=value, qualifier="exact", noun=noun)


def _fact(claims: list[Claim]) -> Fact:
    support = tuple({"article": c.article, "sentence": 0, "start": c.start, "end": c.end, "text": c.text}
                    for c in claims)
    return Fact(id="", status="corroborated", statement=claims[0].text, support=support, claims=tuple(claims),
                reason="reported by 2 articles")


def _verifier(texts: dict[str, str], figures: list[Quantity], settings: Settings = DEFAULT) -> Verifier:
    """A verifier that knows the texts and the measured figures the test writes (no analysis)."""
    v = Verifier([], settings)
    v.texts.update(texts)
    for q in figures:
        v.quantities.setdefault((q.article, q.sentence), []).append(q)
    return v


TOLL = "Tuesday's quake in Valdora killed 19 children and six adults at the Lindqvist school."
WIDER = "At least 65 people were killed on Tuesday when the quake hit Valdora."


def test_a_member_with_another_figure_does_not_support_the_toll() -> None:
    a, b = _claim("a", TOLL), _claim("b", WIDER)
    figures = [_figure("a", TOLL, "19 children", 19, "children killed", "children"),
               _figure("a", TOLL, "six adults", 6, "adults killed", "adults"),
               _figure("b", WIDER, "At least 65 people", 65, "people killed", "people")]
    texts = {"a": TOLL, "b": WIDER}
    verifier = _verifier(texts, figures)
    fact = _fact([a, b])
    source = (a, 0, len(TOLL))
    assert figures_missing(fact, 0, verifier, texts, source) is None  # the statement's own span
    why = figures_missing(fact, 1, verifier, texts, source)
    assert why is not None and "19 children" in why
    [out] = stated_by_members([fact], verifier, texts)
    assert out.status == "unique" and out.articles() == ["a"]  # one article left: its own fact
    assert "not cited" in out.reason


def test_a_member_with_the_same_figure_still_supports() -> None:
    other = "The quake killed 19 children and six adults in Valdora, officials said."
    a, b = _claim("a", TOLL), _claim("b", other)
    figures = [_figure("a", TOLL, "19 children", 19, "children killed", "children"),
               _figure("a", TOLL, "six adults", 6, "adults killed", "adults"),
               _figure("b", other, "19 children", 19, "children killed", "children"),
               _figure("b", other, "six adults", 6, "adults killed", "adults")]
    texts = {"a": TOLL, "b": other}
    [out] = stated_by_members([_fact([a, b])], _verifier(texts, figures), texts)
    assert out.status == "corroborated" and out.articles() == ["a", "b"]


def test_a_member_of_another_value_of_the_same_measure_is_named_as_such() -> None:
    other = "Tuesday's quake in Valdora killed 12 children at the Lindqvist school."
    a, b = _claim("a", TOLL), _claim("b", other)
    figures = [_figure("a", TOLL, "19 children", 19, "children killed", "children"),
               _figure("b", other, "12 children", 12, "children killed", "children")]
    texts = {"a": TOLL, "b": other}
    why = figures_missing(_fact([a, b]), 1, _verifier(texts, figures), texts, (a, 0, len(TOLL)))
    assert why is not None and "gives 12 children" in why


def test_a_member_stating_one_of_two_conjuncts_narrows_the_statement() -> None:
    both = "The council opened the Hollins dam on the Marren river on Monday, and 300 workers lost their jobs."
    one = "On Monday the council opened the Hollins dam on the Marren river."
    a, b = _claim("a", both), _claim("b", one)
    figures = [_figure("a", both, "300 workers", 300, "workers laid off", "workers")]
    texts = {"a": both, "b": one}
    [out] = stated_by_members([_fact([a, b])], _verifier(texts, figures), texts)
    assert out.status == "corroborated" and out.articles() == ["a", "b"]
    assert out.statement == "The council opened the Hollins dam on the Marren river on Monday"
    assert "300" not in out.statement and "stated by the part every article states" in out.reason


def test_an_article_with_another_span_that_states_it_is_cited_by_that_one() -> None:
    headline = "Most Valdorans back the mayor's recall."
    full = "Between 60 and 70 percent of Valdorans want the council to recall the mayor, surveys showed."
    own = "Between 60 and 70 percent of Valdorans want the council to recall the mayor."
    a, b1, b2 = _claim("a", own), _claim("b", headline), Claim(id="b:1", article="b", sentence=1, start=0,
                                                                  end=len(full), text=full)
    figures = [_figure("a", own, "60 and 70 percent", 65, "percent want", "percent"),
               Quantity(article="b", sentence=1, start=8, end=25, text="60 and 70 percent", value=65,
                        measure="percent want", low=60, high=70, qualifier="range", noun="percent")]
    texts = {"a": own, "b": full}
    fact = Fact(id="", status="corroborated", statement=own, claims=(a, b1, b2), reason="reported by 2 articles",
                support=tuple({"article": c.article, "sentence": c.sentence, "start": c.start, "end": c.end,
                               "text": c.text} for c in (a, b1, b2)))
    verifier = _verifier(texts, figures)
    assert figures_missing(fact, 1, verifier, texts, (a, 0, len(own))) is not None  # the headline states no figure
    [out] = stated_by_members([fact], verifier, texts)
    assert out.status == "corroborated" and out.articles() == ["a", "b"]
    assert [s["text"] for s in out.support] == [own, full]


def test_a_number_word_the_span_writes_states_the_figure() -> None:
    crowd = "Thousands of people gathered outside the Valdora court on Friday."
    other = "Supporters of the mayor, numbering in the thousands, gathered outside the Valdora court on Friday."
    a, b = _claim("a", crowd), _claim("b", other)
    figures = [_figure("a", crowd, "Thousands of people", 2000, "people counted", "people")]
    texts = {"a": crowd, "b": other}
    assert figures_missing(_fact([a, b]), 1, _verifier(texts, figures), texts, (a, 0, len(crowd))) is None


def test_a_member_stating_part_of_it_gives_the_best_shared_sentence() -> None:
    long = ("Early Monday, riot police sealed off the Valdora parliament after a peaceful march against the harbour "
            "bill turned into violent clashes between police and protesters.")
    short = "Violence erupted outside the Valdora parliament as protesters clashed with riot police."
    a, b = _claim("a", long), _claim("b", short)
    texts = {"a": long, "b": short}
    [out] = stated_by_members([_fact([a, b])], _verifier(texts, []), texts)
    # the short sentence does not state the sealing off (span check under member_narrow_min) but the long one states
    # it: the statement every article states is the short one, both still cited
    assert out.status == "corroborated" and out.articles() == ["a", "b"]
    assert out.statement == short


def test_no_narrowing_without_a_shared_claim_keeps_the_fact_at_the_default_drop_floor() -> None:
    long = "The Valdora council approved the harbour bill on Monday after a nine-hour debate in the old chamber."
    other = "Fishermen in Valdora cheered outside the old chamber."
    a, b = _claim("a", long), _claim("b", other)
    texts = {"a": long, "b": other}
    [kept] = stated_by_members([_fact([a, b])], _verifier(texts, []), texts)
    assert kept.articles() == ["a", "b"] and kept.statement == long  # no figure missing: member_drop_below 0 keeps it
    strict = Verifier([], DEFAULT.replace(member_drop_below=0.738))
    strict.texts.update(texts)
    [alone] = stated_by_members([_fact([a, b])], strict, texts)
    assert alone.status == "unique" and alone.articles() == ["a"]


def _on_trial(fact: Fact, k: int, p: float = 0.45) -> Fact:
    """Member ``k`` joined through a pair the pair verifier found under pair_min (from pair_weak_min)."""
    support = list(fact.support)
    support[k] = {**support[k], "score": p, "reason": f"{ON_TRIAL} {p:.2f} in [pair_weak_min 0.4, pair_min 0.55): x"}
    return replace(fact, support=tuple(support))


def test_a_member_joined_on_trial_is_not_cited_where_its_span_does_not_state_the_statement() -> None:
    long = "The Valdora council approved the harbour bill on Monday after a nine-hour debate in the old chamber."
    other = "Fishermen in Valdora cheered outside the old chamber."
    a, b = _claim("a", long), _claim("b", other)
    texts = {"a": long, "b": other}
    [kept] = stated_by_members([_fact([a, b])], _verifier(texts, []), texts)
    assert kept.status == "corroborated"  # accepted at pair_min: kept at member_drop_below 0
    [alone] = stated_by_members([_on_trial(_fact([a, b]), 1)], _verifier(texts, []), texts)
    assert alone.status == "unique" and alone.articles() == ["a"] and "joined on trial" in alone.reason
    # the statement unit on trial (its best pair is): the other member's span is checked as one on trial too
    statement_unit = _on_trial(_fact([a, b]), 0)
    support = list(statement_unit.support)
    support[0] = {**support[0], "reason": STATEMENT_UNIT + support[0]["reason"]}
    b_first = Fact(id="", status="corroborated", statement=other, claims=(b, a), reason="reported by 2 articles",
                   support=(_fact([b]).support[0], support[0]))
    [alone] = stated_by_members([b_first], _verifier(texts, []), texts)
    assert alone.status == "unique" and alone.articles() == ["b"]


def test_a_member_joined_on_trial_that_states_the_statement_is_cited() -> None:
    one = "The Valdora council approved the harbour bill on Monday."
    other = "On Monday the Valdora council approved the harbour bill."
    a, b = _claim("a", one), _claim("b", other)
    texts = {"a": one, "b": other}
    [out] = stated_by_members([_on_trial(_fact([a, b]), 1)], _verifier(texts, []), texts)
    assert out.status == "corroborated" and out.articles() == ["a", "b"]


WIDER_QUAKE = "At least 65 people were killed on Tuesday when a 7.1-magnitude quake hit the city of Valdora."
SCHOOL_TOLL = "Tuesday's 7.1-magnitude quake in Valdora killed 19 children and six adults."


def _quake_fact(settings: Settings, toll: str = SCHOOL_TOLL) -> tuple[Fact, Verifier, dict[str, str]]:
    a, b = _claim("a", toll), _claim("b", WIDER_QUAKE)
    figures = [_figure("a", toll, "19 children", 19, "children killed", "children"),
               _figure("a", toll, "six adults", 6, "adults killed", "adults"),
               _figure("a", toll, "7.1", 7.1, "magnitude", "quake"),
               _figure("b", WIDER_QUAKE, "At least 65 people", 65, "people killed", "people"),
               _figure("b", WIDER_QUAKE, "7.1", 7.1, "magnitude", "quake")]
    texts = {"a": toll, "b": WIDER_QUAKE}
    return _fact([a, b]), _verifier(texts, figures, settings), texts


def test_a_clause_after_when_stating_the_shared_figure_is_the_statement_a_figure_anchors() -> None:
    # the other member's clause after "when" states the magnitude both give; the school toll's span states it at a
    # span check probability a figure-free statement would need more for (member_narrow_min)
    fact, verifier, texts = _quake_fact(DEFAULT.replace(member_figure_min=0.05))
    [out] = stated_by_members([fact], verifier, texts)
    assert out.status == "corroborated" and out.articles() == ["a", "b"]
    assert out.statement == "a 7.1-magnitude quake hit the city of Valdora."
    fact, verifier, texts = _quake_fact(DEFAULT.replace(member_figure_min=0.999))
    [alone] = stated_by_members([fact], verifier, texts)  # no anchor: the toll's figures missing, not cited
    assert alone.status == "unique" and alone.articles() == ["a"]


def test_a_statement_a_figure_anchors_still_needs_its_names_in_every_span() -> None:
    # the toll's span gives the magnitude but not where the quake hit: the figure anchors what is measured, not where
    fact, verifier, texts = _quake_fact(DEFAULT.replace(member_figure_min=0.05),
                                        toll="Tuesday's 7.1-magnitude quake killed 19 children and six adults.")
    [alone] = stated_by_members([fact], verifier, texts)
    assert alone.status == "unique" and alone.articles() == ["a"]


BORE = "The 2-mile bore was reached through a 30ft deep shaft near the Valdora prison."
DUG = "To get under the hills, the diggers burrowed more than 30 feet beneath the surface."


def _bore_fact(settings: Settings) -> tuple[Fact, Verifier, dict[str, str]]:
    a, b = _claim("a", BORE), _claim("b", DUG)
    depth = _figure("b", DUG, "more than 30 feet", 30, "depth", "feet")
    figures = [_figure("a", BORE, "2-mile", 2, "length", "bore"), _figure("a", BORE, "30ft", 30, "depth", "shaft"),
               replace(depth, qualifier="more than", high=45)]
    texts = {"a": BORE, "b": DUG}
    return _fact([a, b]), _verifier(texts, figures, settings), texts


def test_the_same_measured_figure_states_the_narrowed_statement_whatever_the_rest_reads() -> None:
    fact, verifier, texts = _bore_fact(DEFAULT)
    [out] = stated_by_members([fact], verifier, texts)
    assert out.status == "corroborated" and out.articles() == ["a", "b"]
    assert "30 feet" in out.statement and "2-mile" not in out.statement
    fact, verifier, texts = _bore_fact(DEFAULT.replace(figure_pass_min=50.0))  # 30 a count that may meet by chance
    [alone] = stated_by_members([fact], verifier, texts)
    assert alone.status == "unique" and alone.articles() == ["a"]
