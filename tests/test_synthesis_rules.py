"""Synthesis rules on texts the tests write (issue 13): only well-formed statements, single-source sentences
only when nothing in another article aligns with them, a multi-fact sentence cites only its shared clause."""

from __future__ import annotations

import pytest

from newsprism.compare import compare_analyzed
from newsprism.compare.synthesis import dangling, drop_connective, ill_formed, subjective, unresolved_person
from newsprism.settings import DEFAULT

from .conftest import story_articles


@pytest.mark.parametrize("text", [
    "No for an independent Catalan republic.",                       # no verb
    "A premiere series about the important moments of our time.",    # a noun phrase (page chrome)
    "Which the police later denied.",                                # hangs on a sentence before it
    "Or the mayor resigned on Tuesday.",  # a connective that is no statement's start
    "Read more about the earthquake in our live coverage.",         # a call to action
    "Will the ceasefire hold through the winter?",                   # a question
    "Jane Doe is a staff writer for the Valley Courier.",            # a bio line
    "Rescue teams searching the rubble of the school",               # cut short, no finite verb
    "Reading the judgment, Judge Ilse Kovar said.",                  # a bare attribution: nothing said
])
def test_ill_formed_statements_are_refused(text: str) -> None:
    assert ill_formed(text) is not None, text


@pytest.mark.parametrize("text", [
    "Rescue teams evacuated 1,200 residents on Monday.",
    "The governor declared a state of emergency for the whole valley.",
    "Police said the bridge had been closed since the weekend.",
    "At least 14 people were injured in the floods, the hospital said.",
    "After the river burst its banks, the army sent 300 soldiers.",
])
def test_well_formed_statements_pass(text: str) -> None:
    assert ill_formed(text) is None, (text, ill_formed(text))


def test_a_leading_connective_is_dropped_and_a_demonstrative_noun_stands_alone() -> None:
    assert drop_connective("But both leaders face critics at home.") == "Both leaders face critics at home."
    assert drop_connective("However, the dam held.") == "The dam held."
    assert drop_connective("Butter prices rose.") == "Butter prices rose."
    assert not dangling("This deal offers an opportunity to move in a new direction.")
    assert dangling("This would represent a turnout of 42 percent.")


def test_a_he_or_she_that_names_no_one_is_not_lifted() -> None:
    assert unresolved_person("The only information known about him was his surname.", [])
    assert unresolved_person("Experts have inspected 357,000 homes so far, he said.", [])
    assert not unresolved_person("Kovar said she would stay in the valley.", ["Kovar"])
    assert not unresolved_person("The governor said he would stay in the valley.", [])
    assert not unresolved_person("Officials said the dam held.", [])
    assert dangling("One is a 72 year old man, was found near the court.")


def test_a_word_the_bias_tagger_leans_towards_loaded_makes_a_statement_evaluative() -> None:
    from newsprism.compare.synthesis import loaded_word

    assert loaded_word("Per its paltry $1 billion acquisition of Instagram, Facebook will keep the brand.")
    assert loaded_word("Three of the planets are located firmly in the habitable zone.") is None
    assert loaded_word("He called the offer “paltry” on Friday.") is None  # someone's word in quote marks


def test_the_plainest_rendering_avoids_lexicon_subjective_words() -> None:
    assert subjective("Police launched a brutal crackdown on the stunning protest.") >= 2
    assert subjective("Police arrested 12 people near the court on Friday.") == 0
    assert subjective("He called it “a brutal crackdown”.") == 0  # someone's words in quote marks


STORY = {
    "Harbor Daily": ("2021-03-02", """Floods hit Marren valley

Rescue teams evacuated 1,200 residents from the Marren valley after the river Tolle burst its banks on Monday; the town's mayor resigned over the state of the flood defences.

The regional governor, Ilse Kovar, declared a state of emergency for the whole valley.

A local brass band cancelled its spring concert because the hall was flooded.

Police closed the old stone bridge over the Tolle on Tuesday morning."""),
    "Valley Courier": ("2021-03-02", """River Tolle bursts its banks

Rescue teams evacuated 1,200 residents from the Marren valley on Monday after the river Tolle burst its banks.

Governor Ilse Kovar declared a state of emergency for the whole valley on Monday evening.

Engineers had not inspected the Tolle dykes since the spring, the water authority said.

Police closed the old stone bridge over the Tolle on Tuesday morning, citing fears that the cracked pillars would give way."""),
}


@pytest.fixture(scope="module")
def story():  # type: ignore[no-untyped-def]
    from newsprism.stages import analyze_many

    return analyze_many(story_articles(STORY))


