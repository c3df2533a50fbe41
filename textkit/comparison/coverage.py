"""Coverage: score each checklist item against a plan's sections, measures, paragraphs and sentences.

A unit's score combines the keyword score (the share of the item's synonym groups found in the unit,
on the raw text and on jieba tokens in any order) with the character n-gram TF-IDF cosine between the
item and the unit, and, when an ``embed`` function is given, the embedding cosine. A section or measure
whose heading names the item (a keyword group hits its title), or that holds all the item's groups and
reads like it as a whole, is *dedicated*; any other hit is a *mention*. Status: ``covered`` when a unit reaches ``threshold.covered`` (for ``scope = "section"``
items only a dedicated unit can), ``partial`` from ``threshold.partial``, else ``missing``. Every verdict
carries its best evidence: section path, sentence and span in ``Document.text``.

>>> import textkit
>>> from textkit.comparison.checklist import checklist_from_dict
>>> cl = checklist_from_dict({"items": [{"id": "dy", "title": "调查研究", "source": "三/2",
...     "keywords": [["调查研究", "调研"], ["基层", "一线"]]}]})
>>> r = check(textkit.parse_text("一、工作措施\\n（一）深入调查研究。到基层一线开展调研。\\n"), cl)
>>> r.items[0].status
'covered'
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from textkit.comparison.checklist import Checklist, ChecklistItem
from textkit.errors import OptionError
from textkit.model import Plan, Section, section_at

__all__ = [
    "STATUSES",
    "CheckResult",
    "Embedder",
    "Evidence",
    "ItemResult",
    "Thresholds",
    "check",
    "load_thresholds",
]

Status = Literal["covered", "partial", "missing"]
STATUSES: tuple[Status, ...] = ("covered", "partial", "missing")
UnitKind = Literal["section", "measure", "paragraph", "sentence"]
Embedder = Callable[[Sequence[str]], Sequence[Sequence[float]]]

# A sentence ends at 。！？； (full or half width) or at a line break; a table row is one sentence.
_SENT_END = re.compile(r"[。！？!?；;]+[”’」』）)]*")
_PARAMS = ("weight.keywords", "weight.tfidf", "weight.embedding", "bonus.dedicated", "threshold.covered",
           "threshold.partial", "evidence.top")


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Weights and cut-offs of the scorer (defaults from ``textkit/data/check.toml``)."""

    covered: float
    partial: float
    w_keywords: float
    w_tfidf: float
    w_embedding: float
    dedicated: float = 0.0
    top: int = 3

    def __post_init__(self) -> None:
        if not 0.0 <= self.partial <= self.covered <= 1.0:
            raise OptionError("thresholds", (self.partial, self.covered), "0 <= partial <= covered <= 1")
        if min(self.w_keywords, self.w_tfidf, self.w_embedding) < 0 or self.w_keywords + self.w_tfidf <= 0:
            raise OptionError("weights", (self.w_keywords, self.w_tfidf, self.w_embedding), "non-negative, keywords + tfidf > 0")
        if self.top < 1:
            raise OptionError("evidence.top", self.top, "a positive integer")


