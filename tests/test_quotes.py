"""Quotes: every pattern, on the seeds and on text the tests write."""

from __future__ import annotations


import pytest

from newsprism.stages import analyze
from newsprism.evaluate import score_quotes
from newsprism.stages.quotes import find_spans

from .conftest import ROOT, make_article

pytestmark = pytest.mark.slow



def _quotes(text: str):  # type: ignore[no-untyped-def]
    return analyze(make_article(text)).quotes


def _find(quotes, fragment):  # type: ignore[no-untyped-def]
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote containing {fragment!r}: {[q.text for q in quotes]}"
    return min(hits, key=lambda q: len(q.text))  # a quoted fragment, not the reported clause around it


def test_quotes_gold_set_floor():
    total, _by_kind = score_quotes(ROOT / "tests" / "data" / "gold" / "quotes.json", ROOT)
    assert not total.stale, f"gold spans no longer match the cleaned text: {total.stale}"
    assert total.tp + total.fn >= 80
    assert total.precision >= 0.9, total.line("quotes")
    assert total.recall >= 0.9, total.line("quotes")


def test_quotes_seed_000_xi_quotes_are_xis(analyzed_seeds):
    a = analyzed_seeds[0]
    direct = [q for q in a.quotes if q.kind == "direct" and len(q.text.split()) > 3]
    assert len(direct) >= 6
    xi = [q for q in direct if q.text.startswith(("Over three quarters", "At this new starting point"))]
    assert len(xi) == 2 and all(q.speaker == "Xi Jinping" for q in xi)
    # "the Chinese president continued": a role phrase resolved to Xi
    assert any(q.cue == "continued" and q.speaker == "Xi Jinping" for q in xi)
    putin = [q for q in direct if q not in xi]
    assert all(q.speaker == "Vladimir Putin" for q in putin), [(q.speaker, q.text[:30]) for q in putin]


def test_quotes_seed_001_scare_and_relays(analyzed_seeds):
    a = analyzed_seeds[1]
    peaceful = _find(a.quotes, "peaceful")
    assert peaceful.text == "peaceful" and peaceful.kind == "scare" and peaceful.speaker is None
    xinhua = _find(a.quotes, "We have never refused to negotiate")
    assert xinhua.speaker == "Vladimir Putin" and xinhua.via == "Xinhua News Agency" and xinhua.kind == "direct"
    ushakov = next(q for q in a.quotes if q.speaker == "Yuri Ushakov")
    assert ushakov.via == "RIA Novosti" and ushakov.kind == "reported"
    direct = [q for q in a.quotes if q.kind == "direct" and len(q.text.split()) > 3]
    assert direct and all(q.speaker == "Vladimir Putin" for q in direct)
    assert any(q.cue == "listed" for q in direct)  # "… ,” the Russian leader listed." (adjacent clause)


def test_quotes_speech_verb_after_and_before():
    qs = _quotes('Port Reopens\n\n"The port is open again," the harbour master Ana Lind said on Friday. '
                 'Union organiser Karl Vik said: "We will watch the new rules closely."')
    assert _find(qs, "The port is open again").speaker == "Ana Lind"
    after = _find(qs, "We will watch")
    assert after.speaker == "Karl Vik" and after.kind == "direct"


def test_quotes_split_by_attribution():
    qs = _quotes("Museum Reopens\n\n“The collection survived,” director Paula Brandt said, “because the staff knew "
                 "what to do.”")
    first, second = _find(qs, "collection survived"), _find(qs, "because the staff")
    assert first.speaker == second.speaker == "Paula Brandt"
    assert second.kind == "direct"


def test_quotes_multi_paragraph():
    qs = _quotes("Strike Ends\n\nUnion leader Sara Quist spoke outside the ministry.\n\n“We did not want this strike. "
                 "Nobody wants to leave passengers on cold platforms.\n\n“But we could not accept the offer,” she said.")
    q = _find(qs, "We did not want this strike")
    assert "could not accept the offer" in q.text and q.speaker == "Sara Quist"


def test_quotes_partial_in_sentence():
    qs = _quotes("Talks End\n\nThe foreign minister Oskar Lem described the talks as “constructive” and said the "
                 "two sides would meet again.")
    q = _find(qs, "constructive")
    assert q.kind == "partial" and q.speaker == "Oskar Lem" and q.cue == "described"