@pytest.mark.slow
def test_a_multi_fact_sentence_cites_and_states_only_its_shared_clause(story) -> None:  # type: ignore[no-untyped-def]
    c = compare_analyzed(story)
    texts = {a.id: a.article.text for a in c.articles}
    evacuated = [s for s in c.synthesis if "evacuated 1,200" in s["text"]]
    assert evacuated and len(evacuated[0]["citations"]) == 2, c.synthesis
    assert "mayor" not in evacuated[0]["text"]
    for sp in evacuated[0]["spans"]:  # no cited span holds the clause only one article states
        assert "mayor" not in texts[sp["article"]][sp["start"]:sp["end"]]


@pytest.mark.slow
def test_a_participle_phrase_one_article_adds_is_not_cited(story) -> None:  # type: ignore[no-untyped-def]
    c = compare_analyzed(story)
    texts = {a.id: a.article.text for a in c.articles}
    bridge = [s for s in c.synthesis if "stone bridge" in s["text"]]
    assert bridge and len(bridge[0]["citations"]) == 2, c.synthesis
    assert "citing fears" not in bridge[0]["text"]
    for sp in bridge[0]["spans"]:
        assert "pillars" not in texts[sp["article"]][sp["start"]:sp["end"]]


def _unique_scores(c) -> dict[str, float]:  # type: ignore[no-untyped-def]
    out = {}
    for s in c.synthesis:
        if s["kind"] == "unique":  # labelled as one outlet's alone, with the best alignment score that shows it
            assert len(s["citations"]) == 1 and " alone, " in s["text"], s
            out[s["text"]] = float(s["reason"].split("another article ")[1].split(" <")[0])
    return out


@pytest.mark.slow
def test_single_source_sentences_only_below_the_alignment_floor(story) -> None:  # type: ignore[no-untyped-def]
    # the alignment floor alone: this story's short single-source sentences ("… in the valley … after the river
    # rose") lean on their headlines, which the stands-alone check (its own tests: test_synthesis_stands_alone.py)
    # refuses
    base = DEFAULT.replace(synthesis_stands_alone=False, synthesis_unique_per_article=3)
    loose = _unique_scores(compare_analyzed(story, base.replace(unique_align_max=0.45)))
    assert loose and all(v < 0.45 for v in loose.values()), loose
    default = _unique_scores(compare_analyzed(story, base))
    assert all(v < DEFAULT.unique_align_max for v in default.values()) and set(default) <= set(loose)
    assert len(default) < len(loose) or all(v < DEFAULT.unique_align_max for v in loose.values())
    # with no floor at all nothing single-source is stated: nothing shows another article does not say it
    strict = compare_analyzed(story, base.replace(unique_align_max=0.0))
    assert not [s for s in strict.synthesis if s["kind"] == "unique"]
    assert [s for s in strict.synthesis if s["kind"] == "corroborated"]


RISING: dict[str, tuple[str | None, str]] = {  # the Plains Herald's page gives no date
    "Harbor Daily": ("2021-03-02", """Quake hits Marren

At least 40 people were killed by the earthquake in Marren, officials said on Tuesday."""),
    "Valley Courier": ("2021-03-04", """Marren quake toll rises

The death toll from the earthquake in Marren has risen to 95, officials said on Thursday."""),
    "Plains Herald": (None, """Marren counts its dead

The earthquake in Marren killed 61 people, officials said."""),
}


@pytest.mark.slow
def test_a_rising_count_is_stated_from_its_lowest_to_its_highest_figure() -> None:
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(RISING)))
    rises = [s for s in c.synthesis if s["kind"] == "conflict" and s.get("label") == "updated"]
    assert rises, [(f.status, f.statement) for f in c.facts]
    text = rises[0]["text"]
    # the whole rise, from the lowest figure (not from an undated one) to the highest, and every article that
    # gives a figure named with it: a sentence naming two of three cited articles under-cites the third
    assert text.index("40") < text.index("61") < text.index("95"), text
    assert all(outlet in text for outlet in RISING), text
    assert set(rises[0]["citations"]) == {a.id for a in c.articles}


def test_a_rise_runs_between_dated_figures_and_an_undated_one_outside_them_is_said_apart() -> None:
    """An undated figure below the first dated one cannot be where the rise began: it is said apart."""
    from newsprism.compare.synthesis import conflict_sentence
    from newsprism.records import AnalyzedArticle, Article, Comparison

    arts = tuple(AnalyzedArticle(article=Article(id=i, source=i, text="", outlet=name))
                 for i, name in (("a", "Harbor Daily"), ("b", "Valley Courier"), ("c", "Plains Herald")))
    values = [{"article": "a", "value": "40", "as_of": "2021-03-02", "source": None, "start": 0, "end": 2},
              {"article": "b", "value": "95", "as_of": "2021-03-04", "source": None, "start": 0, "end": 2},
              {"article": "c", "value": "two", "as_of": None, "source": None, "start": 0, "end": 3},
              {"article": "c", "value": "61", "as_of": None, "source": None, "start": 5, "end": 7}]
    comparison = Comparison(articles=arts, facts=(), omissions={}, quotes=(), sources={}, framing={}, synthesis=(),
                            alignments=())
    text = conflict_sentence(comparison, {"measure": "people killed", "label": "updated", "values": values})
    assert text.startswith("Reported people killed rose from 40 (Harbor Daily, 2021-03-02)"), text
    assert text.index("40") < text.index("61") < text.index("95") < text.index("undated: two (Plains Herald)"), text


