"""Fuzzing the readers (issue 16): mutated real .docx (zip entries and XML), .pdf and .txt inputs.

Whatever the mutation, `textkit.pipeline.parse` either returns a plan or raises an `InputError`; nothing
else may come out. The example budget is fixed and derandomized so CI runs the same cases every time.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import hostile as H
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textkit.errors import InputError
from textkit.pipeline import parse
from textkit.reading import Limits

PLAN = (
    "某局主题教育工作方案\n一、总体要求\n（一）指导思想。坚持问题导向，一是加强学习；二是深入调研。\n"
    "二、重点任务\n（一）加强理论学习。责任单位：办公室。2024年6月底前完成。\n"
    "（二）开展检视整改。牵头单位：人事处；配合单位：各处室。\n"
)
# Small limits keep a mutation that inflates something from costing seconds per example.
LIMITS = Limits(max_bytes=2 * 1024 * 1024, max_pages=20, max_page_chars=20_000, max_page_objects=50_000,
                max_pdf_objects=100_000)
BUDGET = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@cache
def real_docx() -> bytes:
    import docx

    d = docx.Document()
    for line in PLAN.splitlines():
        d.add_paragraph(line)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "任务", "责任单位"
    table.cell(1, 0).text, table.cell(1, 1).text = "加强学习", "办公室"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@cache
def real_pdf() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 12)
    for n, line in enumerate(PLAN.splitlines()):
        c.drawString(72, 780 - 18 * n, line)
    c.rect(72, 500, 200, 40)
    c.line(172, 500, 172, 540)
    c.showPage()
    c.save()
    return buf.getvalue()


def _only_success_or_input_error(path: Path) -> None:
    try:
        plan = parse(path, limits=LIMITS)
    except InputError:
        return
    assert plan.document.text  # a plan was read: its text is there


@st.composite
def byte_mutations(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with a few bytes flipped, a slice cut out, a slice repeated or the end truncated."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut", "repeat", "truncate", "insert"]))
        if not out:
            break
        i = draw(st.integers(0, len(out) - 1))
        j = min(len(out), i + draw(st.integers(1, 64)))
        if kind == "flip":
            out[i] ^= draw(st.integers(1, 255))
        elif kind == "cut":
            del out[i:j]
        elif kind == "repeat":
            out[i:i] = out[i:j] * draw(st.integers(1, 20))
        elif kind == "truncate":
            del out[i:]
        else:
            out[i:i] = draw(st.binary(min_size=1, max_size=16))
    return bytes(out)


_XML_SNIPPETS = (
    "<w:tbl><w:tr><w:tc>" * 200, "<w:sdt><w:sdtContent>" * 300, "<w:sym w:char=\"D800\"/>",
    "<w:sym w:char=\"zzzz\"/>", "<w:gridSpan w:val=\"99999999999999\"/>", "<w:start w:val=\"-7\"/>",
    "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;", "<w:t>\x0c\x1b</w:t>", "</w:body>", "<w:p>", "\udcff",
    "<w:numPr><w:ilvl w:val=\"8\"/><w:numId w:val=\"1\"/></w:numPr>",
)


@st.composite
def docx_mutations(draw: st.DrawFn) -> bytes:
    """The real .docx with one zip entry's bytes mutated or an XML snippet spliced into it (re-zipped)."""
    src = zipfile.ZipFile(io.BytesIO(real_docx()))
    names = src.namelist()
    target = draw(st.sampled_from(names))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name in names:
            data = src.read(name)
            if name == target:
                if draw(st.booleans()):
                    data = draw(byte_mutations(data))
                else:
                    text = data.decode("utf-8", errors="replace")
                    at = draw(st.integers(0, len(text)))
                    snippet = draw(st.sampled_from(_XML_SNIPPETS))
                    data = (text[:at] + snippet + text[at:]).encode("utf-8", errors="surrogatepass")
            if draw(st.integers(0, 9)) or name != target:
                out.writestr(name, data)
    return buf.getvalue()


@BUDGET
@given(data=docx_mutations())
def test_mutated_docx_entries_give_a_plan_or_an_input_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.docx"
    path.write_bytes(data)
    _only_success_or_input_error(path)


@BUDGET
@given(data=st.builds(lambda: real_docx()).flatmap(byte_mutations))
def test_mutated_docx_container_gives_a_plan_or_an_input_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.docx"
    path.write_bytes(data)
    _only_success_or_input_error(path)


@BUDGET
@given(data=st.builds(lambda: real_pdf()).flatmap(byte_mutations))
def test_mutated_pdf_gives_a_plan_or_an_input_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.pdf"
    path.write_bytes(data)
    _only_success_or_input_error(path)


@BUDGET
@given(data=st.builds(lambda: PLAN.encode("utf-8")).flatmap(byte_mutations),
       encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_mutated_txt_gives_a_plan_or_an_input_error(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data.decode("utf-8", errors="replace").encode(encoding, errors="replace")
                     if encoding != "utf-8" else data)
    _only_success_or_input_error(path)


@BUDGET
@given(text=st.text(alphabet=st.sampled_from(list("一二三四五六七八九十是、（）()：:，。；\n\t \x0c\x1b第条章节"
                                                   "责任单位牵头月日年底前完成①②③1234.．")), max_size=400))
def test_text_of_markers_and_punctuation_parses_and_tiles(text: str) -> None:
    from textkit.pipeline import parse_text

    if not text.strip():
        return
    plan = parse_text(text)
    leaves = [n for n in plan.root.walk() if not n.children]
    assert sum(n.end - n.start for n in leaves) == len(text)


@pytest.mark.parametrize("make", [lambda: H.nested_tables_docx(400), lambda: H.numbered_docx(10**12, "upperLetter"),
                                  H.huge_page_pdf, lambda: H.form_bomb_pdf(40, 4)])
def test_hostile_generators_give_input_errors(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    data = make()
    path = tmp_path / ("x.pdf" if data.startswith(b"%PDF") else "x.docx")
    path.write_bytes(data)
    with pytest.raises(InputError):
        parse(path, limits=LIMITS)
