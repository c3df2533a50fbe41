"""Hostile .docx and .pdf files (generated here, issue 16): a clear InputError or a correct read, fast."""

from __future__ import annotations

import io
from pathlib import Path

import hostile as H
import pytest

from textkit.cli import main
from textkit.errors import InputError, InputTooLargeError
from textkit.pipeline import parse
from textkit.reading import Limits, read


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_tables_nested_400_deep_are_refused_naming_the_limit(tmp_path: Path) -> None:
    with pytest.raises(InputTooLargeError, match="max_xml_depth"):
        read(_write(tmp_path, "t.docx", H.nested_tables_docx(400)))


def test_tables_nested_within_the_limit_are_read(tmp_path: Path) -> None:
    doc = read(_write(tmp_path, "t.docx", H.nested_tables_docx(25)))
    assert "一、总体要求" in doc.text and "责任单位" in doc.text


def test_raising_the_depth_limit_reads_deeper_tables(tmp_path: Path) -> None:
    path = _write(tmp_path, "t.docx", H.nested_tables_docx(40))
    with pytest.raises(InputTooLargeError):
        read(path)
    assert "一、总体要求" in read(path, limits=Limits().raised(max_xml_depth=200)).text


@pytest.mark.parametrize("kind", ["sdt", "hyperlink", "customXml"])
def test_inline_containers_nested_1000_deep_are_refused(tmp_path: Path, kind: str) -> None:
    with pytest.raises(InputTooLargeError, match="max_xml_depth"):
        read(_write(tmp_path, "c.docx", H.nested_inline_docx(1000, kind)))


@pytest.mark.parametrize("kind", ["sdt", "hyperlink", "customXml"])
def test_inline_containers_nested_40_deep_keep_their_text(tmp_path: Path, kind: str) -> None:
    assert "加强学习" in read(_write(tmp_path, "c.docx", H.nested_inline_docx(40, kind))).text


def test_block_content_controls_nested_1000_deep_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputTooLargeError):
        read(_write(tmp_path, "b.docx", H.nested_block_sdt_docx(1000)))


def test_sym_lone_surrogate_becomes_replacement_char_one_for_one(tmp_path: Path) -> None:
    doc = read(_write(tmp_path, "s.docx", H.sym_docx("D800")))
    assert "加强\ufffd学习" in doc.text
    assert any("surrogate" in w for w in doc.warnings)
    doc.text.encode("utf-8")  # writable


def test_sym_surrogate_docx_writes_json_and_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "s.docx", H.sym_docx("DFFF"))
    out = tmp_path / "out.json"
    assert main(["parse", str(path), "--format", "json", "-o", str(out)]) == 0
    assert "\ufffd" in out.read_text(encoding="utf-8")
    assert main(["parse", str(path)]) == 0


def test_roman_list_starting_at_ten_to_the_30_is_refused_at_once(tmp_path: Path) -> None:
    # rendering it took forever (a loop writing 10^27 Ms): it is refused before any rendering
    with pytest.raises(InputTooLargeError, match="max_list_number"):
        read(_write(tmp_path, "r.docx", H.numbered_docx(10**30, "upperRoman")))


def test_roman_list_within_the_limit_is_rendered(tmp_path: Path) -> None:
    doc = read(_write(tmp_path, "r.docx", H.numbered_docx(1999, "upperRoman")))
    assert "MCMXCIX." in doc.text and "MM." in doc.text


@pytest.mark.parametrize("fmt", ["upperLetter", "lowerRoman", "decimal"])
def test_list_starting_past_max_list_number_is_refused(tmp_path: Path, fmt: str) -> None:
    with pytest.raises(InputTooLargeError, match="max_list_number"):
        read(_write(tmp_path, "l.docx", H.numbered_docx(2 * 10**9, fmt)))


def test_list_number_shown_by_a_deeper_level_is_checked_too(tmp_path: Path) -> None:
    with pytest.raises(InputTooLargeError, match="max_list_number"):
        read(_write(tmp_path, "l.docx", H.numbered_docx(2 * 10**9, "upperRoman", lvl_text="%1、")))


def test_thousand_digit_attributes_are_ignored_not_crashed_on(tmp_path: Path) -> None:
    doc = read(_write(tmp_path, "a.docx", H.huge_attribute_docx()))
    assert "一、总体要求" in doc.text and "二、重点任务" in doc.text


def test_huge_page_is_refused_before_it_is_drawn(tmp_path: Path) -> None:
    with pytest.raises(InputTooLargeError, match="max_page_area"):
        read(_write(tmp_path, "h.pdf", H.huge_page_pdf()))


def test_page_with_too_many_glyphs_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputTooLargeError, match="max_page_chars"):
        read(_write(tmp_path, "g.pdf", H.many_glyphs_pdf(80_000)))


def test_form_xobject_bomb_is_stopped_by_the_object_budget(tmp_path: Path) -> None:
    # 30^4 = 810,000 glyphs from under 2 KB
    with pytest.raises(InputTooLargeError, match=r"max_page_objects|max_page_chars"):
        read(_write(tmp_path, "f.pdf", H.form_bomb_pdf(30, 4)))