def load_thresholds(*, extra: Iterable[str | Path] = ()) -> Thresholds:
    """The shipped weights and thresholds, with user files (same ``[[param]]`` ids) layered over them."""
    from textkit.errors import RuleError
    from textkit.rules import Field, load_entries

    entries = load_entries(
        "check.toml", "param",
        {"id": Field(required=True, choices=_PARAMS), "value": Field(types=(float, int), required=True), "note": Field()},
        extra=tuple(extra),
    )
    values = {str(e["id"]): float(e["value"]) for e in entries}
    missing = [p for p in _PARAMS if p not in values]
    if missing:
        raise RuleError("required parameter is missing", file="check.toml", entry=missing[0], key="id")
    return Thresholds(
        covered=values["threshold.covered"], partial=values["threshold.partial"],
        w_keywords=values["weight.keywords"], w_tfidf=values["weight.tfidf"], w_embedding=values["weight.embedding"],
        dedicated=values["bonus.dedicated"], top=int(values["evidence.top"]),
    )


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an item was (or came closest to being) found.

    ``start``/``end`` is the span of the best ``sentence`` in ``Document.text``; ``unit_start``/``unit_end``
    the whole unit that scored (a section, a measure, a paragraph or the sentence itself); ``section`` the
    path of the enclosing numbered section (``二/（四）/3``; empty outside any).
    """

    section: str
    text: str
    start: int
    end: int
    kind: UnitKind
    unit_start: int
    unit_end: int
    score: float
    keyword_score: float
    tfidf: float
    dedicated: bool
    keywords: tuple[str, ...] = ()
    heading: str = ""
    embedding: float | None = None


@dataclass(frozen=True, slots=True)
class ItemResult:
    """The verdict on one item: ``coverage`` is ``section`` (a dedicated section or measure),
    ``mention`` (found only in passing, or in a sentence) or ``none``."""

    item: ChecklistItem
    status: Status
    score: float
    coverage: Literal["section", "mention", "none"]
    evidence: tuple[Evidence, ...]
    parent: str | None = None
    found: tuple[str, ...] = ()  # the keyword groups found anywhere in the plan
    not_found: tuple[str, ...] = ()  # the keyword groups found nowhere


@dataclass(frozen=True, slots=True)
class CheckResult:
    """All verdicts of one plan against one checklist."""

    plan: Plan
    checklist: Checklist
    items: tuple[ItemResult, ...]
    thresholds: Thresholds
    embedded: bool = False

    def by_status(self, status: Status) -> list[ItemResult]:
        return [r for r in self.items if r.status == status]

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for r in self.items if r.status == s) for s in STATUSES}

    def frames(self) -> dict[str, Any]:
        """The verdicts as pandas DataFrames: ``items`` and ``evidence`` (see `textkit.output.frames`)."""
        from textkit.output.frames import check_frames

        return check_frames(self)

    def get(self, item_id: str) -> ItemResult:
        for r in self.items:
            if r.item.id == item_id:
                return r
        raise KeyError(item_id)


# ------------------------------------------------------------------------------------------------ units


@dataclass(frozen=True, slots=True)
class _Unit:
    kind: UnitKind
    start: int
    end: int
    s0: int  # first sentence index inside
    s1: int  # one past the last
    section: str
    heading: str = ""
    title_start: int | None = None
    title_end: int | None = None


@dataclass(slots=True)
class _Index:
    """The plan cut into sentences and units (built once per plan)."""

    text: str
    sentences: list[tuple[int, int]]
    sent_starts: list[int]
    units: list[_Unit]


def _sentences(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_end = pos + len(line)
        start = pos
        for m in _SENT_END.finditer(line):
            out.append((start, pos + m.end()))
            start = pos + m.end()
        out.append((start, line_end))
        pos = line_end + 1
    trimmed: list[tuple[int, int]] = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _range(starts: list[int], sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    s0 = bisect.bisect_left(starts, start)
    s1 = bisect.bisect_left(starts, end)
    # A unit starting mid-sentence (an inline item) still owns the sentence it starts in.
    if s0 > 0 and sentences[s0 - 1][1] > start:
        s0 -= 1
    return s0, max(s1, s0 + 1) if s0 < len(sentences) else s1


def _item_title(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The heading of an inline item (up to the first 。：；，, without 一是/第一，) or of a table row (its
    first cell with Chinese text: the task's name, not its number)."""
    seg = text[start:end]
    if "\t" in seg:
        offset = 0
        for cell in seg.split("\t"):
            if re.search(r"[\u4e00-\u9fff]", cell):
                lead = len(cell) - len(cell.lstrip())
                return cell.strip(), start + offset + lead, start + offset + lead + len(cell.strip())
            offset += len(cell) + 1
    m = re.match(r"\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]?)?", seg)
    s = m.end() if m else 0
    stop = re.search(r"[。：:；;，,\n\t]", seg[s:])
    e = s + (stop.start() if stop else min(len(seg) - s, 30))
    return seg[s:e].strip(), start + s, start + e


