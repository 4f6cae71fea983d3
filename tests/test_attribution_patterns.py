"""Issue 11 failure patterns 4, 7, 8, 10 and 11, each on text the tests write (no corpus text)."""

from __future__ import annotations

import pytest

from newsprism.stages import analyze

from .conftest import make_article

pytestmark = pytest.mark.slow


def _analyze(text: str):  # type: ignore[no-untyped-def]
    return analyze(make_article(text))


def _find(quotes, fragment):  # type: ignore[no-untyped-def]
    hits = [q for q in quotes if fragment in q.text]
    assert hits, f"no quote containing {fragment!r}: {[q.text for q in quotes]}"
    return min(hits, key=lambda q: len(q.text))


# --- pattern 7: a stale previous speaker is not reused when a new one is named after the quote


def test_speaker_named_in_the_next_sentence_replaces_the_previous_one():
    qs = _analyze("Water Plan Row\n\n“We will win this fight,” said Tom Baker, the mayor of Dover.\n\n"
                  "“Does anybody know what the water plan is?” Helen Marsh asked. “Neither do I.”").quotes
    assert _find(qs, "We will win").speaker == "Tom Baker"
    assert _find(qs, "Does anybody know").speaker == "Helen Marsh"
    assert _find(qs, "Neither do I").speaker == "Helen Marsh"


def test_speaker_of_the_sentence_before_an_unattributed_quote():
    qs = _analyze("Port Deal\n\n“The deal is good for the harbour,” said Tom Baker, the mayor of Dover.\n\n"
                  "The council may wait until spring, Helen Marsh said. “The other factor is the election. "
                  "I do not think that is a reason to wait.”").quotes
    assert _find(qs, "The other factor is the election").speaker == "Helen Marsh"


def test_dash_signature_after_a_non_breaking_space():
    qs = _analyze("Voices From The Rally\n\n“He makes simple statements about people he knows nothing about.”"
                  "\u00a0― Pamela Quist\n“I cannot believe a man like that leads the party.”\u00a0― Jacklyn Orr\n"
                  "“We deserve better than this campaign, and we will say so when we vote in November.”\u00a0― Steve Quinlan\n"
                  "The comments were sent to the paper by readers.").quotes
    assert _find(qs, "simple statements").speaker == "Pamela Quist"
    assert _find(qs, "I cannot believe").speaker == "Jacklyn Orr"
    assert _find(qs, "We deserve better").speaker == "Steve Quinlan"


def test_two_apostrophe_quote_opening_a_sentence_keeps_its_speaker():
    qs = _analyze("Tax Plan\n\nBut Senator Ruth Ames has avoided a sweeping overhaul. ''It is more tinkering at the "
                  "edges,'' said Alan Cole, an economist at the Tax Foundation. ''I would not call it reform. It is "
                  "basically just a tax increase.''").quotes
    second = _find(qs, "I would not call it reform")
    assert second.kind == "direct" and second.speaker == "Alan Cole"


# --- pattern 8: the wrong entity in the same sentence


def test_nationality_inside_a_role_is_not_the_speaker():
    a = _analyze("Summit Ends\n\n“We will not back down,” said the US president after the summit.")
    q = _find(a.quotes, "We will not back down")
    assert q.speaker is not None and q.speaker.lower() not in ("us", "u.s.", "united states")
    assert "president" in q.speaker.lower()


def test_party_adjective_in_a_fronted_clause_is_not_the_speaker():
    qs = _analyze("Campaign Message\n\nWith Democratic leaders increasingly worried about turnout, Governor Ana Reyes "
                  "is rolling out a new message: “It is about me.”").quotes
    assert (_find(qs, "It is about me").speaker or "").endswith("Reyes")  # not "Democratic"


def test_dateline_is_not_the_speaker():
    qs = _analyze("Museum Opens\n\nDOVER -- Governor Ana Reyes, opening the city museum on Saturday, said it would "
                  "tell a story “of suffering and delight, of fear but also of hope.”").quotes
    assert (_find(qs, "of suffering and delight").speaker or "").endswith("Reyes")  # not "DOVER"


