"""Coverage by meaning: does a plan implement each required task of a checklist?

One engine behind ``check --against``, ``check --checklist`` and ``compare --against``. For each task:

1. its concepts (`textkit.comparison.concepts`): the words of its title and body (and authored keyword
   groups), weighted by specificity, found in the plan as written, by a synonym or in part;
2. evidence aggregated over the plan: the share of the task's concept weight found anywhere, in the best
   window of three sentences, in the best paragraph and in the best three paragraphs together, the share
   of its title's concepts, whether a heading of the plan names it, and how many of its clauses are
   mostly said somewhere (a plan that carries out one clause of a broad task covers it in part);
3. a verdict from these features by a small ordinal model fitted on hand-judged pairs
   (``textkit/data/coverage_model.json``, fitted by ``scripts/fit_coverage.py``): ``covered``, ``partial``
   or ``missing``, with its confidence;
4. the explanation: the concepts found with their spans in the plan, the concepts not found, and the
   passages that carry them.

A task with sub-tasks (a group) takes its verdict from them: covered when all are, missing when none is
covered or partial, else partial.

>>> import textkit
>>> from textkit.comparison.checklist import checklist_from_dict
>>> cl = checklist_from_dict({"items": [{"id": "dy", "title": "调查研究", "source": "三/2",
...     "description": "领导干部深入基层开展调查研究，形成调研报告。"}]})
>>> r = check(textkit.parse_text("一、工作措施\\n（一）深入调查研究。班子成员到基层一线调研，形成调研报告。\\n"), cl)
>>> r.items[0].status
'covered'
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from textkit.comparison.checklist import Checklist, ChecklistItem
from textkit.comparison.concepts import (
    Concept,
    Lexicon,
    PlanIndex,
    item_concepts,
    load_lexicon,
    sibling_specificity,
)
from textkit.errors import OptionError, RuleError
from textkit.model import Plan, section_index

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "FEATURES",
    "STATUSES",
    "CheckResult",
    "ConceptHit",
    "CoverageEngine",
    "CoverageMatrix",
    "CoverageModel",
    "Evidence",
    "ItemResult",
    "check",
    "decide",
    "item_features",
    "load_model",
]

Status = Literal["covered", "partial", "missing"]
STATUSES: tuple[Status, ...] = ("covered", "partial", "missing")
UnitKind = Literal["section", "measure", "paragraph", "sentence"]
MODEL_SCHEMA = "textkit.coverage-model/1"
MODEL_ENV = "TEXTKIT_COVERAGE_MODEL"  # a fitted model file to use instead of the shipped one

# The features the model reads, in order (see `item_features`).
FEATURES: tuple[str, ...] = (
    "glob", "title_glob", "best_window", "best_paragraph", "top3_union", "title_best", "heading", "clauses_half",
    "clauses_mean", "pairs_best", "pairs_top3", "pairs_glob",
)
# A passage that states another task of the checklist (it says at least CLAIM_SHARE of that task's concept
# weight, CLAIM_GAP more than of this one's) is that task's evidence, not this one's: a plan that copies the
# directive, or a plan checked against its own tasks, says each task's shared words in its sibling tasks too.
CLAIM_SHARE = 0.8
CLAIM_GAP = 0.4
# The directive's passages that are no task (checklist context) rival by their words only when this long.
CONTEXT_MIN_CHARS = 15
# A plan paragraph that copies another part of the directive (COPY_SHARE of its character pairs are in that
# part, COPY_GAP more than in this task) restates that part: its words shared with this task are the words
# the two parts share in the directive, no evidence for this task.
COPY_SHARE = 0.6
COPY_GAP = 0.3
# A title's shares are taken of at least this weight, about one specific word's (jieba IDF ≈ 10 × sibling
# specificity): a title of generic words names no task.
TITLE_FLOOR = 6.0
# A safeguard task is judged at the plan's level (`decide`) only when the plan names it: at least this share of
# its title's concept weight is said somewhere. Without it, a plan whose 推进机制 paragraph is deleted still
# "says" 健全工作推进机制 in part through its funding paragraph (evidence deletion 0.700 instead of 0.738).
SAFEGUARD_TITLE_SHARE = 0.25
_CLAUSE_SPLIT = re.compile(r"[，,；;。：:、\n]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


# ------------------------------------------------------------------------------------------------ model


@dataclass(frozen=True, slots=True)
class CoverageModel:
    """An ordinal verdict model: two logistic regressions on standardised features, one for "at least
    partial" and one for "covered". ``source`` names the file it was loaded from."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    partial_coef: tuple[float, ...]
    partial_intercept: float
    covered_coef: tuple[float, ...]
    covered_intercept: float
    source: str = ""
    fitted_on: str = ""

    def probabilities(self, values: dict[str, float]) -> tuple[float, float]:
        """P(at least partial), P(covered) for one task's features."""
        z = [(values[f] - m) / s for f, m, s in zip(self.features, self.mean, self.scale, strict=True)]
        a = self.partial_intercept + sum(c * x for c, x in zip(self.partial_coef, z, strict=True))
        b = self.covered_intercept + sum(c * x for c, x in zip(self.covered_coef, z, strict=True))
        pa, pb = _sigmoid(a), _sigmoid(b)
        return max(pa, pb), pb

    def verdict(self, values: dict[str, float]) -> tuple[Status, float]:
        """The verdict and its confidence (the probability of the class chosen)."""
        pa, pb = self.probabilities(values)
        if pb >= 0.5:
            return "covered", pb
        if pa >= 0.5:
            return "partial", pa - pb
        return "missing", 1.0 - pa

    def to_dict(self) -> dict[str, Any]:
        return {"schema": MODEL_SCHEMA, "features": list(self.features), "mean": list(self.mean),
                "scale": list(self.scale), "partial": {"coef": list(self.partial_coef), "intercept": self.partial_intercept},
                "covered": {"coef": list(self.covered_coef), "intercept": self.covered_intercept},
                "fitted_on": self.fitted_on}


