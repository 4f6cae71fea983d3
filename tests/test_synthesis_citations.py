"""Synthesis rules of session 9 (issue 13) on texts the tests write: one fact told twice through the same spans is
stated once; an attributed statement names every outlet it cites; the evaluative check asks the framing stage's
cue classifier, not the raw word tagger alone; a rhetorical lead-in is no fact; a file's headline labels it; the
citation completion cites an article that states the statement in other words, and never one a member's checks
refuse."""

from __future__ import annotations

from typing import Any

import pytest

from newsprism.compare import compare_analyzed
from newsprism.settings import DEFAULT

from .conftest import story_articles


def _item(citations: list[str], spans: list[tuple[str, int, int]], text: str,
          kind: str = "corroborated") -> dict[str, Any]:
    return {"text": text, "citations": citations, "kind": kind,
            "spans": [{"article": a, "sentence": 0, "start": s, "end": e} for a, s, e in spans]}


def test_a_statement_restated_through_the_same_spans_of_fewer_articles_is_one_fact() -> None:
    from newsprism.compare.synthesis import _restates

    five = _item(["a", "b", "c", "d", "e"], [("a", 0, 80), ("b", 10, 90), ("c", 0, 60), ("d", 0, 70), ("e", 5, 50)],
                 "The Marren constitutional court has upheld the assembly's decision to remove Governor Varga.")
    four = _item(["a", "b", "c", "d"], [("a", 0, 120), ("b", 10, 140), ("c", 0, 60), ("d", 0, 70)],
                 "The Marren constitutional court upheld the removal of Governor Varga on Friday, making her the "
                 "first governor removed from office.")
    assert _restates(five, four, DEFAULT) and _restates(four, five, DEFAULT)
    # the same articles through other sentences: two facts those articles share
    elsewhere = _item(["a", "b"], [("a", 300, 380), ("b", 400, 480)],
                      "The Marren constitutional court upheld the removal of Governor Varga.")
    assert not _restates(five, elsewhere, DEFAULT)
    # each cites an article the other does not: the paraphrase merge's case, not this one
    other = _item(["a", "f"], [("a", 0, 80), ("f", 0, 80)], five["text"])
    assert not _restates(five, other, DEFAULT)
    # the same spans saying something else (a multi-fact sentence told twice): not one fact
    dam = _item(["a", "b"], [("a", 0, 80), ("b", 10, 90)], "The valley's dam contracts will be reviewed next month.")
    assert not _restates(five, dam, DEFAULT)


def test_an_attributed_statement_names_every_outlet_it_cites() -> None:
    from newsprism.compare.synthesis import _attributed_to_all
    from newsprism.records import AnalyzedArticle, Article, Comparison

    arts = [Article(id=i, source=f"{i}.txt", text="B.", outlet=o) for i, o in
            (("a", "Harbor Daily"), ("b", "Valley Courier"), ("c", "Plains Herald"))]
    c = Comparison(articles=tuple(AnalyzedArticle(article=a) for a in arts), facts=(), omissions={}, quotes=(),
                   sources={}, framing={}, synthesis=(), alignments=())
    item = {"text": "According to Harbor Daily, the trial was billed as the trial of the century.",
            "citations": ["a", "b"]}
    assert _attributed_to_all(c, item, "a") == \
        "According to Harbor Daily and Valley Courier, the trial was billed as the trial of the century."
    item["citations"] = ["a", "b", "c"]
    assert _attributed_to_all(c, item, "a").startswith("According to Harbor Daily, Valley Courier and Plains Herald, ")


@pytest.mark.slow
def test_a_plain_adverb_the_tagger_leans_on_is_set_aside_by_the_cue_classifier() -> None:
    """"independently" passes the raw BABE tagger at synthesis_loaded_min; the framing stage's cue classifier sets
    it aside, so the sentence is said in the synthesis' own voice; a word of judgement is still caught."""
    from newsprism.compare.synthesis import loaded_word

    plain = "The messaging company will continue to operate independently within the group, the firm said."
    assert loaded_word(plain) is None
    assert loaded_word(plain, DEFAULT.replace(synthesis_cue_min=0.0))  # the tagger alone flags it: the rule decides
    found = loaded_word("Per its paltry $1 billion acquisition of Instagram, Facebook will keep the brand.")
    assert found and "cue classifier" in found


@pytest.mark.parametrize("text, lead_in", [
    ("Picture this: the mayor walks into the council chamber and resigns.", True),
    ("Think about it: the dam holds back a lake of 12 million tonnes of water.", True),
    ("Here's the thing: the council never voted on the plan.", True),
    ("Police said two things: the dam held and no one was hurt.", False),
    ("The council voted on the plan on Tuesday: 7 in favour, 2 against.", False),
])
def test_a_rhetorical_lead_in_is_no_fact(text: str, lead_in: bool) -> None:
    from newsprism.compare.synthesis import text_problem

    problem = text_problem(text)
    assert (problem is not None and "lead-in" in problem) is lead_in, problem