@pytest.mark.slow
def test_every_cited_span_holds_the_statements_words(story) -> None:  # type: ignore[no-untyped-def]
    import re

    from newsprism.compare.synthesis import _stems

    for floor in (DEFAULT.synthesis_cover_min, 0.9):
        c = compare_analyzed(story, DEFAULT.replace(synthesis_cover_min=floor))
        texts = {a.id: a.article.text for a in c.articles}
        for s in c.synthesis:
            if s["kind"] not in ("corroborated", "attributed"):
                continue
            said = _stems(re.sub(r"^According to [^,]+, ", "", s["text"]))
            assert len({sp["article"] for sp in s["spans"]}) >= 2, s
            for sp in s["spans"]:
                held = _stems(texts[sp["article"]][sp["start"]:sp["end"]])
                assert len(said & held) >= floor * len(said) - 1, (s["text"], texts[sp["article"]][sp["start"]:sp["end"]])


def test_a_figure_printed_mid_sentence_loses_the_capital_that_began_its_own_sentence() -> None:
    from newsprism.compare.synthesis import _figure_text

    assert _figure_text({"value": "At least 65 "}) == "at least 65"
    assert _figure_text({"value": "Twenty"}) == "twenty"
    assert _figure_text({"value": "USD 16 billion"}) == "USD 16 billion"  # an acronym stays
    assert _figure_text({"value": "1,030,000"}) == "1,030,000"


def test_a_live_blog_update_stamp_leaves_the_body_and_its_paragraph_stays() -> None:
    from newsprism.extract import extract
    from newsprism.records import RawDocument

    page = ("Leaders react to the Marren accord\n\n"
            "Update 8:10 a.m. ET: The spokesman for the Marren governor said the accord signed on Tuesday "
            "would bring calm to the valley.\n\n"
            "UPDATE (10:45 GMT): Police said the border crossings had reopened after the signing.\n\n"
            "The score at half-time was 1-0: the visitors led until the final whistle in the valley stadium.")
    text = extract(RawDocument(source="blog.txt", data=page.encode(), kind="text")).text
    assert "ET:" not in text and "10:45" not in text, text
    assert "The spokesman for the Marren governor said" in text and "Police said the border crossings" in text
    assert "1-0: the visitors led" in text  # a score is no stamp


@pytest.mark.parametrize("text,refers_back", [
    ("Both face scepticism from hardliners at home.", True),
    ("The two met in Vienna on Tuesday.", True),
    ("They were warned about the risk before the storm.", True),
    ("Neither would comment on the accord.", True),
    ("It was the deadliest quake in the valley since 1985.", True),
    ("Both leaders face scepticism from hardliners at home.", False),
    ("The two leaders met in Vienna on Tuesday.", False),
    ("When the leaders met, they agreed on a ceasefire.", False),
    ("It is likely that the toll will rise.", False),
    ("Those who escaped were taken to the hospital.", False),
    ("Some attempted to climb the police buses and scuffled with officers.", True),
    ("More were feared dead under the rubble of the school.", True),
    ("Many were taken to the hospital in Marren.", True),
    ("Some of the protesters climbed the police buses.", False),
    ("Many residents fled to the hills above the valley.", False),
    ("More than 200 people were taken to the hospital.", False),
    # the antecedent check of "they" for bare quantifiers, and a place that only "there" points to
    ("When the protesters reached the station, some climbed the police buses.", False),
    ("Four deaths were confirmed in Marren, and rescuers feared more there.", False),
    ("Rescuers feared that more bodies lay there under the rubble.", True),
    ("There were 40 people in the hall when the roof fell.", False),
])
def test_a_subject_that_refers_to_an_earlier_sentence_makes_no_statement(text: str, refers_back: bool) -> None:
    """The analysis' verdict on each sentence (``Sentence.problem``, from the article's parse): a subject
    that stands for what only an earlier sentence names cannot be lifted out; the synthesis refuses it too."""
    from newsprism.records import Article
    from newsprism.stages import analyze

    sentence = analyze(Article(id="t", source="t.txt", text=text)).sentences[0]
    assert (sentence.problem is not None and "earlier sentence" in sentence.problem) is refers_back, sentence
    assert (ill_formed(text) is not None) is refers_back


