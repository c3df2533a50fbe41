"""Both seed plans checked against the shipped 主题教育 checklist, by meaning: verdicts and evidence reviewed by reading.

Seed 000 (a Hubei bureau, 第二批) has its own sections for 理论学习/调查研究/推动高质量发展/检视整改 (三/（一）–（四）)
and 组织领导 (四/（一）–（四）); 建章立制 is only a sentence inside 三/（四） (“抓好建章立制，巩固整改成效”), and it
never mentions a 专题民主生活会 or 组织生活会. Seed 001 (a city bureau) has 学习教育/调查研究/检视问题/整改落实 as
二/（一）–（四）, the 专题民主生活会 as its own measure 二/（四）/3, but no measure for 推动发展 (only phrases in
一: 推动高质量发展, 急难愁盼, 履职尽责) and 建章立制 only as 三是… of 二/（四）/2 (“用制度形式运用好、坚持好”).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import textkit
from textkit.comparison.checklist import Checklist, load_checklist
from textkit.comparison.coverage import CheckResult, check

CHECKLIST = Path(__file__).resolve().parents[2] / "corpora" / "checklists" / "zhuti-jiaoyu-2023.toml"

# What a reader finds, and where: a piece of the evidence (at most three, best first) lies in (or under) this section.
WHERE_000 = {
    "zong-yaoqiu": "一",  # 一、指导思想 restates the 总要求
    "genben-renwu": "二",
    "mubiao-renwu": "二/（一）",
    "lilun-xuexi": "三/（一）",
    "diaocha-yanjiu": "三/（二）",
    "tuidong-fazhan": "三/（三）",
    "jianshi-zhenggai": "三/（四）",
    "zuzhi-lingdao.jigou": "四/（一）",
    "zuzhi-lingdao.dudao": "四/（二）",
    "zuzhi-lingdao.tongchou": "四/（三）",
    "zuzhi-lingdao.xuanchuan": "四/（四）",
    "xingshi-zhuyi": "四/（四）",
}
WHERE_001 = {
    "zong-yaoqiu": "一",
    "genben-renwu": "一",
    "mubiao-renwu": "一",
    "lilun-xuexi": "二/（一）",
    "diaocha-yanjiu": "二/（二）",
    "minzhu-shenghuohui": "二/（四）/3",
    "jianzhang-lizhi": "二/（四）/2",
    "zuzhi-lingdao.jigou": "三/（一）",
    "zuzhi-lingdao.dudao": "三/（二）",
    "zuzhi-lingdao.pinggu": "三/（二）",
    "zuzhi-lingdao.tongchou": "三/（四）",
    "xingshi-zhuyi": "三/（三）",
}


@pytest.fixture(scope="module")
def checklist() -> Checklist:
    return load_checklist(CHECKLIST)


@pytest.fixture(scope="module")
def result_000(seed000_path: Path, checklist: Checklist) -> CheckResult:
    return check(textkit.parse(seed000_path), checklist)


@pytest.fixture(scope="module")
def result_001(seed001_path: Path, checklist: Checklist) -> CheckResult:
    return check(textkit.parse(seed001_path), checklist)


def _under(section: str, expected: str) -> bool:
    return section == expected or section.startswith(expected + "/")


@pytest.mark.parametrize("item_id,section", sorted(WHERE_000.items()))
def test_seed000_evidence_section(result_000: CheckResult, item_id: str, section: str) -> None:
    r = result_000.get(item_id)
    assert r.status == "covered" and any(_under(e.section, section) for e in r.evidence)


@pytest.mark.parametrize("item_id,section", sorted(WHERE_001.items()))
def test_seed001_evidence_section(result_001: CheckResult, item_id: str, section: str) -> None:
    r = result_001.get(item_id)
    assert r.status == "covered" and any(_under(e.section, section) for e in r.evidence)


def test_seed001_minzhu_shenghuohui_has_a_measure_of_its_own(result_001: CheckResult) -> None:
    r = result_001.get("minzhu-shenghuohui")
    ev = r.evidence[0]
    assert r.status == "covered" and r.coverage == "section" and ev.dedicated
    assert ev.heading == "召开专题民主生活会（组织生活会）"
    assert "专题民主生活会" in r.found


def test_seed000_has_no_minzhu_shenghuohui(result_000: CheckResult, seed000_text: str) -> None:
    # The plan never says 生活会: the task is missing, and the explanation says which concepts are absent.
    assert "生活会" not in seed000_text
    r = result_000.get("minzhu-shenghuohui")
    assert r.status == "missing" and r.coverage == "none"
    assert not any(h.credit == 1.0 for h in r.concepts if "生活会" in h.label)
    assert r.confidence > 0.5


def test_groups_take_their_verdict_from_their_tasks(result_000: CheckResult, result_001: CheckResult) -> None:
    for result in (result_000, result_001):
        group = result.get("zuzhi-lingdao")
        kids = [r for r in result.items if r.parent == "zuzhi-lingdao"]
        assert len(kids) == 5
        expected = "covered" if all(k.status == "covered" for k in kids) else "partial"
        assert group.status == expected


@pytest.mark.parametrize("fixture", ["result_000", "result_001"])
def test_seed_evidence_and_concept_spans_index_the_draft(fixture: str, request: pytest.FixtureRequest) -> None:
    result: CheckResult = request.getfixturevalue(fixture)
    text = result.plan.document.text
    for r in result.items:
        for e in r.evidence:
            assert text[e.start:e.end] == e.text
            assert e.unit_start <= e.start < e.end <= e.unit_end
        for h in r.concepts:
            if h.start >= 0:
                assert text[h.start:h.end] == h.text and h.found


def test_every_verdict_is_explained(result_000: CheckResult) -> None:
    for r in result_000.items:
        assert 0.0 <= r.confidence <= 1.0
        if not r.item.children:
            assert r.concepts and dict(r.features).keys() >= {"glob", "best_window", "top3_union"}
            assert set(r.found) | set(r.not_found) == {h.label for h in r.concepts}