def test_title_of_a_song_is_not_a_speaker():
    qs = _analyze("Concert Clip\n\nIn the clip, Mara Quill sings Tom Ferrow’s “Silver Road” to the governor.\n\n"
                  "“Promise you will keep your hands in sight,” Quill sings before asking her a question.").quotes
    assert not any(q.text == "Silver Road" and q.kind != "scare" for q in qs)
    assert all(q.speaker != "Silver Road" for q in qs)
    assert _find(qs, "Promise you will keep").speaker == "Mara Quill"


def test_writer_not_the_person_described():
    qs = _analyze("Tribute\n\nDana Hollis wrote a tribute to her late colleague on Monday. Marshall, she wrote, "
                  "“was a champion of the poor and never forgot where she came from.”").quotes
    assert _find(qs, "was a champion of the poor").speaker == "Dana Hollis"


def test_a_document_of_a_court_speaks_for_the_court():
    qs = _analyze("Ruling\n\nThe Constitutional Court of Wessex removed the president on Friday. “The benefits of "
                  "protecting the constitution outweigh the costs,” the court’s decision said.").quotes
    q = _find(qs, "The benefits of protecting")
    assert q.speaker == "Constitutional Court of Wessex"


# --- pattern 4: quoted labels after naming verbs are the speaker's words


def test_label_after_naming_verb_is_the_speakers_words():
    qs = _analyze("Debate Night\n\nSenator Ruth Ames referred to the plan as “a blank cheque” and dubbed her rival "
                  "“the tax man” during the debate.").quotes
    for fragment in ("a blank cheque", "the tax man"):
        q = _find(qs, fragment)
        assert q.kind == "partial" and q.speaker == "Ruth Ames", (fragment, q)


# --- pattern 10: headline attributions


def test_headline_says_attribution():
    a = _analyze("Ruth Ames Says Tax Plan Will Fail\n\nSenator Ruth Ames spoke in Dover on Monday. She said the plan "
                 "would raise taxes on small firms.")
    heads = [q for q in a.quotes if q.start < len("Ruth Ames Says Tax Plan Will Fail")]
    assert heads and heads[0].speaker == "Ruth Ames" and heads[0].kind == "reported"
    assert "Tax Plan Will Fail" in heads[0].text


def test_headline_colon_quote():
    a = _analyze("Ames: “The Tax Plan Will Fail”\n\nSenator Ruth Ames spoke in Dover on Monday about the tax plan.")
    q = _find(a.quotes, "The Tax Plan Will Fail")
    assert q.speaker == "Ruth Ames" and q.kind == "direct"


# --- pattern 11: one canonical speaker across spellings


def test_hyphenated_and_spaced_spellings_are_one_speaker():
    a = _analyze("Talks\n\nKim Jong-un said the talks were useful. Later, “We are ready for more,” Kim Jong Un told "
                 "reporters in the capital.")
    q = _find(a.quotes, "We are ready for more")
    said = _find(a.quotes, "the talks were useful")
    assert q.speaker_id is not None and q.speaker_id == said.speaker_id
    assert len([e for e in a.entities if e.type == "PERSON" and e.name.lower().startswith("kim")]) == 1


# --- pattern 8 (parse errors): a subject inside the quote, a participle's subject, an inverted introduction


def test_subject_inside_the_quote_is_not_the_speaker():
    qs = _analyze("Senate Race\n\nLocal leaders backed the congressman on Friday.\n\n\"He would be a great senator. Not "
                  "good, great. One of the brightest members of the entire Congress,\" Rep. Elijah Mumford said in a "
                  "phone interview.").quotes
    assert _find(qs, "He would be a great senator").speaker == "Elijah Mumford"


def test_participle_shares_the_main_clause_subject():
    qs = _analyze("Debate\n\nSenator Ruth Ames hardly clarified the matter on Monday, treating the remark as a "
                  "compliment and, when questioned after the debate, asserting, “Of course I pay my taxes.”").quotes
    assert _find(qs, "Of course I pay my taxes").speaker == "Ruth Ames"


def test_inverted_colon_introduction():
    qs = _analyze("Tax Reform\n\nExperts say the plan would make the code more complicated.\n\nSaid Ryan Ellis: "
                  "“I do not get the sense she is the least bit interested in tax reform.”").quotes
    assert _find(qs, "least bit interested").speaker == "Ryan Ellis"