FIGURES: dict[str, tuple[str | None, str]] = {
    "Harbor Daily": ("2021-03-02", """Marren school quake

The earthquake in Marren killed 19 children and six adults at the Hollins school on Tuesday, officials said."""),
    "Valley Courier": ("2021-03-02", """Marren quake

At least 65 people were killed at the Hollins school on Tuesday when the earthquake hit Marren, officials said."""),
    "Plains Herald": ("2021-03-02", """Marren school

The earthquake in Marren killed 19 children and six adults at the Hollins school on Tuesday, officials said."""),
}


@pytest.mark.slow
def test_a_span_with_another_figure_or_without_the_statements_figure_is_not_cited() -> None:
    from newsprism.compare.synthesis import _unsupported
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(FIGURES)))
    by_outlet = {a.article.outlet: a for a in c.articles}
    first = lambda outlet: next(cl for cl in by_outlet[outlet].claims if "killed" in cl.text)  # noqa: E731
    stated, other, same = first("Harbor Daily"), first("Valley Courier"), first("Plains Herald")
    text = stated.text
    assert _unsupported(c, stated, text, other, DEFAULT) is not None  # 65 people: not 19 children, six adults
    assert _unsupported(c, stated, text, same, DEFAULT) is None
    for s in c.synthesis:
        if "19 children" in s["text"]:
            assert by_outlet["Valley Courier"].id not in s["citations"], s


QUOTES: dict[str, tuple[str | None, str]] = {
    "Harbor Daily": ("2021-03-02", """Accord reaction

Governor Lena Varga of Marren called the accord "a historic mistake for the whole valley" on Tuesday."""),
    "Valley Courier": ("2021-03-02", """Accord reaction

Governor Lena Varga of Marren called the accord "a bad mistake of historic proportions" on Tuesday."""),
    "Plains Herald": ("2021-03-02", """Accord reaction

Governor Lena Varga of Marren called the accord "a historic mistake for the whole valley" on Tuesday."""),
}


@pytest.mark.slow
def test_quoted_words_are_cited_only_to_spans_that_hold_them() -> None:
    from newsprism.compare.synthesis import _unsupported
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(QUOTES)))
    by_outlet = {a.article.outlet: a for a in c.articles}
    first = lambda outlet: next(cl for cl in by_outlet[outlet].claims if "mistake" in cl.text)  # noqa: E731
    stated, other, same = first("Harbor Daily"), first("Valley Courier"), first("Plains Herald")
    text = 'Governor Lena Varga of Marren called the accord "a historic mistake for the whole valley" on Tuesday.'
    assert _unsupported(c, stated, text, other, DEFAULT) is not None  # another utterance
    assert _unsupported(c, stated, text, same, DEFAULT) is None
    for s in c.synthesis:
        if "historic mistake" in s["text"]:
            assert by_outlet["Valley Courier"].id not in s["citations"], s


def test_an_article_without_an_outlet_is_named_by_its_web_host_or_file_not_a_cut_headline() -> None:
    from newsprism.records import Article

    headline = "Marren earthquake: At least 273 dead as rescuers search the rubble of the Hollins school"
    by_url = Article(id="a", source="/tmp/x/page.html", url="https://www.marren-news.example/quake/1", text="B.",
                     title=headline)
    by_file = Article(id="b", source="/tmp/x/harbor-daily.txt", text="B.", title=headline)
    pasted = Article(id="c", source="<text>", text="B.", title="Marren quake")
    assert by_url.label == "marren-news.example"
    # set off as a file, never as if it were an outlet, with the headline the file holds (cut at 40 characters)
    assert by_file.label == "harbor-daily.txt (file: “Marren earthquake: At least 273 dead as…”)"
    untitled = Article(id="d", source="/tmp/x/harbor-daily.txt", text="B.")
    assert untitled.label == "harbor-daily.txt (file)"
    assert pasted.label == "Marren quake"  # nothing else names it


def test_words_addressed_to_the_reader_are_no_outlets_statement() -> None:
    from newsprism.compare.synthesis import first_person

    assert first_person("You can continue to use the service wherever you are.")
    assert first_person("And you can still count on no ads interrupting your messages.")
    assert not first_person('The governor told residents: "you must leave the valley now."')  # quoted: a speaker's
    assert not first_person("The governor declared a state of emergency for the whole valley.")


def test_a_date_or_time_is_no_figure_a_citing_span_must_repeat() -> None:
    from newsprism.compare.synthesis import _is_date_part

    text = "On Sept. 19 at 1:40 p.m. in 2017, 12 people died."
    assert _is_date_part(text, text.index("19"), text.index("19") + 2)        # Sept. 19
    assert _is_date_part(text, text.index("1:40"), text.index("1:40") + 1)    # 1:40 p.m.
    assert _is_date_part(text, text.index("2017"), text.index("2017") + 4)    # a year
    assert not _is_date_part(text, text.index("12 people"), text.index("12 people") + 2)