def test_a_statement_is_checked_as_it_is_finally_said() -> None:
    """The final check parses each statement's own words, without the synthesis' frame: a noun phrase is refused
    however the article's parse read it."""
    from newsprism.compare.synthesis import _body, ill_formed

    item = {"kind": "unique", "text": "According to Harbor Daily alone, a premiere series of conversations with the "
                                      "people who built the valley dam."}
    assert _body(item).startswith("A premiere series")
    assert ill_formed(_body(item)) is not None
    said = {"kind": "unique", "text": "According to Harbor Daily alone, the valley dam opened on Tuesday."}
    assert ill_formed(_body(said)) is None


def test_a_headline_with_a_comma_labels_a_file_without_breaking_the_frame() -> None:
    from newsprism.compare.synthesis import _label
    from newsprism.records import AnalyzedArticle, Article, Comparison

    a = Article(id="a", source="/tmp/x/harbor-daily.txt", text="B.", title="Dam opens, valley cheers at last")
    c = Comparison(articles=(AnalyzedArticle(article=a),), facts=(), omissions={}, quotes=(), sources={},
                   framing={}, synthesis=(), alignments=())
    assert _label(c, "a") == "the article ‘Dam opens…’ in file “harbor-daily.txt”"  # no comma: "According to …," holds
    assert a.label == "harbor-daily.txt (file: “Dam opens, valley cheers at last”)"


DAM: dict[str, tuple[str | None, str]] = {
    "Harbor Daily": ("2021-03-10", """Dam opens

The Hollins dam on the Marren river was opened by Governor Lena Varga on Tuesday after six years of work.

Farmers in the valley welcomed the new reservoir."""),
    "Valley Courier": ("2021-03-10", """Marren dam

The Hollins dam on the Marren river was opened by Governor Lena Varga on Tuesday after six years of work.

Tourists are expected at the lake this summer."""),
    "Plains Herald": ("2021-03-10", """Varga at the dam

Governor Lena Varga cut the ribbon on Tuesday to open the Hollins dam on the Marren river, completed after six years.

Critics said the reservoir drowned three villages."""),
    "River Post": ("2021-03-10", """Dam delayed

Governor Lena Varga cut the ribbon on Tuesday to open the Hollins dam on the Marren river, completed after nine years.

The river's fish will be counted next spring."""),
}


@pytest.mark.slow
def test_the_citation_completion_cites_a_paraphrase_and_never_another_figure() -> None:
    from newsprism.stages import analyze_many

    analyzed = analyze_many(story_articles(DAM))
    by_outlet = {a.article.outlet: a.id for a in analyzed}

    def opened(settings):  # type: ignore[no-untyped-def]
        c = compare_analyzed(analyzed, settings)
        said = [s for s in c.synthesis if "Hollins dam" in s["text"] and s["kind"] != "conflict"]
        assert said, c.synthesis
        return said[0]

    off = opened(DEFAULT.replace(synthesis_complete=False))
    on = opened(DEFAULT.replace(synthesis_complete=True, synthesis_complete_min=0.0))
    assert by_outlet["River Post"] not in on["citations"], on  # nine years, not six: refused whatever the model says
    assert by_outlet["Plains Herald"] in on["citations"], on  # the same fact in other words
    assert set(off["citations"]) <= set(on["citations"])
    assert not on["reason"].endswith("also stated by "), on["reason"]  # nothing added: nothing said to be
    for aid in set(on["citations"]) - set(off["citations"]):  # an added article is named with the model's score
        assert "span check" in on["reason"] and aid in on["citations"]


def test_a_report_lists_an_article_by_its_headline_or_opening_words_never_its_path() -> None:
    from newsprism.records import AnalyzedArticle, Article, Comparison
    from newsprism.report.html import article_view
    from newsprism.report.text import comparison_sections

    titled = Article(id="a", source="/home/me/cases/2021/harbor-daily.txt", text="The dam opened on Tuesday.",
                     title="Dam opens")
    bare = Article(id="b", source="/home/me/cases/2021/courier.txt",
                   text="Governor Lena Varga cut the ribbon on Tuesday to open the Hollins dam on the Marren river.")
    c = Comparison(articles=(AnalyzedArticle(article=titled), AnalyzedArticle(article=bare)), facts=(), omissions={},
                   quotes=(), sources={}, framing={}, synthesis=(), alignments=())
    assert titled.heading == "Dam opens"
    assert bare.heading == "no headline; begins “Governor Lena Varga cut the ribbon on Tuesday to open the…”"
    listed = dict(comparison_sections(c))["Articles"]
    assert not any("/home/me" in line for line in listed), listed
    assert any("begins “Governor Lena Varga" in line for line in listed), listed
    view = article_view(c, 1)
    assert view["source"] == "courier.txt" and view["heading"].startswith("no headline")


