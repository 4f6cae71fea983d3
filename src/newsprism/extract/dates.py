"""The order of a page's numeric dates ("10/01/2008": 10 January or October 1?) read from the page's own evidence.

A numeric date whose two first parts are both 12 or less reads two ways. The page says which (``date_order``),
strongest first:

- ``spelled_same_day``: the page also spells the day with its month's name ("10 January 2008", "Nov. 6, 2012")
  and only one reading of the numeric date is that day;
- ``stamp_zone``: the line that prints the date names a time zone: North American (PST, EST, ET …) month
  first; British summer, central European, Indian or Australian (BST, CET, IST, AEST) day first;
- ``numeric_over_12``: another numeric date on the page has a first part over 12 ("15.01.2008": day first) or a
  second part over 12 ("11/26/2012": month first), and no numeric date says the other way;
- ``page_locale``: ``<html lang>``, og:locale or a language meta tag: en-US month first; en-GB, en-AU, en-IN …
  or a language other than English day first ("en" alone says nothing);
- ``host_country``: a host of the page under a British, Commonwealth or European country domain (.co.uk, .de …):
  day first;
- ``spelled_order``: the page spells its month-name dates day first ("15 January 2008") at least twice as often as
  month first ("January 15, 2008"), or the other way round.

With none of these the date is read month first (as before) and marked of low confidence: a relative day ("today")
is then not resolved from it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2}|\d{2})(?![\d/-])")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d{{2}})\b", re.I)
_MONTH_FIRST = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b", re.I)
# country domains whose dates are written day first (British, Commonwealth, European)
_DMY_TLDS = frozenset((
    "uk", "ie", "au", "nz", "in", "za", "pk", "sg", "my", "hk", "ng", "ke", "de", "fr", "es", "it", "nl", "be", "at",
    "ch", "se", "no", "dk", "fi", "pt", "pl", "gr", "cz", "hu", "ro", "ru", "tr", "eu", "lu", "sk", "si", "hr", "bg"))
_DMY_LOCALES = frozenset(("gb", "uk", "ie", "au", "nz", "in", "za", "pk", "sg", "my", "hk", "ng", "ke"))


# a North American time zone on the date's own line: month first; a British, European, Indian or Australian one:
# day first ("GMT" and "UTC" say nothing: sites everywhere print them)
_US_ZONES = frozenset(("EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "CT", "MT"))
_ZONE = re.compile(r"\b(?:[ECMP][SD]?T|BST|CET|CEST|IST|AEST|AEDT)\b")


@dataclass(frozen=True)
class DateOrder:
    order: str | None = None  # "DMY" | "MDY" | None (no evidence)
    reason: str = "no_evidence"


def _year(text: str) -> int:
    year = int(text)
    return year + (2000 if year < 50 else 1900) if year < 100 else year


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def readings(m: re.Match[str]) -> tuple[dt.date | None, dt.date | None]:
    """The numeric date read day first and month first."""
    a, b, year = int(m.group(1)), int(m.group(3)), _year(m.group(4))
    return _date(year, b, a), _date(year, a, b)


def spelled_dates(lines: Iterable[str]) -> tuple[set[dt.date], int, int]:
    """The days the page spells with a month's name, and how many it writes day first and month first."""
    days: set[dt.date] = set()
    dmy = mdy = 0
    for line in lines:
        for m in _DAY_FIRST.finditer(line):
            d = _date(int(m.group(3)), _MONTHS.index(m.group(2)[:3].lower()) + 1, int(m.group(1)))
            if d:
                days.add(d)
                dmy += 1
        for m in _MONTH_FIRST.finditer(line):
            d = _date(int(m.group(3)), _MONTHS.index(m.group(1)[:3].lower()) + 1, int(m.group(2)))
            if d:
                days.add(d)
                mdy += 1
    return days, dmy, mdy


