"""Every threshold and option newsprism uses: one typed, frozen dataclass.

Each field carries its default, a one-line meaning and a scope (``read``, ``clean``, ``analysis``,
``compare``, ``stories``, ``runtime``). The same list drives ``newsprism settings``, the README table
(a test fails when a setting is missing there), validation, and the analysis cache key (settings
with scope ``analysis`` are part of it, so changing one recomputes stored analyses). Override them
with ``--set NAME=VALUE`` on the CLI, ``Settings(name=value)`` or ``settings.replace(name=value)`` in
code.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .errors import SettingError


@dataclass(frozen=True)
class Setting:
    """One setting as listed by ``newsprism settings``."""

    name: str
    default: Any
    help: str
    scope: str


def _s(default: Any, help: str, scope: str) -> Any:
    return field(default=default, metadata={"help": help, "scope": scope})


@dataclass(frozen=True)
class Settings:
    """Every setting, typed. Unknown names and values of the wrong type raise SettingError."""

    # -- reading and fetching ------------------------------------------------------------
    max_bytes: int = _s(10_000_000, "Largest input (bytes) read from a file, URL or record; larger is skipped as too_large.", "read")
    fetch_timeout: float = _s(15.0, "Seconds a URL fetch waits for any one connect or read before giving up.", "read")
    fetch_deadline: float = _s(60.0, "Seconds a whole URL fetch may take (every redirect, headers and body); then it fails as timeout.", "read")
    max_redirects: int = _s(5, "Redirects a URL fetch follows before failing.", "read")
    allow_private_urls: bool = _s(False, "Allow fetching loopback/private addresses (off: such URLs are refused).", "read")
    user_agent: str = _s("newsprism/0.1 (+https://github.com/newsprism)", "User-Agent header sent when fetching.", "read")
    utf8_min_valid_share: float = _s(0.5, "Share of a text's non-ASCII sequences that must be valid UTF-8 for it to be read as UTF-8 with bad bytes repaired one by one.", "read")
    binary_control_ratio: float = _s(0.10, "Share of control bytes in the first 8 KB above which input is binary.", "read")
    watch_max_backoff: float = _s(86400.0, "Seconds: a failing feed is retried at least this often (exponential backoff cap).", "read")
    # -- cleaning ------------------------------------------------------------------------
    boilerplate_threshold: float = _s(1.0, "Score at which a line is dropped as boilerplate by the text cleaner.", "clean")
    boilerplate_max_words: int = _s(60, "Lines longer than this are never treated as boilerplate.", "clean")
    tail_fraction: float = _s(0.25, "Final share of a document where trailing boilerplate gets a position bonus.", "clean")
    headline_max_words: int = _s(25, "A first line longer than this is not read as a title.", "clean")
    related_headline_max_words: int = _s(30, "A line under a 'Related posts' heading longer than this ends the list.", "clean")
    boilerplate_model_min: float = _s(0.75, "Boilerplate line model probability at which a line of flattened text is dropped (chosen on the extraction dev split).", "clean")
    boilerplate_model_sentence_min: float = _s(0.9, "Line-model probability needed to drop a line that reads as a sentence (at least sentence_min_words words, ending with . ! ? or a closing quote).", "clean")
    sentence_min_words: int = _s(6, "Words a line needs, ending a sentence, before the stricter boilerplate_model_sentence_min applies.", "clean")
    model_prose_words: int = _s(25, "A line this long that ends a sentence is prose: the line model alone never drops it (named rules still may).", "clean")
    page_chrome_min: float = _s(0.9, "Line-model probability, scored on the whole page flattened to lines, at which a line of the HTML extractor's main text is dropped as page chrome (prose of model_prose_words never); 1.0 turns it off.", "clean")
    boilerplate_run_min: float = _s(0.6, "Line-model probability at which a line between two dropped lines is dropped with them (chosen on the extraction dev split).", "clean")
    caption_min_words: int = _s(4, "Words a line beside a photo credit needs before it is read as that photo's caption (when the credit line repeats it, or the page prints it twice).", "clean")
    hard_wrap_min_words: int = _s(4, "Words a line needs, ending without sentence punctuation, before a next line that starts in lower case is joined to it (a hard line wrap).", "clean")
    hard_wrap_min_share: float = _s(0.2, "Share of line pairs that are such lower-case continuations at which a text counts as hard-wrapped (its lines are then joined up to the wrap width).", "clean")
    hard_wrap_min_breaks: int = _s(3, "Lower-case continuations a text needs, besides hard_wrap_min_share, to count as hard-wrapped.", "clean")
    meta_top_lines: int = _s(8, "Lines after the headline searched for datelines, stamps and bylines.", "clean")
    meta_tail_lines: int = _s(4, "Final lines searched for wire credits, reporting credits and copyright lines.", "clean")
    code_char_share: float = _s(0.04, "Share of {}();=<>$ characters at which a line with a script pattern (jQuery(…), function(…)) is leaked code.", "clean")
    prose_min_words: int = _s(15, "A kept line this long is prose: lines of bare names below it are not read as bylines.", "clean")
    common_surname_zipf: float = _s(4.7, "A capitalised token this common (Zipf) as an English word ends no name in a line of names ('Historic Deal').", "clean")
    max_html_tags: int = _s(50_000, "Most tags ('<') a page may have; more is skipped as too_large before parsing (real news pages: at most ~21,000).", "clean")
    max_token_chars: int = _s(2_000, "Longest run of characters without a space an article may hold; longer is skipped as too_large (it stalls the tokenizer).", "clean")
    min_words: int = _s(20, "Articles with fewer words in their cleaned text are skipped as no_content.", "clean")
    min_language_chars: int = _s(40, "Texts shorter than this are assumed English (too short to detect).", "clean")
    english_min_share: float = _s(0.5, "Share of English the language detector must see for an article to be kept.", "clean")
    # -- analysis (part of the analysis cache key) ---------------------------------------
    max_analysis_chars: int = _s(1_000_000, "Longest cleaned text analysed (spaCy's limit); longer is skipped as too_large.", "analysis")
    max_number_digits: int = _s(15, "Numbers with more significant digits than this (beyond float precision) are not read as quantities.", "analysis")
    scare_quote_max_words: int = _s(3, "A quoted span of at most this many words with no speaker or cue is a scare quote.", "analysis")
    scare_quote_min_sentence_words: int = _s(5, "Fewest words a sentence needs for a quoted phrase in it to be a scare quote (shorter: a caption, menu or page chrome).", "analysis")
    passive_vader_max: float = _s(-0.5, "An agentless passive is a framing cue only for a verb of harm or blame: VADER valence at most this, or NRC negative and not positive (\"were killed\", not \"are planned\").", "analysis")
    quote_speaker_window: int = _s(2, "Sentences before a quote searched for its speaker when none is in its own sentence.", "analysis")
    reported_cue_min: float = _s(0.35, "Learned cue rate (PolNeAR train) at which a verb in its frame reports someone's words.", "analysis")
    speaker_model: bool = _s(True, "Let the learned speaker chooser (models/speaker_chooser.json, PolNeAR train) override the quote rules' speaker.", "analysis")
    speaker_model_margin: float = _s(1.0, "Probability by which the learned chooser's best candidate must beat the rules' pick to replace it (1.0: never; a hand check found 1 of 5 overrides right).", "analysis")
    nominal_speakers: bool = _s(True, "Resolve a nominal speaker (the party, organisers, the editorial) to the one entity the article ties to its head noun (stages/nominal.py).", "analysis")
    speaker_model_min: float = _s(0.3, "Probability the learned chooser's best candidate needs to speak a quote the rules left without speaker.", "analysis")
    colon_block_max_paragraphs: int = _s(6, "Paragraphs a speaker's words introduced by a colon without quote marks (\"Zuckerberg wrote in a post:\") may run over; past the first, up to the last that speaks in the first person or to the reader, with no sign of the writer's voice (a quote mark, a verb of saying, he/she, a past tense or the speaker's name in a paragraph of neither person) in between (0: off).", "analysis")
    reported_cue_min_seen: int = _s(3, "Training occurrences a verb/frame pair needs before its learned cue rate is trusted.", "analysis")
    embedding_weight: float = _s(0.5, "Weight of sentence-embedding cosine in the combined alignment score.", "analysis")
    term_weight: float = _s(0.3, "Weight of shared rare content words (share of the shorter claim's) in the score.", "analysis")
    entity_weight: float = _s(0.1, "Weight of shared entities (rarity-weighted) in the combined alignment score.", "analysis")
    number_weight: float = _s(0.2, "Weight of a shared number of the same measure (e.g. 'more than 30 pages').", "analysis")
    inconsistency_min: float = _s(0.33, "Score at which two claims of one article giving different numbers disagree.", "analysis")
    name_token_max_zipf: float = _s(4.4, "A capitalised token more common than this (Zipf) as an English word is a title, not a name.", "analysis")
    vader_min: float = _s(2.0, "|VADER valence| at which an adjective, adverb or verb is a loaded word.", "analysis")
    vader_noun_min: float = _s(3.3, "|VADER valence| at which a noun is loaded (nouns carry valence as topics: only the strongest).", "analysis")
    common_adjective_zipf: float = _s(4.9, "Adjectives at least this common (Zipf) ('sure', 'important') are never loaded words.", "analysis")
    everyday_zipf: float = _s(4.7, "A neutral-polarity subjective adjective this common (Zipf) ('entire', 'latest') is not loaded.", "analysis")
    subjectivity_min: float = _s(0.8, "Pattern/TextBlob subjectivity at which an adjective is loaded.", "analysis")
    subjective_polarity_min: float = _s(0.3, "Absolute Pattern polarity a common subjective adjective needs to be loaded (lexicon baseline).", "analysis")
    bias_word_min: float = _s(0.7, "Word-level bias tagger probability at which a word is loaded, before the learned cue classifier (session 7: 0.7, the band the cue classifier was trained on; news-dev with loaded_cue_min 0.5: 70 found / 249 emitted at 0.7, 66 / 215 at 0.8; before: chosen on news-dev; 0.7 with the gate found 74 annotated cues, not 68, but emitted 328, not 257, and lowered the BASIL in-span share, measured with the logistic sentence model; 0.875 is BABE-dev best F1).", "analysis")
    loaded_cue_min: float = _s(0.44, "Cue classifier probability (models/cue_classifier.json, scripts/train_cue_classifier.py) at which a word the tagger flags is kept as a loaded cue; below it the word is set aside with its score (session 12, frame15, gate12's classifier on main 47345fc: news-dev found / emitted 0.3 89 / 192, 0.36 88 / 177, 0.4 87 / 173, 0.43 87 / 171, 0.44 87 / 169, 0.45 85 / 165, 0.46 85 / 162, 0.5 83 / 154, 0.6 78 / 136, so 0.44, the highest keeping found >= 87; the seed framing gold re-based on main's framing after the independent audit15 (142 spans) P / R 0.3 0.951 / 0.958, 0.44 0.964 / 0.930, 0.6 0.970 / 0.923, all over its 0.8 floor, though its loaded words alone fall from 7 of 13 found at 0.3 to 3 at 0.44; session 11, gate12, the classifier reading the word in its sentence through the fine-tuned bias model's states, retrained on 2,413 labels: news-dev found / emitted 0.3 89 / 199, 0.4 87 / 176, 0.42 87 / 176, 0.44 87 / 172, 0.46 85 / 165, 0.5 83 / 157, 0.6 78 / 138; the seed framing gold's recall (floor 0.8, tests/test_framing.py) 0.3 0.801, 0.4 0.789, 0.44 0.783: 'noisy' (minority) scores 0.32, 'catastrophe' 0.40, so 0.3, the highest that keeps the floor; session 10, gate11 (not merged), all-MiniLM in a second run: 0.3 87 / 181, 0.35 86 / 176, 0.42 85 / 164; session 9, sci10, classifier retrained on 1,623 labels, its scores a little lower: news-dev found / emitted 0.40 88 / 203, 0.42 88 / 199, 0.43 88 / 196, 0.44 88 / 194, 0.45 87 / 188; 0.43-0.45 drop the seed framing gold's recall to 0.795 ('catastrophe' in a tabloid repost scores 0.421), under its 0.8 floor, so 0.42; BASIL held-out in-span 0.42 33 / 306, 0.45 32 / 289; session 8, classifier retrained on 1,271 labels: news-dev found / emitted 0.45 83 / 302, 0.47 82 / 281, 0.48 82 / 274, 0.5 79 / 258, 0.55 76 / 230, BASIL training events in-span 0.45 24 / 238, 0.48 22 / 217; 0.47 and 0.48 drop the seed framing gold's recall to 0.795, under its 0.8 floor (tests/test_framing.py), so 0.45 stays; session 7, chosen on news-dev, tagger at 0.7: 0.4 found 77 of 123 annotated cues / 312 emitted, 0.45 73 / 284, 0.48 71 / 267, 0.5 70 / 249, 0.6 57 / 177; 0.45 keeps the found count and loaded recall of before, 72 / 279 with loaded 37 of 64).", "analysis")
    label_veto_min: int = _s(4, "A word the hand labels (scripts/data/cue_labels.json) judge in at least this many contexts and never a framing choice is set aside as description, whatever the cue classifier says (models/cue_label_veto.json, scripts/build_label_veto.py; 0 turns it off). Session 15, frame18, chosen out of fold by labelled event on the 3,343 labels (grouped 5-fold replication of the cue classifier): among candidates the classifier keeps at 0.44 and whose word the other events' labels call description only, the share truly not a framing choice is 2+ 0.895 (86 rows), 3+ 0.864 (44), 4+ 0.964 (28), 5+ 1.000 (22): 4, the smallest count reaching a stated 0.95.", "analysis")
    cue_present_precision_min: float = _s(0.25, "The hand labels' out-of-fold precision (share of framing choices, scripts/data/cue_labels.json) a loaded-word cue needs at its cue-classifier score for the framing stage to present it (models/cue_presentation.json, scripts/train_cue_presentation.py: per family, a loaded word alone or the evaluative phrase or epithet built on it, the framing share as an isotonic function of the out-of-fold score); under it the word is set aside with its score and why (not counted, not listed as notable). Session 16, frame19: 0.25, stated before measuring it on news-dev (1.5x the labels' base rate 0.166; the labels reach 0.75 at no score); 0 presents every cue the classifier keeps.", "analysis")
    loaded_occlusion_min: float = _s(-0.005, "How much a loaded word must raise the BABE sentence model's bias score of its sentence (the score with the word minus the score with the word cut out) for the word to be kept: a second learned signal that must agree with the cue classifier; below it the word is set aside as description (\"cornfield\", \"cramped streets\", \"on the lam\"). Words in someone's reported words are not tested (they are marked as the speaker's). Session 9, chosen on the six non-reserved news-dev events and the BASIL training events (word cues in the outlet's voice / those on an annotated cue / BASIL training in-span share): off 100 / 28 / 9.0 %, -0.005 90 / 28 / 9.5 %, 0 86 / 27 / 9.7 %, 0.01 72 / 22 / 10.1 %, 0.02 61 / 20 / 10.9 %; the largest value that loses no annotated cue there. Below -1: off.", "analysis")
    bias_word_lexicon_min: float = _s(0.5, "... lower probability at which a word a published lexicon also marks is loaded (chosen on news-dev: 0.5 keeps every annotated cue 0.4 found and emits 16 fewer, mostly descriptive words such as \"elementary\", \"strong\", \"killed\").", "analysis")
    babe_min: int = _s(2, "Sentences in which BABE annotators marked a word biased before it counts as loaded.", "analysis")
    babe_strong: int = _s(5, "... so often that even a verb of harm ('slammed') counts as loaded.", "analysis")
    bias_score_min: float = _s(0.89, "Sentence bias model probability at which a sentence is flagged biased_sentence. For the finetuned model (its probabilities top out near 0.91): BABE dev precision is 0.88-0.90 for any threshold from 0.88 to 0.90 (benchmarks/results/bias_encoder_shipped.json), and 0.89 keeps the news-dev count near the logistic model's at 0.85 (5 vs 6 of 625 sentences; 0.90: 1); BABE held-out precision 0.94, recall 0.37. With bias_encoder cascade, minilm or static (the logistic model) set 0.85, its chosen threshold and the cascade bands' basis.", "analysis")
    rare_verb_zipf: float = _s(3.5, "NRC anger-and-fear verbs rarer than this (Zipf) ('bombard', not 'force') are loaded.", "analysis")
    attribution_min_terms: int = _s(4, "Content words the rest of a reported-speech sentence needs to be its own claim.", "analysis")
    typo_common_min_zipf: float = _s(3.5, "A suggested headline-typo correction must be at least this common (Zipf).", "analysis")
    typo_gap: float = _s(2.5, "... and this much more common (Zipf) than the word it would replace.", "analysis")
    inconsistency_min_terms: float = _s(0.3, "Shared-word score two sentences of one article need before their numbers are compared.", "analysis")
    encoder: str = _s("onnx", "How the MiniLM sentence encoder runs: torch (sentence-transformers), onnx (ONNX Runtime export made on first use, the same vectors), onnx-int8 (int8 weights, faster, slightly different vectors).", "analysis")
    bias_encoder: str = _s("finetuned", "How the sentence bias score is made: finetuned (MiniLM's first 3 layers fine-tuned on BABE, int8, on every sentence; models/bias_encoder.npz), cascade (logistic regression on MiniLM vectors, estimated from static vectors; MiniLM only on sentences where it could change a verdict), minilm (that regression, MiniLM over every sentence) or static (static vectors only).", "analysis")
    bias_pipeline: bool = _s(True, "Run the finetuned bias model on a second thread while the analysis parses the next articles and runs the other stages.", "runtime")
    bias_pipeline_chunk: int = _s(8, "... articles parsed per step of that pipeline (their sentences go to the bias model while the next step parses).", "runtime")
    bias_cascade_band: float = _s(1.5, "Standard errors of the static-vector estimate around bias_score_min within which the cascade runs MiniLM on a sentence (chosen on BABE held-out).", "analysis")
    bias_cascade_word_band: float = _s(1.5, "... and within which a loaded-word verdict that could change (the word tagger reads the sentence score) sends the sentence to MiniLM (0: never for that reason).", "analysis")
    bias_cascade_encoder: str = _s("onnx-int8", "How the cascade first runs MiniLM on the sentences it sends (an `encoder` value): onnx-int8 (int8 weights, then the float `encoder` again only where the int8 score, error s.d. 0.12 logit, leaves a verdict undecided: 131 of 628 sentences on 60 BASIL articles) or the same as `encoder` (one float run).", "analysis")
    unit_similarity: float = _s(0.5, "Cosine of two unit nouns' embeddings at which two numbers measure the same thing.", "analysis")
    anchor_min: int = _s(3, "Numbers below this ('two leaders') are too common to tie two claims together.", "analysis")
    terms_full_weight: int = _s(4, "Claims with fewer content words than this get a proportionally smaller word score.", "analysis")
    # -- comparison ----------------------------------------------------------------------
    round_tolerance: float = _s(0.03, "Most a stated number is assumed rounded by (share of it): '40' covers 38.8-41.2, '80 million' 77.6-82.4 million, '273' only 272.5-273.5.", "analysis")
    about_tolerance: float = _s(0.05, "Share either side of a number that 'about / around / some' allows ('around 48 minutes' is not 'about 40').", "analysis")
    nearly_tolerance: float = _s(0.10, "Share below a number that 'nearly / almost / close to' allows ('nearly 400' covers 360-400).", "analysis")
    open_margin: float = _s(0.5, "Share above 'more than / at least' (below 'up to') a reported count is still read as that count.", "analysis")
    as_of_window_days: int = _s(14, "A date in a figure's sentence this many days from the article date is the figure's as-of date.", "analysis")
    aligner: str = _s("embedding.v1", "Claim aligner by registry name.", "compare")
    same_fact_min: float = _s(0.55, "Combined score above which two claims are the same fact.", "compare")
    paraphrase_min: float = _s(0.40, "Combined score above which two mutually-best claims are a paraphrase of one fact.", "compare")
    conflict_min: float = _s(0.45, "Combined score above which two claims with different values are a conflict.", "compare")
    same_thing_max_ratio: float = _s(1000.0, "Two figures of one measure this many times apart measure different things and are not compared.", "compare")
    corroborate_min: float = _s(0.55, "Combined alignment score two claims need before the checked path lets one corroborate the other (with pair_model off).", "compare")
    corroborate_number_tolerance: float = _s(0.1, "Two figures of one measure corroborate one fact only within this relative difference (39 vs 40).", "compare")
    pair_model: bool = _s(True, "Checked corroboration asks the learned pair verifier (models/fact_pairs.json, BASIL pairs labelled by hand) instead of the combined score's corroborate_min.", "compare")
    pair_min: float = _s(0.55, "Probability the pair verifier needs before one unit corroborates another (chosen on news-dev: 0.5 and 0.6 found fewer right facts per wrong one).", "compare")
    pair_weak_min: float = _s(1.0, "With member_check on, a pair the pair verifier finds from this probability up to pair_min joins a fact only on trial: the member is cited only when its span states the fact's statement by the span check (member_narrow_min) or a statement narrowed to what every article states, else it is not cited (at or above pair_min: off; the default 1.0 keeps it off whatever pair_min is). Measured on news-dev (session 11, compare_real.py, member_figure_min 0.3): 0.4 gives shared-fact recall 55/84 and corroborated 66 right / 8 wrong / 21 undecided (off: 56/84, 68/7/19): the weak pairs take units from facts they would have stated and few pass the span check.", "compare")
    part_pair_min: float = _s(1.0, "With member_check on, probability the part verifier (models/fact_part_pairs.json: a part of each unit states the same fact; learnt on 160 hand-labelled BASIL pairs the pair verifier refuses, cross-validated AUC 0.73) needs before a pair the pair verifier refused (from part_pair_floor) corroborates all the same, when a main predicate of one unit is written in the other; ranked below every pair the pair verifier accepts, the member check then states the fact by what every cited span states, or leaves the member out. 1.0 (the default): off. Measured on news-dev (session 12, compare_real.py): 0.6 gives shared-fact recall 56/84 and corroborated 68 right / 8 wrong / 19 undecided, 0.5 56/84, 67/8/19 (off: 55/84, 67/7/19; corroborated precision must stay at 0.9): it ranks most refused gold pairs below unrelated ones.", "compare")
    part_pair_floor: float = _s(0.4, "The pair verifier's probability a refused pair needs before the part verifier (part_pair_min) is asked about it (news-dev, part_pair_min 0.6 without the predicate test: 0 gives shared-fact recall 56/84 with 66 right / 16 wrong corroborated, 0.4 56/84 with 68 / 8).", "compare")
    pair_predicate_min: float = _s(1.0, "With member_check on, probability the pair verifier must give a pair it refused (under pair_min) that is accepted all the same when the two units share a predicate by lemma or derivational family with one of its arguments (deployed / deployment + police: compare/pairs.py predicate_features), ranked below every pair the pair verifier accepts. 1.0 (the default): off. Measured on news-dev (session 12, compare_real.py): 0.4 gives shared-fact recall 56/84 and corroborated 68 right / 8 wrong / 20 undecided, 0.25 59/84 with 66 / 12 / 21, 0.08 55/84 with 64 / 19 / 26 (off: 55/84, 67/7/19; corroborated precision must stay at 0.9): a shared predicate and argument also joins another event's sentence (another major quake hit / the powerful quake hit).", "compare")
    clause_pair_min: float = _s(0.9, "Probability the pair verifier needs before a clause of the parse corroborates a unit of another article in the clause pass (chosen on news-dev in session 6: 0.8 gave 50/84 shared facts with 70 right / 9 wrong / 12 undecided corroborated, 0.9 49/84 63/5/12, 0.95 48/84 59/5/11; without the pass 47/84 54/4/10)", "compare")
    unit_prefetch: bool = _s(False, "The analysis encodes the texts a comparison aligns (claims, their punctuation-cut clauses) on its second thread while its later stages run, so a comparison in the same process finds their vectors made (off: on 2 shared cores it cost the analysis more CPU than it saved the comparison; session 7).", "runtime")
    predicate_pass: bool = _s(False, "A phrase saying what a named referent is ('acting President Hwang Kyo-ahn') is corroborated by a sentence of another article that says it of the referent in a predicate (subject of be / remain / become / serve as / stay, every descriptive word in the complement: 'Hwang Kyo-ahn … will remain as acting president'); stated as the phrase's claim ('Hwang Kyo-ahn is the acting President'). Off: on news-dev +1 shared fact (58/84) but 4 facts in all, 2 of them wrong by the strict scorer (on events kept for the reviewers, not read); on 30 BASIL events it finds none.", "compare")
    phrase_pass: bool = _s(True, "Compare the parse's noun phrases that say what a named referent is (appositions, titles and roles before a name; Claim.phrases) across articles: one referent described by shared words is a corroborated fact.", "compare")
    phrase_shared_min: int = _s(1, "Content words outside the names two phrases must share to describe one referent alike in the phrase pass (news-dev, clause pass on: 1 → 52/84 shared, 71 right / 6 wrong / 22 undecided; 2 → 50/84, 65/6/14).", "compare")
    marked_pass: bool = _s(True, "Compare the parse's phrases built on an ordinal or a superlative (Claim.marked: 'the country's first female leader', 'escaped … for the second time') across articles: one marker word with shared content words in aligned sentences is a corroborated fact (news-dev: +2 shared facts, +4 right, no wrong).", "compare")
    marked_shared_min: int = _s(1, "Content words outside the marker and the names two marked phrases must share in the marked-phrase pass.", "compare")
    figure_pass: bool = _s(True, "Two articles giving the same measured figure of one measure of this event (written in digits, same number and measure, given by fewer than half of the story's articles, no other figure of one measure differing) corroborate one fact, each cited by the narrowest unit holding the figure, however differently the rest reads (news-dev: +2 shared facts, +1 wrong).", "compare")
    figure_pass_min: float = _s(10.0, "Smallest figure the figure pass matches (small counts meet by chance).", "compare")
    clause_len_ratio_min: float = _s(0.6, "In the clause pass a clause of the parse is compared with a whole sentence only when the shorter has at least this share of the longer's words.", "compare")
    clause_terms_min: int = _s(4, "In the clause pass a clause of the parse is encoded and aligned only when it shares at least this many content words with some unit of another article (news-dev with the pass on: 2 → 53/84 shared, 72 right / 6 wrong / 22 undecided; 3 → 53/84, 71/6/22; 4 → 53/84, 69/6/21 at 40 % less compare CPU on the speed fixture).", "compare")
    candidate_top: int = _s(1, "Best matches per unit and article the pair verifier sees (1: the best match only, as the model's training candidates).", "compare")
    pair_conflict_checked: bool = _s(True, "The pair verifier also judges a pair the aligner marks as a conflict (two raw numbers of similar units differ) when the quantities stage measures each such pair of numbers as one measure of one event and finds it the same figure (same_figure, with figure_rounding: '98 people dead' / 'killed nearly 100 people'); else the aligner's conflict stands and the pair is no candidate (news-dev, with figure_rounding: shared-fact recall 55/84 -> 56/84, corroborated 67/8/18 -> 68/8/18, each setting alone no change; judging every such pair instead: 56/84, 66/9/18). False: no conflict pair is a candidate.", "compare")
    figure_rounding: bool = _s(True, "In the structured checks of corroboration (not conflicts), two exact figures of one measure told at a scale, one the other rounded to its own precision ('a country of 80 million' / '77 million': 10 million), may state one fact; a figure not told at a scale ('20 dead' / '22 dead') is a count and must be the same figure.", "compare")
    pair_agree_min: float = _s(0.5, "Probability a unit needs with every other member of a fact (not only its statement) to join it.", "compare")
    candidate_min: float = _s(0.30, "Combined score at which a best-matching pair is a candidate for the pair verifier (the model's training candidates).", "compare")
    check_corroboration: bool = _s(True, "Check each aligned pair (numbers of one measure, event, polarity, speaker) before it corroborates a fact.", "compare")
    synthesis_max_facts: int = _s(30, "Corroborated facts stated in the synthesis, most-supported and most central first.", "compare")
    synthesis_cite_unstatable: bool = _s(True, "A corroborated fact's member that the synthesis cannot state (a pronoun subject its article resolves, a quotation cut before its close) may still be cited for the statement another member makes, held to the same cover, figures and quoted words; never chrome, a headline, a caption, a bare attribution or a fragment.", "compare")
    synthesis_member_checked: bool = _s(True, "A corroborated fact the synthesis' own renderings could not state (no member of two articles stated on the aligner's score, or no rendering held by two articles' spans) is stated by its fact's statement, where an article writes it word for word, it is a well-formed statement, and every other article cited has a span that the member check's tests pass (its figures, and the span check at member_narrow_min); evaluative words attributed, a quotation with its speaker, the abstention band as for any statement.", "compare")
    synthesis_member_pair_min: float = _s(0.0, "A cited span that the span check does not pass at member_narrow_min still states a member-checked statement (synthesis_member_checked) when the pair verifier accepted it against the statement's own unit at this probability (0.9, clause_pair_min's value, tried) and it writes the statement's main predicate (span_check.predicate_shared), its figures and quoted words held; 0 (the default): off — on news-dev it adds one sentence the hand check reads right and the gold cannot decide.", "compare")
    quote_variant_min: float = _s(0.55, "Similarity at which two quotes by one speaker are the same utterance.", "compare")
    naming_head_evaluative_min: float = _s(0.75, "Evaluative-word model logit (scripts/train_evaluative_words.py) of a head noun at which the noun an article names a thing with is itself a naming choice, when fewer than `topic_share_min` of the other articles use it: an act of a named actor (\"intimidation by the Spanish state\") or a definite label with no name whose head the article uses there first (\"the crackdown\") (`compare.framing.charged_heads`; session 16, name20: set before measuring on news-dev, from about 40 nouns' logits printed by hand, three gold heads among them).", "compare")
    naming_label_twin_min: float = _s(0.7, "Sentence cosine (MiniLM) at which another article's sentence tells the same thing as the sentence of a label with no name (\"the crackdown\", \"this plebiscite\"; `compare.framing.charged_heads`): the labelled thing is then the story's, worded otherwise by that outlet, and the label a naming choice (session 16, name20: 0.6 set before measuring, raised to 0.7 after the hand check of the first version's labels, 2 of 6 sensible, the false ones at 0.63-0.64: chosen on the checked items, so that check is optimistic for it).", "compare")
    naming_min: float = _s(0.35, "Cosine of two head nouns at which two phrases can name the same referent.", "compare")
    naming_reworded_min: float = _s(0.9, "Cosine of two sentences of different articles at which one is the other reworded (the same sentence told by two outlets: \"the town accepted a lasting ban on fishing\" / \"the town's fishing became subject to a brief pause\"), so that two nouns with modifiers of their own that the reworded stretch pairs are a naming choice of each (identical sentences, wire copies, give none).", "compare")
    naming_reworded_phrase_min: float = _s(0.2, "Cosine of MiniLM's contextual vectors of two nouns, each in its sentence, of a reworded sentence pair (`naming_reworded_min`) at which they can name the same thing (each must also be the other's best match among the nouns of its stretch; set before looking: the news-dev pair scores 0.36-0.37).", "compare")
    naming_word_low: float = _s(0.2, "Lower word-level bias tagger probability at which a word an article alone puts on a shared referent is still a naming choice when its meaning is evaluative (evaluative-word model logit at least `naming_evaluative_min`): \"its provocative neighbor\", \"a banned referendum\" (chosen on news-dev).", "compare")
    naming_evaluative_min: float = _s(0.2, "Evaluative-word model logit (scripts/train_evaluative_words.py) at which a naming word under `naming_word_min` still counts (see `naming_word_low`; chosen on news-dev).", "compare")
    naming_evaluative_floor: float = _s(-0.5, "Evaluative-word model logit under which a naming word is description, not a choice, however high its tagger probability (\"densely populated\", \"semi-autonomous region\"; chosen on news-dev).", "compare")
    naming_feeling_min: float = _s(1.0, "VADER valence (in size) at which an adjective an article alone puts on a group of people is a feeling or stance it gives them (\"excited protesters\", \"thrilled astronomers\"), a naming choice whatever the tagger says (chosen on news-dev).", "compare")
    naming_word_min: float = _s(0.5, "Word-level bias tagger probability (the word judged without its sentence) at which the word an article puts on a shared referent (\"Tehran's archfoe Israel\", \"an illegal referendum\") is a naming choice, when the other articles do not use it (chosen on news-dev).", "compare")
    log_odds_prior: float = _s(10000.0, "Strength (pseudo-words) of the general-English Dirichlet prior in the log-odds word contrast.", "compare")
    log_odds_min_alpha: float = _s(0.5, "Pseudo-count every word gets in the log-odds prior, so that one or two uses are never distinctive.", "compare")
    distinctive_z_min: float = _s(1.0, "Log-odds z-score at which a word sets an outlet apart (about one s.d.: short articles rarely reach 1.96).", "compare")
    topic_share_min: float = _s(0.4, "Share of the other articles using a loaded word at which it is the story's topic, not framing (chosen on news-dev).", "compare")
    distinctive_max: int = _s(10, "Distinctive words listed per outlet in the framing contrast.", "compare")
    parse_clauses: bool = _s(False, "Align the parse's clauses of a sentence too (coordinated, subordinate, relative and participial clauses, appositions; set by the claims stage), besides its punctuation-cut clauses (off by default: on news-dev +2 shared facts, 53/84 vs 51/84, for +0.1–0.3 s of compare on the speed fixture, where main is at the 1.5 s target).", "compare")
    clause_min_words: int = _s(5, "A clause of a longer sentence is aligned on its own when it has at least this many words.", "compare")
    min_claim_words: int = _s(5, "Sentences with fewer words are not facts (fragments); 'Two people are still missing.' counts.", "compare")
    unique_overlap_max: float = _s(0.4, "A single-source sentence is left out of the synthesis when one sentence of another article has this share of its content words.", "compare")
    unique_align_max: float = _s(0.2, "A single-source sentence is stated in the synthesis only when its best alignment score with any sentence or clause of another article is below this floor (well below paraphrase_min: nothing else may state it).", "compare")
    unique_names_overlap_min: float = _s(0.25, "A single-source sentence is left out of the synthesis when one sentence of another article names two or more of its named entities and has this share of its content words (a paraphrase the aligner scored low).", "compare")
    synthesis_rendered_check: bool = _s(True, "Every cited span of a corroborated or attributed synthesis sentence states every figure and every part of the sentence as it is finally rendered (the source a reporting verb or ‘according to’ gives, each modifier and conjoined predicate of the main clause), in the span or its sentence (the citation is then widened to it): a modifier or conjoined predicate a span lacks is cut from the sentence where what is left is still a claim, else that span is not cited; a source is never cut, and a span that does not name it is not cited (for an ‘according to’ source, one that states the fact in its outlet's own voice is); a sentence left citing fewer than two articles is left out, with why. Session 12 (synth14): on news-dev the scorer's one wrong synthesis sentence left out, one sentence narrowed, two citations widened.", "compare")
    synthesis_reference_check: bool = _s(True, "A synthesis sentence (corroborated, attributed or single-source) is left out, with why, when a word of its narration stands for something only an earlier sentence of its article names: a pronoun \u201cit\u201d, \u201cthey\u201d, \u201cthem\u201d or a demonstrative \u201cthis\u201d, \u201cthat\u201d, \u201cthese\u201d, \u201cthose\u201d as a clause's subject or object with nothing before it in the sentence it could stand for (on the cached parse: a clause's own subject is no referent for its object, nor the one spoken to), or \u201cthe other\u201d with no noun; a noun is no referent for an \u201cit\u201d in its own modifier (\u201cany measure to block it\u201d) nor a name a later \u201che\u201d/\u201cshe\u201d stands for; a demonstrative determiner on a noun neither the sentence nor the headlines name (\u201cthose rights\u201d, \u201cthis information\u201d; not a time, \u201cthis year\u201d); a bare name two people of the event share (\u201cLee\u201d) unless every cited article names one person by it, the same; a time counted from an event the sentence does not name (\u201cTwo days earlier, \u2026\u201d). Session 12 (probe17): on 12 held-out BASIL events 4 of the 5 unresolved references read by hand left out; session 16 (measure23): see its README row.", "compare")
    synthesis_definite_subject_check: bool = _s(True, "A corroborated, attributed or single-source synthesis sentence is left out, with why, when its subject is a bare definite description the story's headlines do not name (\u201cThe office tracks \u2026\u201d, \u201cThe product has received \u2026\u201d, \u201cThe 45-year-old actor \u2026\u201d: the stands-alone model's subject cues on the cached parse); a rendering with such a subject is tried after the others. Session 16 (measure23): on news-dev's six non-reserved events and 52 saved web events, hand-read by the developer (not independent).", "compare")
    synthesis_stands_alone: bool = _s(True, "A single-source synthesis sentence is left out when the stands-alone check (models/stands_alone.json, scripts/train_stands_alone.py: a logistic regression over parse cues \u2014 a bare definite description, person title, demonstrative, \u201csuch\u201d, day's possessive or pronoun as subject, bare definite \u201cshell\u201d nouns such as \u201cthe move\u201d, \u201cthe package\u201d, an opening \u201cThen\u201d/\u201cBut\u201d, \u201cother\u201d/\u201csame\u201d, names, length; a definite description of a headline noun is the story's own \u2014 fitted on 402 hand-labelled candidate statements of 19 BASIL training events, threshold by event-grouped CV so that at least 0.85 of its refusals are right) says a reader who knows only the story's headlines would not understand it; its article's slot goes to the next candidate and its fact's reason says why, with score and cues. Session 13 (synth18): on 14 BASIL train-dev events 11 of 15 single-source sentences were wrong, none right (back-references, fragments, an unattributed quotation).", "compare")
    synthesis_partial_quotes: bool = _s(True, "A synthesis statement quoting a named speaker also cites an article that quotes part of the same remark (a run of at least four of its quoted words, word for word) from the same speaker, or a quote whose speaker the quote finder gives only as a description (\u201cthe statement\u201d, \u201cthe Texas governor\u201d) sharing at least 8 of its words in a row (session 12, probe17: 2 under-cited quotations on held-out BASIL events): that outlet states the shared words; such a partial quote also passes the quoted-words check of a member.", "compare")
    synthesis_quote_verbatim_min: float = _s(0.9, "A statement that quotes someone cites a span with no quotation marks (an outlet's own sentence or someone's reported speech) only when the span writes the quoted words nearly as quoted (rapidfuzz partial ratio, 0-1): a paraphrase is not the quotation.", "compare")
    synthesis_quote_cover_min: float = _s(0.8, "A statement that quotes someone cites a span only when the span holds at least this share of the quoted words' content words (the same utterance in nearly the same words: \"a historic mistake for the world\" is not \"a bad mistake of historic proportions\").", "compare")
    synthesis_cover_min: float = _s(0.4, "A corroborated statement cites an aligned span only when the span holds at least this share of the statement's content words (chosen on news-dev: at 0.2 a multi-fact sentence was cited to spans stating one part of it; 0.4 keeps every span the strict scorer counts right but one).", "compare")
    synthesis_verified_cover_min: float = _s(0.33, "A unit of an article a corroborated fact left out, which the pair verifier accepted against one of the fact's members, is cited with the statement when it holds at least this share of the statement's content words (and every figure it states): the same fact in other words (chosen on news-dev: 0.4 45 sentences 42 right, 0.33 46/43, 0.25 46/42).", "compare")
    synthesis_figure_complete: bool = _s(True, "After the statements are made, a corroborated statement also cites a unit of an article it left out that states one of its measured figures (same measure of the same event, the same figure), holds synthesis_verified_cover_min of its words and passes a member's checks (session 9: on news-dev's six non-reserved events and 53 BASIL events one candidate, right: 'expected to be held within two months' for 'within 60 days').", "compare")
    synthesis_complete: bool = _s(True, "Citation completion: after the statements are made, each corroborated statement also cites every article it left out whose unit (one of the three best by the aligner, passing a member's structured checks) the span check (models/span_check.json, scripts/train_span_check.py: a logistic regression over frozen MiniLM soft coverage, cosine, word, name and figure cover, fitted on hand-labelled statement/span pairs) finds states it at synthesis_complete_min and that writes its predicate (synthesis_complete_predicate). On since session 11, with the predicate check and the abstention band (synthesis_abstain_min): session 10 measured 518 hand-labelled pairs (held-out precision 2/2 on candidates, 7/7 over every labelled candidate above the threshold); it adds nothing on news-dev's six non-reserved events; a written same-participants, other-predicate sentence ('visited the Hollins dam' for 'opened the Hollins dam') scores 0.94 and is refused by the predicate check.", "compare")
    member_check: bool = _s(True, "A corroborated fact's every cited span states its whole statement: every figure the statement states (same measure and value; another figure of the measure, or none, is no support) and, by the span check (models/span_check.json), its predicate and participants at member_narrow_min. Where a span fails, its article is cited by another of its spans that states it; else the statement becomes the longest clause piece or opening of itself that a span of every article states; else a span that fails the figures, or scores under member_drop_below, is not cited, and a fact left with one article is that article's own.", "compare")
    rejoin_pairs: bool = _s(True, "With the pair verifier, a pair it accepted whose two units each went into another fact (one sentence stating two shared facts: a toll and the quake's magnitude) states a fact of its own when no fact cites the two sentences together and the member check finds every cited article stating it (its statement, or the part every article states; else no fact), and corroborated facts with one statement are one fact citing every span. Measured on news-dev's six non-reserved events (session 15, corr21): off 41 of 61 shared facts, 45 right / 7 wrong / 12 undecided; accepted pairs from p 0.75 42/61, 47/7/12 and from 0.65 42/61, 49/7/12 (both before the one-statement merge); every accepted pair (on, merged, a rejoined fact the member check cannot state dropped) 43/61, 48/7/12; no such pair on the 26 saved web events.", "compare")
    member_quotes: bool = _s(True, "With member_check on, a statement that quotes someone as saying something (a verb of saying outside its quotation marks) is stated only by a span that holds at least two of the quotation's content words (or its one) and 0.3 of them: a span quoting the speaker's other remark ('They were better for 60 minutes,' the coach said, for '\"We were beat,\" said the coach') is not cited; a quoted term or title no one is said to say is left to the span check (session 15, corr21: on the 26 saved web events one wrong corroborated fact undone; news-dev's facts unchanged but one citation of a paraphrase in the outlet's voice).", "compare")
    member_details: bool = _s(True, "With member_check on, a span states a statement only when it (or its sentence) holds every detail the statement asserts (compare/details.py, read from the statement's parse): its figures (numbers in words or digits, fractions), dates, weekdays and times of day, named people, organisations and places, a role or title attached to a person, an if/unless clause, a which/who clause, an obligation or expectation, a count told as done where the span tells it to come, a negation. Where a span lacks one, the fact is stated by another member's whole span every span states, or by the statement (or a piece of it) without the one or two modifiers that carry the detail (a time or place adverbial, an apposition, a role word, an if-clause, a which/who clause) where every article states that; else a span lacking a figure, role, condition, modality or negation is not cited (a date, time or name it lacks only narrows). The synthesis' span check applies the same rule to figures, roles, conditions, modality, negation and times. Session 16 (detail23): news-dev's six non-reserved events' corroborated facts 0.53 -> 0.87 right by a strict blind hand check (30 sampled each), shared-fact recall 59 -> 56 of 84 by the gold scorer (the facts no longer found each had a cited span lacking a detail).", "compare")
    member_narrow_min: float = _s(0.738, "Span check probability at which a member's span states its fact's whole statement (member_check): under it the statement narrows to the part every article states where one does. The span check's own threshold, chosen on the dev events for the synthesis (synthesis_complete_min).", "compare")
    member_figure_min: float = _s(0.3, "Where a member's span does not state its fact's statement (member_check), a narrowed statement that states a figure of this event (not a date) needs only this span check probability against a span that states that figure and every name of the statement (not a day or month); where the fact failed on a figure, a span giving each of the statement's figures as the same measured figure of one measure (at least figure_pass_min) and every name states it whatever else it reads. A clause opening with 'when / as / after' or a purpose phrase ('To get under the hills, ') is tried without it. Chosen on news-dev's six non-reserved events (session 11, compare_real.py): 0.738, 0.3 and 0.2 all give shared-fact recall 55/84 and corroborated 67 right / 7 wrong / 19 undecided (0.3 states two facts by the shorter piece every span states, span check 0.47 and 0.53); 0.1 gives 56/84, 68/7/19 with a fact wrong by reading ('the building collapsed during a 7.1 magnitude earthquake on Tuesday' cited to a span about damage).", "compare")
    member_drop_below: float = _s(0.0, "A member's span the span check scores under this is not cited when no narrower statement is found (member_check; 0: only a missing or different figure drops a span). Measured on news-dev (session 11, compare_real.py): 0 gives shared-fact recall 54/84 and corroborated 66 right / 7 wrong / 19 undecided; 0.3: 47/84, 57/5/18; 0.5: 43/84, 52/4/17; 0.738: 34/84, 41/3/13 (member_check off: 57/84, 71/5/20): the check refuses paraphrases the pair verifier accepted.", "compare")
    change_direction: bool = _s(True, "Two percentages of one value state one fact only when they move the same way: where each sentence tells a direction (a change word in the two words after the figure, or in the six before it in its clause: 'rose', 'went up', 'a … fall', 'declined'), one that rose and one that fell are another fact ('went up by 1.3% during December' / 'revised down … to show a 1.3 percent fall' of November), in the pair verifier's structured checks and the member check's figures.", "compare")
    synthesis_complete_min: float = _s(0.738, "Span check probability at which synthesis_complete adds a unit of an article a corroborated statement does not cite (chosen on the dev events' candidates for precision 0.9: 4/4 at recall 4/14; held-out 2/2).", "compare")
    synthesis_complete_predicate: bool = _s(True, "A unit the span check accepts at synthesis_complete_min is cited only when it writes one of the statement's main predicates (the lemma's first five letters, any part of speech: 'to open' for 'was opened'); else it is undecided (synthesis_abstain_min): 'visited the dam' (span check 0.94) is not 'opened the dam'. On the labelled pairs at or above synthesis_complete_min: 6 of 7 positive candidates and 101 of 118 positive cited spans write it.", "compare")
    synthesis_abstain_min: float = _s(0.15, "Abstention: a corroborated statement is left out of the synthesis (its fact's reason says why) when the best unit of an article it does not cite, passing a member's structured checks, has a span check probability from this up to synthesis_complete_min: the check cannot say whether that article states it in other words, and a fact-checker prefers a shorter synthesis to an under-cited one. 0: off. Chosen with synthesis_cited_predicate_min per statement on the dev events of the labelled pairs (scripts/train_span_check.py abstain: the pair leaving out the fewest statements while 0.95 of those kept are neither under-cited nor wrongly cited: dev 48 statements, 11 wrong, 37/48 right -> 35/36 kept, 12 left out; held-out once 28/30 -> 25/26, 4 left out).", "compare")
    synthesis_cited_predicate_min: float = _s(0.3, "A corroborated or attributed statement (not a quotation said with its speaker) is left out of the synthesis (its fact's reason says why) when a cited span of another article writes none of its main predicates (span_check.predicate_shared) and the span check scores it below this: the span may state a related fact, not this one ('said it was open to modest reductions' cited for 'pushed back on a report'); a span narrowed past the predicate is first widened to its sentence when the sentence writes it. 0: off. Chosen with synthesis_abstain_min (see there).", "compare")
    synthesis_prune_below: float = _s(0.0, "A corroborated statement's cited span of another article whose span check probability is below this is no longer cited (a statement left with its own article alone is said as that outlet's). 0: off — on the dev events no threshold keeps 0.9 of the dropped spans wrong (the lowest-scored cited span, 'expected to be held within two months' for 'within 60 days', is right).", "compare")
    synthesis_full_cover_min: float = _s(0.8, "A statement attributed to one outlet (\"According to X, …\"), or a rendering tried after the plainest failed, is that outlet's words: another article's span is cited with it only when it holds at least this share of the statement's content words (it states the whole of it, not a part: \"stormed polling stations\" does not state \"smashed in the doors … dragged protesters away by the hair\").", "compare")
    synthesis_loaded_min: float = _s(0.45, "Word-level bias tagger probability at which a word makes a corroborated statement evaluative (attributed to its outlet) in the synthesis; lower than bias_word_min: the synthesis speaks in its own voice (re-chosen on news-dev in session 5, when the tagger began reading the fine-tuned sentence score: 0.35 attributed plain facts such as 'messaging service'; 0.45 and 0.55 give the same synthesis).", "compare")
    synthesis_cue_min: float = _s(0.25, "Cue classifier probability (the framing stage's learned loaded-word decision, models/cue_classifier.json) a word the tagger flags at synthesis_loaded_min also needs before it makes a corroborated statement evaluative (attributed to its outlet); lower than loaded_cue_min: the synthesis speaks in its own voice (session 9: the classifier scores the plain adverb 'independently' 0.17 and 'messaging' 0.20, 'paltry' 0.26; chosen on these words, no labelled set covers the tagger's 0.45-0.7 band).", "compare")
    synthesis_unique_per_article: int = _s(0, "Single-source claims per article in the synthesis (the report lists all). 0 since session 13: on BASIL events nobody tuned on, 4 of 20 such sentences were right.", "compare")
    # -- stories -------------------------------------------------------------------------
    story_join_min: float = _s(0.60, "Score at which an article joins an existing story.", "stories")
    story_window_days: int = _s(7, "Days around a story's first/last article within which new articles may join it.", "stories")
    story_neighbours: int = _s(10, "Nearest stories considered for each new article.", "stories")
    story_merge_min: float = _s(0.70, "Score at which two stories are merged into one.", "stories")
    story_group_chunk: int = _s(200, "Articles grouped (and committed) per write transaction; a killed run keeps the chunks it finished.", "runtime")
    story_vector_weight: float = _s(0.8, "Weight of the title+opening embedding cosine in a story score.", "stories")
    story_entity_weight: float = _s(0.2, "Weight of shared names (share of the article's names the story has seen) in a story score.", "stories")
    story_top_names: int = _s(30, "Names a story keeps for comparison (most frequent first).", "stories")
    story_names_full_score: float = _s(3.0, "Shared-name weight (full name 1, single word 0.5) at which the name score is 1.", "stories")
    story_term_weight: float = _s(0.2, "Weight of shared event terms (rare words and numbers of the opening) in a story score.", "stories")
    story_top_terms: int = _s(60, "Event terms a story keeps for comparison (most frequent first).", "stories")
    story_terms_full_score: float = _s(6.0, "Shared event terms at which the term score is 1.", "stories")
    story_term_max_zipf: float = _s(4.0, "Words rarer than this (Zipf frequency) count as event terms.", "stories")
    story_embed_chars: int = _s(1200, "Characters of title and opening embedded as an article's story vector.", "stories")
    story_opening_chars: int = _s(1500, "Characters of body text after the title read for event terms (stated dates are read in the whole text).", "stories")
    story_date_conflict_penalty: float = _s(0.3, "Subtracted from a story score when the dates an article states are all more than story_window_days from the story's.", "stories")
    story_link_min: float = _s(0.65, "Pair score (the story score between two articles) at which stories build links two articles into one story.", "stories")
    story_exact_max: int = _s(50_000, "Articles up to which stories build finds each article's neighbours exactly (faiss flat); above, an IVF index.", "stories")
    story_ivf_lists: float = _s(4.0, "IVF cells per square root of the article count when stories build uses an IVF index.", "stories")
    story_ann_dims: int = _s(64, "Dimensions (PCA of the story vectors) the IVF index of stories build searches in; pair cosines use all of them.", "stories")
    story_block_max_df: int = _s(50, "Names or event terms found in at most this many articles make candidate pairs in stories build (blocking).", "stories")
    story_ivf_nprobe: int = _s(8, "IVF cells searched per article by stories build (more: better recall, slower).", "stories")
    story_search_chunk: int = _s(50_000, "Articles per neighbour-search call in stories build (bounds the memory of one call).", "runtime")
    # -- runtime -------------------------------------------------------------------------
    batch_shard_size: int = _s(32, "Articles (JSONL lines, Parquet rows or files) per batch shard: the unit that is analysed, written and resumed.", "runtime")
    batch_in_flight: int = _s(2, "Shards queued per batch worker at once (backpressure: more waits until one is written).", "runtime")
    batch_object_store_mb: int = _s(200, "Ray object store size (MB) of a local Ray cluster started by `newsprism batch --engine ray`.", "runtime")
    web_page_size: int = _s(50, "Stories or articles per page of the web app's lists (and their JSON twins).", "runtime")
    web_list_cache_seconds: float = _s(2.0, "Seconds a rendered page of the story or article list is reused (0: rendered for every request).", "runtime")
    web_page_cache: int = _s(512, "Rendered article pages (and story page policies) the web app keeps in memory per process.", "runtime")
    web_job_queue: int = _s(1000, "Analyses and comparisons the web app may have queued for its background worker; more answer 503.", "runtime")
    web_shutdown_grace: float = _s(5.0, "Seconds the web server waits for open requests after SIGTERM/SIGINT before it stops.", "runtime")
    web_compare_max_items: int = _s(10, "Most articles one compare job in the web app takes (pasted texts, URLs and files together); at least 2 are needed.", "runtime")
    web_upload_max_bytes: int = _s(2_000_000, "Largest pasted text or uploaded file (bytes) the web app's compare form accepts per item.", "runtime")
    web_jobs_kept: int = _s(10, "Compare jobs the web app's background worker may have waiting; more answer 503.", "runtime")
    web_search_page: int = _s(50, "Search results per page (and in the JSON twin).", "runtime")
    web_examples: int = _s(5, "Examples an outlet page shows under each figure (the JSON twin has all of them).", "runtime")
    web_matrix_facts: int = _s(60, "Facts the story page's coverage matrix shows (conflicts first, then corroborated, then unique).", "runtime")
    article_time_budget: float = _s(120.0, "Seconds one article's extraction (and analysis, in batch modes) may take; then it fails as timeout (0: no budget).", "runtime")
    parse_cache_size: int = _s(4096, "spaCy parses the comparison keeps in memory per process (the same sentence is parsed once for its claim, statement and predicate checks).", "runtime")
    span_token_cache_size: int = _s(4096, "Texts whose MiniLM word-piece vectors the span check keeps in memory per process.", "runtime")
    embed_cache_size: int = _s(50000, "Sentence vectors kept in memory per process (a comparison reuses the vectors its analysis made).", "runtime")
    embed_batch_size: int = _s(64, "Texts per sentence-encoder call.", "runtime")

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            kind = type(f.default)
            if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
                continue
            object.__setattr__(self, f.name, _coerce(f.name, kind, value))

    def replace(self, **overrides: Any) -> Settings:
        """A copy with some settings changed (names checked, values coerced)."""
        unknown = sorted(set(overrides) - _NAMES)
        if unknown:
            raise SettingError(f"unknown setting {unknown[0]!r}; see `newsprism settings`")
        return dataclasses.replace(self, **overrides)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_pairs(cls, pairs: list[str] | None) -> Settings:
        """Parse ``NAME=VALUE`` strings (the CLI's ``--set``)."""
        overrides: dict[str, Any] = {}
        for pair in pairs or []:
            name, sep, value = pair.partition("=")
            if not sep:
                raise SettingError(f"--set expects NAME=VALUE, got {pair!r}")
            overrides[name.strip()] = value.strip()
        return DEFAULT.replace(**overrides)


def _coerce(name: str, kind: type, value: Any) -> Any:
    if kind is bool:
        text = str(value).lower()
        if text in {"1", "true", "yes", "on"}:
            return True
        if text in {"0", "false", "no", "off"}:
            return False
        raise SettingError(f"setting {name} expects true/false, got {value!r}")
    if kind is int and isinstance(value, float) and value.is_integer():
        return int(value)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return kind(value)
        except (TypeError, ValueError):
            pass
    raise SettingError(f"setting {name} expects {kind.__name__}, got {value!r}")


SETTINGS: tuple[Setting, ...] = tuple(
    Setting(f.name, f.default, f.metadata["help"], f.metadata["scope"]) for f in dataclasses.fields(Settings))
_NAMES = frozenset(s.name for s in SETTINGS)

DEFAULT = Settings()


def analysis_settings(settings: Settings) -> dict[str, Any]:
    """The settings that change what the analysis stages output (for the analysis cache key)."""
    return {s.name: getattr(settings, s.name) for s in SETTINGS if s.scope == "analysis"}


def markdown_table() -> str:
    """The settings as a Markdown table (pasted into the README; a test checks it lists them all)."""
    rows = ["| setting | default | meaning |", "|---|---|---|"]
    rows += [f"| `{s.name}` | `{s.default!r}` | {s.help} |" for s in SETTINGS]
    return "\n".join(rows)


if __name__ == "__main__":  # python -m newsprism.settings
    print(markdown_table())