def test_after_according_to_a_common_first_word_is_lowered_and_a_name_is_not() -> None:
    from newsprism.compare.synthesis import _lower_first

    assert _lower_first("Apartment blocks in the old town swayed.") == "apartment blocks in the old town swayed."
    assert _lower_first("The warnings came late.") == "the warnings came late."
    assert _lower_first("Maria Lopez said the school fell.", ["Maria Lopez"]) == "Maria Lopez said the school fell."
    assert _lower_first("NATO said the talks ended.") == "NATO said the talks ended."
    assert _lower_first("Prime Minister Johan Ekberg will visit.") == "Prime Minister Johan Ekberg will visit."
    assert _lower_first("Mayor Ines Okafor thanked them.") == "Mayor Ines Okafor thanked them."


ACCORD: dict[str, tuple[str | None, str]] = {
    "Harbor Daily": ("2021-03-02", """Marren accord signed

Under the accord, sanctions imposed by the river council and the valley league will be lifted in return for Marren's dam work becoming subject to temporary limits."""),
    "Valley Courier": ("2021-03-02", """Marren accord

Under the accord, sanctions imposed by the river council and the valley league would be lifted in return for Marren agreeing long-term curbs on a dam program that the league suspected was aimed at diverting the river."""),
    "Plains Herald": ("2021-03-02", """Accord in Marren

Under the accord, sanctions imposed by the river council and the valley league will be lifted in return for Marren agreeing long-term curbs on a dam program that the league has suspected was aimed at diverting the river."""),
}


@pytest.mark.slow
def test_one_outlets_wording_of_a_shared_fact_is_not_cited_to_the_others() -> None:
    """The statement is the part every cited article holds: "temporary limits" is one outlet's, "long-term
    curbs" the others'; the sanctions being lifted is what all three state."""
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(ACCORD)))
    lifted = [s for s in c.synthesis if "sanctions" in s["text"]]
    assert lifted, [(f.status, f.statement) for f in c.facts]
    for s in lifted:
        if len(s["citations"]) == 3:
            assert "temporary" not in s["text"] and "long-term" not in s["text"], s["text"]
        assert not ("temporary" in s["text"] and len(s["citations"]) > 1), s


COURT: dict[str, tuple[str | None, str]] = {
    "Harbor Daily": ("2021-03-10", """Marren court ruling

The Marren constitutional court today upheld the removal of Governor Lena Varga from office.

Judges said the governor had broken the valley charter by handing dam contracts to a friend."""),
    "Valley Courier": ("2021-03-10", """Varga removed

The Marren constitutional court today upheld the removal of Governor Lena Varga from office, ending her term.

Her supporters gathered outside the court building in the rain."""),
    "Plains Herald": ("2021-03-10", """Court rules on Varga

The Marren constitutional court upheld the removal of Governor Lena Varga from office on Wednesday.

An election for her successor must be held within sixty days."""),
}


@pytest.mark.slow
def test_a_relative_day_in_a_statement_is_stated_as_the_date_it_means() -> None:
    """"The court today upheld …" speaks of the article's day: the synthesis, which speaks for articles of
    several days, states the date; a speaker's "today" inside quotation marks stays."""
    from newsprism.compare.synthesis import _dated
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(COURT)))
    upheld = [s for s in c.synthesis if "upheld the removal" in s["text"]]
    assert upheld and "today" not in upheld[0]["text"] and "on 10 March 2021" in upheld[0]["text"], c.synthesis
    aid = c.articles[0].id
    assert _dated(c, aid, "Yesterday the court met.") == "On 9 March 2021 the court met."
    assert _dated(c, aid, 'She said: "We decide today."') == 'She said: "We decide today."'


SAME_RULING: dict[str, tuple[str | None, str]] = {
    "Harbor Daily": ("2021-03-10", """Marren court ruling

The Marren constitutional court upheld the removal of Governor Lena Varga from office on Wednesday.

Judges said the governor had broken the valley charter by handing dam contracts to a friend."""),
    "Valley Courier": ("2021-03-10", """Varga removed

The Marren constitutional court upheld the removal of Governor Lena Varga from office on Wednesday.

Her supporters gathered outside the court building in the rain."""),
    "Plains Herald": ("2021-03-10", """Court rules on Varga

Marren's constitutional court has confirmed the decision by the valley assembly to remove Governor Lena Varga from office.

An election for her successor must be held within sixty days."""),
    "River Post": ("2021-03-10", """Varga out

Marren's constitutional court has confirmed the decision by the valley assembly to remove Governor Lena Varga from office.

The valley's dam contracts will be reviewed by the assembly next month."""),
}


