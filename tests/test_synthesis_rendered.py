"""Issue 13, session 12 (synth14): the synthesis a fact-checker would sign on events nobody tuned on. Each class an
independent review found, as a rule on texts the tests write: (1) a quoted term inside narration is narration, not a
quotation with no speaker; (2)+(4) every cited span states every figure and every part of the sentence as rendered
(else widened, narrowed, not cited, or left out with why); (3) a partial quote of the same remark states the shared
words; (5) a clause cut from its subject is no fact statement."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism import nlp
from newsprism.compare.facts import _statement, cut_dependent, subjectless
from newsprism.compare.synthesis import (BEST, _cut_part, _figures_in, _parts, check_rendered, partial_quote,
                                         quotation)
from newsprism.records import Claim

from .conftest import story_articles


def _claim(text: str, quote: bool = False) -> Claim:
    return Claim(id="a1:c1", article="a1", sentence=0, start=0, end=len(text), text=text, quote=quote)


def test_a_quoted_term_inside_narration_is_narration_a_quoted_clause_is_a_quotation() -> None:
    narrated = "The space agency described the find as “a giant leap in the search for life” on Wednesday."
    assert not quotation(_claim(narrated), narrated)
    said = "“We have made a giant leap in the search for life,” the scientist said."
    assert quotation(_claim(said), said)
    reported = "The scientist said “we have made a giant leap in the search for life”."
    assert quotation(_claim(reported), reported)
    assert quotation(_claim(narrated, quote=True), narrated)  # the quote finder's verdict stands
    assert not quotation(_claim("The agency found seven planets."), "The agency found seven planets.")


def test_a_partial_quote_of_the_same_remark_states_the_shared_words() -> None:
    whole = "This is the most exciting discovery we have made in a decade of looking"
    assert partial_quote(whole, "the most exciting discovery we have made")
    assert partial_quote(whole, "“the most exciting discovery we have made”")
    assert not partial_quote(whole, "most exciting discovery")  # three words: a term
    assert not partial_quote(whole, "the most important discovery we have made")  # other words: another remark


def test_a_clause_cut_from_its_subject_is_no_statement() -> None:
    assert subjectless("and climbing on police buses.")
    assert subjectless("Climbing on police buses.")
    assert not subjectless("Protesters were seen climbing on police buses.")
    assert not subjectless("and police fired tear gas at the crowd.")
    # a piece cut from the sentence it depends on
    assert cut_dependent("after police in riot gear stormed polling stations on Sunday.")
    assert not cut_dependent("After police stormed polling stations, voters stayed in line.")
    assert not cut_dependent("Police stormed polling stations on Sunday.")


def test_a_fact_statement_is_never_a_clause_cut_from_its_subject_or_its_sentence() -> None:
    """``facts._statement`` ranks its candidates (``statement_key``) and takes the first that is a statement."""
    text = ("Protesters were seen smashing windows and climbing on police buses on Sunday. "
            "Protesters climbed on police buses and smashed windows on Sunday.")
    cut = Claim(id="a1:c1", article="a1", sentence=0, start=40, end=76, text="and climbing on police buses on Sunday",
                part="clause")
    whole = Claim(id="a2:s1", article="a2", sentence=1, start=77, end=len(text),
                  text="Protesters climbed on police buses and smashed windows on Sunday.")
    said = _statement([cut, whole], {"a1": text, "a2": text}, {})
    assert said == "Protesters climbed on police buses and smashed windows on Sunday.", said
    after = Claim(id="a1:c2", article="a1", sentence=0, start=0, end=40,
                  text="after police stormed the polling stations", part="clause")
    assert _statement([after, whole], {"a1": text, "a2": text}, {}) == whole.text


def test_parts_of_a_sentence_and_the_sentence_without_one() -> None:
    text = "Police said at its peak there were 9,000 people on the march."
    parts = _parts(nlp.parse_cached([text], disable=("ner",))[0])
    kinds = {t: k for k, t, _, _, _ in parts}
    assert kinds.get("Police") == "source", parts
    assert "at its peak" in kinds and kinds["at its peak"] == "modifier", parts
    assert _cut_part(text, "at its peak") == "Police said there were 9,000 people on the march."
    assert _cut_part("The trial began on Thursday, in a court case billed as historic.",
                     "in a court case billed as historic") == "The trial began on Thursday."
    both = "Police smashed in the doors of the school and dragged voters away by the hair."
    conj = [(t, a) for k, t, _, a, _ in _parts(nlp.parse_cached([both], disable=("ner",))[0])
            if k == "conjoined predicate"]
    assert conj and conj[0][0] == "and dragged voters away by the hair", conj
    assert _cut_part(both, conj[0][0]) == "Police smashed in the doors of the school."
    assert _figures_in("Orvex paid $4 billion on March 3, 2020, for Quilla, valued at $900 million.") == ["4", "900"]


STORY = {
    "Coast Ledger": ("2022-05-04", """Orvex buys Quilla