def test_inverted_attribution_between_two_fragments():
    qs = _analyze("Seven Planets\n\nThe team began to track the star in 2010.\n\n“This,” said Gillon, an astronomer, "
                  "“is the most exciting discovery we have had with the telescope in its fourteen years.”").quotes
    assert _find(qs, "most exciting discovery").speaker == "Gillon"


def test_participle_modifying_a_noun_is_not_the_cue():
    qs = _analyze("Deal Reactions\n\nThe spokesman for Prime Minister Haider Salim said the nuclear deal announced on "
                  "Tuesday in Vienna will be “a catalyst for regional stability.”").quotes
    q = _find(qs, "a catalyst for regional stability")
    assert q.speaker is not None and "deal" not in q.speaker.lower()


def test_fragment_inside_a_reported_clause_takes_its_speaker():
    qs = _analyze("Messaging Deal\n\nIn a press release, chief executive Mark Ellery likens the five-year-old app to "
                  "“a path to connect one billion people. The services that reach that milestone are valuable”.").quotes
    q = _find(qs, "a path to connect one billion people")
    assert q.speaker == "Mark Ellery"


def test_relative_who_hung_on_the_wrong_noun():
    qs = _analyze("Radio Interview\n\nThe talk was aired on Sunday by Gwen Moore, the host of a popular radio program, "
                  "who said that voters in the city felt ignored by both parties.").quotes
    q = _find(qs, "voters in the city felt ignored")
    assert q.speaker == "Gwen Moore"


def test_possessor_of_a_response_is_the_speaker():
    qs = _analyze("Debate\n\nSenator Tom Baker spoke about trade for most of the night. When pressed about how he would "
                  "bring jobs back, his best response was to say he would stop more factories from leaving.").quotes
    q = _find(qs, "he would stop more factories from leaving")
    assert q.speaker == "Tom Baker"


def test_lets_say_is_nobodys_words():
    qs = _analyze("College Savings\n\nLet's say you think an undergraduate degree will cost $160,000 in 18 years, "
                  "including room and board.").quotes
    assert not any(q.kind == "reported" and "undergraduate degree" in q.text for q in qs)


# --- the learned speaker chooser (stages/speakers.py, models/speaker_chooser.json)


def test_learned_chooser_fills_a_quote_the_rules_leave_without_speaker():
    text = ("Tax Returns\n\nThe returns show how close to the line he has been willing to walk. As Steven Rosenthal, a "
            "tax lawyer at the Tax Policy Center, recently put it, “Did he lower his taxes through legal tax "
            "avoidance, or illegal tax evasion?”")
    q = _find(_analyze(text).quotes, "Did he lower his taxes")
    assert q.speaker == "Steven Rosenthal"
    assert q.rule.startswith("learned_speaker p 0.") and "rules: unattributed" in q.rule  # explained: score, rule


def test_learned_chooser_can_be_turned_off():
    import dataclasses

    from newsprism.settings import DEFAULT
    from newsprism.stages import analyze as run
    from .conftest import make_article

    text = ("Tax Returns\n\nThe returns show how close to the line he has been willing to walk. As Steven Rosenthal, a "
            "tax lawyer at the Tax Policy Center, recently put it, “Did he lower his taxes through legal tax "
            "avoidance, or illegal tax evasion?”")
    off = run(make_article(text), dataclasses.replace(DEFAULT, speaker_model=False))
    q = _find(off.quotes, "Did he lower his taxes")
    assert not q.rule.startswith("learned_speaker")


# --- pattern 11 / 8, round 2: nominal speakers resolved to the one entity the article ties to them


def _speaker_of(text: str, fragment: str):  # type: ignore[no-untyped-def]
    qs = _analyze(text).quotes
    hits = [q for q in qs if fragment in q.text and q.speaker]
    assert hits, f"no attributed quote containing {fragment!r}: {[(q.text, q.speaker) for q in qs]}"
    return hits[0]


def test_the_party_resolves_to_the_party_named_with_that_title():
    q = _speaker_of("Harbour March\n\nMembers of the pro-democracy party Civitas Nova, which was formed by students, joined the "
                    "march in Dover on Sunday. "
                    "The party claimed that the harbour plan would flood the old town.", "harbour plan")
    assert q.speaker == "Civitas Nova" and q.speaker_phrase == "The party"
    assert "nominal 'The party' → Civitas Nova: title before name" in q.rule