@pytest.mark.slow
def test_statements_that_say_the_same_thing_are_stated_once_citing_every_article() -> None:
    """The court's ruling told by two pairs of outlets in two wordings is one statement citing the four, not two
    statements citing two each."""
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(SAME_RULING)))
    ruling = [s for s in c.synthesis if "Varga" in s["text"] and "court" in s["text"]]
    assert len(ruling) == 1, [(s["text"], s["citations"]) for s in c.synthesis]
    assert len(ruling[0]["citations"]) == 4, ruling[0]


JIBE: dict[str, tuple[str | None, str]] = {
    "Harbor Daily": ("2021-03-10", """Vote in Marren

Police in riot gear brutally smashed in the doors of the Hollins school and dragged voters away by the hair.

The polling station at the Hollins school closed at noon."""),
    "Valley Courier": ("2021-03-10", """Marren vote halted

On Sunday morning, shortly after the polls opened, police in riot gear brutally stormed the Hollins school in Marren to stop the vote going ahead.

The polling station at the Hollins school closed at noon."""),
}


@pytest.mark.slow
def test_one_outlets_evaluative_wording_is_attributed_to_it_alone() -> None:
    """An attributed statement ("According to X, …") is X's words: another article is cited with it only when
    its span holds nearly all of them (``synthesis_full_cover_min``), not when it states a part ("stormed the
    school" is not "smashed in the doors … dragged voters away by the hair")."""
    from newsprism.stages import analyze_many

    analyzed = analyze_many(story_articles(JIBE))
    # (synth14's rendered check, on by default, cuts "by the hair" from the statement instead: off here to test this
    # rule alone)
    loose = compare_analyzed(analyzed, DEFAULT.replace(synthesis_full_cover_min=DEFAULT.synthesis_cover_min,
                                                       synthesis_rendered_check=False))
    strict = compare_analyzed(analyzed)
    texts = {a.id: a.article.text for a in strict.articles}

    def partial(c):  # type: ignore[no-untyped-def]
        return [s for s in c.synthesis if "hair" in s["text"] and any(
            "hair" not in texts[sp["article"]][sp["start"]:sp["end"]] for sp in s["spans"])]

    assert partial(loose), loose.synthesis  # the rule is what keeps the other outlet's span out
    assert not partial(strict), strict.synthesis
    assert any(s["kind"] == "corroborated" and "closed at noon" in s["text"] for s in strict.synthesis)



@pytest.mark.parametrize("clause, alone", [
    ("Harlow, Brisk and Tenby – are also parties to the accord, as is Ostrow", False),  # half an aside
    ("the three other valley towns – Harlow, Brisk and Tenby – are also parties to the accord", True),
    ("Rescue teams evacuated 1,200 residents from the valley", True),
])
def test_a_clause_cut_between_the_two_dashes_of_an_aside_does_not_stand_alone(clause: str, alone: bool) -> None:
    """"the three other valley towns – Harlow, Brisk and Tenby – are also parties": a piece cut at the first
    dash, "Harlow, Brisk and Tenby – are also parties …", is no sentence anyone wrote."""
    from newsprism.compare.synthesis import _standalone
    from newsprism.records import Claim

    claim = Claim(id="a:1~0", article="a", sentence=1, start=0, end=len(clause), text=clause, part="clause")
    assert (_standalone(claim) is not None) is alone


ELSEWHERE: dict[str, tuple[str | None, str]] = {
    "Harbor Daily": ("2021-03-02", """Marren vote

Governor Lena Varga and Mayor Tomas Brek signed the water accord at the harbour on Tuesday, ending a long dispute.
The quake killed 40 people in Osk, officials said."""),
    "Valley Courier": ("2021-03-02", """Valley reaction

Cheering crowds watched as Varga put her name to the accord beside Brek, whose city gets the river water after a long row.
Officials said 40 people died in Osk after the tremor."""),
}


def test_a_sentence_another_article_states_in_other_words_is_not_single_source() -> None:
    """Before a sentence is shown as one outlet's alone, every other article's sentences are checked: one
    naming two of its named entities with a quarter of its content words, or a figure of the same measure,
    place and event, shows it may be stated there."""
    from newsprism.compare.synthesis import _figure_elsewhere, _names_elsewhere
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(ELSEWHERE)))
    harbor = next(a for a in c.articles if a.article.outlet == "Harbor Daily")
    signed = next(cl for cl in harbor.claims if "signed" in cl.text)
    killed = next(cl for cl in harbor.claims if "killed" in cl.text)
    assert _names_elsewhere(c, signed, DEFAULT)
    assert not _names_elsewhere(c, signed, DEFAULT.replace(unique_names_overlap_min=0.9))
    found = _figure_elsewhere(c, killed)
    assert found is not None and found.article != harbor.id and found.measure == "people killed"
    assert _figure_elsewhere(c, signed) is None
    assert not [s for s in c.synthesis if s["kind"] == "unique" and ("signed" in s["text"] or "40" in s["text"])]


