"""Text rules on short real-style sentences: what each flags and, as important, what it lets pass."""

from __future__ import annotations

import pytest

from textkit.lint import lint
from textkit.pipeline import parse_text


def _found(text: str, rule: str) -> list[str]:
    plan = parse_text(text)
    result = lint(plan, rules=[rule])
    for f in result.findings:
        assert f.text == plan.text[f.start:f.end]
    return [f.text for f in result.findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("就开展开展学习贯彻习近平新时代中国特色社会主义思想主题教育作出安排。", ["开展开展"]),
        ("全面加强加强党的建设。", ["加强加强"]),
        ("把主题教育主题教育抓紧抓实。", ["主题教育主题教育"]),
        ("做好我们的的工作。", ["的的"]),
        # legitimate reduplication
        ("推动形成清清爽爽的同志关系、规规矩矩的上下级关系。", []),
        ("确保一件一件整改到位，一条一条列出问题。", []),
        ("认认真真读原著，原原本本学、反反复复学。", []),
        ("坚决防止层层加码，做到人人参与、天天坚持。", []),
        ("这个问题要研究研究再定。", []),
        ("实事求是是我们党的思想路线。", []),
        ("开展，开展什么，要先想清楚。", []),
        # at the very end of the text
        ("要开展开展", ["开展开展"]),
    ],
)
def test_text_doubled_word(text: str, expected: list[str]) -> None:
    assert _found(text, "text.doubled-word") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("以严考核推动主题教育质效提升。。", ["。。"]),
        ("加强组织领导，，压实责任。", ["，，"]),
        ("统筹推进，。确保实效。", ["，。"]),
        ("要防止“低级红”……“高级黑”——这是底线。", []),
    ],
)
def test_text_doubled_punct(text: str, expected: list[str]) -> None:
    assert _found(text, "text.doubled-punct") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("学习《习近平著作选读》《习近平新时代中国特色社会主义思想专题摘编》等。", []),
        ("学习《习近平著作选读等。\n要强化督导。\n要加强宣传。\n要严肃作风。\n", ["《"]),
        ("聚焦“学思想、强党性总要求。\n要强化督导。\n要加强宣传。\n要严肃作风。\n", ["“"]),
        ("成立领导小组（组长由局长担任。", ["（"]),
        ("成立领导小组组长由局长担任）。", ["）"]),
        # a quote broken by a line break (PDF) still pairs up
        ("印发《国家职业教育改革\n实施方案》的通知", []),
        # enumerators closed by a bracket are markers, not brackets
        ("包括：1）学习教育；2）调查研究；a)检视整改。", []),
        ("关于（2021—2023年）的安排", []),
    ],
)
def test_text_unbalanced(text: str, expected: list[str]) -> None:
    assert _found(text, "text.unbalanced") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("认真对照党中央重大决策部署,对照习近平总书记重要讲话精神。", [","]),
        ("道路疏散负责人:沈雪婷、盛婷婷", [":"]),
        ("推动新一代神威E级(百亿亿次级)原型机系统建设。", ["(百亿亿次级)"]),
        ('争创"名师名科名校"激励办法。', ['"名师名科名校"']),
        ("演练时间为晚上17:50，地点在学校篮球场。", []),
        ("登录www.gov.cn查询，采用GB/T 9704-2012格式。", []),
        ("收入达到4000亿元，电子信息制造业收入达到1500亿元。", []),
    ],
)
def test_text_half_width_punct(text: str, expected: list[str]) -> None:
    assert _found(text, "text.half-width-punct") == expected


def test_text_half_width_punct_suggests_full_width() -> None:
    plan = parse_text("推动新一代神威E级(百亿亿次级)原型机系统建设。")
    (f,) = lint(plan, rules=["text.half-width-punct"]).findings
    assert f.expected == "（百亿亿次级）"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("责任单位： 办公室\n", [" "]),
        ("整改“三张清单”。 9月28日前，要集中梳理出一批突出问题。", [" "]),
        ("继续参加 “绍兴市统考”和“市属教师基本功比武”。", [" "]),
        # a name list, a spaced-out title, a table row and indentation pass
        ("组　长：王清宪 省长\n副组长：何树山 副省长\n", []),
        ("通 知\n", []),
        ("1—2\t优化扁平化管理体系\t党政办 总务处\n", []),
        ("  坚持问题导向，深入调查研究。", []),
        ("第一条  为充分发挥按劳分配的激励功能，制定本办法。\n", []),
    ],
)
def test_text_stray_space(text: str, expected: list[str]) -> None:
    assert _found(text, "text.stray-space") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("结合**工作实际，局长***同志任组长。", ["**", "***"]),
        ("经研究，决定由XX同志负责，于X月X日前报送。", ["XX", "X", "X"]),
        ("报送××局，联系人＿＿＿＿。", ["××", "＿＿＿＿"]),
        ("会议地点【待定】。", ["【待定】"]),
        ("二○○八年起实施，XXL码服装，3×5米展板，会议时间待定。", []),
    ],
)
def test_text_placeholder(text: str, expected: list[str]) -> None:
    assert _found(text, "text.placeholder") == expected