def test_small_form_xobjects_are_read(tmp_path: Path) -> None:
    assert "Plan" in read(_write(tmp_path, "f.pdf", H.form_bomb_pdf(2, 2))).text


def test_grid_of_ruling_lines_is_read_as_text_without_table_search(tmp_path: Path) -> None:
    doc = read(_write(tmp_path, "r.pdf", H.ruled_page_pdf(400)))
    assert "Plan" in doc.text
    assert any("max_table_grid" in w for w in doc.warnings)


def test_owner_password_only_pdf_is_read() -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption(userPassword="", ownerPassword="owner-secret", canCopy=0, canModify=0,
                                        strength=128)
    c = canvas.Canvas(buf, encrypt=enc)
    for n, line in enumerate(["1. Plan overview", "2. Tasks and units"]):
        c.drawString(72, 800 - 20 * n, line)
    c.save()
    from textkit.reading.pdf import read_pdf_bytes

    doc = read_pdf_bytes(buf.getvalue(), source="owner.pdf", limits=Limits())
    assert doc.text.splitlines()[:2] == ["1. Plan overview", "2. Tasks and units"]


def test_batch_goes_on_past_a_hostile_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text("某局工作方案\n一、总体要求\n（一）加强学习。\n", encoding="utf-8")
    bad = _write(tmp_path, "bad.docx", H.nested_tables_docx(400))
    out = tmp_path / "out.json"
    assert main(["parse", str(bad), str(good), "--format", "json", "-o", str(out)]) == 2
    assert "加强学习" in out.read_text(encoding="utf-8")
    assert capsys.readouterr().err.count("\n") == 1


def test_batch_goes_on_past_a_file_that_hits_a_bug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import textkit.pipeline as pipeline

    real = pipeline.parse_structure

    def flaky(doc, **kw):  # type: ignore[no-untyped-def]
        if "炸" in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, **kw)

    monkeypatch.setattr(pipeline, "parse_structure", flaky)
    good = tmp_path / "good.txt"
    good.write_text("某局工作方案\n一、总体要求\n（一）加强学习。\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("一、炸\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["parse", str(bad), str(good), "--format", "json", "-o", str(out)]) == 2
    assert "加强学习" in out.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "bad.txt" in err and "RecursionError" in err and err.count("\n") == 1


def test_compare_goes_on_past_a_hostile_file(tmp_path: Path) -> None:
    from textkit.comparison.compare import compare

    for n in (1, 2):
        (tmp_path / f"p{n}.txt").write_text(f"某局工作方案{n}\n一、总体要求\n（一）加强学习。\n", encoding="utf-8")
    _write(tmp_path, "bad.pdf", H.form_bomb_pdf(30, 4))
    c = compare([str(tmp_path)], progress=False)
    assert len(c.plans) == 2 and len(c.errors) == 1 and isinstance(c.errors[0], InputError)


def test_parse_of_a_path_never_raises_other_than_input_error(tmp_path: Path) -> None:
    for name, data in [("a.docx", H.nested_inline_docx(2000, "sdt")), ("b.pdf", H.huge_page_pdf()),
                       ("c.docx", H.numbered_docx(2 * 10**9, "upperLetter"))]:
        with pytest.raises(InputError):
            parse(_write(tmp_path, name, data))


def _docx_with_document_xml(xml: str) -> bytes:
    import zipfile

    base = H.docx(H.para("一、总体要求"))
    src = zipfile.ZipFile(io.BytesIO(base))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for name in src.namelist():
            out.writestr(name, xml if name == "word/document.xml" else src.read(name))
    return buf.getvalue()


def test_xml_billion_laughs_in_docx_is_a_corrupt_file(tmp_path: Path) -> None:
    ents = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [{ents}]><w:document xmlns:w="{H.W}"><w:body>'
           "<w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>")
    with pytest.raises(InputError):
        read(_write(tmp_path, "laughs.docx", _docx_with_document_xml(xml)))


def test_xml_external_entity_in_docx_is_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    xml = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<w:document xmlns:w="{H.W}"><w:body><w:p><w:r><w:t>一、&x;</w:t></w:r></w:p></w:body></w:document>')
    try:
        doc = read(_write(tmp_path, "xxe.docx", _docx_with_document_xml(xml)))
    except InputError:
        return
    assert "TOP-SECRET" not in doc.text


def test_docx_with_too_many_xml_elements_is_refused_before_parsing(tmp_path: Path) -> None:
    path = _write(tmp_path, "e.docx", H.element_bomb_docx(400_000))  # ~40 KB on disk
    with pytest.raises(InputTooLargeError, match="max_xml_elements"):
        read(path)


def test_empty_paragraphs_within_the_limit_read_as_nothing(tmp_path: Path) -> None:
    doc = read(_write(tmp_path, "e.docx", H.element_bomb_docx(1_000)))
    assert doc.text == "一、总体要求\n"