BLOG = {
    "Harbor Daily": ("2021-03-02", """Brightline sold to Orbis

Orbis agreed on Tuesday to buy the messaging company Brightline for $4 billion in cash.

In a blog post, Brightline founder Lena Varga writes “Brightline will remain fiercely autonomous and operate independently of its new parent company.”"""),
    "Valley Courier": ("2021-03-02", """Orbis buys Brightline

Orbis will buy the messaging company Brightline for $4 billion in cash, the companies said on Tuesday.

Brightline will remain fiercely autonomous and operate independently of its new parent company."""),
    "Plains Herald": ("2021-03-02", """Orbis to buy Brightline

The technology group Orbis agreed to buy Brightline, a messaging company, for $4 billion in cash on Tuesday.

Rescue teams in the valley evacuated 1,200 residents after the river rose."""),
}


@pytest.mark.slow
def test_words_one_outlet_quotes_from_a_named_speaker_are_said_with_the_speaker_not_by_an_outlet() -> None:
    """An outlet quotes the founder's blog post; another prints the same words in its own voice (a word the tagger
    leans towards loaded): the statement is the founder's quotation citing both, never "According to <outlet>"."""
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(BLOG)))
    said = [s for s in c.synthesis if "autonomous" in s["text"]]
    assert len(said) == 1, c.synthesis
    assert not said[0]["text"].startswith("According to"), said[0]
    assert said[0]["text"].startswith("Lena Varga"), said[0]
    by_outlet = {a.article.outlet: a.id for a in c.articles}
    assert set(said[0]["citations"]) == {by_outlet["Harbor Daily"], by_outlet["Valley Courier"]}


SIXTEEN = {
    "Harbor Daily": ("2021-03-02", """Orbis buys Brightline

Orbis has a deal to buy the messaging company Brightline for $16 billion, the company announced on Tuesday.

Rescue teams in the valley evacuated 1,200 residents after the river rose."""),
    "Valley Courier": ("2021-03-02", """Orbis buys Brightline

Orbis will buy the messaging company Brightline for $16 billion in cash and stock, the company announced on Tuesday."""),
    "Plains Herald": ("2021-03-02", """Orbis to buy Brightline

Orbis will buy the messaging company Brightline for $16 billion, its largest deal ever, and will also grant $3 billion in restricted stock units to the staff of Brightline."""),
}


@pytest.mark.slow
def test_a_cited_span_is_narrowed_to_the_part_that_states_the_statement_and_its_figures() -> None:
    """A sentence that states the statement and another figure ("…, and will also grant $3 billion in restricted
    stock units") is cited by the part holding the statement's words and figures, not the whole sentence."""
    from newsprism.stages import analyze_many

    c = compare_analyzed(analyze_many(story_articles(SIXTEEN)))
    texts = {a.id: a.article.text for a in c.articles}
    said = [s for s in c.synthesis if "$16 billion" in s["text"]]
    assert said and len(said[0]["citations"]) == 3, c.synthesis
    spans = [texts[sp["article"]][sp["start"]:sp["end"]] for sp in said[0]["spans"]]
    assert all("$16 billion" in sp for sp in spans), spans  # every cited span holds the statement's figure
    assert not any("$3 billion" in sp for sp in spans), spans  # and none another figure the statement leaves out


def test_a_file_name_is_never_presented_as_an_outlet_in_the_synthesis() -> None:
    """A .txt with no outlet and no web address: the synthesis names "the article in file “x.txt”", the reports'
    label sets the name off as a file; an outlet the cleaner read or the user gave is named as the outlet."""
    from newsprism.compare.synthesis import _label
    from newsprism.records import AnalyzedArticle, Article, Comparison

    bare = Article(id="a", source="/tmp/x/harbor-daily.txt", text="B.", title="Dam opens")
    named = Article(id="b", source="/tmp/x/courier.txt", text="B.", title="Dam opens", outlet="Valley Courier")
    c = Comparison(articles=(AnalyzedArticle(article=bare), AnalyzedArticle(article=named)), facts=(), omissions={},
                   quotes=(), sources={}, framing={}, synthesis=(), alignments=())
    assert _label(c, "a") == "the article ‘Dam opens’ in file “harbor-daily.txt”"  # its headline tells it apart
    assert c.label("a") == "harbor-daily.txt (file: “Dam opens”)"
    assert _label(c, "b") == "Valley Courier" and named.file_name is None


