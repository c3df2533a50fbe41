"""Boilerplate of text reuse: stock phrases and label lines that a copied passage does not count
(``textkit/data/compare.toml``), and the document-frequency rule for what most compared plans share.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from textkit.comparison.normal import NormalView, normalise

__all__ = ["NO_BOILERPLATE", "Boilerplate", "load_boilerplate"]


@dataclass(frozen=True, slots=True, eq=False)
class Boilerplate:
    """What reuse does not count (``textkit/data/compare.toml``): ``stock`` phrases (normalised),
    ``labels`` (a compiled pattern of label lines such as 责任单位：), and document frequency: a passage
    between plans whose text is in at least ``df`` of the plans (with ``min_plans`` or more) is stock
    language of the set. A passage is boilerplate when fewer than a passage's worth of normalised
    characters (``min_score / match``) are left on either side once these are taken out."""

    stock: tuple[str, ...]
    labels: re.Pattern[str] | None
    df: float
    min_plans: int

    def _stock_re(self) -> re.Pattern[str] | None:
        if not self.stock:
            return None
        return re.compile("|".join(re.escape(p) for p in sorted(set(self.stock), key=len, reverse=True)))

    def mask(self, text: str, view: NormalView) -> np.ndarray[Any, np.dtype[np.bool_]]:
        """Normalised positions of ``text`` inside a stock phrase or a label line."""
        out = np.zeros(len(view), dtype=np.bool_)
        stock = self._stock_re()
        if stock is not None:
            for m in stock.finditer(view.text):
                out[m.start():m.end()] = True
        if self.labels is not None:
            for m in self.labels.finditer(text):
                end = text.find("\n", m.start())
                end = len(text) if end < 0 else end
                lo, hi = np.searchsorted(view.offsets, [m.start(), end])
                out[int(lo):int(hi)] = True
        return out


def _param(entries: list[dict[str, Any]], name: str) -> float:
    for e in entries:
        if e["id"] == name:
            return float(e["value"])
    from textkit.errors import RuleError

    raise RuleError("required parameter is missing", file="compare.toml", entry=name)


@functools.cache
def load_boilerplate() -> Boilerplate:
    """The shipped boilerplate rules (``textkit/data/compare.toml``), read once."""
    from textkit.rules import Field, load_entries

    known = ("stock", "label", "param", "unit-scope")
    stock = load_entries("compare.toml", "stock", {"id": Field(required=True), "phrases": Field(list, required=True),
                                                    "note": Field()}, known=known)
    labels = load_entries("compare.toml", "label", {"id": Field(required=True), "pattern": Field(required=True, regex=True),
                                                     "note": Field()}, known=known)
    params = load_entries("compare.toml", "param", {"id": Field(required=True),
                                                     "value": Field((int, float), required=True), "note": Field()},
                          known=known)
    phrases = tuple(normalise(str(p)).text for e in stock for p in e["phrases"])
    label_re = re.compile(r"^[ \t\u3000]*(?:" + "|".join(f"(?:{e['pattern']})" for e in labels) + ")",
                          re.MULTILINE) if labels else None
    return Boilerplate(stock=tuple(p for p in phrases if p), labels=label_re,
                       df=_param(params, "boilerplate.df"), min_plans=int(_param(params, "boilerplate.min_plans")))


NO_BOILERPLATE = Boilerplate(stock=(), labels=None, df=1.0, min_plans=1 << 30)