def _index(plan: Plan) -> _Index:
    text = plan.document.text
    sentences = _sentences(text)
    starts = [s for s, _ in sentences]
    root = plan.root

    def sec_id(offset: int) -> str:
        s = section_at(root, offset)
        return s.id if s is not None else ""

    units: list[_Unit] = []
    for i, (s, e) in enumerate(sentences):
        units.append(_Unit("sentence", s, e, i, i + 1, sec_id(s)))
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if not line.strip():
            continue
        a, b = _range(starts, sentences, s, e)
        if b - a > 1:  # a one-sentence paragraph is already a sentence unit
            units.append(_Unit("paragraph", s, e, a, b, sec_id(s)))
    for sec in root.sections():
        a, b = _range(starts, sentences, sec.start, sec.end)
        units.append(_Unit("section", sec.start, sec.end, a, b, sec.id, sec.title, sec.title_start, sec.title_end))
    spans_seen = {(u.start, u.end) for u in units if u.kind == "section"}
    for m in plan.measures:
        if m.kind == "section" or (m.start, m.end) in spans_seen:
            continue
        spans_seen.add((m.start, m.end))
        a, b = _range(starts, sentences, m.start, m.end)
        title, ts, te = _item_title(text, m.start, m.end)
        # The heading is the item's first clause: a long measure title would name too much.
        units.append(_Unit("measure", m.start, m.end, a, b, m.section or sec_id(m.start), title, ts, te))
    for node in _inline_items(root):
        if (node.start, node.end) in spans_seen:
            continue
        spans_seen.add((node.start, node.end))
        a, b = _range(starts, sentences, node.start, node.end)
        title, ts, te = _item_title(text, node.start, node.end)
        units.append(_Unit("measure", node.start, node.end, a, b, sec_id(node.start), title, ts, te))

    return _Index(text, sentences, starts, units)


def _inline_items(root: Section) -> Iterable[Section]:
    return (n for n in root.walk() if n.kind in ("item", "table-row"))


# ------------------------------------------------------------------------------------------------ matching


@lru_cache(maxsize=8192)
def _term_tokens(term: str) -> tuple[str, ...]:
    from textkit.tokenize import cut

    words = [w for w in cut(term) if w.strip()]
    content = [w for w in words if len(w) >= 2]
    # Word-order tolerance needs content words; a term of one-character words only matches as written.
    return tuple(content) if len(content) >= 2 and len(content) >= len(words) - 1 else ()


def _term_sentences(index: _Index, term: str, tokens: tuple[str, ...]) -> set[int]:
    """Sentences that contain ``term`` as written, or all its jieba words in any order, close together."""
    hits = {i for i, _ in _occurrences(index, term)}
    if tokens:
        occ = [_occurrences(index, t) for t in tokens]
        common = set.intersection(*({i for i, _ in o} for o in occ)) - hits
        # A word may sit inside a longer word of the draft (检视 in 检视整改), so words are found as text.
        window = len(term) + 4
        lengths = [len(t) for t in tokens]
        for i in common:
            if _near([[p for j, p in o if j == i] for o in occ], window, index.text, lengths):
                hits.add(i)
    return hits


def _occurrences(index: _Index, word: str) -> list[tuple[int, int]]:
    """(sentence index, offset) of every occurrence of ``word`` that lies inside one sentence."""
    out: list[tuple[int, int]] = []
    text, starts, sents = index.text, index.sent_starts, index.sentences
    pos = text.find(word)
    while pos >= 0:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos + len(word) <= sents[i][1]:
            out.append((i, pos))
        pos = text.find(word, pos + 1)
    return out


_CLAUSE_BREAK = re.compile(r"[，,、；;：:。！？!?\n]")


def _near(positions: list[list[int]], window: int, text: str, lengths: Sequence[int]) -> bool:
    """Whether one occurrence of every word (``positions[k]``: offsets of word k, ``lengths[k]`` long)
    lies within ``window`` characters and inside one clause (no ，、；： between them)."""
    events = sorted((p, k) for k, ps in enumerate(positions) for p in ps)
    need = len(positions)
    for a in range(len(events)):
        seen: dict[int, int] = {}
        for p, k in events[a:]:
            if p - events[a][0] > window:
                break
            seen.setdefault(k, p)
            if len(seen) == need:
                lo = events[a][0]
                hi = max(q + lengths[j] for j, q in seen.items())
                if not _CLAUSE_BREAK.search(text, lo, hi):
                    return True
                break
    return False


def _in_title(title: str, term: str, tokens: tuple[str, ...]) -> bool:
    return bool(title) and (term in title or (bool(tokens) and all(t in title for t in tokens)))


@dataclass(frozen=True, slots=True)
class _Scored:
    unit: _Unit
    score: float
    kw: float
    cos: float
    emb: float | None
    mask: int
    dedicated: bool
    row: int = -1  # the unit's index in the plan's unit list


