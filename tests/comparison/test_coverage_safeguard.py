"""A task of the directive's safeguard part (保障措施, 组织领导) is carried out at the plan's level by the plan's
own safeguard part: said there in part, it is covered (`textkit.comparison.coverage.decide`)."""

from __future__ import annotations

from pathlib import Path

import pytest

import textkit
from textkit.comparison.concepts import load_lexicon
from textkit.comparison.coverage import SAFEGUARD_TITLE_SHARE, CoverageEngine, decide, load_model
from textkit.comparison.itemise import derive_checklist
from textkit.errors import RuleError
from textkit.output.check_report import check_to_dict, explanation
from textkit.output.frames import check_frames

DIRECTIVE = """关于开展调查研究和整改落实工作的实施意见
一、主要任务
（一）开展调查研究。领导干部深入基层、深入群众开展调查研究，摸清实情，形成高质量调研报告。
（二）抓好整改落实。对调研和检视查摆出的问题逐项制定整改措施，建立整改台账，明确时限和责任人。
二、组织领导
（一）加强组织领导。各级党委（党组）要高度重视，成立工作领导小组，主要负责同志亲自抓、负总责，落实一岗双责。
（二）加强宣传引导。充分运用报刊、广播电视和新媒体平台，宣传先进典型，营造良好舆论氛围。
"""

PLAN = """市教育局调查研究和整改落实工作方案
一、工作措施
（一）深入基层调研。局班子成员到联系学校开展调研，摸清实情，形成调研报告。
（二）认真整改。对查摆出的问题逐项整改，建立台账，限期办结。
{heading}
（一）成立局工作领导小组，由党组书记任组长，各科室主要负责同志为成员，统筹推进各项工作。
（二）用好局门户网站和微信公众号，及时报道工作进展，宣传典型经验。
"""


@pytest.fixture(scope="module")
def engine() -> CoverageEngine:
    return CoverageEngine(derive_checklist(textkit.parse_text(DIRECTIVE)))


def _task(engine: CoverageEngine, title: str) -> str:
    return next(t.item.id for t in engine.tasks if t.item.title.startswith(title))


def test_the_directives_safeguard_part_is_known(engine: CoverageEngine) -> None:
    guarded = {t.item.title for t in engine.tasks if t.safeguard}
    assert guarded == {"加强组织领导", "加强宣传引导"}


def test_said_in_the_plans_safeguard_part_it_is_covered(engine: CoverageEngine) -> None:
    result = engine.check(textkit.parse_text(PLAN.format(heading="二、保障措施")))
    # the bureau's website and WeChat account carry out 加强宣传引导 at its level: the model alone says partial
    news = result.get(_task(engine, "加强宣传引导"))
    assert load_model().verdict(dict(news.features))[0] == "partial"
    assert news.safeguard == "保障措施"
    assert news.status == "covered"
    assert "保障措施 safeguard part: 保障措施" in explanation(news)
    row = next(i for i in check_to_dict(result)["items"] if i["title"] == "加强宣传引导")
    assert row["safeguard"] == "保障措施"
    frame = check_frames(result)["items"].set_index("title")
    assert frame.loc["加强宣传引导", "safeguard"] == "保障措施"
    assert frame.loc["开展调查研究", "safeguard"] == ""
    # a task outside the safeguard part is judged by the model alone
    assert result.get(_task(engine, "开展调查研究")).safeguard == ""


def test_the_same_words_elsewhere_are_the_models_verdict(engine: CoverageEngine) -> None:
    # the same two paragraphs under a heading that names no safeguard part
    result = engine.check(textkit.parse_text(PLAN.format(heading="二、其他事项")))
    model = load_model()
    for title in ("加强组织领导", "加强宣传引导"):
        r = result.get(_task(engine, title))
        assert r.safeguard == ""
        assert r.status == model.verdict(dict(r.features))[0]
    assert result.get(_task(engine, "加强宣传引导")).status == "partial"


def test_decide_only_lifts_a_partial_verdict() -> None:
    model = load_model()
    values = {f: 0.0 for f in model.features}
    assert decide(model, values, safeguard=True) == model.verdict(values)  # nothing said: stays missing
    assert model.verdict(values)[0] == "missing"
    # a level of evidence, said evenly in every feature, that the model calls partial whether the plan names
    # the task (half its title's weight said) or not (a tenth)
    def level(i: int, title: float) -> dict[str, float]:
        return {**{f: i / 100 for f in model.features}, "title_glob": title}

    i = next(i for i in range(101) if model.verdict(level(i, 0.5))[0] == model.verdict(level(i, 0.1))[0] == "partial")
    named, unnamed = level(i, 0.5), level(i, 0.1)
    lifted, confidence = decide(model, named, safeguard=True)
    assert lifted == "covered"
    assert confidence == pytest.approx(model.probabilities(named)[0])
    assert decide(model, named, safeguard=False) == model.verdict(named)
    # a plan that does not name the task is not credited by its safeguard part
    assert unnamed["title_glob"] < SAFEGUARD_TITLE_SHARE <= named["title_glob"]
    assert decide(model, unnamed, safeguard=True) == model.verdict(unnamed)


def test_safeguard_words_are_data(tmp_path: Path) -> None:
    assert load_lexicon().is_safeguard("四、保障措施")
    assert not load_lexicon().is_safeguard("三、加强社会保障")  # 保障 alone names a task, not the part
    user = tmp_path / "concepts.toml"
    user.write_text('[[safeguard]]\nid = "extra"\nwords = ["其他事项"]\n', encoding="utf-8")
    assert load_lexicon(extra=[user]).is_safeguard("二、其他事项")
    # a phrase that holds a safeguard word and names a task is excluded, as data
    assert load_lexicon().is_safeguard("二、加强组织领导")
    assert not load_lexicon().is_safeguard("（三）深化党组织领导的校长负责制改革")
    odd = tmp_path / "odd.toml"
    odd.write_text('[[safeguard]]\nid = "safeguard-part"\nwords = ["组织领导"]\nexclude = ["加强组织领导"]\n',
                   encoding="utf-8")
    assert not load_lexicon(extra=[odd]).is_safeguard("二、加强组织领导")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[safeguard]]\nid = "x"\nwords = "保障措施"\n', encoding="utf-8")
    with pytest.raises(RuleError):
        load_lexicon(extra=[bad])