def decide(model: CoverageModel, values: dict[str, float], *, safeguard: bool = False) -> tuple[Status, float]:
    """The verdict on one task: the model's, except for a task of the directive's safeguard part
    (保障措施, 组织领导) that the plan names and its own safeguard part says in part, which is covered.

    Such a task is carried out at the plan's level: the 意见 asks 各级党委（党组） to lead the campaign and
    a bureau implements it by setting up its own leading group, in its own words; the plan cannot be asked
    for the other levels' part. ``safeguard`` is whether the paragraph that says the task best stands in the
    plan's safeguard part (`ItemResult.safeguard`); the plan names the task when it says at least
    `SAFEGUARD_TITLE_SHARE` of its title's concept weight (feature ``title_glob``).
    """
    status, confidence = model.verdict(values)
    if safeguard and status == "partial" and values.get("title_glob", 0.0) >= SAFEGUARD_TITLE_SHARE:
        return "covered", model.probabilities(values)[0]
    return status, confidence


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= -60 else 0.0


def model_from_dict(data: Any, *, file: str) -> CoverageModel:
    """Validate a model file's content; an error names the file and the key."""
    if not isinstance(data, dict):
        raise RuleError("must be a JSON object", file=file)
    if data.get("schema") != MODEL_SCHEMA:
        raise RuleError(f"schema {data.get('schema')!r} is invalid; value must be {MODEL_SCHEMA!r}", file=file, key="schema")
    feats = data.get("features")
    if not isinstance(feats, list) or not feats or any(f not in FEATURES for f in feats):
        raise RuleError(f"must list features among {FEATURES}", file=file, key="features")
    n = len(feats)

    def vec(value: Any, key: str) -> tuple[float, ...]:
        if not isinstance(value, list) or len(value) != n or not all(
                isinstance(x, int | float) and math.isfinite(x) for x in value):
            raise RuleError(f"must be a list of {n} finite numbers", file=file, key=key)
        return tuple(float(x) for x in value)

    def num(value: Any, key: str) -> float:
        if not isinstance(value, int | float) or not math.isfinite(value):
            raise RuleError("must be a finite number", file=file, key=key)
        return float(value)

    scale = vec(data.get("scale"), "scale")
    if any(s <= 0 for s in scale):
        raise RuleError("must be positive", file=file, key="scale")
    part, cov = data.get("partial") or {}, data.get("covered") or {}
    return CoverageModel(
        features=tuple(str(f) for f in feats), mean=vec(data.get("mean"), "mean"), scale=scale,
        partial_coef=vec(part.get("coef"), "partial.coef"), partial_intercept=num(part.get("intercept"), "partial.intercept"),
        covered_coef=vec(cov.get("coef"), "covered.coef"), covered_intercept=num(cov.get("intercept"), "covered.intercept"),
        source=file, fitted_on=str(data.get("fitted_on", "")),
    )


