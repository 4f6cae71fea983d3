"""Named line features: patterns with weights per boilerplate category.

These are the hand-written cues the project started with. They now serve two roles:
each fires as a named input feature of the learned line model (``lines.py``), and the
categories whose rules beat the model on the extraction dev split (measured by
``scripts/train_boilerplate.py``, recorded in the model file) still decide alone. A
dropped line's category comes from the best-scoring rule category, else from
``category_of``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Pattern

from ..settings import DEFAULT, Settings
from ..text.words import title_case, words


@dataclass(frozen=True)
class Feature:
    name: str
    pattern: Pattern[str]
    weight: float


def _f(name: str, pattern: str, weight: float) -> Feature:
    return Feature(name, re.compile(pattern, re.IGNORECASE), weight)


# Features per category. Strong phrases (weight >= 1) decide alone; weak cues need company
# (another cue, a short line, a place at the end of the page).
FEATURES: dict[str, tuple[Feature, ...]] = {
    "comment_form": (
        _f("leave_reply", r"^\s*(leave|post|add|write) (a|your) (reply|comment|response)\b", 1.0),
        _f("email_not_published", r"\bemail (address )?(will|won['’]t|shall) not be (published|shared|displayed)", 1.0),
        _f("required_fields", r"\brequired fields are marked\b", 1.0),
        _f("save_my_name", r"\bsave my name\b.*\b(email|browser)\b", 1.0),
        _f("notify_me", r"^\s*notify me of (new|follow-up) (comments|posts)", 1.0),
        _f("comments_closed", r"^\s*comments? (are|is) closed\b", 1.0),
        _f("cancel_reply", r"^\s*cancel reply\s*$", 1.0),
        _f("comment_count", r"^\s*\d+\s+comments?\s*:?\s*$", 1.0),
        _f("login_to_comment", r"\b(log ?in|sign ?in|register) to (post a )?comment\b", 1.0),
        _f("comment_word", r"\bcomments?\b", 0.4),
        _f("form_field", r"^\s*(name|email|website|comment)\s*\*?\s*$", 0.8),
    ),
    "related_links": (
        _f("related_heading", r"^\s*(related( posts| articles| stories| news| content| coverage)?|"
                              r"read (more|also|next)|also read|see also|more (stories|news|from [\w .]+)|"
                              r"you (may|might) (also )?like|recommended( for you| stories)?|trending( now)?|"
                              r"most (read|popular|viewed)|top stories|latest (news|stories)|"
                              r"further reading|don['’]t miss|recommended from [\w .]{2,30})\s*:?\s*$", 1.0),
        _f("read_more_prefix", r"^\s*(read (more|also)|also read|see also|related)\s*:\s*\S", 1.0),
        # a site's promo line for another of its stories (issue 14's review: a promo line read as the article's text)
        _f("other_story_prefix", r"^\s*((previous|next|prev\.?|top|featured|sponsored|popular) (story|article|post)|"
                                 r"more|editor['’]?s picks?|most (read|popular))\s*[:>»]\s*\S", 1.0),
        _f("see_gallery", r"^\s*(see|view) (the )?(full )?(gallery|photos|video)\b|^\s*\d+\s+photos\s*$|"
                          r"^\s*before you go\b|^\s*watch now\s*$", 1.0),
        _f("read_more_of", r"^\s*read (more|the (full|rest))( of)? (this|the) (story|article)\b|"
                           r"^\s*read more (latest|top|recent) (news|stories)\b|^\s*continue reading\b", 1.0),
    ),
    "cookie_notice": (
        _f("cookie_word", r"\bcookies?\b", 0.5),
        _f("this_site_uses", r"\b(this|our) (web)?site uses\b", 0.5),
        _f("consent", r"\b(consent|gdpr|opt[- ]?out|opt[- ]?in)\b", 0.5),
        _f("accept_button", r"\b(accept( all)?|i agree|got it|ok,? i understand|manage (preferences|settings))\b", 0.3),
        _f("privacy_policy", r"\bprivacy (policy|settings|notice)\b", 0.4),
        _f("assume_ok", r"\bwe(['’]ll)? assume (this is ok|you['’]re ok|you are ok)", 0.6),
        _f("continue_using", r"\bby continuing to (use|browse)\b", 0.6),
    ),
    "newsletter": (
        _f("subscribe", r"\b(subscribe|sign up|signup)\b", 0.5),
        _f("newsletter_word", r"\bnewsletters?\b", 0.5),
        _f("inbox", r"\b(to|in) your inbox\b|\bdelivered (straight |directly )?to you\b", 0.5),
        _f("enter_email", r"\benter your (e-?mail|email address)\b", 0.6),
    ),
    "share_bar": (
        _f("share_tokens", r"^\s*((share|tweet|pin|email|print|copy link|facebook|twitter|x|whatsapp|telegram|"
                           r"linkedin|reddit|pinterest|messenger|flipboard|on|this|article|the|via)[\s,|:/·•-]*){2,}$", 1.0),
        _f("share_this", r"^\s*share (this|on)\b", 0.8),
        _f("follow_us", r"^\s*follow us on\b", 0.8),
    ),
    "app_download": (
        _f("download_app", r"\bdownload (our|the)\b.*\bapp\b", 0.8),
        _f("app_stores", r"\b(app store|google play|play store)\b", 0.6),
        _f("app_tokens", r"^\s*((download|mobile|app|apps|android|apple|ios|iphone|ipad|printer|print|e-?paper|"
                         r"rss|podcasts?)[\s,|:/·•-]*){1,4}$", 1.0),
    ),
    "photo_credit": (
        _f("file_photo", r"\bin this (undated |handout |file )*(file )?(photo|image|picture)\b|\b(afp|ap|reuters|epa|getty) "
                         r"(photo|images)\b|/\s*(afp|ap|reuters|epa|getty images|efe)\s*(/[^)]*)?\)?\s*$", 0.6),
        _f("photo_label", r"^\s*(\(?(photo|image|picture|file photo|video)( credit| source)?s?\s*[:/]|photo by\b|credit:)", 1.0),
        _f("short_photo_label", r"^\s*\(?(photo|image|picture|file photo)( credit| source)?s?\s*[:/]\s*(\S+\s+){0,11}\S+\s*$",
           1.0),
        _f("credit_tail", r"(\b(photo|image|picture)s?( credit)?\s*:\s*[^.]{2,60}|\bcredit:\s*[^.]{2,60}|"
                          r"\(credit:[^)]{2,80}\)|\bphoto by [^.]{2,60}|\bcourtesy of [^.]{2,60}\.?)\s*$", 0.7),
        _f("agency_credit", r"(\(|/|\|)\s*(getty images|reuters|ap photo|afp|epa|shutterstock|xinhua)\s*\)?\s*$", 1.0),
        # captions: "... on Tuesday. REUTERS/Name", "(Photo: ...)", "In this Feb. 2, 2014, file photo, ...",
        # "Minister X (C) laughs ...", "(unpictured)", "ALTERNATIVE CROP OF ..."
        _f("agency_slash_name", r"\b(reuters|afp|epa|ap|efe|xinhua|anadolu|getty( images)?)\s*/\s*[\w .'’-]{2,40}\)?\s*$",
           0.6),
        _f("photo_paren", r"\((photo|picture|image|video|pic)s?( credit)?\s*[:/-]", 0.6),
        _f("dated_file_photo", r"\bin this ([\w.,]+ ){0,6}(file |handout |undated )?(photo|image|picture|video grab)\b", 0.6),
        _f("position_marker", r"\((l|r|c|centre|center|left|right|2nd [lr]|3rd [lr]|front|back|top|bottom)\)|"
                              r"\b(un)?pictured\b", 0.4),
        _f("caption_word", r"\b(file photo|handout photo|alternative crop|photo illustration|image grab)\b", 0.6),
    ),
    "timestamp": (
        _f("time_only", r"^\s*\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?\s*(gmt|bst|utc|et|est|edt|cet|cest|ist|hkt|"
                        r"pt|pst|pdt|ct|cst|cdt|aest|jst|kst)?\s*$", 1.0),
    ),
    "site_notice": (
        _f("archived_article", r"\bthis is an archived (article|story|page)\b|\b(information|content) in (this|the) "
                               r"(article|story) may be (outdated|out of date)\b|\bthis (article|story) is more than "
                               r"\w+ (years?|months?) old\b", 1.0),
    ),
    "promo": (
        _f("promo_prefix", r"^\s*(photos?|videos?|watch|gallery|slideshow|listen|podcast|live|in pictures|pictures)"
                           r"\s*:\s*\S", 0.6),
        _f("media_below", r"^\s*(below is|here is|here['’]s|watch|see|view|check out)( a| the| our)? (video|photos?|"
                          r"gallery|slideshow|clip|footage|pictures)\b|\b(video|photos?|gallery|footage|pictures) "
                          r"(below|above)\s*[:.]?\s*$", 0.6),
        _f("sign_up_for", r"^\s*(sign up|subscribe|register) (for|to|now|today)\b", 0.6),
    ),
    "print_link": (
        _f("print_this", r"^\s*print( this)?( article| page| story)?\s*$|\bprinter[- ]friendly\b", 1.25),
    ),
    "advertisement": (
        _f("ad_label", r"^\s*(advertisement|sponsored( content)?|scroll to continue( with content)?|ad)\s*$", 1.0),
    ),
    "tags": (
        _f("tags_label", r"^\s*(tags|filed under|topics)\s*:\s*\S", 1.0),
        _f("explore_topics", r"^\s*(explore|more) (more )?on (these|this) topics?\s*:?\s*$", 1.0),
    ),
    "donation_appeal": (
        _f("donate_word", r"\b(donat(e|ion|ions)|chip in|become a (member|patron|supporter))\b", 0.6),
        _f("support_journalism", r"\bsupport (our|independent|quality) (journalism|reporting|work)\b|"
                                 r"\bindependent (journalism|news|media)\b", 0.6),
        _f("working_hard", r"\bwe['’]ve been working hard\b|\bplease (consider )?(support|contribute)\b", 0.6),
    ),
    "copyright": (
        _f("copyright_sign", r"(©|\(c\)\s*\d{4}|\bcopyright\b)", 0.8),
        _f("rights_reserved", r"\ball rights reserved\b|\bmay not be (published|reproduced|redistributed)\b", 0.8),
    ),
    "navigation": (
        _f("menu_tokens", r"^\s*((home|news|world|politics|business|sport|sports|tech|technology|science|health|"
                          r"entertainment|opinion|video|videos|photos|contact( us)?|about( us)?|search|menu|log ?in|"
                          r"log ?out|sign ?in|register|more|local|weather|lifestyle|travel|culture|watch now|"
                          r"watch live|now reading|text size|aa)[\s,|:/·•>»-]*){1,}$", 1.0),
        _f("separator_only", r"^\s*[|•·>»/–—-]+\s*$", 1.0),
    ),
}

# Bonuses that make weak cues decisive.
SHORT_LINE_WORDS = 15      # a line of at most this many words is "short"
SHORT_LINE_BONUS = 0.25    # short lines are more often page furniture than prose
TAIL_BONUS = 0.25          # lines in the last ``tail_fraction`` of the page likewise
EXCLAMATION_BONUS = 0.1    # imperative prompts ("please opt-out!") end with "!"

_TERMINAL = re.compile(r"[.!?…:;]['’”\")]*\s*$")


@dataclass(frozen=True)
class LineScore:
    category: str
    score: float
    features: tuple[str, ...]


def score_line(line: str, position: float, settings: Settings = DEFAULT) -> LineScore | None:
    """The best boilerplate category for a line, its score and the features that fired."""
    n_words = len(words(line))
    if n_words > settings.boilerplate_max_words:
        return None
    best: LineScore | None = None
    for category, features in FEATURES.items():
        fired = [f for f in features if f.pattern.search(line)]
        if not fired:
            continue
        score = sum(f.weight for f in fired)
        names = [f.name for f in fired]
        if n_words <= SHORT_LINE_WORDS:
            score += SHORT_LINE_BONUS
            names.append("short_line")
        if position >= 1.0 - settings.tail_fraction:
            score += TAIL_BONUS
            names.append("page_tail")
        if line.rstrip().endswith("!"):
            score += EXCLAMATION_BONUS
            names.append("exclamation")
        if best is None or score > best.score:
            best = LineScore(category, round(score, 3), tuple(names))
    return best


def is_headline(line: str, max_words: int) -> bool:
    """A line that reads as a headline: short, no sentence-final stop, starts with a capital or digit."""
    stripped = line.strip()
    n = len(words(stripped))
    if not (2 <= n <= max_words):
        return False
    if stripped.endswith((".", ";", ",", ":")) and not stripped.endswith("...") \
            and not (stripped.endswith(".") and title_case(stripped)):  # "Clinton Slams Trump On Abortion." is one
        return False
    first = stripped.lstrip("“\"‘'(")[:1]
    return first.isupper() or first.isdigit()


def is_heading(line: str) -> bool:
    """A subheading inside the body: short, no terminal punctuation."""
    stripped = line.strip()
    n = len(words(stripped))
    return 1 <= n <= 14 and not _TERMINAL.search(stripped.rstrip("”\"’'")) and not stripped.endswith((",",))