def test_quotes_scare_quote_without_speaker():
    qs = _quotes("Plan Unveiled\n\nThe council unveiled its “green” transport plan on Monday, promising new bus "
                 "lanes across the city centre.")
    q = _find(qs, "green")
    assert q.kind == "scare" and q.speaker is None


def test_quotes_titles_of_works_are_not_quotes():
    qs = _quotes("Concert Review\n\nThe orchestra closed with the song ‘Moonlight Over Harbour Street’, and the "
                 "conductor Ivo Brand said: “It was the best night of the season.”")
    assert not any("Moonlight" in q.text for q in qs)
    assert _find(qs, "best night").speaker == "Ivo Brand"


def test_quotes_reported_speech_and_according_to():
    qs = _quotes("Budget Passed\n\nFinance Minister Rhea Doss said that the budget would cut waiting lists. "
                 "According to the national audit office, the plan is underfunded.")
    said = _find(qs, "the budget would cut waiting lists")
    assert said.kind == "reported" and said.speaker == "Rhea Doss" and said.cue == "said"
    acc = _find(qs, "the plan is underfunded")
    assert acc.kind == "reported" and acc.cue == "according to" and "audit office" in acc.speaker


def test_quotes_relay_told_agency_and_passive_by():
    qs = _quotes("Envoy Speaks\n\nDeputy minister Lars Ekman told state news agency Nordpress that the talks had "
                 "stalled. “There is no agreement yet,” Ekman was quoted as saying by the Baltic Herald newspaper.")
    told = _find(qs, "the talks had stalled")
    assert told.speaker == "Lars Ekman" and told.via == "Nordpress"
    quoted = _find(qs, "There is no agreement yet")
    assert quoted.speaker == "Lars Ekman" and quoted.via and "Baltic Herald" in quoted.via


def test_quotes_pronoun_speaker_skips_names_inside_quotes():
    qs = _quotes("Visit Ends\n\nPrime Minister Dana Holt thanked her hosts. “President Arno Kivi welcomed us "
                 "warmly,” she said.")
    assert _find(qs, "welcomed us warmly").speaker == "Dana Holt"


def test_quotes_find_spans_straight_curly_and_apostrophes():
    text = "He said “it’s done” and ‘that’s all’ — \"fine\" but don’t worry."
    spans = find_spans(text, [(0, len(text))])
    inner = [text[s.start:s.end] for s in spans]
    assert inner == ["it’s done", "that’s all", "fine"]


def test_quotes_every_quote_explains_itself(analyzed_examples):
    for a in analyzed_examples:
        for q in a.quotes:
            assert q.rule, q
            assert a.article.text[q.start:q.end] == q.text
            if q.kind in ("direct", "partial") and q.speaker:
                assert q.rule in ("cue_in_sentence", "continued", "introduced", "previous_speaker", "pull_quote")


def test_quotes_colon_introduction_without_verb_of_saying():
    qs = _quotes("Debate Night\n\nPaul Ryan said the plan would work. \"It is a good plan,\" he said. Joe Biden was "
                 "quick to retort: \"With all due respect, that is just a bunch of malarkey.\"")
    q = _find(qs, "With all due respect")
    assert q.speaker == "Joe Biden" and q.rule == "introduced" and q.cue == "retort"


# --------------------------------------------------------------------------- issue 11: who said what on real news


def _reported(quotes, fragment):  # type: ignore[no-untyped-def]
    hits = [q for q in quotes if q.kind == "reported" and fragment in q.text]
    assert hits, f"no reported speech containing {fragment!r}: {[(q.kind, q.text) for q in quotes]}"
    return hits[0]


def test_quotes_reported_speech_with_other_verbs_and_noun_phrase_content():
    qs = _quotes("Dam Row\n\nSenator Ana Ruiz accused the ministry of hiding the inspection report for two years. "
                 "Mayor Tomas Berend praised the volunteers for their courage during the flood. "
                 "Rosa Fenwick warned that the second dam could fail within a month. "
                 "Lena Varga urged the council to close the valley road at once.")
    accused = _reported(qs, "the ministry of hiding")
    assert accused.speaker == "Ana Ruiz" and accused.cue == "accused" and accused.rule.startswith("learned_cue:accuse")
    assert _reported(qs, "the volunteers for their courage").speaker == "Tomas Berend"
    assert _reported(qs, "the second dam could fail").speaker == "Rosa Fenwick"
    assert _reported(qs, "the council to close").speaker == "Lena Varga"


