"""YAML for checklists, loaded safely: the one place PyYAML is imported.

``yaml.safe_load`` expands aliases (a 25 KB file of nested ``*a`` references grows to gigabytes: the
"billion laughs") and composes nested collections recursively (400 levels is a ``RecursionError``).
`load_yaml` composes with PyYAML's pure-Python safe loader but refuses any alias and any nesting deeper
than ``max_depth``, before anything is built, and refuses text longer than ``max_bytes``.

>>> load_yaml("items:\\n  - id: xuexi\\n    title: 加强学习\\n")
{'items': [{'id': 'xuexi', 'title': '加强学习'}]}
"""

from __future__ import annotations

from typing import Any

import yaml

from textkit.errors import RuleError
from textkit.reading import DEFAULT_LIMITS

__all__ = ["load_yaml"]


class _Refused(yaml.YAMLError):
    pass


class _SafeLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases and counts nesting while composing (merge keys use aliases too)."""

    max_depth = DEFAULT_LIMITS.max_nesting
    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise _Refused(f"uses an alias (*{event.anchor}) at line {event.start_mark.line + 1}; aliases are "
                           "not allowed in checklists (write the value out)")
        self._depth += 1
        try:
            if self._depth > self.max_depth:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise _Refused(f"nests more than {self.max_depth} levels deep at line {mark.line + 1}; the limit is "
                               "max_nesting")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml(text: str, *, source: str = "<yaml>", max_depth: int = DEFAULT_LIMITS.max_nesting,
              max_bytes: int = DEFAULT_LIMITS.max_rule_bytes, error: type[RuleError] = RuleError) -> Any:
    """Parse one YAML document without alias expansion and with a nesting limit.

    Any problem (not YAML, an alias, too deep, too large) is raised as ``error`` (a `RuleError`, or
    `textkit.errors.ChecklistError` for a checklist) naming ``source``.

    >>> load_yaml("a: &x [1]\\nb: *x\\n", source="清单.yaml")
    Traceback (most recent call last):
    textkit.errors.RuleError: 清单.yaml: uses an alias (*x) at line 2; aliases are not allowed in checklists (write the value out)
    """
    size = len(text.encode("utf-8", errors="replace"))
    if size > max_bytes:
        raise error(f"is {size:,} bytes; the limit is {max_bytes:,} (max_rule_bytes)", file=source)
    loader = _SafeLoader(text)
    loader.max_depth = max_depth
    try:
        return loader.get_single_data()
    except _Refused as exc:
        raise error(str(exc), file=source) from None
    except yaml.YAMLError as exc:
        raise error(f"not valid YAML: {' '.join(str(exc).split())}", file=source) from None
    except RecursionError:
        raise error(f"nests too deeply (limit {max_depth})", file=source) from None
    finally:
        loader.dispose()