Orvex agreed to buy the messaging start-up Quilla for $4 billion on Tuesday.

The deal values Quilla at ten times its sales, analysts said.
"""),
    "Metro Wire": ("2022-05-04", """Orvex pays $4 billion for Quilla

Orvex will pay $4 billion for Quilla, which was valued at $900 million last year, the company said on Tuesday.

Quilla has 40 employees at its office in the port city of Tallin, the company said.
"""),
    "Bay Courier": ("2022-05-04", """Quilla sold

The messaging start-up Quilla was sold to Orvex for $4 billion during the week, in a deal bankers called rushed.

Quilla has 40 employees at its office in the port city, according to its founder.
"""),
}


def _item(c: Any, outlet: str, sentence_words: str, cited: dict[str, str]) -> dict[str, Any]:
    """A synthesis item as the renderings make it: the statement ``sentence_words`` of ``outlet``'s sentence, citing
    the span ``cited[o]`` of each other outlet."""
    by = {a.article.outlet: a for a in c.articles}
    a = by[outlet]
    at = a.article.text.find(sentence_words.rstrip("."))
    assert at >= 0, sentence_words
    s = next(x for x in a.sentences if x.start <= at < x.end)
    end = at + len(sentence_words.rstrip("."))
    best = Claim(id=f"{a.id}:s", article=a.id, sentence=s.i, start=at, end=end, text=sentence_words, part="clause")
    spans = [{"article": a.id, "sentence": s.i, "start": at, "end": end}]
    for o, words in cited.items():
        b = by[o]
        k = b.article.text.find(words)
        assert k >= 0, words
        t = next(x for x in b.sentences if x.start <= k < x.end)
        spans.append({"article": b.id, "sentence": t.i, "start": k, "end": k + len(words)})
    return {"text": sentence_words, "citations": list(dict.fromkeys(sp["article"] for sp in spans)), "spans": spans,
            "fact": "f1", "kind": "corroborated", "reason": "test", BEST: (best, sentence_words)}


@pytest.mark.slow
def test_every_cited_span_states_every_figure_and_part_of_the_rendered_sentence() -> None:
    from newsprism.compare import compare_analyzed
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(STORY)))
    labels = {a.id: a.article.outlet for a in c.articles}
    # (2) two figures, a span stating one of them: not cited; the statement left with one article is left out
    two = _item(c, "Metro Wire", "Orvex will pay $4 billion for Quilla, which was valued at $900 million last year.",
                {"Coast Ledger": "Orvex agreed to buy the messaging start-up Quilla for $4 billion"})
    # (4) a modifier one cited span lacks ("in a deal bankers called rushed"): the sentence is narrowed to what both
    # state
    broad = _item(c, "Bay Courier", "The messaging start-up Quilla was sold to Orvex for $4 billion during the week, "
                                    "in a deal bankers called rushed.",
                  {"Coast Ledger": "Orvex agreed to buy the messaging start-up Quilla for $4 billion"})
    # a sentence every cited span states whole: unchanged
    same = _item(c, "Bay Courier", "Quilla has 40 employees at its office in the port city.",
                 {"Metro Wire": "Quilla has 40 employees at its office in the port city of Tallin"})
    items = [two, broad, same]
    check_rendered(c, items)
    assert "refused" in two and "does not state the figure “900”" in two["refused"], two
    assert "refused" not in broad, broad
    # ("during the week" is cut too: Coast Ledger says "on Tuesday")
    assert broad["text"] == "The messaging start-up Quilla was sold to Orvex for $4 billion.", broad
    assert "narrowed to what every cited span states" in broad["reason"]
    assert {labels[a] for a in broad["citations"]} == {"Bay Courier", "Coast Ledger"}
    assert "refused" not in same and same["text"] == "Quilla has 40 employees at its office in the port city." and len(same["citations"]) == 2
    # a source the sentence names ("the company said") that a span gives otherwise ("according to its founder"): not
    # cited; never cut from the sentence
    sourced = _item(c, "Metro Wire", "Quilla has 40 employees at its office in the port city of Tallin, the company said.",
                    {"Bay Courier": "Quilla has 40 employees at its office in the port city"})
    check_rendered(c, [sourced])
    assert "refused" in sourced and "gives one of its own" in sourced["refused"], sourced
    # the same sentence with a span that states neither figure nor part: refused, why named
    lone = _item(c, "Metro Wire", "Orvex will pay $4 billion for Quilla, which was valued at $900 million last year.",
                 {"Bay Courier": "Quilla has 40 employees at its office"})
    check_rendered(c, [lone])
    assert "refused" in lone and "Bay Courier" in lone["refused"]


SKY = {
    "North Star": ("2022-02-23", """Seven worlds found around Velka

