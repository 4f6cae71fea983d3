"""Corroboration's member and pair checks against mechanisms that made wrong corroborated facts on real pages,
on texts the tests write (session 15, corr21).

- two percentages of one value that move opposite ways are two facts ("went up by 1.3% during March" / "revised
  … to show a 1.3 percent fall" of February): ``change_direction``;
- a date inside a relative clause set off by commas ("Hands, whose firm bought the label last year, will announce
  …") describes a participant: the claim's event is still this one (``claim_event``);
- a subordinate clause cut from the sentence it opened ("When the new library came into being for the old
  console") is no statement: a time clause states its event without its time word, another says nothing alone;
- a statement that quotes someone as saying something is stated only by a span that holds the quoted words (or a
  part of them, or most of them in its own voice): one speaker's other remark is another fact (``quote_missing``);
- a pair the pair verifier accepted whose two units each went into another fact states a fact of its own when no
  fact cites the two sentences together (``rejoin_pairs``), and corroborated facts with one statement are one fact;
- a verb of saying whose passive subject is what is said ("Plans will be announced on Tuesday") is no bare
  attribution (``stages.sentences.statement_problem``).
"""

from __future__ import annotations

from dataclasses import replace

from newsprism.compare.verify import Verifier, change_direction, claim_event, opposite_change
from newsprism.records import AnalyzedArticle, Article, Claim, Fact, Quantity, Value
from newsprism.settings import DEFAULT


def _q(article: str, text: str, full: str, value: float, measure: str, unit: str | None = "%") -> Quantity:
    start = full.index(text)
    return Quantity(article=article, sentence=0, start=start, end=start + len(text), text=text, value=value,
                    measure=measure, low=value - 0.05, high=value + 0.05, qualifier="exact", unit=unit)


UP = "Although prices actually went up by 1.3% during March, the bank said it was the first rise in four months."
DOWN = "However, the bank revised down the prior month's reading to show a 1.3 percent fall."
ROSE = "The bank's survey showed house prices rose 1.3 percent on the month."


def _pair(x: tuple[str, str, str], y: tuple[str, str, str]) -> tuple[list[AnalyzedArticle], Claim, Claim]:
    arts, claims = [], []
    for k, (text, fig, measure) in zip("ab", (x, y), strict=True):
        claim = Claim(id=f"{k}:0", article=k, sentence=0, start=0, end=len(text), text=text)
        claims.append(claim)
        arts.append(AnalyzedArticle(article=Article(id=k, source=k, text=text), claims=(claim,),
                                    quantities=(_q(k, fig, text, 1.3, measure),)))
    return arts, claims[0], claims[1]


def test_the_direction_of_a_change_is_read_beside_its_figure() -> None:
    assert change_direction(UP, _q("a", "1.3%", UP, 1.3, "percent go")) == "up"
    assert change_direction(DOWN, _q("b", "1.3 percent", DOWN, 1.3, "percent show")) == "down"
    assert change_direction(ROSE, _q("c", "1.3 percent", ROSE, 1.3, "percent rise")) == "up"
    # no change word in the figure's clause: no direction
    still = "The bank's share of the market is 1.3 percent, it said."
    assert change_direction(still, _q("d", "1.3 percent", still, 1.3, "percent")) is None
    # a count is not read for a direction
    count = "Prices rose as 13 banks reported."
    assert change_direction(count, _q("e", "13", count, 13, "banks", unit=None)) is None


def test_a_percentage_that_rose_does_not_corroborate_one_that_fell() -> None:
    arts, a, b = _pair((UP, "1.3%", "percent go"), (DOWN, "1.3 percent", "percent show"))
    why = Verifier(arts).refuse(a, b)
    assert why is not None and "other way" in why
    assert Verifier(arts, DEFAULT.replace(change_direction=False)).refuse(a, b) is None
    assert opposite_change(arts[0].quantities[0], UP, arts[1].quantities[0], DOWN, 0.1) is not None
    # the same rise told in other words is one fact
    arts, a, b = _pair((UP, "1.3%", "percent go"), (ROSE, "1.3 percent", "percent rise"))
    assert Verifier(arts).refuse(a, b) is None


