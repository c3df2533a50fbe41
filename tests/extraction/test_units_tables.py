"""Task tables (任务分解表): unit columns of tab-separated rows and of `Document.tables` cells."""

from __future__ import annotations

from textkit.extraction.units import extract_units, split_unit_list, task_table_rows
from textkit.model import Document, Section, TableCell

# A school work plan's task table as its website exports it: merged (row-spanning) cells appear only in
# the first row of their span, so sub-rows have fewer cells; people's names sit beside the units.
TABLE = (
    "附件：2021年重点工作任务清单\n"
    "序号\t项目名称\t子项目名称\t任务落实及措施目标细化\t完成时间\t负责处室/年段\t配合处室\t负责人\t分管领导\n"
    "1\t深化民主办学\t1—1\t完善学校章程\t7月底前\t工 会\t党政办\t刘夏进\t蒋 明\n"
    "1—2\t相关制度完善\t制定或完善相关制度\t6月底前\t党政办 德育处\t教学处团 委 各年段\t刘明玉\t孙洪亮\n"
    "1—3\t年度重点工作\t学校年度重点工作清单\t全年\t教科室\t各处室各年段\t苏卫军\n"
)


def _root(doc: Document) -> Section:
    return Section(kind="document", start=0, end=len(doc.text))


def test_unit_columns_give_roles_and_people_are_skipped() -> None:
    doc = Document(text=TABLE)
    found = extract_units(doc, _root(doc))
    by_line: dict[int, list[tuple[str, str]]] = {}
    for u in found:
        assert doc.text[u.start:u.end] == u.text
        by_line.setdefault(doc.line_of(u.start), []).append((u.text, u.role))
    assert by_line == {
        3: [("工 会", "responsible"), ("党政办", "support")],
        4: [("党政办", "responsible"), ("德育处", "responsible"), ("教学处", "support"), ("团 委", "support"),
            ("各年段", "support")],
        5: [("教科室", "responsible"), ("各处室", "support"), ("各年段", "support")],
    }
    assert {u.label for u in found} == {"负责处室/年段", "配合处室"}


def test_unit_with_inner_space_keeps_its_text_and_canonical_name() -> None:
    doc = Document(text=TABLE)
    union = next(u for u in extract_units(doc, _root(doc)) if u.text == "工 会")
    assert union.name == "工会"


def test_rows_are_aligned_when_merged_cells_are_missing() -> None:
    doc = Document(text=TABLE)
    rows = [r for r in task_table_rows(doc) if not r.header]
    last = rows[-1]  # 7 cells under 9 columns: 项目名称 and 分管领导 are merged away
    kinds = {doc.text[s:e]: k for (s, e), k in zip(last.cells, last.kinds, strict=True)}
    assert kinds["全年"] == "time"
    assert kinds["教科室"] == "responsible"
    assert kinds["苏卫军"] == "person"


def test_tables_without_unit_columns_give_no_units() -> None:
    text = "时间\t内容\t负责人\n17:50\t发出警报\t张帆\n18:00\t疏散\t各寝室长\n"
    doc = Document(text=text)
    assert extract_units(doc, _root(doc)) == ()


def test_document_table_cells_are_used_for_docx_and_pdf() -> None:
    # a reader that keeps cell positions: here each cell is on its own line, so only the positions tell rows
    cells = ["任务", "牵头单位", "配合单位", "建设数据平台", "省大数据局", "省发展改革委、省财政厅"]
    text = "\n".join(cells) + "\n"
    spans = []
    pos = 0
    for c in cells:
        spans.append((pos, pos + len(c)))
        pos += len(c) + 1
    tables = tuple(TableCell(table=0, row=i // 3, col=i % 3, start=s, end=e) for i, (s, e) in enumerate(spans))
    doc = Document(text=text, format="docx", tables=tables)
    found = extract_units(doc, _root(doc))
    assert [(u.text, u.role) for u in found] == [
        ("省大数据局", "lead"), ("省发展改革委", "support"), ("省财政厅", "support"),
    ]


def test_cell_splitting() -> None:
    for cell, names in [
        ("党政办 总务处 信息处", ["党政办", "总务处", "信息处"]),
        ("各处室各年段", ["各处室", "各年段"]),
        ("教学处教科室", ["教学处", "教科室"]),
        ("市委办公室", ["市委办公室"]),
        ("六个一流工作小组", ["六个一流工作小组"]),
    ]:
        assert [cell[a:b] for a, b in split_unit_list(cell, 0, len(cell), cell=True)] == names


def test_header_variants_with_qualifier_and_bracket() -> None:
    text = "序号\t任务\t主要责任单位\t配合单位（部门）\t完成时限\n1\t建设平台\t市大数据局\t市财政局\t2023年底\n"
    doc = Document(text=text)
    assert [(u.text, u.role) for u in extract_units(doc, _root(doc))] == [
        ("市大数据局", "responsible"), ("市财政局", "support"),
    ]