def check(
    plan: Plan,
    checklist: Checklist,
    *,
    embed: Embedder | None = None,
    thresholds: Thresholds | None = None,
) -> CheckResult:
    """Score every item of ``checklist`` against ``plan``; each verdict carries its evidence.

    ``embed`` (optional) maps texts to vectors (any sentence-embedding model); its cosine joins the
    score with ``weight.embedding``.

    >>> import textkit
    >>> from textkit.comparison.checklist import load_checklist
    >>> r = check(textkit.parse("corpora/001_ea77caf3222f4d4a.txt"),
    ...           load_checklist("corpora/checklists/zhuti-jiaoyu-2023.toml"))  # doctest: +SKIP
    >>> r.get("minzhu-shenghuohui").evidence[0].section  # doctest: +SKIP
    '二/（四）/3'
    """
    import numpy as np

    from textkit.comparison.vectors import cosine_matrix, fit_idf, hashed_char_counts, range_sums

    th = thresholds or load_thresholds()
    index = _index(plan)
    text = index.text
    flat = list(checklist.walk())
    items = [i for i, _ in flat]
    units = index.units
    item_texts = [i.text for i in items]

    # Character n-grams are counted once per sentence; a unit's counts are the sum of its sentences'.
    # IDF is fitted on the plan's sentences and the items: n-grams every sentence shares weigh little.
    sent_counts = hashed_char_counts([text[a:b] for a, b in index.sentences] or [""])
    item_counts = _item_counts(tuple(item_texts))
    idf = fit_idf(sent_counts, item_counts)
    unit_counts = range_sums(sent_counts, [(u.s0, u.s1) for u in units])
    item_vecs = idf.weigh(item_counts)
    cos = cosine_matrix(item_vecs, idf.weigh(unit_counts)) if units else np.zeros((len(items), 0))

    emb = None
    if embed is not None and units:
        emb = np.asarray(_embed_cosines(embed, item_texts, [text[u.start:u.end] for u in units]), dtype=np.float64)

    n_units = len(units)
    s0 = np.fromiter((u.s0 for u in units), dtype=np.int64, count=n_units)
    s1 = np.fromiter((u.s1 for u in units), dtype=np.int64, count=n_units)
    headed = np.fromiter((u.kind in ("section", "measure") for u in units), dtype=bool, count=n_units)
    order_key = np.fromiter((_kind_rank(u.kind) for u in units), dtype=np.int64, count=n_units)
    starts = np.fromiter((u.start for u in units), dtype=np.int64, count=n_units)
    weight = th.w_keywords + th.w_tfidf + (th.w_embedding if emb is not None else 0.0)
    pool = max(4 * th.top, 12)

    term_cache: dict[str, set[int]] = {}
    tok_cache: dict[str, tuple[str, ...]] = {}
    results: list[ItemResult] = []
    for n, (item, parent) in enumerate(flat):
        groups = item.keywords
        sparse: dict[int, int] = {}
        found_mask = 0
        for g, group in enumerate(groups):
            for term in group.terms:
                toks = tok_cache.get(term)
                if toks is None:
                    toks = tok_cache[term] = _term_tokens(term)
                hit = term_cache.get(term)
                if hit is None:
                    hit = term_cache[term] = _term_sentences(index, term, toks)
                for si in hit:
                    sparse[si] = sparse.get(si, 0) | (1 << g)
                    found_mask |= 1 << g
        hit_idx = np.asarray(sorted(sparse), dtype=np.int64)
        hit_masks = [sparse[int(i)] for i in hit_idx]
        lo = np.searchsorted(hit_idx, s0)
        hi = np.searchsorted(hit_idx, s1)
        kw = np.zeros(n_units)
        dedicated = np.zeros(n_units, dtype=bool)
        masks: dict[int, int] = {}
        for j in np.nonzero(hi > lo)[0]:
            mask = 0
            for k in range(int(lo[j]), int(hi[j])):
                mask |= hit_masks[k]
            masks[int(j)] = mask
            kw[j] = _kw_score(mask, len(groups), item.match)
            if headed[j]:
                u = units[j]
                # Dedicated: its heading names the item, or it holds every keyword group and reads like
                # the item as a whole (a measure copied under another heading).
                dedicated[j] = any(_in_title(u.heading, t, tok_cache[t]) for grp in groups for t in grp.terms) or (
                    kw[j] >= 1.0 and cos[n, j] >= th.covered)
        score = th.w_keywords * kw + th.w_tfidf * cos[n]
        if emb is not None:
            score = score + th.w_embedding * np.clip(emb[n], 0.0, None)
        score = np.clip(score / weight + th.dedicated * dedicated, 0.0, 1.0)
        # A section whose heading does not name the item is judged by its paragraphs and sentences:
        # summed over a long section, scattered words would look like coverage.
        score[headed & ~dedicated] = -1.0
        ranked = np.lexsort((starts, order_key, ~dedicated, -score))
        keep = [int(j) for j in ranked[:pool] if score[j] >= 0]
        keep += [int(j) for j in np.nonzero(dedicated)[0] if int(j) not in keep]
        scored = [
            _Scored(units[j], float(score[j]), float(kw[j]), float(cos[n, j]),
                    float(emb[n, j]) if emb is not None else None, masks.get(j, 0), bool(dedicated[j]), j)
            for j in keep
        ]
        joint = _joint(item, scored, unit_counts, item_vecs[n], idf, th, embed, text)
        results.append(_verdict(item, parent, scored, joint, index, found_mask, th, tok_cache, term_cache))
    return CheckResult(plan=plan, checklist=checklist, items=tuple(results), thresholds=th, embedded=embed is not None)


