"""Matching rules of `check`: word order, dedicated sections vs passing mentions, scopes, embeddings."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

import textkit
from textkit.comparison.checklist import checklist_from_dict
from textkit.comparison.coverage import CheckResult, Thresholds, check, load_thresholds
from textkit.errors import OptionError, RuleError

DRAFT = """某局主题教育工作方案
一、主要措施
（一）深入调查研究。领导班子成员到基层一线开展调研，确定调研课题，采取“四不两直”方式解剖麻雀，形成调研成果。
（二）抓好整改落实。对查摆出的问题逐项制定整改措施，明确整改时限，确保整改到位。
二、工作要求
把理论学习、调查研究、检视整改贯通起来，举办读书班。各支部召开组织生活会。
"""

ITEMS = [
    {"id": "dy", "title": "调查研究", "source": "三/2",
     "keywords": [["调查研究", "调研"], ["基层", "一线"], ["课题"], ["四不两直", "解剖麻雀"], ["调研成果"]]},
    {"id": "xx", "title": "理论学习", "source": "三/1",
     "keywords": [["理论学习", "学习教育"], ["读原著", "学原文"], ["读书班"], ["中心组"]]},
    {"id": "zg", "title": "检视整改", "source": "三/4",
     "keywords": [["整改检视"], ["整改落实", "整改措施", "整改时限"], ["查摆"]]},
    {"id": "jz", "title": "建章立制", "source": "三/5", "keywords": [["建章立制", "长效机制"], ["当下改", "长久立"]]},
    {"id": "shh", "title": "组织生活会", "source": "三/4", "scope": "statement", "match": "any",
     "keywords": [["组织生活会", "民主生活会"]]},
]


@pytest.fixture(scope="module")
def result() -> CheckResult:
    return check(textkit.parse_text(DRAFT, source="draft.txt"), checklist_from_dict({"items": ITEMS}))


def test_a_dedicated_section_covers(result: CheckResult) -> None:
    r = result.get("dy")
    assert (r.status, r.coverage) == ("covered", "section")
    assert r.evidence[0].section == "一/（一）" and r.evidence[0].dedicated


def test_a_passing_mention_is_partial_at_most(result: CheckResult) -> None:
    r = result.get("xx")
    assert (r.status, r.coverage) == ("partial", "mention")
    assert r.evidence[0].text == "把理论学习、调查研究、检视整改贯通起来，举办读书班。"
    assert r.evidence[0].section == "二"


def test_word_order_is_tolerated(result: CheckResult) -> None:
    r = result.get("zg")
    assert "整改检视" in r.found  # the draft writes 检视整改 (one jieba word) in 二
    assert r.status == "covered" and r.evidence[0].section == "一/（二）"


def test_nothing_found_is_missing_with_the_closest_evidence(result: CheckResult) -> None:
    r = result.get("jz")
    assert (r.status, r.coverage) == ("missing", "none")
    assert r.not_found == ("建章立制|长效机制", "当下改|长久立")
    assert len(r.evidence) == 1  # the closest unit, so a reader can see why


def test_statement_scope_is_covered_by_a_sentence(result: CheckResult) -> None:
    r = result.get("shh")
    assert r.status == "covered" and r.coverage == "mention"
    assert r.evidence[0].text == "各支部召开组织生活会。"


def test_evidence_spans_index_the_text(result: CheckResult) -> None:
    for r in result.items:
        for e in r.evidence:
            assert DRAFT[e.start:e.end] == e.text


def test_counts_and_frames(result: CheckResult) -> None:
    assert result.counts() == {"covered": 3, "partial": 1, "missing": 1}
    frames = result.frames()
    items = frames["items"].set_index("id")
    assert items.loc["dy", "status"] == "covered" and items.loc["jz", "status"] == "missing"
    ev = frames["evidence"]
    assert set(ev["id"]) == {"dy", "xx", "zg", "jz", "shh"}
    row = ev[ev["id"] == "shh"].iloc[0]
    assert DRAFT[row["start"]:row["end"]] == row["text"]


def test_an_embedding_adds_a_semantic_score() -> None:
    """A toy embedding that knows 调研 and 走访 are alike lifts a paraphrase the keywords miss."""
    draft = textkit.parse_text("一、工作安排\n（一）走访群众。领导干部走访企业和社区。\n")
    cl = checklist_from_dict({"items": [{"id": "dy", "title": "调研", "source": "三/2", "scope": "statement",
                                         "keywords": [["调查研究"]]}]})

    def embed(texts: Sequence[str]) -> list[list[float]]:
        return [[1.0 if ("调" in t or "走访" in t) else 0.0, 1.0] for t in texts]

    plain = check(textkit.parse_text("一、工作安排\n（一）走访群众。领导干部走访企业和社区。\n"), cl).items[0]
    lifted = check(draft, cl, embed=embed).items[0]
    assert lifted.score > plain.score
    assert lifted.evidence[0].embedding is not None


def test_embed_must_return_one_vector_per_text() -> None:
    cl = checklist_from_dict({"items": [{"id": "a", "title": "调研", "source": "x", "keywords": ["调研"]}]})
    with pytest.raises(OptionError, match="one vector per text"):
        check(textkit.parse_text("开展调研。\n"), cl, embed=lambda texts: [[1.0]])


def test_thresholds_ship_as_data_and_layer(tmp_path: Path) -> None:
    th = load_thresholds()
    assert 0 < th.partial < th.covered < 1
    user = tmp_path / "strict.toml"
    user.write_text('[[param]]\nid = "threshold.covered"\nvalue = 0.95\n', encoding="utf-8")
    strict = load_thresholds(extra=[user])
    assert strict.covered == 0.95 and strict.partial == th.partial
    bad = tmp_path / "bad.toml"
    bad.write_text('[[param]]\nid = "threshold.everything"\nvalue = 1\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"threshold\.everything"):
        load_thresholds(extra=[bad])
    with pytest.raises(OptionError):
        Thresholds(covered=0.2, partial=0.5, w_keywords=1, w_tfidf=1, w_embedding=0)


def test_a_plan_without_sections_can_still_be_checked() -> None:
    cl = checklist_from_dict({"items": [{"id": "a", "title": "调研", "source": "x", "scope": "section",
                                         "keywords": [["调查研究"], ["基层"]]}]})
    r = check(textkit.parse_text("要深入基层开展调查研究。\n"), cl).items[0]
    assert r.status == "partial"  # no section of its own: a sentence is a mention