def test_the_member_check_does_not_cite_a_span_whose_figure_moved_the_other_way() -> None:
    from newsprism.compare.facts import figures_missing

    arts, a, b = _pair((DOWN, "1.3 percent", "percent show"), (UP, "1.3%", "percent go"))
    texts = {x.id: x.article.text for x in arts}
    support = tuple({"article": c.article, "sentence": 0, "start": 0, "end": len(c.text), "text": c.text}
                    for c in (a, b))
    fact = Fact(id="f1", status="corroborated", statement=DOWN, support=support, claims=(a, b))
    source = (a, 0, len(DOWN))
    why = figures_missing(fact, 1, Verifier(arts), texts, source)
    assert why is not None and "another change" in why
    assert figures_missing(fact, 1, Verifier(arts, DEFAULT.replace(change_direction=False)), texts, source) is None


def _dated(text: str, when: str, value: str) -> Claim:
    at = text.index(when)
    return Claim(id="a:0", article="a", sentence=0, start=0, end=len(text), text=text,
                 values=(Value(kind="date", value=value, text=when, start=at, end=at + len(when)),))


def test_a_date_in_a_relative_aside_is_not_the_claims_event() -> None:
    aside = "Plans will be announced on Tuesday when Hands, whose firm bought the label last year, sets out his plans."
    assert claim_event(_dated(aside, "last year", "2007"), "2008", aside) == "this"
    # a relative clause that ends the sentence is what the claim says happened then
    final = "The label was sold to Hands, who bought it last year."
    assert claim_event(_dated(final, "last year", "2007"), "2008", final) == "2007"
    # a date in the main clause is the claim's event
    main = "Hands, whose firm is based in London, bought the label last year for 2.4 billion pounds."
    assert claim_event(_dated(main, "last year", "2007"), "2008", main) == "2007"


def test_a_subordinate_clause_cut_from_its_sentence_is_no_statement() -> None:
    from newsprism.compare.facts import _statement, cut_dependent

    assert cut_dependent("Because the vote had been banned by the court")
    assert not cut_dependent("Because the vote had been banned by the court, police closed the schools.")
    assert not cut_dependent("When the quake hit, people ran into the street.")
    text = ("Very few users of the old console will miss it. When the new library came into being for the old console"
            ", it was slow. The new library was part of the old console from the start.")
    cut_at = text.index("When")
    cut = Claim(id="a1:c1", article="a1", sentence=1, start=cut_at, end=text.index(", it was"),
                text=text[cut_at:text.index(", it was")], part="clause")
    other_at = text.index("The new library was")
    other = Claim(id="a2:s2", article="a2", sentence=2, start=other_at, end=len(text), text=text[other_at:])
    said = _statement([cut, other], {"a1": text, "a2": text}, {})
    assert not said.startswith("When"), said


def test_a_quote_is_not_stated_by_the_speakers_other_remark() -> None:
    from newsprism.compare.facts import quote_missing

    said = '"We were beaten," said the visitors\' coach Ken Reed.'
    assert quote_missing(said, 'They were better for 60 minutes," the visitors\' coach Ken Reed said.') is not None
    assert quote_missing(said, '"We were beaten," Reed said after the game.') is None
    # a part of the remark, or the remark in the outlet's own voice, states it
    long = '"I believe this is a historic moment for the region," the minister said.'
    assert quote_missing(long, '"This is a historic moment," he said.') is None
    assert quote_missing(long, "The minister called it a historic moment for the region.") is None
    assert quote_missing("The minister left the talks on Tuesday.", "Reed said nothing.") is None  # no quotation
    # quoted words no one is said to say (a term, a title) are the span check's to judge
    assert quote_missing("The treaty notes the “special character” of their ties.", "The treaty runs to 30 pages.") \
        is None