@lru_cache(maxsize=8)
def _load_model(path: str) -> CoverageModel:
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError("no such model file", file=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot be read: {exc}", file=path) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise RuleError(f"not valid JSON: {exc.msg}", file=path) from None
    return model_from_dict(data, file=path)


def load_model(path: str | Path | None = None) -> CoverageModel:
    """The coverage model: ``path``, else the file named by ``$TEXTKIT_COVERAGE_MODEL``, else the shipped one."""
    from textkit.rules import data_path

    chosen = path or os.environ.get(MODEL_ENV) or data_path("coverage_model.json")
    return _load_model(str(chosen))


# ------------------------------------------------------------------------------------------------ results


@dataclass(frozen=True, slots=True)
class ConceptHit:
    """A concept of the task and where the plan says it (``start``/``end``; -1 when not found);
    ``credit`` is 1 for the word as written or a synonym, less when only the words inside it occur."""

    label: str
    weight: float
    credit: float
    start: int = -1
    end: int = -1
    text: str = ""

    @property
    def found(self) -> bool:
        return self.credit > 0


@dataclass(frozen=True, slots=True)
class Evidence:
    """A passage that carries the task: ``start``/``end`` the best sentence in ``Document.text``,
    ``unit_start``/``unit_end`` its paragraph, ``section`` the enclosing numbered section's path.

    ``score`` is the share of the task's concept weight the paragraph says; ``keyword_score`` the share of
    its title concepts there; ``tfidf`` the share said by the best sentence alone; ``dedicated`` whether a
    heading of the plan names the task; ``keywords`` the concepts found in the paragraph."""

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
    """The verdict on one task, with its confidence, the features it rests on and its explanation.

    ``coverage``: ``section`` (a heading of the plan names the task), ``mention`` (said in passages) or
    ``none``; ``found``/``not_found`` the labels of the concepts found and not found (most specific
    first); ``concepts`` every concept with its evidence span."""

    item: ChecklistItem
    status: Status
    score: float
    coverage: Literal["section", "mention", "none"]
    evidence: tuple[Evidence, ...]
    parent: str | None = None
    found: tuple[str, ...] = ()
    not_found: tuple[str, ...] = ()
    confidence: float = 0.0
    concepts: tuple[ConceptHit, ...] = ()
    features: tuple[tuple[str, float], ...] = ()
    safeguard: str = ""  # a safeguard task said best in the plan's safeguard part: that part's title (`decide`)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """All verdicts of one plan against one checklist."""

    plan: Plan
    checklist: Checklist
    items: tuple[ItemResult, ...]
    model: CoverageModel

    def by_status(self, status: Status) -> list[ItemResult]:
        return [r for r in self.items if r.status == status]

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for r in self.items if r.status == s) for s in STATUSES}

    def get(self, item_id: str) -> ItemResult:
        for r in self.items:
            if r.item.id == item_id:
                return r
        raise KeyError(item_id)


@dataclass(frozen=True, slots=True, eq=False)
class CoverageMatrix:
    """Plans × checklist items: ``status[i][j]`` and ``scores[i, j]`` of plan i on item j.

    ``results[i]`` is the full `textkit.comparison.coverage.CheckResult` of plan i (evidence and all).
    """

    sources: tuple[str, ...]
    items: tuple[ChecklistItem, ...]
    status: tuple[tuple[str, ...], ...]
    scores: np.ndarray[Any, np.dtype[np.float64]]
    results: tuple[CheckResult, ...]

    def covered_by(self, item_id: str, *, partial: bool = False) -> int:
        """How many plans cover the item (``partial=True``: covered or partial)."""
        j = self.index(item_id)
        ok = ("covered", "partial") if partial else ("covered",)
        return sum(1 for row in self.status if row[j] in ok)

    def index(self, item_id: str) -> int:
        for j, item in enumerate(self.items):
            if item.id == item_id:
                return j
        raise KeyError(item_id)

    def get(self, source: str, item_id: str) -> str:
        return self.status[self.sources.index(source)][self.index(item_id)]

    def evidence_spans(self, i: int, j: int) -> list[tuple[int, int]]:
        """The evidence spans (into plan i's text) of its verdict on item j."""
        res = self.results[i]
        item_id = self.items[j].id
        for r in res.items:
            if r.item.id == item_id:
                return [(e.start, e.end) for e in r.evidence]
        return []


# ------------------------------------------------------------------------------------------------ features


