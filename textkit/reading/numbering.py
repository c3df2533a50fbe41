"""Word automatic numbering: ``word/numbering.xml`` definitions and the counters that render them.

In many plans the 一、/（一）/1. of the headings are not typed characters but Word list numbering, so
the reader must render them as Word shows them: a level's ``numFmt`` (chineseCounting → 一, decimal → 1,
decimalEnclosedCircle → ①…) substituted into its ``lvlText`` (``%1、``, ``（%2）``, ``%1.%2``), counting
from ``start``, restarted by ``lvlOverride/startOverride`` and reset when a shallower level advances.

Counters belong to the abstract definition, so two ``w:num`` instances of one ``w:abstractNum`` continue
one list (as Word does); a ``startOverride`` restarts the level the first time its instance is used.

>>> from xml.etree import ElementTree as ET
>>> W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
>>> xml = (f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
...        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
...        '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
...        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
>>> counter = NumberingCounter(parse_numbering(ET.fromstring(xml)))
>>> [counter.next("1", 0) for _ in range(3)]
['一、', '二、', '三、']
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from textkit.errors import InputTooLargeError
from textkit.numerals import int_to_chinese

__all__ = [
    "Level",
    "NumInstance",
    "Numbering",
    "NumberingCounter",
    "format_number",
    "parse_numbering",
    "wml_attr",
    "wml_child",
    "wml_name",
]

WML_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # ISO 29500 Strict
)
_W_PREFIXES = {"{" + ns + "}": "w:" for ns in WML_NAMESPACES}
_W_PREFIXES["{http://schemas.openxmlformats.org/markup-compatibility/2006}"] = "mc:"


def wml_name(tag: str) -> str:
    """``{main namespace}p`` → ``w:p`` (Transitional or Strict); other namespaces keep ``{ns}local``."""
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        prefix = _W_PREFIXES.get("{" + ns + "}")
        if prefix is not None:
            return prefix + local
    return tag


def wml_attr(el: ET.Element | None, name: str) -> str | None:
    """The ``w:name`` attribute of ``el`` in whichever WordprocessingML namespace the file uses."""
    if el is None:
        return None
    for ns in WML_NAMESPACES:
        value = el.get("{" + ns + "}" + name)
        if value is not None:
            return value
    return None


def wml_child(el: ET.Element, name: str) -> ET.Element | None:
    for c in el:
        if wml_name(c.tag) == name:
            return c
    return None


def _int(value: str | None, default: int | None = None) -> int | None:
    if value is None:
        return default
    if len(value) > 12:
        # int() of 5,000 digits raises; a number this long is past any limit, so stand in a large one
        # (refused as max_list_number if it is ever shown) rather than compute it
        digits = value.strip()
        if digits.lstrip("+-").isascii() and digits.lstrip("+-").isdigit():
            return -(10**12) if digits.startswith("-") else 10**12
        return default
    try:
        return int(value)
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class Level:
    """One ``w:lvl``: how a list level counts and what it shows."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: 0 = never; N = when a level <= N (1-based) advances
    legal: bool = False  # w:isLgl: show every %N in decimal
    suffix: str = "tab"  # what follows the number: tab | space | nothing


@dataclass(frozen=True, slots=True)
class NumInstance:
    """One ``w:num``: an abstract definition plus per-level overrides."""

    abstract: str
    start_overrides: Mapping[int, int] = field(default_factory=dict)
    level_overrides: Mapping[int, Level] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Numbering:
    """The parsed numbering part: abstract definitions (levels by ilvl) and num instances."""

    abstracts: Mapping[str, Mapping[int, Level]] = field(default_factory=dict)
    nums: Mapping[str, NumInstance] = field(default_factory=dict)
    style_links: Mapping[str, str] = field(default_factory=dict)  # abstract id → numStyleLink style id


def _parse_level(el: ET.Element) -> Level:
    start = _int(wml_attr(wml_child(el, "w:start"), "val"), 1)
    fmt = wml_attr(wml_child(el, "w:numFmt"), "val") or "decimal"
    text_el = wml_child(el, "w:lvlText")
    text = wml_attr(text_el, "val")
    restart = _int(wml_attr(wml_child(el, "w:lvlRestart"), "val"))
    legal_el = wml_child(el, "w:isLgl")
    legal = legal_el is not None and (wml_attr(legal_el, "val") or "1") not in ("0", "false", "off")
    suffix = wml_attr(wml_child(el, "w:suff"), "val") or "tab"
    return Level(
        start=start if start is not None else 1,
        fmt=fmt,
        text=text if text is not None else ("" if text_el is not None else "%1."),
        restart=restart,
        legal=legal,
        suffix=suffix,
    )


