"""DataFrames keep the PDF page of every section, measure and unit (None for text files)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

import textkit
from textkit.output.frames import plan_frames

PAGES = [
    ["某局主题教育实施方案", "一、总体要求", "坚持学思用贯通、知信行统一。"],
    ["二、主要措施", "（一）开展专题调研。", "责任单位：办公室"],
]


def _pdf(path: Path) -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for lines in PAGES:
        y = 780.0
        for line in lines:
            c.setFont("STSong-Light", 14)
            c.drawString(72, y, line)
            y -= 28
        c.showPage()
    c.save()


def test_pdf_pages_reach_the_frames(tmp_path: Path) -> None:
    path = tmp_path / "方案.pdf"
    _pdf(path)
    frames = plan_frames(textkit.parse(path))
    sections = frames["sections"].set_index("id")
    assert sections.loc["一", "page"] == 1
    assert sections.loc["二", "page"] == 2
    assert set(frames["measures"]["page"]) == {1, 2}
    assert frames["units"]["page"].tolist() == [2]


def test_text_plans_have_an_empty_page_column(seed001_path: Path) -> None:
    frames = plan_frames(textkit.parse(seed001_path))
    for name in ("sections", "measures", "units", "dates"):
        assert "page" in frames[name].columns
        assert frames[name]["page"].isna().all()


def test_check_evidence_carries_its_page(tmp_path: Path) -> None:
    from textkit.output.frames import check_frames

    path = tmp_path / "方案.pdf"
    _pdf(path)
    result = textkit.check(path, Path(__file__).resolve().parents[2] / "corpora" / "checklists"
                           / "zhuti-jiaoyu-2023.toml")
    evidence = check_frames(result)["evidence"]
    assert len(evidence) and set(evidence["page"]) <= {1, 2} and evidence["page"].notna().all()
