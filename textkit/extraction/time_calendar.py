"""The Chinese calendar: the real date of a holiday in a given year (the one place lunar-python is used).

>>> holiday_date("lunar", 2023, month=8, day=15).isoformat()   # 2023 中秋
'2023-09-29'
>>> holiday_date("lunar", 2024, month=1, day=1).isoformat()    # 2024 春节
'2024-02-10'
>>> holiday_date("term", 2023, term="清明").isoformat()
'2023-04-05'
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from lunar_python import Lunar, Solar

__all__ = ["holiday_date"]


@lru_cache(maxsize=512)
def holiday_date(calendar: str, year: int, *, month: int = 0, day: int = 0, term: str = "") -> date | None:
    """The Gregorian date of a holiday in ``year``; ``None`` if the calendar cannot place it.

    ``calendar`` is ``solar`` (month/day as written), ``lunar`` (month/day of the lunar year that starts
    in ``year``; lunar 12/30 is 除夕 even in years whose twelfth month has 29 days) or ``term`` (a solar
    term by its Chinese name).
    """
    if not 1 <= year <= 9999:
        return None
    try:
        if calendar == "solar":
            return date(year, month, day)
        if calendar == "lunar":
            if month == 12 and day == 30:
                # 除夕 is the day before the next 春节, whatever the length of the twelfth month
                nxt = Lunar.fromYmd(year + 1, 1, 1).getSolar()
                return date.fromordinal(date(nxt.getYear(), nxt.getMonth(), nxt.getDay()).toordinal() - 1)
            s = Lunar.fromYmd(year, month, day).getSolar()
            return date(s.getYear(), s.getMonth(), s.getDay())
        if calendar == "term":
            table = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()
            s = table.get(term)
            if s is None:
                return None
            found = date(s.getYear(), s.getMonth(), s.getDay())
            return found if found.year == year else None
    except (ValueError, IndexError, KeyError):
        # lunar-python raises for dates outside its tables; an unplaceable holiday stays unresolved
        return None
    return None
