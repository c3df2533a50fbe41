"""Page numbers and running headers/footers are recorded as furniture and kept out of the body."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from textkit.reading import DEFAULT_LIMITS
from textkit.reading.pdf import read_pdf_bytes

FONT = "STSong-Light"  # registered by fixtures.py (loaded by conftest)
W, H = A4
BODY = ("一、总体要求", "坚持问题导向，细化工作措施。", "二、主要任务", "开展专题调研，形成调研报告。")


def _pdf(pages: int, footer: Callable[[int, int], str] | None, header: str | None = None,
         footer_y: float = 40) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for n in range(1, pages + 1):
        if header:
            c.setFont(FONT, 10.5)
            c.drawCentredString(W / 2, H - 50, header)
        c.setFont(FONT, 12)
        y = H - 100
        for line in BODY:
            c.drawString(104, y, line)
            y -= 20
        if footer:
            c.drawCentredString(W / 2, footer_y, footer(n, pages))
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize(
    ("footer", "shown"),
    [
        (lambda n, t: f"— {n} —", "— 2 —"),
        (lambda n, t: f"-{n}-", "-2-"),
        (lambda n, t: f"－ {n} －", "－ 2 －"),
        (lambda n, t: f"第{n}页", "第2页"),
        (lambda n, t: f"第 {n} 页 共 {t} 页", "第 2 页 共 3 页"),
        (lambda n, t: f"{n}/{t}", "2/3"),
        (lambda n, t: f"{n}", "2"),
    ],
    ids=["em-dash", "hyphen", "fullwidth-hyphen", "di-ye", "di-ye-gong", "slash", "bare"],
)
def test_pdf_furniture_page_number_forms(footer: Callable[[int, int], str], shown: str) -> None:
    doc = read_pdf_bytes(_pdf(3, footer), source="f.pdf", limits=DEFAULT_LIMITS)
    numbers = [f for f in doc.furniture if f.kind == "page-number"]
    assert [f.page for f in numbers] == [1, 2, 3]
    assert numbers[1].text == shown
    assert doc.text == "\n".join(BODY * 3) + "\n"


def test_pdf_furniture_page_number_on_a_single_page() -> None:
    doc = read_pdf_bytes(_pdf(1, lambda n, t: f"— {n} —"), source="f.pdf", limits=DEFAULT_LIMITS)
    assert [(f.kind, f.text) for f in doc.furniture] == [("page-number", "— 1 —")]
    assert "—" not in doc.text


def test_pdf_furniture_running_header_and_footer_by_repetition() -> None:
    doc = read_pdf_bytes(_pdf(3, lambda n, t: "某局办公室印发", header="某局文件"), source="f.pdf",
                         limits=DEFAULT_LIMITS)
    assert [(f.page, f.kind, f.text) for f in doc.furniture] == [
        (p, kind, text) for p in (1, 2, 3) for kind, text in (("header", "某局文件"), ("footer", "某局办公室印发"))
    ]
    assert "某局" not in doc.text


def test_pdf_furniture_repeated_body_line_is_not_a_header() -> None:
    """A body line that repeats on every page but sits in the body (no gap) stays in the text."""
    doc = read_pdf_bytes(_pdf(3, None), source="f.pdf", limits=DEFAULT_LIMITS)
    assert doc.furniture == ()
    assert doc.text.count("一、总体要求") == 3


def test_pdf_furniture_number_inside_the_body_is_text() -> None:
    """`3/10` is a page number only at the top or bottom of a page."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(FONT, 12)
    c.drawString(104, H / 2, "一、总体要求")
    c.drawString(104, H / 2 - 20, "3/10")
    c.drawString(104, H / 2 - 40, "完成率达到百分之九十。")
    c.showPage()
    c.save()
    doc = read_pdf_bytes(buf.getvalue(), source="f.pdf", limits=DEFAULT_LIMITS)
    assert doc.furniture == ()
    assert "3/10" in doc.text
