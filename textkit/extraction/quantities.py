"""Quantities: counted mentions such as ``6个方面``, ``9项``, ``8个专题``, ``三大行动``, with their value.

A number (digits, full-width digits or Chinese numerals) followed by a measure word from
``textkit/data/quantities.toml`` and a noun. Ordinals (第三批), articles (一批, 一个), slogans in quotes
(“四个意识”), durations (3个月) and dates are left out.

>>> from textkit.model import Document, Section
>>> doc = Document(text="着力解决6个方面的突出问题，围绕8个专题开展研讨。")
>>> [(q.text, q.value, q.classifier, q.noun) for q in extract_quantities(doc, Section(kind="document", start=0, end=len(doc.text)))]
[('6个方面', 6, '个', '方面'), ('8个专题', 8, '个', '专题')]
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from textkit.model import Document, Quantity, Section, SectionIndex
from textkit.numerals import parse_number
from textkit.patterns import Scanner
from textkit.rules import Field, load_entries

__all__ = ["extract_quantities"]

_SCHEMA = {
    "id": Field(required=True),
    "role": Field(required=True, choices=("measure", "not-noun", "noun-stop")),
    "pattern": Field(required=True, regex=True),
}
_NUMBER = r"(?P<num>[0-9０-９]+|[一二两三四五六七八九十百千万]+)"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    entries = load_entries("quantities.toml", "word", _SCHEMA)
    measures = "|".join(e["pattern"] for e in entries if e["role"] == "measure")
    not_noun = "|".join(e["pattern"] for e in entries if e["role"] == "not-noun")
    stop = "|".join(e["pattern"] for e in entries if e["role"] == "noun-stop")
    # the noun: up to four Han characters, ending before a particle or a verb
    noun = rf"(?P<noun>(?:(?!{stop})[\u4e00-\u9fff]){{1,4}})"
    return re.compile(
        r"(?<![第0-9０-９一二两三四五六七八九十百千万.．“\"‘])" + _NUMBER
        + rf"(?P<measure>{measures})(?!{not_noun})" + noun
    )


@lru_cache(maxsize=1)
def _scanner() -> Scanner:
    return Scanner.build(_pattern().pattern)


def extract_quantities(
    document: Document, root: Section, *, sections: SectionIndex | None = None, fast: bool = True
) -> tuple[Quantity, ...]:
    """Every counted mention of ``document`` in text order.

    >>> from textkit.model import Document, Section
    >>> doc = Document(text="实施三大行动，列出9项专项整治内容。")
    >>> [(q.value, q.noun) for q in extract_quantities(doc, Section(kind="document", start=0, end=len(doc.text)))]
    [(3, '行动'), (9, '专项整治')]
    """
    out: list[Quantity] = []
    text = document.text
    if sections is None:
        sections = SectionIndex(root)
    for m in (_scanner() if fast else _pattern()).finditer(text):
        raw, measure, noun = m.group("num", "measure", "noun")
        plain = unicodedata.normalize("NFKC", raw)
        value = parse_number(plain)
        if value is None:
            continue
        # 一个/一项/一批 written in Chinese are articles, not counts
        if value == 1 and not raw.isdigit() and not plain.isdigit():
            continue
        # 三大行动 counts; 十九大/二十大 name Party congresses
        if measure == "大" and value >= 10:
            continue
        start, end = m.span()
        out.append(Quantity(start=start, end=end, text=text[start:end], value=value, classifier=measure, noun=noun,
                            section=sections.id_at(start)))
    return tuple(out)