@lru_cache(maxsize=16)
def _item_counts(texts: tuple[str, ...]) -> Any:
    """The items' n-gram counts, kept for the next draft checked against the same checklist."""
    from textkit.comparison.vectors import hashed_char_counts

    return hashed_char_counts(texts)


def _kw_score(mask: int, n_groups: int, match: str) -> float:
    if not mask or not n_groups:
        return 0.0
    if match == "any":
        return 1.0
    return bin(mask).count("1") / n_groups


def _combine(kw: float, cos: float, emb: float | None, th: Thresholds, dedicated: bool = False) -> float:
    total = th.w_keywords * kw + th.w_tfidf * cos
    weight = th.w_keywords + th.w_tfidf
    if emb is not None and th.w_embedding > 0:
        total += th.w_embedding * max(emb, 0.0)
        weight += th.w_embedding
    # A heading that names the item is evidence of its own: the drafter gave the item a section.
    bonus = th.dedicated if dedicated else 0.0
    return max(0.0, min(1.0, total / weight + bonus))


def _joint(
    item: ChecklistItem,
    scored: list[_Scored],
    unit_counts: Any,
    item_vec: Any,
    idf: Any,
    th: Thresholds,
    embed: Embedder | None,
    text: str,
) -> tuple[_Scored, list[_Scored]] | None:
    """Several dedicated sections that together treat the item (检视问题 + 整改落实 for 检视整改).

    Only the outermost dedicated sections count; the joint unit's keyword score is the union of theirs
    and its TF-IDF cosine that of their summed n-gram counts. Returns the joint score and its members.
    """
    from textkit.comparison.vectors import cosine_matrix, sum_rows

    ded = [s for s in scored if s.dedicated]
    top = [s for s in ded if not any(
        o is not s and o.unit.start <= s.unit.start and s.unit.end <= o.unit.end
        and (o.unit.start, o.unit.end) != (s.unit.start, s.unit.end) for o in ded)]
    if len(top) < 2:
        return None
    mask = 0
    for s in top:
        mask |= s.mask
    kw = _kw_score(mask, len(item.keywords), item.match)
    c = float(cosine_matrix(item_vec, idf.weigh(sum_rows(unit_counts, [s.row for s in top])))[0, 0])
    e = None
    if embed is not None:
        e = _embed_cosines(embed, [item.text], ["\n".join(text[s.unit.start:s.unit.end] for s in top)])[0][0]
    first = min(top, key=lambda s: s.unit.start)
    joint = _Scored(first.unit, _combine(kw, c, e, th, True), kw, c, e, mask, True, first.row)
    return joint, sorted(top, key=lambda s: -s.score)


def _embed_cosines(embed: Embedder, items: list[str], units: list[str]) -> list[list[float]]:
    vectors = list(embed(items + units))
    if len(vectors) != len(items) + len(units):
        raise OptionError("embed", f"{len(vectors)} vectors for {len(items) + len(units)} texts", "one vector per text")

    def norm(v: Sequence[float]) -> list[float]:
        vals = [float(x) for x in v]
        length = math.sqrt(sum(x * x for x in vals)) or 1.0
        return [x / length for x in vals]

    iv = [norm(v) for v in vectors[: len(items)]]
    uv = [norm(v) for v in vectors[len(items):]]
    return [[sum(a * b for a, b in zip(i, u, strict=False)) for u in uv] for i in iv]


