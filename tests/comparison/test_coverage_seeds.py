"""Both seed plans checked against the shipped 主题教育 checklist: every verdict, reviewed by reading the seeds.

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

SEED_000 = {
    "zong-yaoqiu": "covered",
    "genben-renwu": "covered",
    "mubiao-renwu": "covered",
    "lilun-xuexi": "covered",
    "diaocha-yanjiu": "covered",
    "tuidong-fazhan": "covered",
    "jianshi-zhenggai": "covered",
    "jianzhang-lizhi": "partial",
    "minzhu-shenghuohui": "missing",
    "zuzhi-lingdao": "covered",
    "zuzhi-lingdao.jigou": "covered",
    "zuzhi-lingdao.tongchou": "covered",
    "zuzhi-lingdao.pinggu": "covered",
    "zuzhi-lingdao.dudao": "covered",
    "zuzhi-lingdao.xuanchuan": "covered",
    "xingshi-zhuyi": "covered",
}

SEED_001 = {
    "zong-yaoqiu": "covered",
    "genben-renwu": "covered",
    "mubiao-renwu": "covered",
    "lilun-xuexi": "covered",
    "diaocha-yanjiu": "covered",
    "tuidong-fazhan": "partial",
    "jianshi-zhenggai": "covered",
    "jianzhang-lizhi": "partial",
    "minzhu-shenghuohui": "covered",
    "zuzhi-lingdao": "covered",
    "zuzhi-lingdao.jigou": "covered",
    "zuzhi-lingdao.tongchou": "covered",
    "zuzhi-lingdao.pinggu": "covered",
    "zuzhi-lingdao.dudao": "covered",
    "zuzhi-lingdao.xuanchuan": "covered",
    "xingshi-zhuyi": "covered",
}

# Where the evidence must point (section path of the first piece of evidence).
WHERE_000 = {
    "zong-yaoqiu": "二",
    "genben-renwu": "二",
    "mubiao-renwu": "二/（一）",
    "lilun-xuexi": "三/（一）",
    "diaocha-yanjiu": "三/（二）",
    "tuidong-fazhan": "三/（三）",
    "jianshi-zhenggai": "三/（四）",
    "jianzhang-lizhi": "三/（四）",
    "zuzhi-lingdao": "四",
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
    "zuzhi-lingdao": "三",
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


def test_seed000_every_verdict(result_000: CheckResult) -> None:
    assert {r.item.id: r.status for r in result_000.items} == SEED_000


def test_seed001_every_verdict(result_001: CheckResult) -> None:
    assert {r.item.id: r.status for r in result_001.items} == SEED_001


@pytest.mark.parametrize("item_id,section", sorted(WHERE_000.items()))
def test_seed000_evidence_section(result_000: CheckResult, item_id: str, section: str) -> None:
    assert result_000.get(item_id).evidence[0].section == section


@pytest.mark.parametrize("item_id,section", sorted(WHERE_001.items()))
def test_seed001_evidence_section(result_001: CheckResult, item_id: str, section: str) -> None:
    assert result_001.get(item_id).evidence[0].section == section


def test_seed001_minzhu_shenghuohui_is_a_dedicated_measure(result_001: CheckResult) -> None:
    r = result_001.get("minzhu-shenghuohui")
    ev = r.evidence[0]
    assert r.coverage == "section" and ev.dedicated
    assert ev.heading == "召开专题民主生活会（组织生活会）"
    assert "批评和自我批评" in ev.text


def test_seed000_has_no_minzhu_shenghuohui(result_000: CheckResult, seed000_text: str) -> None:
    assert "生活会" not in seed000_text
    r = result_000.get("minzhu-shenghuohui")
    assert r.coverage == "none"
    assert r.score < result_000.thresholds.partial


def test_jianzhang_lizhi_is_a_passing_mention_in_both(result_000: CheckResult, result_001: CheckResult) -> None:
    r0, r1 = result_000.get("jianzhang-lizhi"), result_001.get("jianzhang-lizhi")
    assert r0.coverage == r1.coverage == "mention"
    assert "建章立制" in r0.evidence[0].text
    assert "用制度形式" in r1.evidence[0].text


def test_seed001_jianshi_zhenggai_found_in_both_sections(result_001: CheckResult) -> None:
    sections = {e.section for e in result_001.get("jianshi-zhenggai").evidence}
    assert {"二/（三）", "二/（四）"} <= sections


def test_seed001_tuidong_fazhan_has_no_section_of_its_own(result_001: CheckResult) -> None:
    r = result_001.get("tuidong-fazhan")
    assert r.coverage == "mention"
    assert all(not e.dedicated for e in r.evidence)


@pytest.mark.parametrize("fixture", ["result_000", "result_001"])
def test_seed_evidence_spans_index_the_draft(fixture: str, request: pytest.FixtureRequest) -> None:
    result: CheckResult = request.getfixturevalue(fixture)
    text = result.plan.document.text
    for r in result.items:
        assert r.evidence, r.item.id
        for e in r.evidence:
            assert text[e.start:e.end] == e.text
            assert e.unit_start <= e.start < e.end <= max(e.unit_end, e.end)
