"""The same plan as .txt, .docx (typed and Word-numbered) and .pdf gives one tree; batches survive bad files."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import textkit
from textkit.cli import main
from textkit.model import Plan, Section


def _tree(plan: Plan) -> list[tuple[int, str | None, str, str]]:
    return [(s.level, s.marker, s.title, s.id) for s in plan.sections()]


def test_batch_formats_identical_section_trees(seed001_files: object) -> None:
    files: dict[str, Path] = seed001_files.all()  # type: ignore[attr-defined]
    trees = {kind: _tree(textkit.parse(path)) for kind, path in files.items()}
    assert len(trees["txt"]) == 26
    assert trees["txt"][:3] == [(1, "一、", "把握总体要求", "一"), (1, "二、", "主要工作措施", "二"),
                                (2, "（一）", "扎实开展学习教育", "二/（一）")]
    for kind in ("docx-typed", "docx-auto", "pdf"):
        assert trees[kind] == trees["txt"], kind


def test_batch_formats_identical_node_kinds(seed001_files: object) -> None:
    """Beyond the numbered sections: the same labels, paragraphs and items, in the same order."""
    files: dict[str, Path] = seed001_files.all()  # type: ignore[attr-defined]

    def shape(plan: Plan) -> list[tuple[str, str | None]]:
        return [(n.kind, n.label) for n in plan.root.walk()]

    shapes = {kind: shape(textkit.parse(path)) for kind, path in files.items()}
    for kind in ("docx-typed", "docx-auto", "pdf"):
        assert shapes[kind] == shapes["txt"], kind


def test_batch_formats_every_pdf_section_on_its_page(seed001_files: object) -> None:
    plan = textkit.parse(seed001_files.pdf)  # type: ignore[attr-defined]
    doc = plan.document
    line_pages: list[int] = seed001_files.line_pages  # type: ignore[attr-defined]
    lines = doc.text.split("\n")[:-1]
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    sections: list[Section] = plan.sections()
    assert len(sections) == 26
    seen_pages = set()
    for s in sections:
        n = starts.index(s.start)  # every section starts a line
        assert doc.page_of(s.start) == line_pages[n], (s.id, s.title)
        assert s.title_start is not None and doc.page_of(s.title_start) == line_pages[n]
        seen_pages.add(line_pages[n])
    assert len(seen_pages) >= 4  # the sections really are spread over the pages


def test_batch_formats_bad_file_reported_others_parsed(
    build: ModuleType, seed001_files: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 this zip is broken")
    txt, pdf = seed001_files.txt, seed001_files.pdf  # type: ignore[attr-defined]
    assert main(["parse", str(txt), str(bad), str(pdf)]) == 2
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and str(bad) in err and "zip" in err
    assert str(txt) in out and str(pdf) in out
    assert out.count("（一）扎实开展学习教育") == 2


def test_batch_formats_json_for_docx_and_pdf(seed001_files: object, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(seed001_files.docx_auto), str(seed001_files.pdf)]  # type: ignore[attr-defined]
    assert main(["parse", *files, "--format", "json", "--no-tree"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out) == 2
    titles = [[s["title"] for s in doc["sections"]] for doc in out]
    assert titles[0] == titles[1] and len(titles[0]) == 26


# Real plans of the dev corpus: long national/provincial plans (013, 027, 042) and school plans full of
# tables with merged cells (030, 033, 037).
CORPUS_PLANS = ("013", "027", "030", "033", "037", "042")
# characters reportlab's built-in STSong-Light cannot draw (the fixture PDF would lack them, not the reader)
_UNDRAWABLE = ("·", "\xa0")


@pytest.mark.parametrize("name", CORPUS_PLANS)
def test_batch_formats_corpus_plan_same_tree_in_every_format(
    name: str, shared_corpus: Path, build: ModuleType, tmp_path: Path
) -> None:
    txt = shared_corpus / "raw" / f"{name}.txt"
    text = txt.read_text(encoding="utf-8")
    files = {"txt": txt}
    for kind, numbering in (("docx-typed", "typed"), ("docx-auto", "auto")):
        files[kind] = tmp_path / f"{name}-{kind}.docx"
        files[kind].write_bytes(build.docx_from_text(text, numbering=numbering, extras=False))
    files["pdf"] = tmp_path / f"{name}.pdf"
    files["pdf"].write_bytes(build.pdf_from_text(text).data)
    plans = {kind: textkit.parse(path) for kind, path in files.items()}
    want = _tree(plans["txt"])
    assert want
    assert _tree(plans["docx-typed"]) == want
    assert _tree(plans["docx-auto"]) == want
    if not any(ch in text for ch in _UNDRAWABLE):
        assert _tree(plans["pdf"]) == want
    # tables: every tab-separated row of the .txt is a row of a table in the .docx
    rows = [ln for ln in text.split("\n") if "\t" in ln]
    doc = plans["docx-typed"].document
    assert len({(c.table, c.row) for c in doc.tables}) == len(rows)
    assert [ln for ln in doc.text.split("\n") if "\t" in ln] == rows
