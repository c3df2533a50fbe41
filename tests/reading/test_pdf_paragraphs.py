"""PDF line joining on layouts nobody tuned for: a marker after a closed clause at the right margin, characters
carried over with a punctuation mark (ragged right), a wrap before a number, a table cut after its header row."""

from __future__ import annotations

from types import ModuleType

from textkit.model import Document
from textkit.pipeline import parse
from textkit.reading import DEFAULT_LIMITS
from textkit.reading.pdf import read_pdf_bytes


def _read(data: bytes) -> Document:
    return read_pdf_bytes(data, source="t.pdf", limits=DEFAULT_LIMITS)


def _paragraphs(doc: Document) -> list[str]:
    return doc.text.split("\n")[:-1]


# extra/p004: items set flush left, body paragraphs indented; item 2 ends with its parenthetical of units
P004 = [
    ("（四）深化数据融合应用。", 0, -1),
    ("1.促进工业数据共享开放。鼓励企业搭建数据共享平台，推进内部信息系", 0, 0),
    ("统和数据资源整合。（省工业和信息化厅负责）", 0, -1),
    ("2.激发工业数据市场活力。支持建设省级工业大数据交易平台，探索推行", 0, 0),
    ("数据（产品）登记制度。（省大数据局、省工业和信息化厅分工负责）", 0, 0),
    ("（五）提升数据治理能力。", 0, -1),
    ("各地要落实国家《工业数据分类分级指南》，开展分类分级管理。", 2, -1),
]


def test_pdf_paragraphs_marker_after_a_closing_bracket_at_the_margin_starts_an_item(build: ModuleType) -> None:
    doc = _read(build.pdf_from_lines([P004]))
    assert _paragraphs(doc) == [
        "（四）深化数据融合应用。",
        "1.促进工业数据共享开放。鼓励企业搭建数据共享平台，推进内部信息系统和数据资源整合。（省工业和信息化厅负责）",
        "2.激发工业数据市场活力。支持建设省级工业大数据交易平台，探索推行数据（产品）登记制度。"
        "（省大数据局、省工业和信息化厅分工负责）",
        "（五）提升数据治理能力。",
        "各地要落实国家《工业数据分类分级指南》，开展分类分级管理。",
    ]
    plan = parse(doc)
    assert [(s.marker, s.title) for s in plan.sections()][-1] == ("（五）", "提升数据治理能力")


def test_pdf_paragraphs_wrap_before_a_number_mid_clause_continues(build: ModuleType) -> None:
    """raw/037, no first-line indents: a line that runs to the margin on 、 is followed by room numbers, not
    by an item ``03、``; the line that closes with 。 still ends its paragraph before the next item."""
    lines = [
        ("所有一楼的学生出寝室后必须迅速找到就近的出口逃生，原则上寝室号是01、02、", 0, 0),
        ("03、04、05、06、07和24、23、22、21、20、19的寝室学生向西疏散。", 0, -1),
        ("4.发现寝室起火，警报声发出，总务部门切断电源，并检查应急灯是否正常点亮。", 0, 0),
        ("5.林萍华老师拨打119。", 0, -1),
    ]
    assert _paragraphs(_read(build.pdf_from_lines([lines]))) == [
        "所有一楼的学生出寝室后必须迅速找到就近的出口逃生，原则上寝室号是01、02、03、04、05、06、07和24、23、22、"
        "21、20、19的寝室学生向西疏散。",
        "4.发现寝室起火，警报声发出，总务部门切断电源，并检查应急灯是否正常点亮。",
        "5.林萍华老师拨打119。",
    ]


# raw/045 and raw/032, ragged right: the layout carried 导， (and 验。) over, leaving the line short
CARRIED = [
    ("2.学科竞赛辅导补贴针对六大奥赛（数、理、化、生、信、天文）平时的上课辅", 0, 1.8),
    ("导，补贴标准为每课时25元（备课数也计作课时），教学处按实计发。", 0, -1),
    ("4、在《绍兴一中报》和其他各级媒体宣传、报道培养对象的优秀成果和事迹经", 0, 1.8),
    ("验。", 0, -1),
    ("全校教职工要按照分工抓好落实，确保各项工作按期完成，对工作中遇到", 2, 0),
    ("的问题要及时报告。", 0, -1),
]