# two articles, each with a sentence stating two shared facts: the toll went with one article's other sentence, the
# magnitude was accepted between the two toll sentences but each had gone into its toll fact
A_TEXT = "A 6.8-magnitude quake hit Valdora on Tuesday. The 6.8-magnitude quake killed 40 people in Valdora."
B_TEXT = "Forty people died in Valdora. Tuesday's quake in Valdora had a magnitude of 6.8, officials said."


def _unit(article: str, text: str, sentence: int, part: str) -> Claim:
    start = text.index(part)
    return Claim(id=f"{article}:{sentence}", article=article, sentence=sentence, start=start, end=start + len(part),
                 text=part)


def _corroborated(*claims: Claim) -> Fact:
    support = tuple({"article": c.article, "sentence": c.sentence, "start": c.start, "end": c.end, "text": c.text}
                    for c in claims)
    return Fact(id="", status="corroborated", statement=claims[0].text, support=support, claims=claims,
                reason="reported by 2 articles")


def test_an_accepted_pair_of_units_taken_by_other_facts_states_its_own_fact() -> None:
    from newsprism.compare.facts import REJOINED, _one_per_statement, rejoined_facts

    a0 = _unit("a", A_TEXT, 0, "A 6.8-magnitude quake hit Valdora on Tuesday.")
    a1 = _unit("a", A_TEXT, 1, "The 6.8-magnitude quake killed 40 people in Valdora.")
    b0 = _unit("b", B_TEXT, 0, "Forty people died in Valdora.")
    b1 = _unit("b", B_TEXT, 1, "Tuesday's quake in Valdora had a magnitude of 6.8, officials said.")
    arts = [AnalyzedArticle(article=Article(id=k, source=k, text=t), claims=cs)
            for k, t, cs in (("a", A_TEXT, (a0, a1)), ("b", B_TEXT, (b0, b1)))]
    texts = {"a": A_TEXT, "b": B_TEXT}
    claims = {c.id: c for c in (a0, a1, b0, b1)}
    facts = [_corroborated(a1, b0), _corroborated(a0, b1)]
    verifier = Verifier(arts)
    accepted = (0.8, "pair verifier 0.80 >= pair_min 0.55", True)
    verdicts = {("a:1", "b:1"): accepted, ("b:1", "a:1"): accepted}
    [fact] = rejoined_facts(arts, facts, verifier, texts, claims, verdicts)
    assert {c.id for c in fact.claims} == {"a:1", "b:1"} and REJOINED in fact.reason
    # the pair already corroborates a fact together: nothing new
    assert rejoined_facts(arts, [*facts, _corroborated(a1, b1)], verifier, texts, claims, verdicts) == []
    # a refused pair joins nothing
    refused = {k: (0.3, "pair verifier 0.30 < pair_min 0.55", False) for k in verdicts}
    assert rejoined_facts(arts, facts, verifier, texts, claims, refused) == []
    # one statement, one fact: the second fact's spans join the first
    twice = _one_per_statement([_corroborated(a1, b0), replace(_corroborated(a1, b1), reason=f"x; {REJOINED}p")])
    assert len(twice) == 1 and {c.id for c in twice[0].claims} == {"a:1", "b:0", "b:1"}


def test_what_a_passive_verb_of_saying_announces_is_no_bare_attribution() -> None:
    from newsprism import nlp
    from newsprism.stages.sentences import statement_problem

    def problem(text: str) -> str | None:
        return statement_problem(list(nlp.parse_cached([text])[0].sents)[0])

    assert problem("Plans for the label will be announced on Tuesday when the owner sets out his blueprint.") is None
    assert problem("The results were announced.") is None
    assert "bare attribution" in (problem("The president announced on Monday.") or "")
    assert "bare attribution" in (problem("The minister was told.") or "")  # told: who hears, not what is said
