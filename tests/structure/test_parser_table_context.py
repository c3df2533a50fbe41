"""Lines around tables and attachment lists that are not the plan's numbering (issue 12, the extra gold).

Each excerpt is typed from a plan of the corpus's extra set (cells and long lines shortened):
- a table's group rows (p038: 一、知识产权保护方面（共5项） between the rows of the 附件 推广清单);
- the numbered notes under a table (p034 注：1.… 2.…; p026 说明：1.… 2.…);
- a list of attachment names with the attached files' names between the entries (p025);
- a label line and numbered items after the last section, which nest under it (p012's 相关术语：).
"""

from __future__ import annotations

import pytest

from textkit.extraction.units import task_table_rows
from textkit.model import Document, Section
from textkit.structure import parse_structure

# p038 l.20-26, 29-30, 40-42 (the 主要内容 and 推广范围 cells shortened)
P038 = (
    "附件\n"
    "第二批支持创新相关改革举措推广清单\n"
    "序号\t改革举措\t主 要 内 容\t指导部门\t推广范围\n"
    "一、知识产权保护方面（共5项）\n"
    "1\t知识产权民事、刑事、行政案件“三合一”审判\t整合分散的审判资源。\t最高人民法院、最高人民检察院、国家知识产权局\t全国\n"
    "2\t省级行政区内专利等专业技术性较强的知识产权案件跨市（区）审理\t授权市级人民法院跨市（区）管辖。\t"
    "最高人民法院、国家知识产权局\t全国\n"
    "二、科技成果转化激励方面（共4项）\n"
    "6\t以事前产权激励为核心的职务科技成果权属改革\t赋予科研人员一定比例的职务科技成果所有权。\t"
    "科技部、国家发展改革委、财政部\t8个改革试验区域\n"
    "四、军民深度融合方面（共6项）\n"
    "五、管理体制创新方面（共3项）\n"
    "21\t允许地方高校自主开展人才引进和职称评审\t将职称评审和人才引进自主权下放给地方高校。\t"
    "教育部、人力资源社会保障部\t8个改革试验区域\n"
)

# p034 l.41-43, 96-102 (the 指标说明 cells and the notes shortened)
P034 = (
    "附件\n"
    "三级公立医院绩效考核指标\n"
    "一级指标\t二级指标\t三级指标\t指标性质\t指标说明\n"
    "四、满意度评价\t（十三） 患者满意度\t53.门诊患者满意度▲\t定量\t计算方法：门诊患者满意度调查得分。\n"
    "54.住院患者满意度▲\t定量\t计算方法：住院患者满意度调查得分。\n"
    "注：\n"
    "1.三级公立综合医院考核应采用上述全部考核指标。\n"
    "2.标记“▲”的26个指标为国家监测指标。\n"
    "3.考核指标中的手术包括在日间手术室或住院部手术室内、麻醉状态下完成的手术。\n"
)

# p026 l.31-34, 49-53 (the 落款, then 附件1: its table and the 说明 list under it)
P026 = (
    "四、考核结果\n"
    "考核结果作为教职工聘用、奖惩的依据。\n"
    "绍兴市第一中学\n"
    "2022年12月21日\n"
    "附件1：\n"
    "考核组别、组内人数、负责人、推优名额分配\n"
    "组别\t人数\t推优人数\t说明\t负责人\n"
    "艺术\t4\t1\t分组名单见下表\t王海燕\n"
    "总人数\t212\t43\t\n"
    "说明：\n"
    "1.王琛（主要领导）、陈银伟（专职督学）、林萍华（两新组织党建指导员）由市教育局考核；\n"
    "2.局里分配到我校优秀考核人数尚未公布，按照人社规定的“推优比例不超过20%”的标准确定。\n"
)

# p025 l.129-131, 136-145 (the items of 六. shortened)
P025 = (
    "六.其他事宜\n"
    "1.对已竞聘上岗人员可根据学校工作需要综合协调，统筹安排；\n"
    "2．教职工如对岗位竞聘有异议，由学校人事争议仲裁小组处理；\n"
    "绍兴市第一中学\n"
    "2025年7月7日\n"
    "附件：\n"
    "1.绍兴市第一中学教职工竞聘（直聘）申报表\n"
    "202507081445185669.docx\n"
    "2.近三年内退休直聘人员按承诺书\n"
    "202507081517342322.docx\n"
    "3.绍兴市直学校教职工竞聘（直聘）申报表\n"
    "202507081445520062.docx\n"
)

# p012 l.40-41, 47-51 (the sections shortened)
P012 = (
    "四、保障措施\n"
    "（一）坚持顶层设计与产业规划相结合。\n"
    "（七）通过国家“千人计划”，加快领军人才的引进和培养。\n"
    "相关术语：\n"
    "1.传感器\n"
    "能感受规定的被测量，并按照一定规律转换成可用信号的器件或装置。\n"
    "2.仪器仪表\n"
    "是根据各种科学原理对被研究对象的信息进行获取、传输和处理的装置。\n"
)


def _parse(text: str, *, fast: bool = True) -> Section:
    root, _ = parse_structure(Document(text), fast=fast)
    assert "".join(text[leaf.start : leaf.end] for leaf in root.leaves()) == text
    return root


def _heads(root: Section) -> list[tuple[int, str, str]]:
    return [(s.level, s.marker or "", s.title) for s in root.sections()]