def test_pdf_paragraphs_characters_carried_with_a_mark_continue(build: ModuleType) -> None:
    assert _paragraphs(_read(build.pdf_from_lines([CARRIED]))) == [
        "2.学科竞赛辅导补贴针对六大奥赛（数、理、化、生、信、天文）平时的上课辅导，补贴标准为每课时25元"
        "（备课数也计作课时），教学处按实计发。",
        "4、在《绍兴一中报》和其他各级媒体宣传、报道培养对象的优秀成果和事迹经验。",
        "全校教职工要按照分工抓好落实，确保各项工作按期完成，对工作中遇到的问题要及时报告。",
    ]


def test_pdf_paragraphs_a_line_short_by_more_than_the_carried_characters_ends(build: ModuleType) -> None:
    """Three characters short is more than one carried character and its slack; a marker is never carried."""
    lines = [
        ("全校教职工要按照分工抓好落实，确保各项工作按期完成，对工作中遇到", 2, 0),
        ("的问题要及时报告。", 0, -1),
        ("4、在《绍兴一中报》和其他各级媒体宣传、报道培养对象的优秀成果和", 0, 3.2),
        ("验。", 0, -1),
        ("（一）加强组织领导，明确工作责任，各单位主要负责同志亲自抓", 0, 1.8),
        ("（二）严格督查考核。", 0, -1),
    ]
    assert _paragraphs(_read(build.pdf_from_lines([lines]))) == [
        "全校教职工要按照分工抓好落实，确保各项工作按期完成，对工作中遇到的问题要及时报告。",
        "4、在《绍兴一中报》和其他各级媒体宣传、报道培养对象的优秀成果和",
        "验。",
        "（一）加强组织领导，明确工作责任，各单位主要负责同志亲自抓",
        "（二）严格督查考核。",
    ]


def test_pdf_paragraphs_carried_over_a_page_break_keeps_its_pages(build: ModuleType) -> None:
    page1 = [("一、总体要求", 2, -1),
             ("全校教职工要按照分工抓好落实，确保各项工作按期完成，对工作中遇到", 2, 0),
             ("的问题要及时报告。", 0, -1),
             ("4、在《绍兴一中报》和其他各级媒体宣传、报道培养对象的优秀成果和事迹经", 0, 1.8)]
    page2 = [("验。", 0, -1), ("二、保障措施", 2, -1)]
    doc = _read(build.pdf_from_lines([page1, page2]))
    paras = _paragraphs(doc)
    assert paras[1] == "全校教职工要按照分工抓好落实，确保各项工作按期完成，对工作中遇到的问题要及时报告。"
    assert paras[2] == "4、在《绍兴一中报》和其他各级媒体宣传、报道培养对象的优秀成果和事迹经验。"
    assert paras[3] == "二、保障措施"
    at = doc.text.index("验。")
    assert doc.page_of(at - 1) == 1 and doc.page_of(at) == 2
    assert doc.page_of(doc.text.index("二、保障措施")) == 2


def test_pdf_paragraphs_table_cut_after_its_header_row_stays_one_table(build: ModuleType) -> None:
    """The header row alone at the foot of page 1 spans a cell over two grid columns; the rows on page 2
    fill the five-column grid. Same frame: one table, and its 责任单位 column gives each row its owner."""
    doc = _read(build.split_header_table_pdf())
    assert _paragraphs(doc) == [
        "附件：重点任务清单",
        "序号\t工作任务\t责任单位\t完成时限",
        "1\t制定学习计划\t机关党委\t2023年9月底前\t是",
        "2\t开展专题调研\t办公室\t2023年10月\t否",
        "3\t召开专题民主生活会\t机关党委\t2023年11月底前\t是",
    ]
    assert {c.table for c in doc.tables} == {0}
    assert sorted({c.row for c in doc.tables}) == [0, 1, 2, 3]
    plan = parse(doc)
    owners = [(doc.page_of(u.start), doc.text[u.start:u.end]) for u in plan.units]
    assert owners == [(2, "机关党委"), (2, "办公室"), (2, "机关党委")]