ELECTION: dict[str, tuple[str | None, str]] = {
    "Harbor Daily": ("2021-03-10", """Varga removed

The Marren constitutional court upheld the removal of Governor Lena Varga from office on Friday.

The valley is required to hold an election for governor within 60 days.

Her supporters gathered outside the court building in the rain."""),
    "Valley Courier": ("2021-03-10", """Court rules on Varga

Marren's constitutional court has confirmed the decision by the valley assembly to remove Governor Lena Varga from office.

Meanwhile, the valley is required by law to hold an election for governor within 60 days."""),
    "Plains Herald": ("2021-03-10", """Varga out

The constitutional court in Marren confirmed on Friday that Governor Lena Varga is removed from office.

A new governor's election is expected to be held within two months.

The valley's dam contracts will be reviewed by the assembly next month."""),
    "River Post": ("2021-03-10", """Varga ousted

Governor Lena Varga was removed from office by the Marren constitutional court on Friday.

A new governor's election is expected to be held within three months.

The river's fish will be counted next spring."""),
}


@pytest.mark.slow
def test_an_article_stating_the_statements_figure_in_other_words_is_cited() -> None:
    """“within two months” states the election “within 60 days”: the article is cited (its span and the figure named
    in the reason); “within three months” is another figure and is not."""
    from newsprism.stages import analyze_many

    analyzed = analyze_many(story_articles(ELECTION))
    by_outlet = {a.article.outlet: a.id for a in analyzed}

    def election(settings):  # type: ignore[no-untyped-def]
        c = compare_analyzed(analyzed, settings)
        said = [s for s in c.synthesis if s["kind"] == "corroborated" and "60 days" in s["text"]]
        assert len(said) == 1, c.synthesis
        return said[0], {a.id: a.article.text for a in c.articles}

    # (without the figure rule the span check cannot decide on “within two months”: the statement would be left out)
    # (the detail check off: at the defaults it refuses “expected to be held” for a requirement, below)
    off, _ = election(DEFAULT.replace(synthesis_figure_complete=False, synthesis_abstain_min=0.0, member_details=False))
    on, texts = election(DEFAULT.replace(member_details=False))
    detailed, _ = election(DEFAULT)
    assert by_outlet["Plains Herald"] not in detailed["citations"], detailed  # an expectation is no requirement
    assert by_outlet["Plains Herald"] not in off["citations"], off  # the rule is what adds it
    assert by_outlet["Plains Herald"] in on["citations"], on
    assert by_outlet["River Post"] not in on["citations"], on
    span = next(sp for sp in on["spans"] if sp["article"] == by_outlet["Plains Herald"])
    assert "two months" in texts[span["article"]][span["start"]:span["end"]]
    assert "“60 days” as “two months”" in on["reason"]


USERS: dict[str, tuple[str | None, str]] = {
    "Harbor Daily": ("2014-02-19", """Chat deal

Mediaco agreed on Wednesday to buy the messaging company Chatter for $19 billion in cash and stock.

Chatter has 450 million monthly users, and about a million new users sign up every day, its founder Jan Kolm said.

Shares of Mediaco fell in late trading."""),
    "River Post": ("2014-02-19", """Chatter sold

In the biggest deal of its history, Mediaco is buying Chatter for $19 billion, it said Wednesday.

Chatter, a five-year-old startup, has 450 million monthly users, and about a million new users sign up every day.

Kolm will join the Mediaco board."""),
    "Metro Blog": ("2014-02-19", """Why Chatter matters

Mediaco is paying $19 billion for Chatter.

With 450 million monthly users, Chatter is bigger than its rivals.

Teenagers love the app."""),
}


@pytest.mark.slow
def test_a_sentence_about_users_signing_up_is_a_fact_not_page_chrome() -> None:
    """"… new users sign up every day" was refused as page chrome ("sign up"), so the user count, stated by all
    three outlets, was no fact at all; it is corroborated now, and the sign-up clause is no chrome either."""
    from newsprism.stages import analyze_many

    analyzed = analyze_many(story_articles(USERS))
    comparison = compare_analyzed(analyzed)
    users = [f for f in comparison.facts if "450 million" in f.statement]
    assert users and max(len(f.articles()) for f in users) >= 2, [f.statement for f in comparison.facts]
    assert any("450 million" in s["text"] for s in comparison.synthesis), comparison.synthesis


def test_a_long_headline_is_shortened_at_a_words_end() -> None:
    from newsprism.records import Article

    long = Article(id="a", source="s.html", text="x", title="Toronto guard T.J. Ford close to resuming workouts after injury")
    assert long.short_title == "Toronto guard T.J. Ford close to…"  # never "… close to resumi…"
    unbroken = Article(id="b", source="s.html", text="x", title="A" * 50)
    assert unbroken.short_title == "A" * 39 + "…"