def _locale_order(values: Sequence[str]) -> DateOrder:
    for value in values:
        v = value.strip().lower().replace("_", "-")
        lang, _, region = v.partition("-")
        if not lang or not re.fullmatch(r"[a-z]{2,3}", lang):
            continue
        if lang != "en":
            return DateOrder("DMY", f"page_locale:{v}")
        if region == "us":
            return DateOrder("MDY", f"page_locale:{v}")
        if region in _DMY_LOCALES:
            return DateOrder("DMY", f"page_locale:{v}")
    return DateOrder()


@dataclass(frozen=True)
class PageDates:
    """What a page says about its dates, read once: the days it spells, how it orders them, its locale and hosts."""

    spelled: frozenset[dt.date] = frozenset()
    day_first_spelled: int = 0
    month_first_spelled: int = 0
    numeric: DateOrder = DateOrder()
    locale: DateOrder = DateOrder()
    host: DateOrder = DateOrder()

    def order(self, date: re.Match[str] | None = None, line: str = "") -> DateOrder:
        """The order the page writes its numeric dates in, with the rule that says so (see the module's doc);
        ``date`` is the numeric date to read, whose own readings a spelled date may settle, ``line`` the line that
        prints it, whose time zone may."""
        if date is not None:
            by_day, by_month = readings(date)
            if by_day != by_month and (by_day in self.spelled) != (by_month in self.spelled):
                return DateOrder("DMY" if by_day in self.spelled else "MDY", "spelled_same_day")
        zone = _ZONE.search(line)
        if zone:
            return DateOrder("MDY" if zone.group(0).upper() in _US_ZONES else "DMY", f"stamp_zone:{zone.group(0)}")
        for found in (self.numeric, self.locale, self.host):
            if found.order:
                return found
        dmy, mdy = self.day_first_spelled, self.month_first_spelled
        if dmy >= 2 * mdy and dmy >= 2:
            return DateOrder("DMY", "spelled_order")
        if mdy >= 2 * dmy and mdy >= 2:
            return DateOrder("MDY", "spelled_order")
        return DateOrder()


def page_dates(lines: Sequence[str], locales: Sequence[str] = (), hosts: Sequence[str] = ()) -> PageDates:
    """Read a page's date evidence from its printed lines, its locale values and its hosts."""
    spelled, dmy, mdy = spelled_dates(lines)
    day_first = month_first = False
    for line in lines:
        for m in NUMERIC.finditer(line):
            if len(m.group(4)) != 4 and m.group(2) != "/":
                continue  # "2.0.12" is a version, not a date
            a, b = int(m.group(1)), int(m.group(3))
            day_first |= 12 < a <= 31 and 1 <= b <= 12
            month_first |= 12 < b <= 31 and 1 <= a <= 12
    numeric = DateOrder("DMY" if day_first else "MDY", "numeric_over_12") if day_first != month_first else DateOrder()
    host = DateOrder()
    for h in hosts:
        tld = h.rsplit(".", 1)[-1].lower()
        if tld in _DMY_TLDS:
            host = DateOrder("DMY", f"host_country:.{tld}")
            break
    return PageDates(frozenset(spelled), dmy, mdy, numeric, _locale_order(locales), host)


def date_order(lines: Sequence[str], locales: Sequence[str] = (), hosts: Sequence[str] = (),
               date: re.Match[str] | None = None) -> DateOrder:
    """The order a page writes its numeric dates in (``page_dates(…).order(date)``)."""
    return page_dates(lines, locales, hosts).order(date)


def read_numeric(m: re.Match[str], order: DateOrder) -> tuple[str | None, bool]:
    """A numeric date → ``YYYY-MM-DD`` in the page's order, and whether that reading is sure (one reading only, or
    the page's evidence chose it). With no evidence it is read month first, not sure."""
    by_day, by_month = readings(m)
    if by_day is None or by_month is None or by_day == by_month:
        one = by_day or by_month
        return (one.isoformat() if one else None), True
    if order.order == "DMY":
        return by_day.isoformat(), True
    if order.order == "MDY":
        return by_month.isoformat(), True
    return by_month.isoformat(), False
