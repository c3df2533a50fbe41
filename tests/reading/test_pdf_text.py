"""PDF text: wrapped lines re-joined, furniture kept out, every character mapped to its page, font hints."""

from __future__ import annotations

import itertools
from types import ModuleType

import pytest

from textkit.model import Document
from textkit.reading import DEFAULT_LIMITS, read
from textkit.reading.pdf import read_pdf_bytes


@pytest.fixture(scope="module")
def seed_pdf(seed001_files: object) -> Document:
    return read(seed001_files.pdf)  # type: ignore[attr-defined]


def test_pdf_text_rejoins_wrapped_lines_into_the_txt_paragraphs(seed_pdf: Document, seed001_text: str) -> None:
    assert seed_pdf.format == "pdf"
    assert seed_pdf.text.split("\n")[:-1] == [ln for ln in seed001_text.split("\n") if ln.strip()]


def test_pdf_text_furniture_recorded_not_in_body(seed_pdf: Document, seed001_files: object) -> None:
    pages = seed001_files.pdf_pages  # type: ignore[attr-defined]
    assert pages >= 5
    numbers = [f for f in seed_pdf.furniture if f.kind == "page-number"]
    headers = [f for f in seed_pdf.furniture if f.kind == "header"]
    assert [(f.page, f.text) for f in numbers] == [(n, f"— {n} —") for n in range(1, pages + 1)]
    assert [f.page for f in headers] == list(range(1, pages + 1))
    assert {f.text for f in headers} == {"某局学习贯彻主题教育实施方案"}
    assert "— 2 —" not in seed_pdf.text and "某局学习贯彻" not in seed_pdf.text


def test_pdf_text_pages_tile_the_text(seed_pdf: Document, seed001_files: object) -> None:
    pages = seed_pdf.pages
    assert [p.number for p in pages] == list(range(1, seed001_files.pdf_pages + 1))  # type: ignore[attr-defined]
    assert pages[0].start == 0 and pages[-1].end == len(seed_pdf.text)
    for a, b in itertools.pairwise(pages):
        assert a.end == b.start and a.start < a.end


def test_pdf_text_every_line_maps_to_the_page_it_starts_on(seed_pdf: Document, seed001_files: object) -> None:
    line_pages = seed001_files.line_pages  # type: ignore[attr-defined]
    offset = 0
    for n, line in enumerate(seed_pdf.text.split("\n")[:-1]):
        assert seed_pdf.page_of(offset) == line_pages[n], line[:20]
        offset += len(line) + 1


def test_pdf_text_paragraph_across_a_page_break(seed_pdf: Document) -> None:
    """A paragraph that runs over a page break is one line whose characters map to both pages."""
    crossing = [p for p in seed_pdf.pages[1:] if seed_pdf.text[p.start - 1] != "\n"]
    assert crossing, "the fixture has a paragraph across a page break"
    p = crossing[0]
    assert seed_pdf.page_of(p.start - 1) == p.number - 1 and seed_pdf.page_of(p.start) == p.number


def test_pdf_text_font_hints_and_fake_bold(seed_pdf: Document) -> None:
    heads = [h for h in seed_pdf.hints if seed_pdf.text[h.start:h.end] in ("一、把握总体要求", "二、主要工作措施")]
    assert len(heads) == 2
    assert all(h.size == 15.0 and h.bold and h.font == "STSongStd-Light" for h in heads)
    body = next(h for h in seed_pdf.hints if seed_pdf.text[h.start:h.end].startswith("（一）扎实"))
    assert body.size == 12.0 and not body.bold
    assert "一一、、" not in seed_pdf.text  # glyphs drawn twice for the bold are read once
    assert len(seed_pdf.hints) == seed_pdf.text.count("\n")


def test_pdf_text_table_rows_and_cells(build: ModuleType) -> None:
    doc = read_pdf_bytes(build.table_pdf(), source="t.pdf", limits=DEFAULT_LIMITS)
    lines = doc.text.split("\n")
    assert lines[0] == "一、重点任务"
    assert lines[1] == build.TABLE_INTRO
    assert lines[2] == "序号\t工作任务\t责任单位\t完成时限"
    assert lines[4] == "2\t开展专题调研\t办公室人事科\t2023年10月"
    assert lines[6] == "二、保障措施"
    by_pos = {(c.row, c.col): doc.text[c.start:c.end] for c in doc.tables}
    assert by_pos[(0, 2)] == "责任单位" and by_pos[(3, 1)] == "召开专题民主生活会"
    assert len(doc.tables) == 16


def test_pdf_text_single_page_without_furniture(build: ModuleType) -> None:
    built = build.pdf_from_text("一、总体要求\n坚持问题导向。\n", header=None, footer=False)
    doc = read_pdf_bytes(built.data, source="one.pdf", limits=DEFAULT_LIMITS)
    assert doc.text == "一、总体要求\n坚持问题导向。\n"
    assert doc.furniture == ()
    assert doc.page_of(0) == 1


def test_pdf_text_table_across_page_breaks_is_one_table(build: ModuleType) -> None:
    data, row_pages = build.long_table_pdf(45)
    doc = read_pdf_bytes(data, source="long.pdf", limits=DEFAULT_LIMITS)
    lines = doc.text.split("\n")[:-1]
    assert lines[0] == "附件：重点任务清单"
    assert lines[1] == "序号\t工作任务\t责任单位\t完成时限"
    assert lines.count("序号\t工作任务\t责任单位\t完成时限") == 1  # the repeated header is read once
    assert lines[2:] == [f"{n}\t第{n}项工作任务\t{('机关党委', '办公室', '人事科')[n % 3]}\t{n % 12 + 1}月底前"
                         for n in range(1, 46)]
    assert {c.table for c in doc.tables} == {0}
    assert sorted({c.row for c in doc.tables}) == list(range(46))
    assert max(row_pages) >= 2
    for n, page in enumerate(row_pages, start=1):
        cell = next(c for c in doc.tables if c.row == n and c.col == 0)
        assert doc.text[cell.start:cell.end] == str(n)
        assert doc.page_of(cell.start) == page


def test_pdf_text_latin_words_without_space_glyphs(build: ModuleType) -> None:
    doc = read_pdf_bytes(build.latin_words_pdf(), source="latin.pdf", limits=DEFAULT_LIMITS)
    # a space between Latin words and digits; none between Latin and Chinese (Word's autospace)
    assert doc.text == "推动IPv6规模部署和Wi-Fi 6网络建设\n"


def test_pdf_text_centred_title_on_two_lines_is_one_line(build: ModuleType) -> None:
    title = "某局关于开展学习贯彻习近平新时代中国特色社会主义思想主题教育的实施方案"
    doc = read_pdf_bytes(build.titled_pdf(title), source="title.pdf", limits=DEFAULT_LIMITS)
    lines = doc.text.split("\n")
    assert lines[0] == title
    assert lines[1] == "（2023年4月）"  # centred too, but in another size: its own line
    assert lines[2] == "一、总体要求"
    assert lines[3] == build.TABLE_INTRO * 2