def _line_kinds(text: str, root: Section) -> dict[str, str]:
    """Each line's leaf kind (the first leaf that starts on it), by the line's first characters."""
    out: dict[str, str] = {}
    for leaf in root.leaves():
        line_start = text.rfind("\n", 0, leaf.start + 1) + 1 if leaf.start else 0
        if leaf.start == line_start:
            out.setdefault(text[leaf.start : leaf.start + 6], leaf.kind)
    return out


def test_table_group_rows_are_table_rows_not_headings() -> None:
    root = _parse(P038)
    assert _heads(root) == []
    rows = [text for c in root.walk() if c.kind == "table-row" and "（共" in (text := P038[c.start : c.end])]
    assert [r.strip() for r in rows] == ["一、知识产权保护方面（共5项）", "二、科技成果转化激励方面（共4项）",
                                         "四、军民深度融合方面（共6项）", "五、管理体制创新方面（共3项）"]


def test_rows_after_a_group_row_keep_the_table_header() -> None:
    rows = [r for r in task_table_rows(Document(P038)) if not r.header]
    assert len(rows) == 4  # the four task rows; the group rows are no task rows
    guides = [P038[s:e] for r in rows for (s, e), k in zip(r.cells, r.kinds, strict=True) if k == "responsible"]
    assert guides == ["最高人民法院、最高人民检察院、国家知识产权局", "最高人民法院、国家知识产权局",
                      "科技部、国家发展改革委、财政部", "教育部、人力资源社会保障部"]


@pytest.mark.parametrize("text", [
    # the next table has a header of its own: the heading between them is the plan's
    "一、任务分工\n序号\t任务\t责任单位\n1\t开展学习\t机关党委\n二、进度安排\n序号\t时间\t内容\n1\t9月\t动员\n",
    # the numbering starts again after it: another table
    "一、任务分工\n序号\t任务\t责任单位\n1\t开展学习\t机关党委\n二、进度安排\n1\t9月\t动员\n",
    # the first column does not number the rows
    "一、任务分工\n任务\t责任单位\n开展学习\t机关党委\n二、进度安排\n3\t9月\t动员\n",
])
def test_a_heading_between_two_tables_stays_a_heading(text: str) -> None:
    assert [m for _, m, _ in _heads(_parse(text))] == ["一、", "二、"]


def test_a_long_or_sentence_line_between_rows_is_no_group_row() -> None:
    text = "一、任务分工\n序号\t任务\t责任单位\n1\t开展学习\t机关党委\n二、各单位要按时完成任务。\n2\t调查研究\t办公室\n"
    assert [m for _, m, _ in _heads(_parse(text))] == ["一、", "二、"]


def test_numbered_notes_under_a_table_are_not_headings() -> None:
    root = _parse(P034)
    assert _heads(root) == []
    kinds = _line_kinds(P034, root)
    # (an attachment with no heading: its lines are its preamble)
    assert kinds["1.三级公立"] == kinds["3.考核指标"] == kinds["注：\n1.三"] == "preamble"


def test_a_explanation_list_under_a_table_is_not_headings() -> None:
    root = _parse(P026)
    assert _heads(root) == [(1, "四、", "考核结果")]
    assert not [c for c in root.walk() if c.kind == "section" and c.start > P026.index("说明：")]


def test_notes_opened_on_the_note_line_run_on() -> None:
    text = "一、指标\n指标\t属性\n门诊人次\t定量\n注：1.采用全部指标。\n2.标记的指标为监测指标。\n二、组织实施\n"
    assert _heads(_parse(text)) == [(1, "一、", "指标"), (1, "二、", "组织实施")]


@pytest.mark.parametrize("text", [
    # a note of its own text (dev 033 l.48-50): the ② after it goes on the ① list before the table
    "一、岗位设置\n①行政岗位竞聘\n序号\t处室\t人数\n1\t党政办\t2\n注：“+1”指教研组有1位教师符合直聘条件。\n②原则上由中层副职申报。\n",
    # no table before the 注：: numbered lines under a label are the section's items
    "一、岗位设置\n注：\n1.行政岗位竞聘\n2.教师岗位竞聘\n",
])
def test_numbered_lines_after_a_note_that_opens_no_table_notes_stay_headings(text: str) -> None:
    heads = _heads(_parse(text))
    assert heads[0] == (1, "一、", "岗位设置")
    assert len(heads) == 3


def test_attached_file_names_do_not_end_the_list_of_attachments() -> None:
    root = _parse(P025)
    assert [m for _, m, _ in _heads(root)] == ["六.", "1.", "2．"]
    closing = [P025[c.start : c.end].strip() for c in root.children if c.kind == "closing"]
    assert closing == ["附件：", "1.绍兴市第一中学教职工竞聘（直聘）申报表", "202507081445185669.docx",
                       "2.近三年内退休直聘人员按承诺书", "202507081517342322.docx",
                       "3.绍兴市直学校教职工竞聘（直聘）申报表", "202507081445520062.docx"]


def test_items_after_a_label_line_nest_under_the_last_section() -> None:
    # the guide: a level is defined by nesting; a label line closes no section (as dev s001's 主要措施：)
    assert _heads(_parse(P012)) == [(1, "四、", "保障措施"), (2, "（一）", "坚持顶层设计与产业规划相结合"),
                                    (2, "（七）", "通过国家“千人计划”，加快领军人才的引进和培养"),
                                    (3, "1.", "传感器"), (3, "2.", "仪器仪表")]


@pytest.mark.parametrize("text", [P038, P034, P026, P025, P012])
def test_fast_equals_plain_around_tables(text: str) -> None:
    assert _parse(text, fast=True) == _parse(text, fast=False)