def test_pdf_paragraphs_no_sentence_end_inside_an_open_bracket(build: ModuleType) -> None:
    """extra/p040 without first-line indents: ``（负责部门：`` at the margin leaves its bracket open, so the
    colon does not end the paragraph; a full line that closes with 。 outside brackets still does."""
    lines = [
        ("（二十八）在自贸试验区试点实施进口非特殊用途化妆品备案管理。（负责部门：", 0, 0),
        ("药监局）", 0, -1),
        ("（二十九）支持平潭口岸建设进境种苗、水果、食用水生动物等监管作业场所。", 0, 0),
        ("各自贸试验区要抓好落实。", 0, -1),
    ]
    assert _paragraphs(_read(build.pdf_from_lines([lines]))) == [
        "（二十八）在自贸试验区试点实施进口非特殊用途化妆品备案管理。（负责部门：药监局）",
        "（二十九）支持平潭口岸建设进境种苗、水果、食用水生动物等监管作业场所。",
        "各自贸试验区要抓好落实。",
    ]


# extra/p026, annex 1: a small table that a Word user lays out with tab stops (printed without ruling)
P026 = (
    "附件1：\n"
    "考核组别、组内人数、负责人、推优名额分配\n"
    "组别\t人数\t推优人数\t说明\t负责人\n"
    "校长室、党政办、财务\t15\t3\t分组名单见下表\t刘明玉\n"
    "教学教科信息处\t15\t3\t分组名单见下表\t冯王亮\n"
    "体育\t8\t2\t\t吴丽娟\n"
    "具体交流时间、地点由各组负责人自定。\n"
)


def test_pdf_paragraphs_tab_laid_rows_become_table_rows(build: ModuleType) -> None:
    built = build.pdf_from_text(P026, header=None, footer=False, tables="tabs")
    doc = _read(built.data)
    assert doc.text == P026
    cells = {(c.row, c.col): doc.text[c.start:c.end] for c in doc.tables}
    assert {c.table for c in doc.tables} == {0}
    assert cells[(0, 4)] == "负责人" and cells[(1, 0)] == "校长室、党政办、财务" and cells[(3, 4)] == "吴丽娟"
    assert cells[(3, 3)] == ""  # the blank 说明 of 体育 keeps its column
    assert all(doc.page_of(c.start) == 1 for c in doc.tables)


def test_pdf_paragraphs_one_line_with_wide_gaps_is_not_a_table(build: ModuleType) -> None:
    """A single line set out in pieces (a contact line) stays a paragraph, its gaps read as spaces."""
    wide = build.pdf_from_text("一、联系方式\n联系人：张明\t联系电话：88001234\n各单位要按时报送。\n", header=None,
                               footer=False, tables="tabs")
    doc = _read(wide.data)
    assert doc.tables == ()
    assert doc.text.split("\n")[1] == "联系人：张明 联系电话：88001234"


def test_pdf_paragraphs_wrap_mid_phrase_before_a_marker_like_start_continues(build: ModuleType) -> None:
    """raw/042 without first-line indents: 知行合一 wraps after 合, so the next line starts with 一、; the
    line before stops mid-phrase, so 一、学以致用 is text, not a heading."""
    lines = [
        ("（二）学习内容。坚持全面系统、及时跟进，坚持多思多想、学深悟透，坚持知行合", 0, 0),
        ("一、学以致用，坚持联系实际、立足岗位。", 0, -1),
        ("（三）方法步骤。", 0, -1),
    ]
    assert _paragraphs(_read(build.pdf_from_lines([lines]))) == [
        "（二）学习内容。坚持全面系统、及时跟进，坚持多思多想、学深悟透，坚持知行合一、学以致用，坚持联系实际、立足岗位。",
        "（三）方法步骤。",
    ]