@pytest.mark.parametrize("text, caption", [
    ("More than a million people joined Sunday's march to oppose the dam plan.", False),  # a noun: the march
    ("Thousands of farmers joined the march against the dam on Sunday.", False),
    ("Protesters march through the valley town on Sunday.", True),  # what a picture shows
    ("Park supporters are cordoned off by police.", True),
])
def test_a_caption_verb_after_a_possessive_or_determiner_is_a_noun_not_a_caption(text: str, caption: bool) -> None:
    from newsprism.compare.verify import is_caption

    assert is_caption(text) is caption


def test_a_single_source_sentence_that_leans_on_an_earlier_one_is_left_out_and_its_fact_says_why(story) -> None:  # type: ignore[no-untyped-def]
    """Session 13 (synth18): the stands-alone check on single-source sentences; its refusals are in the facts'
    reasons with the score and the cues, and a sentence it refuses is stated with the check off."""
    from newsprism.compare.standalone import model

    loose = DEFAULT.replace(unique_align_max=0.45, synthesis_unique_per_article=3)  # this story's single-source candidates pass the floor only so
    on = compare_analyzed(story, loose)
    off = compare_analyzed(story, loose.replace(synthesis_stands_alone=False))
    refused = [f for f in on.facts if "stands-alone score" in (f.reason or "")]
    assert refused, [(f.id, f.reason) for f in on.facts if f.status == "unique"]
    for f in refused:
        assert f"< {model()['refuse_below']:.2f}" in f.reason and f.status == "unique", f.reason
    on_ids = {s["fact"] for s in on.synthesis if s["kind"] == "unique"}
    off_ids = {s["fact"] for s in off.synthesis if s["kind"] == "unique"}
    assert on_ids < off_ids and {f.id for f in refused} & off_ids, (on_ids, off_ids)


def test_a_paraphrase_is_not_the_quotation_a_statement_prints() -> None:
    """A statement "X was quoted as saying: “Q”" cites a span with no quotation marks only when it writes Q nearly
    as quoted (session 13: an independent reviewer found a paraphrase cited for a verbatim quotation)."""
    from newsprism.compare.synthesis import _verbatim

    q = "WhatsApp is on a path to connect 1 billion people"
    floor = DEFAULT.synthesis_quote_verbatim_min
    assert _verbatim(q, "Zuckerberg said WhatsApp is on a path to connect 1 billion people.") >= floor
    assert _verbatim(q, "He said “whatsapp is on a path to connect 1 billion people”, to applause.") >= floor
    assert _verbatim(q, "WhatsApp has 450 million users, and it is on its way to connecting one billion people.") < floor


def test_a_digit_in_a_name_is_no_figure_to_repeat() -> None:
    """A cited span need not repeat "1" of "TRAPPIST-1" or "19" of "COVID-19" (a paraphrase says "the star" or
    "the virus"); "$19 billion", "6-3" and "5km" stay figures (session 13, diag19: a digit inside a name blocked
    every paraphrase of an event's facts)."""
    from newsprism.compare.synthesis import _is_date_part

    def part(text: str, number: str) -> bool:
        i = text.index(number)
        return _is_date_part(text, i, i + len(number))

    assert part("the TRAPPIST-1 system", "1") and part("new COVID-19 cases", "19") and part("the G20 summit", "20")
    assert not part("paid $19 billion", "19") and not part("a 6-3 vote", "6") and not part("5km deep", "5")


LISTING: dict[str, tuple[str | None, str]] = {
    "Harbor Daily": ("2016-05-12", """Pistol for sale

Dale Marr put the pistol from the Hollins case up for auction on Wednesday.

"It was returned to me by the court last month. The city museum in Kelby has expressed interest in buying the pistol. This is a piece of history."

Bidding starts at $5,000."""),
    "Valley Courier": ("2016-05-12", """Marr auctions pistol

Dale Marr put the pistol from the Hollins case up for auction on Wednesday.

In his listing, Marr claimed that the city museum in Kelby had expressed interest in buying the pistol.

The museum said on Thursday it had never been interested."""),
}


@pytest.mark.slow
def test_a_claim_that_is_someones_words_in_every_article_is_not_stated_as_fact() -> None:
    """One outlet quotes the seller's listing (a quotation of several sentences), the other reports his claim: the
    museum's interest is Marr's words in both, so the synthesis does not print it in its own voice; the auction,
    in both outlets' own voice, it does."""
    from newsprism.stages import analyze_many

    comparison = compare_analyzed(analyze_many(story_articles(LISTING)))
    said = [s["text"] for s in comparison.synthesis]
    assert not any("museum" in t and "interest" in t and "Marr" not in t for t in said), said
    museum = [f for f in comparison.facts if "interest" in f.statement and len(f.articles()) >= 2]
    assert all("someone's words" in (f.reason or "") for f in museum if not any(
        "interest" in t for t in said)), [(f.statement, f.reason) for f in museum]
