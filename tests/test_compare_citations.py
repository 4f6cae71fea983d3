"""Checked corroboration, issue 13: what one article's citation may claim, on texts the tests write.

- A member of a fact is cited by the clauses that state what it shares with the other articles, where a run of
  clauses shorter than its sentence holds (nearly) all of it ("This is an affront …, but I am confident …"
  cites the second clause only); otherwise by its whole sentence.
- Two quotes of one speaker corroborate one fact only with words of the same utterance.
- A figure shared alone makes a pair only when both state it: "three of the seven planets" names a set, it
  states no count of seven planets.
- A sentence about an earlier event ("escaped once before", "the announcement last year") never corroborates
  one about this event.
- "dozens of other buildings" counts buildings, not people; "the … Department of Health reported that nearly 900"
  names a source, not a place.
"""

from __future__ import annotations

from newsprism.compare.facts import _make_fact, _narrowed, _stated_figure_shared
from newsprism.compare.verify import Verifier, claim_event
from newsprism.records import Claim, Value
from newsprism.stages.quantities import _VAGUE, _measure, count_place


def _claim(article: str, text: str, quote: bool = False, speaker: str | None = None,
           values: tuple[Value, ...] = ()) -> Claim:
    return Claim(id=f"{article}:0", article=article, sentence=0, start=0, end=len(text), text=text, quote=quote,
                 asserted_by=speaker, asserted_by_name=speaker, values=values)


def test_a_sentence_that_says_more_is_cited_by_its_shared_clause() -> None:
    a = _claim("a", "This is undoubtedly an affront to the government, but I am also confident that the "
                    "institutions have the strength and determination to recapture this criminal.")
    b = _claim("b", "I also have confidence in the institutions, that they have the strength and determination "
                    "to recapture this criminal.")
    texts = {"a": a.text, "b": b.text}
    narrow = _narrowed([a, b], texts)
    piece, why = narrow[a.id]
    assert piece.text.startswith("but I am also confident") and "affront" not in piece.text
    assert a.text[piece.start:piece.end] == piece.text and "content words it shares" in why
    fact = _make_fact([a, b], texts, None, narrow)
    cited = {s["article"]: s for s in fact.support}
    assert "affront" not in cited["a"]["text"] and cited["a"]["narrowed"]
    assert fact.claims[0] is a  # the unit itself is kept (the synthesis reads it); only the citation narrows


def test_a_narrowed_citation_keeps_the_word_that_turns_it_around() -> None:
    # session 7's independent reviewer: "…: nothing" was cut off, so the span said the opposite of the statement
    a = _claim("a", "In a letter to customers, the bank's chief wrote: here is what will change for you, our "
                    "customers: nothing.")
    b = _claim("b", "The bank's chief said nothing would change for its customers after the merger.")
    narrow = _narrowed([a, b], {"a": a.text, "b": b.text})
    if a.id in narrow:
        assert "nothing" in narrow[a.id][0].text


def test_an_opening_phrase_is_left_out_of_the_citation() -> None:
    a = _claim("a", "Per its $1 billion acquisition of Instagram, Facebook will keep the WhatsApp brand "
                    "running as a separate service.")
    b = _claim("b", "Facebook promised to keep the WhatsApp brand as a separate service.")
    piece, _ = _narrowed([a, b], {"a": a.text, "b": b.text})[a.id]
    assert piece.text.startswith("Facebook will keep") and "Instagram" not in piece.text


def test_a_sentence_shared_throughout_keeps_its_whole_span() -> None:
    a = _claim("a", "Spanish police in riot gear stormed polling stations on Sunday, firing rubber bullets at "
                    "voters in Barcelona.")
    b = _claim("b", "On Sunday police in riot gear stormed polling stations in Barcelona and fired rubber bullets "
                    "at voters.")
    assert a.id not in _narrowed([a, b], {"a": a.text, "b": b.text})


def test_quotes_of_one_speaker_need_words_of_one_utterance() -> None:
    verifier = Verifier([])
    said = _claim("a", "We will rebuild every school before winter comes.", quote=True, speaker="Mayor")
    same = _claim("b", "We will rebuild every school before the winter.", quote=True, speaker="Mayor")
    other = _claim("c", "The budget is balanced and taxes stay low this year.", quote=True, speaker="Mayor")
    assert verifier.refuse(said, same) is None
    why = verifier.refuse(said, other)
    assert why is not None and "not the same utterance" in why
    assert "different speakers" in (verifier.refuse(said, _claim("d", same.text, quote=True, speaker="Governor"))
                                    or "")


def _count(text: str, figure: str, value: float, unit: str) -> Value:
    start = text.index(figure)
    return Value(kind="number", value=value, text=figure, start=start, end=start + len(figure), unit=unit)


def test_a_figure_naming_a_set_states_no_count() -> None:
    seven = "Seven planets orbit the dwarf star some 39 light-years away."
    part = "Three of the seven planets lie in the habitable zone of the star."
    pages = "The declaration runs to more than 30 pages on closer ties."
    pages2 = "The document – more than 30 pages – notes the special character of their relationship."
    a = _claim("a", seven, values=(_count(seven, "Seven", 7, "planet"),))
    b = _claim("b", part, values=(_count(part, "Three", 3, "planet"), _count(part, "seven", 7, "planet")))
    c = _claim("c", pages, values=(_count(pages, "30", 30, "page"),))
    d = _claim("d", pages2, values=(_count(pages2, "30", 30, "page"),))
    verifier = Verifier([])
    verifier.texts = {"a": seven, "b": part, "c": pages, "d": pages2}
    assert not _stated_figure_shared(a, b, verifier)
    assert _stated_figure_shared(c, d, verifier)


def test_an_earlier_escape_or_last_years_announcement_is_another_event() -> None:
    def event(text: str) -> str:
        return claim_event(_claim("a", text), "2015", text)
    assert event("A notorious drug kingpin who escaped once before from prison was on the run again.") == "earlier"
    assert event("The finding expands on the announcement last year of three planets orbiting the star.") \
        == "earlier"
    assert event("The announcement on Wednesday named seven planets orbiting the star.") == "this"


def test_dozens_of_other_buildings_are_no_people() -> None:
    text = "The quake collapsed an elementary school and dozens of other buildings."
    m = _VAGUE.search(text)
    assert m is not None and m.group("noun") == "buildings"
    assert _measure("number", "building", None, None, text, m.start(), m.end()) is None  # no event, no measure
    kids = _VAGUE.search("rescuers searched for dozens of children feared buried")
    assert kids is not None and kids.group("noun") == "children"


def test_a_count_cited_without_the_clause_after_it() -> None:
    a = _claim("a", "Nearly 900 people were reported to have been hurt yesterday after riot police stormed polling "
                    "stations and fired rubber bullets.")
    b = _claim("b", "Nearly 900 people had been hurt, with four in hospital.")
    piece, _ = _narrowed([a, b], {"a": a.text, "b": b.text})[a.id]
    assert piece.text == "Nearly 900 people were reported to have been hurt yesterday"


def test_an_agency_that_reports_a_count_is_no_place() -> None:
    text = "By the end of the day, the Regional Department of Health reported that nearly 900 people were injured."
    start = text.index("nearly 900")
    assert count_place(text, start, start + len("nearly 900"), set()) is None
    text = "Officials in Puebla reported 43 deaths; Guerrero (6) and Oaxaca (1) counted fewer."
    assert count_place(text, text.index("6"), text.index("6") + 1, set()) == "Guerrero"