@dataclass(frozen=True, slots=True)
class _Found:
    """What the plan says of one task: credits per concept and per sentence."""

    concepts: tuple[Concept, ...]
    anywhere: dict[str, float]  # concept label → best credit anywhere
    per_sentence: dict[int, dict[str, float]]  # sentence → concept label → credit
    paragraphs: dict[int, dict[str, float]]  # paragraph → concept label → best credit in it


def _find(concepts: Sequence[Concept], index: PlanIndex, lexicon: Lexicon) -> _Found:
    anywhere: dict[str, float] = {}
    per_sentence: dict[int, dict[str, float]] = {}
    for c in concepts:
        for i, credit in index.occurrences(c, lexicon=lexicon).items():
            d = per_sentence.setdefault(i, {})
            if credit > d.get(c.label, 0.0):
                d[c.label] = credit
            if credit > anywhere.get(c.label, 0.0):
                anywhere[c.label] = credit
    paragraphs: dict[int, dict[str, float]] = {}
    sentences = index.sentences
    for i, d in per_sentence.items():
        pd = paragraphs.setdefault(sentences[i].paragraph, {})
        for label, credit in d.items():
            if credit > pd.get(label, 0.0):
                pd[label] = credit
    return _Found(tuple(concepts), anywhere, per_sentence, paragraphs)


def _share(weights: dict[str, float], credits: dict[str, float], total: float) -> float:
    return sum(weights[k] * v for k, v in credits.items() if k in weights) / total if total > 0 else 0.0