def test_quotes_thinking_and_hoping_are_not_reported_speech():
    qs = _quotes("Dam Row\n\nMayor Tomas Berend thinks the bridge will hold for another winter. "
                 "Lena Varga hopes for a quick repair of the spillway and the road.")
    assert not [q for q in qs if q.kind == "reported"], [(q.text, q.rule) for q in qs]


def test_quotes_reported_content_stops_before_the_writers_clause():
    qs = _quotes("Dam Row\n\nOfficials said the spillway failed before dawn on Tuesday, sending water into the "
                 "valley. Marta Holm said the repairs had been postponed twice, even though the money was there.")
    first = _reported(qs, "the spillway failed")
    assert first.text.endswith("on Tuesday") and "sending" not in first.text
    second = _reported(qs, "postponed twice")
    assert "even though" not in second.text and second.speaker == "Marta Holm"


def test_quotes_relative_pronoun_speaker():
    qs = _quotes("Budget Row\n\nThe plan was criticised by Tomas Berend, who said the budget was far too small "
                 "for the repairs.")
    assert _reported(qs, "the budget was far too small").speaker == "Tomas Berend"


def test_quotes_mixed_quote_gives_the_whole_reported_clause_and_the_fragment():
    qs = _quotes("Talks End\n\nThe foreign minister Oskar Lem described the talks as “constructive and long "
                 "overdue” on Friday.")
    clause = _reported(qs, "the talks as")
    fragment = _find(qs, "constructive and long overdue")
    assert clause.speaker == fragment.speaker == "Oskar Lem"
    assert clause.start <= fragment.start and fragment.end <= clause.end + 1


def test_quotes_marks_as_real_pages_have_them():
    qs = _quotes("Bridge Works\n\n''We will rebuild the bridge by spring,'' Marta Holm said on Monday.\n\n"
                 "\"The money is already there,” she added.\n\n«Nous reconstruirons le pont», Holm told Le Soir.")
    nyt = _find(qs, "We will rebuild")
    assert nyt.text == "We will rebuild the bridge by spring," and nyt.speaker == "Marta Holm"
    mixed = _find(qs, "The money is already there")
    assert mixed.text == "The money is already there," and mixed.speaker == "Marta Holm"
    assert _find(qs, "Nous reconstruirons").speaker == "Marta Holm"


def test_quotes_transcript_labels_name_the_speaker_and_stay_out_of_the_text():
    qs = _quotes("Sunday Interview\n\nChris Wallace interviewed Governor Mike Pence on Sunday.\n\n"
                 "\"WALLACE: Let us start with the budget and the bridge.\n\n"
                 "\"PENCE: Well, look, the budget is balanced and the bridge will be built.\n\n"
                 "MS. HOLM: We have heard that promise before, many times.")
    wallace = _find(qs, "Let us start")
    assert wallace.text == "Let us start with the budget and the bridge."
    assert wallace.rule == "transcript_label" and wallace.speaker_id is not None and "Wallace" in wallace.speaker
    assert _find(qs, "the budget is balanced").speaker == "Mike Pence"
    holm = _find(qs, "We have heard that promise")
    assert holm.kind == "direct" and holm.speaker == "Holm" and not holm.text.startswith("MS.")


def test_quotes_speaker_signed_after_a_dash_or_on_the_line_before():
    qs = _quotes("Voices From The Valley\n\nResidents told us what they think.\n\n"
                 "“The water came up so fast that we lost everything in one night.”― Pamela Padilla\n\n"
                 "Johan Ekberg, Arden Herald:\n\n“Nobody from the ministry has come to see the damage yet.”")
    assert _find(qs, "The water came up").speaker == "Pamela Padilla"
    assert _find(qs, "Nobody from the ministry").speaker == "Johan Ekberg"


def test_quotes_generic_organisation_noun_is_the_organisation_named_before():
    qs = _quotes("Bank Results\n\nThe central bank of Norland met on Monday. Reuters reported the news first. "
                 "The agency said that the meeting lasted for more than five hours.")
    assert _reported(qs, "the meeting lasted").speaker == "Reuters"


def test_quotes_subjectless_participle_does_not_loop():
    qs = _quotes("Count Dispute\n\nAdding that the count must stop at once and that the vote was rigged. "
                 "“We will not accept it,” Amir Haddad said.")
    assert _find(qs, "We will not accept it").speaker == "Amir Haddad"
