"""Numbers as plans write them: 一 十二 二十三 一百零五 两, 〇/零, full-width digits, circled ①, ㈠, Ⅻ.

>>> chinese_to_int("二十三")
23
>>> parse_number("１２")
12
>>> parse_number("⑤")
5
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["CN_DIGITS", "chinese_to_int", "int_to_chinese", "parse_number"]

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6,
             "柒": 7, "捌": 8, "玖": 9}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10000}


def chinese_to_int(s: str) -> int | None:
    """Value of a Chinese numeral (一百零五 → 105, 二〇二三 → 2023 digit by digit); ``None`` if not one."""
    if not s or any(ch not in CN_DIGITS and ch not in _UNITS for ch in s):
        return None
    if not any(ch in _UNITS for ch in s):
        # digit-by-digit form: 二〇二三
        value = 0
        for ch in s:
            value = value * 10 + CN_DIGITS[ch]
        return value
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            unit = _UNITS[ch]
            if unit == 10000:
                section = (section + (digit or 0)) * unit
                total += section
                section = 0
            else:
                section += (digit if digit is not None else 1) * unit
            digit = None
    return total + section + (digit or 0)


def int_to_chinese(n: int) -> str:
    """1 → 一, 10 → 十, 23 → 二十三, 105 → 一百零五 (n < 10000)."""
    if n < 0 or n >= 10000:
        raise ValueError(f"n = {n} is out of range; must be 0 <= n < 10000")
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    out = ""
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, unit)
        if d:
            out += digits[d] + name
        elif out and n and not out.endswith("零"):
            out += "零"
    return out


@lru_cache(maxsize=4096)  # marker and quantity numbers repeat (一, 二, 1, 2…) and are parsed per line
def parse_number(s: str) -> int | None:
    """Value of a number token in any written form; ``None`` if ``s`` is not a number."""
    if not s:
        return None
    if len(s) == 1:
        ch = s
        # ①…⑳, ⑴…⒇, ⒈…⒛, ㈠…㈩, Ⅰ…Ⅻ: unicodedata knows their numeric value
        if not ch.isascii() and ch not in CN_DIGITS and ch not in _UNITS:
            try:
                v = unicodedata.numeric(ch)
            except (TypeError, ValueError):
                return None
            return int(v) if v == int(v) else None
    folded = unicodedata.normalize("NFKC", s)
    if folded.isdigit() and folded.isascii():
        return int(folded)
    return chinese_to_int(s)
