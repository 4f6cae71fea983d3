"""Issue 13 (session 16, detail23): every cited span states every detail the statement asserts — its figures, dates,
times of day, names, a person's role, an if-clause, its modality and negation (``compare.details``); where a span
lacks one, the statement is cut to what every span states (the clause or modifier that carries the detail), else
the span is not cited. Texts written here; invented names."""

from __future__ import annotations

from dataclasses import replace

from newsprism.compare.details import detail_cuts, detail_missing, statement_details
from newsprism.compare.facts import stated_by_members
from newsprism.compare.verify import Verifier
from newsprism.records import Claim, Fact
from newsprism.settings import DEFAULT, Settings


def test_a_day_of_the_month_the_span_lacks_is_missing() -> None:
    said = "Marlow was impeached by the assembly last December 9."
    why = detail_missing(said, "Marlow was impeached by the assembly in December.")
    assert why is not None and why.startswith("date") and "9" in why
    # "Dec." is December; the day written beside it
    assert detail_missing(said, "The assembly impeached Marlow on Dec. 9.") is None


def test_a_role_the_span_does_not_give_is_missing() -> None:
    said = "Tesk Orvald is Marlow's confidante and adviser."
    why = detail_missing(said, "Marlow's longtime confidante Tesk Orvald")
    assert why is not None and why.startswith("role") and "advis" in why
    assert detail_missing(said, "Tesk Orvald, Marlow's confidante and adviser, was arrested.") is None


def test_a_time_of_day_only_one_article_has_is_missing() -> None:
    said = "The drug lord Vasko broke out of the Ostrava prison on Saturday night for the second time."
    why = detail_missing(said, "The drug lord Vasko broke out of the Ostrava prison on Saturday for the second time.")
    assert why is not None and why.startswith("time") and "night" in why


def test_a_condition_only_one_article_has_is_missing() -> None:
    said = "\"All the gains would be erased\" if the fugitive is not recaptured, the analyst said."
    why = detail_missing(said, "\"All the gains would be erased,\" the analyst said.")
    assert why is not None and why.startswith("condition")
    held = "\"All the gains would be erased\" if the fugitive is not recaptured soon, the analyst said."
    assert detail_missing(said, held) is None


def test_another_figure_and_a_number_in_words() -> None:
    said = "Ruritania, a nation of 80 million, will see the sanctions lifted."
    why = detail_missing(said, "Ruritania, a nation of 77 million people, will see sanctions lifted.")
    assert why is not None and why.startswith("figure")
    assert detail_missing(said, "the sanctions on Ruritania, a nation of eighty million, will be lifted") is None


def test_an_obligation_is_not_stated_by_an_expectation() -> None:
    said = "Ruritania is required to hold a presidential election within 60 days."
    why = detail_missing(said, "In Ruritania a presidential election is expected to be held within 60 days.")
    assert why is not None and why.startswith("modality")
    assert detail_missing(said, "Ruritania must hold a presidential election within 60 days.") is None


def test_a_negated_statement_is_not_stated_by_an_affirmed_span() -> None:
    why = detail_missing("The court did not uphold the ban.", "The court upheld the ban.")
    assert detail_missing("We cannot agree to the terms.", "we can not agree to the terms") is None
    assert detail_missing("We can not agree to the terms.", "We cannot agree to the terms.") is None
    assert why is not None and why.startswith("negation")


def test_a_surname_stands_for_the_full_name_once_the_article_writes_it() -> None:
    said = "Joaquin Vasko escaped through a tunnel."
    assert detail_missing(said, "Vasko escaped through a tunnel.", "",
                          "Joaquin Vasko is a drug lord. Vasko escaped through a tunnel.") is None
    assert detail_missing(said, "Vasko escaped through a tunnel.", "", "Vasko escaped through a tunnel.") is not None


def test_the_details_are_read_from_the_parse() -> None:
    kinds = {d.kind for d in statement_details("If talks fail, Marlow may not sign the deal in Vienna on Tuesday.")}
    assert {"condition", "modality", "negation", "name", "date"} <= kinds