def _verdict(
    item: ChecklistItem,
    parent: ChecklistItem | None,
    scored: list[_Scored],
    joint: tuple[_Scored, list[_Scored]] | None,
    index: _Index,
    found_mask: int,
    th: Thresholds,
    tok_cache: dict[str, tuple[str, ...]],
    term_cache: dict[str, set[int]],
) -> ItemResult:
    ranked = sorted(scored, key=lambda s: (-s.score, -s.dedicated, _kind_rank(s.unit.kind), s.unit.start))
    best = ranked[0] if ranked else None
    best_dedicated = next((s for s in ranked if s.dedicated), None)
    if item.scope == "section":
        cover = best_dedicated if best_dedicated is not None and best_dedicated.score >= th.covered else None
    else:
        cover = best if best is not None and best.score >= th.covered else None
        # Prefer a dedicated unit as the evidence when it covers too.
        if cover is not None and best_dedicated is not None and best_dedicated.score >= th.covered:
            cover = best_dedicated
    members: list[_Scored] = []
    if joint is not None and joint[0].score >= th.covered and joint[0].score > (cover.score if cover else 0.0):
        cover, members = joint
    status: Status
    primary: _Scored | None
    if cover is not None:
        status, primary = "covered", cover
    elif best is not None and best.score >= th.partial:
        status, primary = "partial", best
    else:
        status, primary = "missing", best
    evidence: list[Evidence] = []
    if members and primary is not None:
        # A joint verdict: its evidence is each member section, best first, with the joint score on top.
        evidence = [_evidence(s, item, index, tok_cache, term_cache) for s in members[: th.top]]
    elif primary is not None:
        chosen = [primary]
        # Further evidence: the next best units that do not overlap one already chosen.
        for s in ranked:
            if len(chosen) >= th.top:
                break
            if s.score < th.partial or (status == "missing" and s is not primary):
                break
            if any(s.unit.start < c.unit.end and c.unit.start < s.unit.end for c in chosen):
                continue
            chosen.append(s)
        evidence = [_evidence(s, item, index, tok_cache, term_cache) for s in chosen]
    coverage: Literal["section", "mention", "none"]
    if status == "missing":
        coverage = "none"
    else:
        coverage = "section" if primary is not None and primary.dedicated else "mention"
    groups = item.keywords
    found = tuple(g.label for k, g in enumerate(groups) if found_mask >> k & 1)
    not_found = tuple(g.label for k, g in enumerate(groups) if not found_mask >> k & 1)
    return ItemResult(
        item=item, status=status, score=round(primary.score, 4) if primary is not None else 0.0,
        coverage=coverage, evidence=tuple(evidence), parent=parent.id if parent is not None else None,
        found=found, not_found=not_found,
    )


def _kind_rank(kind: str) -> int:
    return {"section": 0, "measure": 1, "paragraph": 2, "sentence": 3}[kind]


def _evidence(
    s: _Scored, item: ChecklistItem, index: _Index, tok_cache: dict[str, tuple[str, ...]], term_cache: dict[str, set[int]]
) -> Evidence:
    """The best sentence of a unit: most keyword groups, then the earliest (a heading states the topic)."""
    u = s.unit
    best_i, best_n = u.s0, -1
    best_terms: tuple[str, ...] = ()
    for i in range(u.s0, min(u.s1, len(index.sentences))):
        terms = tuple(t for g in item.keywords for t in g.terms if i in term_cache.get(t, ()))
        groups = sum(1 for g in item.keywords if any(t in terms for t in g.terms))
        if groups > best_n:
            best_i, best_n, best_terms = i, groups, terms
    start, end = index.sentences[best_i] if index.sentences else (u.start, u.end)
    start, end = max(start, u.start), min(end, u.end) if u.kind != "section" else end
    if end <= start:
        start, end = index.sentences[best_i]
    return Evidence(
        section=u.section, text=index.text[start:end], start=start, end=end, kind=u.kind,
        unit_start=u.start, unit_end=u.end, score=round(s.score, 4), keyword_score=round(s.kw, 4),
        tfidf=round(s.cos, 4), dedicated=s.dedicated, keywords=best_terms, heading=u.heading,
        embedding=round(s.emb, 4) if s.emb is not None else None,
    )