def test_organisers_resolve_to_the_organisation_that_organised():
    q = _speaker_of("Harbour March\n\nThe march was organised by the Harbour Action Network, a coalition of "
                    "tenant groups. Organisers said 40,000 people marched through the town.", "40,000 people")
    assert q.speaker == "Harbour Action Network" and q.speaker_phrase == "Organisers"
    assert "verb tie 'organised'" in q.rule


def test_the_editorial_resolves_to_the_one_newspaper_named_before_it():
    q = _speaker_of("Harbour March\n\nThe Marrowby Daily Times dismissed the march on Monday. The editorial said that "
                    "foreign money had paid for the banners.", "foreign money")
    assert q.speaker == "Marrowby Daily Times" and q.speaker_phrase == "The editorial" and "masthead" in q.rule


def test_a_nominal_stays_when_two_entities_qualify():
    q = _speaker_of("Harbour March\n\nThousands walked through Dover. The Marrowby Daily Times and the Kent Evening Post both "
                    "covered the march on Monday. "
                    "The editorial said that foreign money had paid for the banners.", "foreign money")
    assert q.speaker == "The editorial" and q.speaker_phrase is None  # two newspapers: not invented


def test_a_nominal_stays_when_the_article_names_no_one_for_it():
    q = _speaker_of("Harbour March\n\nThousands walked through Dover on Sunday. Organisers said 40,000 people "
                    "marched through the town.", "40,000 people")
    assert q.speaker == "Organisers" and q.speaker_phrase is None


def test_a_nominal_can_be_left_alone():
    import dataclasses

    from newsprism.settings import DEFAULT
    from newsprism.stages import analyze as run
    from .conftest import make_article

    text = ("Harbour March\n\nMembers of the pro-democracy party Civitas Nova, which was formed by students, joined the "
                    "march in Dover on Sunday. "
            "The party claimed that the harbour plan would flood the old town.")
    off = run(make_article(text), dataclasses.replace(DEFAULT, nominal_speakers=False))
    assert not any(q.speaker == "Civitas Nova" and "harbour plan" in q.text for q in off.quotes)


def test_a_plural_nominal_is_never_resolved_to_one_person():
    q = _speaker_of("Harbour March\n\nThe adviser, Anna Berg, backed the harbour plan on Monday. His advisers said "
                    "that the harbour plan would flood the old town.", "flood the old town")
    assert q.speaker != "Anna Berg" and "nominal" not in q.rule


# --- pattern 11: definite role phrases refer back; names apposed at the end of a subject phrase


def test_role_phrase_is_not_resolved_to_a_person_introduced_later_under_another_title():
    text = ("Storm Toll Rises\n\nThe head of the national relief office said 40 people were still missing in the "
            "hills on Sunday.\n\nThe coast road was closed for a second day, and the ferries stayed in port.\n\n"
            "Mexico City Mayor Dana Kovic said 12 people were hurt in the city.")
    qs = _analyze(text).quotes
    missing = _find(qs, "40 people were still missing")
    assert missing.speaker != "Dana Kovic", missing
    assert _find(qs, "12 people were hurt").speaker == "Dana Kovic"


def test_organisation_noun_never_points_ahead_to_a_name():
    text = ("Deal Done\n\nThe deal is worth $2 billion, the company announced on Monday.\n\n"
            "Rivals have made offers before. Another company in that market, Seaglide, was sold for $900 million.")
    q = _find(_analyze(text).quotes, "The deal is worth")
    assert q.speaker != "Seaglide", q


def test_role_phrase_may_point_ahead_to_the_one_person_given_that_title():
    qs = _analyze("School Collapse\n\nThe region's secretary of health has announced that nine people died at "
                  "the school.\n\n\"My condolences to their families,\" tweeted Ilse Marroquin, the secretary of "
                  "health.").quotes
    assert _find(qs, "nine people died").speaker == "Ilse Marroquin"


def test_name_apposed_at_the_end_of_a_long_subject_phrase_is_the_speaker():
    qs = _analyze("Quake Toll\n\nThe toll rose to 90, officials said.\n\nThe head of the national civil "
                  "protection agency, Luis Ortega Brand, said 50 people were killed in the capital.").quotes
    assert _find(qs, "50 people were killed").speaker == "Luis Ortega Brand"