def parse_numbering(root: ET.Element | None) -> Numbering:
    """Read the ``w:numbering`` element (``None`` when the document has no numbering part)."""
    if root is None:
        return Numbering()
    abstracts: dict[str, dict[int, Level]] = {}
    nums: dict[str, NumInstance] = {}
    links: dict[str, str] = {}
    for el in root:
        name = wml_name(el.tag)
        if name == "w:abstractNum":
            aid = wml_attr(el, "abstractNumId")
            if aid is None:
                continue
            levels: dict[int, Level] = {}
            for lvl in el:
                if wml_name(lvl.tag) == "w:lvl":
                    ilvl = _int(wml_attr(lvl, "ilvl"))
                    if ilvl is not None:
                        levels[ilvl] = _parse_level(lvl)
                elif wml_name(lvl.tag) == "w:numStyleLink":
                    link = wml_attr(lvl, "val")
                    if link:
                        links[aid] = link
            abstracts[aid] = levels
        elif name == "w:num":
            nid = wml_attr(el, "numId")
            aid = wml_attr(wml_child(el, "w:abstractNumId"), "val")
            if nid is None or aid is None:
                continue
            starts: dict[int, int] = {}
            overrides: dict[int, Level] = {}
            for ov in el:
                if wml_name(ov.tag) != "w:lvlOverride":
                    continue
                ilvl = _int(wml_attr(ov, "ilvl"))
                if ilvl is None:
                    continue
                so = _int(wml_attr(wml_child(ov, "w:startOverride"), "val"))
                if so is not None:
                    starts[ilvl] = so
                lvl_el = wml_child(ov, "w:lvl")
                if lvl_el is not None:
                    overrides[ilvl] = _parse_level(lvl_el)
            nums[nid] = NumInstance(abstract=aid, start_overrides=starts, level_overrides=overrides)
    return Numbering(abstracts=abstracts, nums=nums, style_links=links)


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_IDEO_CIRCLED = "㊀㊁㊂㊃㊄㊅㊆㊇㊈㊉"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL_SIMPLIFIED = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_LEGAL_TRADITIONAL = str.maketrans("一二三四五六七八九十百千", "壹貳參肆伍陸柒捌玖拾佰仟")
_DIGIT_IDEOGRAPHS = str.maketrans("0123456789", "〇一二三四五六七八九")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _glyph(n: int, glyphs: str, fallback: str) -> str:
    return glyphs[n - 1] if 1 <= n <= len(glyphs) else fallback


def format_number(n: int, fmt: str) -> str:
    """Render counter value ``n`` in Word number format ``fmt`` as Word displays it.

    >>> format_number(12, "chineseCounting"), format_number(3, "decimalEnclosedCircle")
    ('十二', '③')
    """
    if fmt in ("none", "bullet"):
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULLWIDTH)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _glyph(n, _CIRCLED, str(n))
    if fmt == "decimalEnclosedParen":
        return _glyph(n, _PAREN, f"({n})")
    if fmt == "decimalEnclosedFullstop":
        return _glyph(n, _FULLSTOP, f"{n}.")
    if fmt == "ideographEnclosedCircle":
        return _glyph(n, _IDEO_CIRCLED, str(n))
    if fmt == "upperRoman" and n > 0:
        return _roman(n)
    if fmt == "lowerRoman" and n > 0:
        return _roman(n).lower()
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        # Word repeats the letter past Z: 27 → AA, 28 → BB
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "ideographTraditional" and n > 0:
        return _HEAVENLY[(n - 1) % 10]
    if fmt == "ideographZodiac" and n > 0:
        return _EARTHLY[(n - 1) % 12]
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return str(n).translate(_DIGIT_IDEOGRAPHS)
    if 0 <= n < 10000:
        if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
                   "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting"):
            return int_to_chinese(n).replace("零", "〇") if n == 0 else int_to_chinese(n)
        if fmt == "chineseLegalSimplified":
            return int_to_chinese(n).translate(_LEGAL_SIMPLIFIED)
        if fmt in ("ideographLegalTraditional", "japaneseLegal"):
            return int_to_chinese(n).translate(_LEGAL_TRADITIONAL)
    # decimal, decimalHalfWidth and formats with no CJK plan use (ordinal, hex…): Arabic digits
    return str(n)