def test_a_time_adverbial_and_an_if_clause_are_cut() -> None:
    cuts = dict(detail_cuts("Vasko broke out of the Ostrava prison on Saturday night for the second time."))
    assert "Vasko broke out of the Ostrava prison for the second time." in cuts
    cuts = dict(detail_cuts("If the fugitive is not recaptured, the gains will be erased."))
    assert "The gains will be erased." in cuts


def _claim(article: str, text: str) -> Claim:
    return Claim(id=f"{article}:0", article=article, sentence=0, start=0, end=len(text), text=text)


def _fact(claims: list[Claim]) -> Fact:
    support = tuple({"article": c.article, "sentence": 0, "start": c.start, "end": c.end, "text": c.text}
                    for c in claims)
    return Fact(id="", status="corroborated", statement=claims[0].text, support=support, claims=tuple(claims),
                reason="reported by 2 articles")


def _verifier(texts: dict[str, str], settings: Settings = DEFAULT) -> Verifier:
    v = Verifier([], settings)
    v.texts.update(texts)
    return v


NIGHT = "The drug lord Vasko broke out of the Ostrava prison on Saturday night for the second time."
PLAIN = "The drug lord Vasko broke out of the Ostrava prison for the second time."


def test_the_statement_loses_the_time_one_article_lacks() -> None:
    a, b = _claim("a", NIGHT), _claim("b", PLAIN)
    texts = {"a": NIGHT, "b": PLAIN}
    [out] = stated_by_members([_fact([a, b])], _verifier(texts), texts)
    assert out.status == "corroborated" and out.articles() == ["a", "b"]
    assert "Saturday" not in out.statement and "night" not in out.statement
    # the rule off: the statement keeps the time only one article states
    off = Settings(member_details=False)
    [kept] = stated_by_members([_fact([a, b])], _verifier(texts, off), texts)
    assert "Saturday night" in kept.statement


def test_a_count_told_as_done_is_not_stated_by_a_span_that_tells_it_to_come() -> None:
    said = "Parvex has laid off 325 employees."
    why = detail_missing(said, "Parvex will shed about 325 employees as part of a shakeup.")
    assert why is not None and why.startswith("modality")
    assert detail_missing(said, "Parvex laid off 325 employees on Monday.") is None


def test_a_fraction_in_words_is_a_figure() -> None:
    said = "Orlen is preparing to cut up to 2,000 jobs, or about one-third of its work force."
    why = detail_missing(said, "Orlen will unveil plans to cut up to 2,000 jobs.")
    assert why is not None and why.startswith("figure")
    assert detail_missing(said, "Orlen is to cut up to 2,000 jobs, a third of its work force.") is None


def test_a_role_word_only_one_article_gives_is_cut_from_the_rendering() -> None:
    # "<name> is <description>": a rendering no article writes; every span states it without "and adviser"
    a = Claim(id="a:0", article="a", sentence=0, start=0, end=40, text="Marlow's confidante and adviser Tesk Orvald")
    b = Claim(id="b:0", article="b", sentence=0, start=0, end=36, text="Marlow's longtime confidante Tesk Orvald")
    texts = {"a": a.text, "b": b.text}
    fact = replace(_fact([a, b]), statement="Tesk Orvald is Marlow's confidante and adviser")
    [out] = stated_by_members([fact], _verifier(texts), texts)
    assert out.status == "corroborated" and out.articles() == ["a", "b"]
    assert out.statement == "Tesk Orvald is Marlow's confidante"


def test_a_cut_never_leaves_a_phrase_without_its_head() -> None:
    # the sentence a statement was cut from at a comma stops at a participle: no cut of it may be offered, since
    # the article's noun ("a … tunnel") is gone
    piece = "Dorran escaped late Sunday from the Velk maximum-security prison through a specially built"
    assert detail_cuts(piece) == []
    # the whole sentence can still lose its time adverbial
    whole = ("Dorran escaped late Sunday from the Velk maximum-security prison through a specially built, lighted "
             "and ventilated tunnel.")
    assert any("late Sunday" not in cut and cut.endswith("tunnel.") for cut, _ in detail_cuts(whole))


def test_an_adjectives_complement_is_not_cut() -> None:
    said = "Korrin-4 is about the size of Neptune with its moons roughly similar to Mars's size and mass."
    cuts = [cut for cut, _ in detail_cuts(said)]
    assert cuts and not any(cut.rstrip(".").endswith("similar") for cut in cuts)