def test_nominal_of_one_side_is_not_tied_to_the_title_of_the_other():
    qs = _analyze("Campaign Notes\n\nRepublican presidential nominee Walter Brandt spoke in Ohio on Monday. "
                  "Brandt said the economy was weak.\n\nThe Democratic presidential nominee said the economy "
                  "was strong.").quotes
    q = _find(qs, "the economy was strong")
    assert q.speaker != "Walter Brandt", q


def test_generic_organisation_noun_is_the_subject_of_its_own_clause():
    qs = _analyze("Deal Done\n\nHarbrook will buy the ferry operator Seaglide for $2 billion in cash, the company "
                  "announced.\n\nSeaglide has 400 boats, the company said last year.").quotes
    q = _find(qs, "will buy the ferry operator")
    assert q.speaker == "Harbrook" and "org_noun_subject" in q.rule, q


def test_a_persons_possession_is_not_the_person():
    from spacy.tokens import Span

    from newsprism import nlp
    from newsprism.stages.entities import find_clusters

    doc = nlp.parse(["Ines Okafor runs the firm. Okafor’s Brightline will buy Seaglide, the company announced."])[0]
    words = [t.text for t in doc]
    first, owner = words.index("Ines"), words.index("Okafor", words.index("Ines") + 2)
    # the model's reading on real pages: the possessor and the thing owned typed as one person
    doc.ents = [Span(doc, first, first + 2, label="PERSON"), Span(doc, owner, owner + 3, label="PERSON")]
    clusters = find_clusters(doc).clusters
    brightline = next(c for c in clusters if "Brightline" in c.name)
    assert brightline.type != "PERSON" and brightline.name == "Brightline", brightline
    assert any(m.rule == "possessed_by_person" for m in brightline.mentions)


# --- independent review of session 7 (Facebook–WhatsApp, Trappist-1): error kinds, each on text the tests write


def test_quoted_words_that_are_a_verbs_subject_are_not_its_quote():
    # "continue" is a verb of saying ("“…,” he continued"), but here the quoted words are its subject: it is not
    # their cue. They lie in what Tom Baker said, so they are his partial quote (session 11, words12: the
    # session-10 reviewers read such a phrase, left a scare quote, as the outlet's distance; it was the company's)
    qs = _analyze("Merger News\n\nThe bank’s “core lending arm” and its existing Harbor brand will continue to "
                  "operate as separate firms, Tom Baker said on Monday.").quotes
    q = _find(qs, "core lending arm")
    assert q.kind == "partial" and q.speaker == "Tom Baker" and q.cue == "said"
    assert q.rule.startswith("inside_reported")


def test_so_called_label_is_a_scare_quote_with_no_speaker():
    qs = _analyze("Star Survey\n\n“We found it by luck,” said Helen Marsh, an astronomer in Leeds.\n\n"
                  "Her team tracked the star – a so-called “hypercool” giant – for six years.").quotes
    q = _find(qs, "hypercool")
    assert q.kind == "scare" and q.speaker is None


def test_a_described_subject_gives_way_to_the_name_apposed_to_it():
    qs = _analyze("Merger News\n\nIn a press release, Globex’s Iron Man, Mark Doyle, likens the takeover to “a path "
                  "to connect a billion people. The firms that reach that mark are all valuable”.").quotes
    assert _find(qs, "a path to connect").speaker == "Mark Doyle"


def test_speaker_phrase_keeps_a_hyphenated_modifier():
    qs = _analyze("Star Survey\n\nA Dutch-led research team said on Monday that the small cold star has four "
                  "planets, all of them rocky.").quotes
    assert _find(qs, "has four planets").speaker == "A Dutch-led research team"



def test_a_verb_with_its_particle_is_its_own_learned_cue():
    qs = _analyze("Bridge Row\n\nHelen Marsh, the mayor of Dover, pointed out that the old bridge had not been "
                  "inspected for nine years.").quotes
    q = _find(qs, "had not been inspected")
    assert q.speaker == "Helen Marsh" and "learned_cue:point out/" in q.rule