# Bullet characters drawn from Symbol/Wingdings sit in the private-use area; show a plain bullet.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_PLACEHOLDER = re.compile(r"%([1-9])")


class NumberingCounter:
    """Mutable list counters of one document pass; `next` renders the marker of one numbered paragraph."""

    def __init__(self, numbering: Numbering, *, style_num: Mapping[str, str] | None = None,
                 max_value: int = 32_767, source: str = "<docx>") -> None:
        self._numbering = numbering
        self._max_value = max_value
        self._source = source
        self._style_num = style_num or {}
        self._counters: dict[str, dict[int, int]] = {}
        self._applied: set[tuple[str, int]] = set()

    def _resolve(self, num_id: str) -> tuple[NumInstance, str, Mapping[int, Level]] | None:
        inst = self._numbering.nums.get(num_id)
        if inst is None:
            return None
        aid = inst.abstract
        for _ in range(3):  # numStyleLink → numbering style → its num → the abstract holding the levels
            levels = self._numbering.abstracts.get(aid)
            link = self._numbering.style_links.get(aid)
            if levels or link is None:
                break
            linked = self._numbering.nums.get(self._style_num.get(link, ""))
            if linked is None:
                break
            aid = linked.abstract
        return inst, aid, self._numbering.abstracts.get(aid, {})

    def next(self, num_id: str, ilvl: int) -> str | None:
        """Advance list ``num_id`` at level ``ilvl`` and return the marker shown (suffix included).

        ``None`` when the paragraph is not numbered after all (numId 0, unknown list or level).
        """
        found = self._resolve(num_id)
        if found is None:
            return None
        inst, aid, abstract_levels = found
        levels = {**abstract_levels, **inst.level_overrides}
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(aid, {})
        override = inst.start_overrides.get(ilvl)
        if override is not None and (num_id, ilvl) not in self._applied:
            self._applied.add((num_id, ilvl))
            value = override
        elif ilvl in counters:
            value = counters[ilvl] + 1
        else:
            value = override if override is not None else level.start
        if not -self._max_value <= value <= self._max_value:
            # roman numerals of 10^30 take forever to write, letters of 2·10^9 take gigabytes
            raise InputTooLargeError(
                f"list {num_id} level {ilvl} reaches number {value:,}; the limit is {self._max_value:,} "
                "(max_list_number; raise it with --limit max_list_number=N)", source=self._source)
        counters[ilvl] = value
        for deeper in [d for d in counters if d > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            # lvlRestart N: restart when a level numbered 1..N advances; 0: never; absent: any shallower
            if restart is None or (restart > 0 and ilvl < restart):
                del counters[deeper]

        def value_of(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            ref = levels.get(k)
            if ref is None:
                return ""
            v = counters.get(k, inst.start_overrides.get(k, ref.start))
            if not -self._max_value <= v <= self._max_value:
                raise InputTooLargeError(
                    f"list {num_id} level {k} shows number {v:,}; the limit is {self._max_value:,} "
                    "(max_list_number; raise it with --limit max_list_number=N)", source=self._source)
            return format_number(v, "decimal" if level.legal and k != ilvl else ref.fmt)

        shown = _PLACEHOLDER.sub(value_of, level.text)
        if level.fmt == "bullet":
            shown = _PRIVATE_USE.sub("•", shown)
        if not shown:
            return ""
        return shown + _suffix(shown, level.suffix)


def _suffix(marker: str, suff: str) -> str:
    """What separates the number from the text, as plain text.

    Word puts a tab (or a space) after the number; in the text convention a tab separates table cells,
    so a tab is shown as nothing after punctuation (一、总体要求, （一）指导思想) and as one space after a
    bare number or word (第一条 总则), which is how the same plan is typed in a .txt.
    """
    if suff == "nothing":
        return ""
    last = marker[-1]
    if not last.isalnum() or last in _CIRCLED + _PAREN + _FULLSTOP + _IDEO_CIRCLED:
        return ""
    return " "