“Astronomers found seven Earth-sized planets orbiting the dwarf star Velka,” the team wrote in its paper.

“This is the most exciting discovery we have made in a decade of looking,” said Mara Velin, the lead scientist.
"""),
    "Valley Post": ("2022-02-23", """Velka has seven planets

Astronomers found seven Earth-sized planets orbiting the dwarf star Velka, a team reported on Wednesday.

Mara Velin called it “the most exciting discovery we have made” at a news conference in Ordo.
"""),
    "Harbor Times": ("2022-02-23", """A star with seven planets

Astronomers found seven Earth-sized planets orbiting the dwarf star Velka, the journal said.

The star lies 40 light years from Earth in the constellation of the Water Bearer.
"""),
}


def _unit(c: Any, outlet: str, words: str, **kw: Any) -> Claim:
    a = next(x for x in c.articles if x.article.outlet == outlet)
    at = a.article.text.find(words)
    assert at >= 0, words
    s = next(x for x in a.sentences if x.start <= at < x.end)
    return Claim(id=f"{a.id}:{at}", article=a.id, sentence=s.i, start=at, end=at + len(words), text=words, **kw)


@pytest.mark.slow
def test_a_quotation_with_no_speaker_is_said_by_the_plainest_member_that_narrates_it() -> None:
    from newsprism.compare import compare_analyzed
    from newsprism.compare.synthesis import _narrated
    from newsprism.settings import DEFAULT
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(SKY)))
    quoted = _unit(c, "North Star", "“Astronomers found seven Earth-sized planets orbiting the dwarf star Velka,”",
                   quote=True)
    valley = _unit(c, "Valley Post", "Astronomers found seven Earth-sized planets orbiting the dwarf star Velka, a team "
                                     "reported on Wednesday.")
    harbor = _unit(c, "Harbor Times", "Astronomers found seven Earth-sized planets orbiting the dwarf star Velka, the "
                                      "journal said.")
    found = _narrated(c, c.facts[0], quoted, [valley, harbor], None, DEFAULT)
    assert not isinstance(found, str), found
    alt, text, kept, (said, kind, note), fell = found
    assert alt.article in (valley.article, harbor.article) and not alt.quote
    assert kind == "corroborated" and "narrated instead" in fell and "“" not in said
    assert {u.article for u in kept} >= ({valley.article, harbor.article} - {alt.article}), kept
    # no member narrates it (each other member quotes it too): why, not a synthesis sentence
    assert isinstance(_narrated(c, c.facts[0], quoted, [quoted], None, DEFAULT), str)


@pytest.mark.slow
def test_a_partial_quote_of_the_same_remark_is_cited() -> None:
    from newsprism.compare import compare_analyzed
    from newsprism.compare.synthesis import cite_partial_quotes
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(SKY)))
    whole = "“This is the most exciting discovery we have made in a decade of looking,”"
    best = _unit(c, "North Star", whole, quote=True, asserted_by_name="Mara Velin")
    said = "Mara Velin was quoted as saying: “This is the most exciting discovery we have made in a decade of looking”."
    item = {"text": said, "citations": [best.article], "spans": [{"article": best.article, "sentence": best.sentence,
                                                                   "start": best.start, "end": best.end}],
            "fact": "f1", "kind": "corroborated", "reason": "test", BEST: (best, said)}
    cite_partial_quotes(c, [item])
    valley = next(a for a in c.articles if a.article.outlet == "Valley Post")
    assert valley.id in item["citations"], (item, [(q.text, q.speaker) for q in valley.quotes])
    assert "quotes part of the same remark" in item["reason"]
    harbor = next(a for a in c.articles if a.article.outlet == "Harbor Times")
    assert harbor.id not in item["citations"]
    # another speaker's words: not cited
    from dataclasses import replace

    other = dict(item, citations=[best.article], spans=item["spans"][:1], reason="test",
                 **{BEST: (replace(best, asserted_by_name="Tomas Berend"), said)})
    cite_partial_quotes(c, [other])
    assert valley.id not in other["citations"]


def test_an_empty_synthesis_says_why_each_corroborated_fact_was_left_out() -> None:
    from newsprism.report.text import unstated_lines

    facts = [("f1", "corroborated", "Seven planets orbit Velka.",
              "stated by 3 articles; left out of the synthesis: undecided whether Harbor Times states it"),
             ("f2", "unique", "The star is 40 light years away.", "reported by one article only")]
    lines = unstated_lines([{"kind": "unique", "text": "According to Harbor Times alone, …"}], facts)
    assert lines[0].startswith("No corroborated fact is stated: the articles corroborate 1"), lines
    assert "f1" in lines[1] and "undecided whether Harbor Times states it" in lines[1] and len(lines) == 2
    # a synthesis that states a corroborated fact: nothing to explain
    assert unstated_lines([{"kind": "corroborated", "text": "Seven planets orbit Velka."}], facts) == []


def test_the_story_page_lists_why_each_corroborated_fact_is_left_out_of_an_empty_synthesis() -> None:
    from newsprism.compare.views import story_overview

    data = {"articles": [{"id": "a1", "outlet": "North Star"}, {"id": "a2", "outlet": "Valley Post"}],
            "facts": [{"id": "f1", "status": "corroborated", "statement": "Seven planets orbit Velka.", "support": [],
                       "reason": "stated by 2 articles; left out of the synthesis: undecided whether Valley Post states it"}],
            "synthesis": []}
    unstated = story_overview(data)["unstated"]
    assert unstated == [{"id": "f1", "statement": "Seven planets orbit Velka.",
                         "why": "undecided whether Valley Post states it"}], unstated
    data["synthesis"] = [{"text": "Seven planets orbit Velka.", "kind": "corroborated", "fact": "f1",
                          "citations": ["a1", "a2"]}]
    assert story_overview(data)["unstated"] == []