def _union(parts: Iterable[dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for d in parts:
        for k, v in d.items():
            if v > out.get(k, 0.0):
                out[k] = v
    return out


def item_features(
    item_text: str, found: _Found, index: PlanIndex, *, shares: dict[int, float] | None = None
) -> tuple[dict[str, float], list[int]]:
    """The model's features for one task (`FEATURES`) from what was found of its concepts, and the plan's
    paragraphs that carry the task best (at most three, best first). ``shares`` (paragraph → share of the
    task's concept weight, `_paragraph_shares`) saves computing them again."""
    concepts = found.concepts
    weights = {c.label: c.weight for c in concepts}
    total = sum(weights.values())
    title_w = {c.label: c.weight for c in concepts if c.in_title}
    # A title of generic words (组织开展试点, where every task says 试点) names no task (TITLE_FLOOR).
    title_total = max(sum(title_w.values()), TITLE_FLOOR) if title_w else 0.0
    n = len(index.sentences)
    per = found.per_sentence
    # A window of three sentences says more than its best sentence only when it holds two that say something.
    best_window = max((_share(weights, d, total) for d in per.values()), default=0.0)
    hits = sorted(per)
    for x, y in itertools.pairwise(hits):
        if y - x <= 2:
            for a in range(max(0, y - 2), x + 1):
                window = _union(per[j] for j in range(a, min(n, a + 3)) if j in per)
                best_window = max(best_window, _share(weights, window, total))
    paragraphs = found.paragraphs
    if shares is None:
        shares = _paragraph_shares(found)
    ranked = sorted(paragraphs, key=lambda p: (-shares[p], p))
    best_paragraph = shares[ranked[0]] if ranked else 0.0
    top3 = _share(weights, _union(paragraphs[p] for p in ranked[:3]), total)
    title_best = _share(title_w, paragraphs[ranked[0]], title_total) if ranked and title_total else 0.0
    heading = 0.0
    if title_total:
        for title in index.headings:
            heading = max(heading, sum(w for k, w in title_w.items() if k in title) / title_total)
    # Breadth: how many of the task's clauses are mostly said somewhere in the plan.
    clause_cov: list[float] = []
    labels = sorted(weights, key=len, reverse=True)
    for clause in _CLAUSE_SPLIT.split(item_text):
        if len(_CJK.findall(clause)) < 4:
            continue
        inside = [k for k in labels if k in clause]
        w = sum(weights[k] for k in inside)
        if w > 0:
            clause_cov.append(sum(weights[k] * found.anywhere.get(k, 0.0) for k in inside) / w)
    values = {
        "glob": _share(weights, found.anywhere, total),
        "title_glob": _share(title_w, found.anywhere, title_total) if title_total else 0.0,
        "best_window": best_window,
        "best_paragraph": best_paragraph,
        "top3_union": top3,
        "title_best": title_best,
        "heading": heading,
        "clauses_half": sum(1 for v in clause_cov if v >= 0.5) / len(clause_cov) if clause_cov else 0.0,
        "clauses_mean": sum(clause_cov) / len(clause_cov) if clause_cov else 0.0,
    }
    return values, ranked[:3]


# ------------------------------------------------------------------------------------------------ check


def _without(found: _Found, paragraphs: set[int], index: PlanIndex) -> _Found:
    """What was found, less the sentences of ``paragraphs``."""
    per_sentence = {i: d for i, d in found.per_sentence.items() if index.sentences[i].paragraph not in paragraphs}
    kept = {p: d for p, d in found.paragraphs.items() if p not in paragraphs}
    return _Found(found.concepts, _union(kept.values()), per_sentence, kept)


def _paragraph_shares(found: _Found) -> dict[int, float]:
    """Paragraph → the share of the task's concept weight it says."""
    weights = {c.label: c.weight for c in found.concepts}
    total = sum(weights.values())
    return {p: _share(weights, d, total) for p, d in found.paragraphs.items()}


def _plan_index(plan: Plan) -> PlanIndex:
    return PlanIndex.build(plan.document.text, headings=[s.title for s in plan.root.sections() if s.title])


def item_text(item: ChecklistItem) -> str:
    """What a task says: its description (the directive's words), else its title."""
    return item.description or item.title


@dataclass(frozen=True, slots=True)
class _Task:
    item: ChecklistItem
    parent: ChecklistItem | None
    concepts: tuple[Concept, ...]
    text: str
    safeguard: bool = False  # the task stands in the directive's safeguard part


class CoverageEngine:
    """A checklist compiled for checking many plans: each task's concepts are read once (segmentation is
    the costly part), with the model and the lexicon.

    >>> from textkit.comparison.checklist import checklist_from_dict
    >>> engine = CoverageEngine(checklist_from_dict({"items": [{"id": "dy", "title": "调查研究", "source": "三",
    ...     "description": "到基层开展调查研究。"}]}))
    >>> import textkit
    >>> engine.check(textkit.parse_text("一、措施\\n（一）调查研究。到基层一线开展调研。\\n")).items[0].status
    'covered'
    """

    def __init__(self, checklist: Checklist, *, model: CoverageModel | None = None, lexicon: Lexicon | None = None,
                 top: int = 3) -> None:
        if top < 1:
            raise OptionError("top", top, "a positive integer")
        self.checklist = checklist
        self.model = model or load_model()
        self.lexicon = lexicon or load_lexicon()
        self.top = top
        flat = list(checklist.walk())
        guarded = _safeguard_items(checklist, self.lexicon)
        spec = sibling_specificity([f"{i.title}\n{item_text(i)}" for i, _ in flat if not i.children])
        self.tasks = tuple(
            _Task(item, parent, item_concepts(item.title, item.description, lexicon=self.lexicon,
                                              keywords=[g.terms for g in item.keywords], specificity=spec),
                  item_text(item), item.id in guarded)
            for item, parent in flat if not item.children
        )
        # the directive's passages that are no task: rivals for a plan passage, never verdicts of their own
        # (a short line, a heading, is too easily said in full to be a rival by its words; its copy still is)
        self.context = tuple(
            cs for cs in (item_concepts("", c, lexicon=self.lexicon, specificity=spec)
                          for c in checklist.context if len(_CJK.findall(c)) >= CONTEXT_MIN_CHARS) if cs
        )
        self.copies = _CopyIndex([t.text for t in self.tasks] + list(checklist.context), tasks=len(self.tasks))

    def check(self, plan: Plan) -> CheckResult:
        """Judge every task against ``plan``."""
        index = _plan_index(plan)
        sections = section_index(plan.root)
        founds = [_find(t.concepts, index, self.lexicon) for t in self.tasks]
        shares = [_paragraph_shares(found) for found in founds]
        rivals = [*shares, *(_paragraph_shares(_find(cs, index, self.lexicon)) for cs in self.context)]
        best_two: dict[int, list[tuple[float, int]]] = {}  # paragraph → the two passages that say most of it
        for k, sh in enumerate(rivals):
            for p, v in sh.items():
                best_two[p] = sorted([*best_two.get(p, []), (v, k)], reverse=True)[:2]
        copied, said = self.copies.paragraphs(plan.document.text)
        guard = _safeguard_parts(plan, index, self.lexicon) if any(t.safeguard for t in self.tasks) else None
        results: dict[str, ItemResult] = {}
        for k, (task, found) in enumerate(zip(self.tasks, founds, strict=True)):
            claimed = set()
            for p, v in shares[k].items():
                part = copied.get(p)
                own = part[0].get(k, 0.0) if part is not None else 0.0
                other = next((w for w, j in part[1] if j != k), 0.0) if part is not None else 0.0
                if own >= COPY_SHARE and own >= other:
                    continue  # the paragraph copies this task: its evidence, whoever else says the same
                rival = next((w for w, j in best_two[p] if j != k), 0.0)
                if (rival >= CLAIM_SHARE and rival - v >= CLAIM_GAP) or (other >= COPY_SHARE and other - own >= COPY_GAP):
                    claimed.add(p)
            if claimed:
                found = _without(found, claimed, index)
            values, best = item_features(task.text, found, index,
                                         shares={p: v for p, v in shares[k].items() if p not in claimed})
            values.update(self.copies.features(k, said[k], claimed))
            # the paragraph that says the task best stands in the plan's safeguard part
            guarded_by = guard.title(best[:1]) if guard is not None and task.safeguard else ""
            status, confidence = decide(self.model, values, safeguard=bool(guarded_by))
            if task.item.keywords and not any(found.anywhere.get(g.terms[0], 0.0) > 0 for g in task.item.keywords):
                # the curator listed the words the task must say, and the plan says none of them
                status, confidence = "missing", 1.0
            results[task.item.id] = _explain(task.item, task.parent, status, confidence, values, found, best, index,
                                             sections, self.top, safeguard=guarded_by)
        return _ordered(plan, self.checklist, results, self.model)


def _safeguard_items(checklist: Checklist, lexicon: Lexicon) -> set[str]:
    """The ids of the items whose title, or a group's above them, marks the directive's safeguard part."""
    out: set[str] = set()

    def visit(item: ChecklistItem, guarded: bool) -> None:
        guarded = guarded or lexicon.is_safeguard(item.title)
        if guarded:
            out.add(item.id)
        for child in item.children:
            visit(child, guarded)

    for top_item in checklist.items:
        visit(top_item, False)
    return out


class _SafeguardParts:
    """The plan's safeguard sections (their spans and titles), looked up by paragraph."""

    def __init__(self, starts: Sequence[int], parts: list[tuple[int, int, str]]) -> None:
        self.parts = parts
        self.starts = starts  # where each paragraph begins (`PlanIndex.line_starts`)

    def title(self, paragraphs: Iterable[int]) -> str:
        """The title of the safeguard section holding the first of ``paragraphs`` that one holds, or ""."""
        for p in paragraphs:
            at = self.starts[p] if p < len(self.starts) else -1
            for start, end, title in self.parts:
                if start <= at < end:
                    return title
        return ""


def _safeguard_parts(plan: Plan, index: PlanIndex, lexicon: Lexicon) -> _SafeguardParts | None:
    parts = [(s.start, s.end, s.title) for s in plan.root.sections() if s.title and lexicon.is_safeguard(s.title)]
    return _SafeguardParts(index.line_starts, parts) if parts else None


_KEEP = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]+")


def _pairs(text: str) -> set[str]:
    """The pairs of adjacent characters of ``text``, punctuation and spaces left out."""
    s = "".join(_KEEP.findall(text))
    return {s[i:i + 2] for i in range(len(s) - 1)}


class _CopyIndex:
    """The directive's parts by their character pairs: which part each plan paragraph copies (the share of
    its pairs found in each part: a task or a context passage), and how much of each task's pairs, weighted
    by how few tasks share them, each paragraph says (a task restated in other words still keeps some of
    its compounds' characters: 政务云 in 政务云平台, 数据共享 in 共享数据)."""

    def __init__(self, parts: Sequence[str], *, tasks: int) -> None:
        from textkit.tokenize import idf_table  # jieba's IDF table, read from textkit's cache (no segmenting)

        self.owners: dict[str, list[int]] = {}
        self.tasks = tasks  # parts[:tasks] are the tasks, the rest context passages
        sets = [_pairs(part) for part in parts]
        for j, ps in enumerate(sets):
            for pair in ps:
                self.owners.setdefault(pair, []).append(j)
        df: dict[str, int] = {}
        for ps in sets[:tasks]:
            for pair in ps:
                df[pair] = df.get(pair, 0) + 1
        # a pair weighs what the word it spells weighs in jieba's general corpus (开展 little, 植树 much; a pair
        # that is no word, the median), times how few of the checklist's tasks say it
        idf, median = idf_table()
        top = math.log((tasks + 1) / 1.5) if tasks else 1.0
        self.weight = {pair: (max(0.15, math.log((tasks + 1) / (n + 0.5)) / top) if top > 0 else 1.0)
                       * idf.get(pair, median) for pair, n in df.items()}
        self.totals = [sum(self.weight[pair] for pair in ps) for ps in sets[:tasks]]

    def paragraphs(self, text: str, *, min_pairs: int = 3) -> tuple[
            dict[int, tuple[dict[int, float], list[tuple[float, int]]]], list[dict[int, set[str]]]]:
        """Paragraph (line) → (part → share of the paragraph's pairs in it, the two parts with most of them); and
        for each task, paragraph → the task's pairs it says."""
        out: dict[int, tuple[dict[int, float], list[tuple[float, int]]]] = {}
        said: list[dict[int, set[str]]] = [{} for _ in range(self.tasks)]
        for p, line in enumerate(text.split("\n")):
            pairs = _pairs(line)
            counts: dict[int, int] = {}
            for pair in pairs:
                for j in self.owners.get(pair, ()):
                    counts[j] = counts.get(j, 0) + 1
                    if j < self.tasks:
                        said[j].setdefault(p, set()).add(pair)
            if len(pairs) < min_pairs or not counts:
                continue
            shares = {j: c / len(pairs) for j, c in counts.items()}
            out[p] = (shares, sorted(((v, j) for j, v in shares.items()), reverse=True)[:2])
        return out, said

    def features(self, k: int, said: dict[int, set[str]], claimed: set[int]) -> dict[str, float]:
        """The share of task ``k``'s weighted pairs said in its best paragraph, its best three and anywhere."""
        total = self.totals[k]
        if not total:
            return {"pairs_best": 0.0, "pairs_top3": 0.0, "pairs_glob": 0.0}
        w = self.weight
        scored = sorted(((sum(w[x] for x in got), p) for p, got in said.items() if p not in claimed), reverse=True)
        top3: set[str] = set().union(*(said[p] for _v, p in scored[:3])) if scored else set()
        anywhere: set[str] = set().union(*(said[p] for _v, p in scored)) if scored else set()
        return {"pairs_best": scored[0][0] / total if scored else 0.0,
                "pairs_top3": sum(w[x] for x in top3) / total, "pairs_glob": sum(w[x] for x in anywhere) / total}


def check(
    plan: Plan,
    checklist: Checklist,
    *,
    model: CoverageModel | None = None,
    lexicon: Lexicon | None = None,
    top: int = 3,
) -> CheckResult:
    """Judge every task of ``checklist`` against ``plan``; each verdict carries its explanation. (To check
    many plans against one checklist, make a `CoverageEngine` once.)

    >>> import textkit
    >>> from textkit.comparison.checklist import load_checklist
    >>> r = check(textkit.parse("corpora/001_ea77caf3222f4d4a.txt"),
    ...           load_checklist("corpora/checklists/zhuti-jiaoyu-2023.toml"))  # doctest: +SKIP
    >>> r.get("minzhu-shenghuohui").evidence[0].section  # doctest: +SKIP
    '二/（四）/3'
    """
    return CoverageEngine(checklist, model=model, lexicon=lexicon, top=top).check(plan)


def _ordered(plan: Plan, checklist: Checklist, results: dict[str, ItemResult], model: CoverageModel) -> CheckResult:
    # Results in checklist order, each group before its tasks (a group's verdict comes from theirs).
    ordered: list[ItemResult | None] = []

    def visit(item: ChecklistItem, parent: ChecklistItem | None) -> ItemResult:
        if not item.children:
            ordered.append(results[item.id])
            return results[item.id]
        slot = len(ordered)
        ordered.append(None)
        kids = [visit(c, item) for c in item.children]
        ordered[slot] = result = _group(item, parent, kids)
        return result

    for top_item in checklist.items:
        visit(top_item, None)
    return CheckResult(plan=plan, checklist=checklist, items=tuple(r for r in ordered if r is not None), model=model)


def _group(item: ChecklistItem, parent: ChecklistItem | None, kids: Sequence[ItemResult]) -> ItemResult:
    """A group's verdict from its tasks: covered when all are, missing when none is even partial."""
    statuses = {k.status for k in kids}
    status: Status = "covered" if statuses == {"covered"} else "missing" if statuses <= {"missing"} else "partial"
    # each task's best passage, once (two tasks may rest on the same sentence)
    evidence = tuple({(e.start, e.end): e for k in kids if k.status != "missing" for e in k.evidence[:1]}.values())
    score = sum({"covered": 1.0, "partial": 0.5, "missing": 0.0}[k.status] for k in kids) / max(1, len(kids))
    return ItemResult(
        item=item, status=status, score=round(score, 4),
        coverage="none" if status == "missing" else ("section" if any(k.coverage == "section" for k in kids) else "mention"),
        evidence=evidence, parent=parent.id if parent is not None else None,
        found=tuple(k.item.title for k in kids if k.status == "covered"),
        not_found=tuple(k.item.title for k in kids if k.status != "covered"),
        confidence=round(min((k.confidence for k in kids), default=0.0), 4),
    )


def _explain(
    item: ChecklistItem,
    parent: ChecklistItem | None,
    status: Status,
    confidence: float,
    values: dict[str, float],
    found: _Found,
    best: list[int],
    index: PlanIndex,
    sections: Any,
    top: int,
    *,
    safeguard: str = "",
) -> ItemResult:
    text = index.text
    weights = {c.label: c.weight for c in found.concepts}
    total = sum(weights.values()) or 1.0
    title_labels = {c.label for c in found.concepts if c.in_title}
    # A section is the task's own when its heading says one of the task's main title concepts.
    title_concepts = [c for c in found.concepts if c.in_title]
    top_w = max((c.weight for c in title_concepts), default=0.0)
    lead = [c for c in title_concepts if c.weight >= top_w / 2]
    by_para: dict[int, list[int]] = {}
    for i in found.per_sentence:
        by_para.setdefault(index.sentences[i].paragraph, []).append(i)
    evidence: list[Evidence] = []
    spans: dict[str, tuple[int, int]] = {}  # label -> where it is said in the evidence shown
    for p in best[:top]:
        sents = sorted(by_para.get(p, []))
        if not sents:
            continue
        credits = _union(found.per_sentence[i] for i in sents)
        best_sent = max(sents, key=lambda i: (_share(weights, found.per_sentence[i], total), -i))
        s = index.sentences[best_sent]
        s_start, s_end = s.start, s.end
        while s_start < s_end and text[s_start].isspace():
            s_start += 1
        while s_end > s_start and text[s_end - 1].isspace():
            s_end -= 1
        first, last = index.sentences[sents[0]], index.sentences[sents[-1]]
        line_start = text.rfind("\n", 0, first.start) + 1
        line_end = text.find("\n", last.end)
        line_end = len(text) if line_end < 0 else line_end
        sec = sections.at(s.start)
        heading_named = sec is not None and bool(sec.title) and any(
            t in sec.title for c in lead for t in c.terms)
        evidence.append(Evidence(
            section=sec.id if sec is not None else "", text=text[s_start:s_end], start=s_start, end=s_end,
            kind="paragraph", unit_start=line_start, unit_end=line_end,
            score=round(_share(weights, credits, total), 4),
            keyword_score=round(_share({k: weights[k] for k in title_labels}, credits,
                                       sum(weights[k] for k in title_labels)) if title_labels else 0.0, 4),
            tfidf=round(_share(weights, found.per_sentence[best_sent], total), 4),
            dedicated=heading_named, keywords=tuple(k for k in weights if k in credits),
            heading=sec.title if sec is not None else "",
        ))
        for i in sents:
            for label in found.per_sentence[i]:
                if label not in spans:
                    concept = next(c for c in found.concepts if c.label == label)
                    at = index.first_span(concept, i)
                    if at is not None:
                        spans[label] = at
    hits: list[ConceptHit] = []
    for c in found.concepts:
        credit = found.anywhere.get(c.label, 0.0)
        where = spans.get(c.label)
        if where is None and credit > 0:
            for i in sorted(found.per_sentence):
                if c.label in found.per_sentence[i]:
                    where = index.first_span(c, i)
                    if where is not None:
                        break
        hits.append(ConceptHit(c.label, round(c.weight, 3), round(credit, 3),
                               where[0] if where else -1, where[1] if where else -1,
                               text[where[0]:where[1]] if where else ""))
    coverage: Literal["section", "mention", "none"] = (
        "none" if status == "missing" else "section" if any(e.dedicated for e in evidence) else "mention")
    p_values = tuple((f, round(values[f], 4)) for f in FEATURES if f in values)
    return ItemResult(
        item=item, status=status, score=round(values["top3_union"], 4), coverage=coverage, evidence=tuple(evidence),
        parent=parent.id if parent is not None else None,
        found=tuple(h.label for h in hits if h.found), not_found=tuple(h.label for h in hits if not h.found),
        confidence=round(confidence, 4), concepts=tuple(hits), features=p_values, safeguard=safeguard,
    )
