"""The numbering markers a line may start with, for the readers' layout decisions (no structure import).

The marker forms are the structure parser's own (textkit/data/numbering.toml), read as data so that reading
does not depend on the structure stage. ① and 一是 also run inside paragraphs, so at a line start they do
not prove a new paragraph or item: they are left out.

>>> bool(line_start_marker().match("（二）严格督查考核。")), bool(line_start_marker().match("2023年9月"))
(True, False)
"""

from __future__ import annotations

import functools
import re

from textkit.rules import data_path, read_toml

__all__ = ["line_start_marker"]


@functools.cache
def line_start_marker() -> re.Pattern[str]:
    """A pattern that matches a numbering marker at the start of a line (after spaces)."""
    styles = read_toml(data_path("numbering.toml")).get("style", [])
    markers = [
        f"(?:{s['pattern']})" + (f"(?!{s['after']})" if s.get("after") else "")
        for s in styles
        if isinstance(s, dict) and isinstance(s.get("pattern"), str) and s.get("heading") != "sequence"
        and not s.get("inline")
    ]
    if not markers:
        return re.compile(r"(?!)")
    return re.compile(r"^\s*(?:" + "|".join(m.replace("(?P<num>", "(?:") for m in markers) + ")")
