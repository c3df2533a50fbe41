"""Generators of hostile and odd inputs (no file is committed: each test and the benchmark builds its own).

Each function returns the bytes (or text) of one shape of bad input from issue 16; the .docx are minimal
WordprocessingML packages written with zipfile, the .pdf are written object by object.
"""

from __future__ import annotations

import io
import zipfile
import zlib

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'numbering" Target="numbering.xml"/></Relationships>'
)


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx(body: str, *, numbering: str | None = None) -> bytes:
    """A minimal .docx whose w:body is ``body`` (and whose numbering part is ``numbering``)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        if numbering is not None:
            z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
            z.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>')
    return buf.getvalue()


def nested_tables_docx(depth: int) -> bytes:
    """Tables nested ``depth`` deep (331 used to be a RecursionError)."""
    inner = para("一、总体要求")
    for _ in range(depth):
        inner = f"<w:tbl><w:tr><w:tc>{inner}</w:tc><w:tc>{para('责任单位')}</w:tc></w:tr></w:tbl><w:p/>"
    return docx(para("某局工作方案") + inner)


def nested_inline_docx(depth: int, kind: str) -> bytes:
    """Content controls, hyperlinks or custom XML nested ``depth`` deep inside one paragraph (991 crashed)."""
    run = "<w:r><w:t>加强学习</w:t></w:r>"
    open_tag, close_tag = {
        "sdt": ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
        "hyperlink": ("<w:hyperlink>", "</w:hyperlink>"),
        "customXml": ('<w:customXml w:element="x">', "</w:customXml>"),
    }[kind]
    return docx(para("一、总体要求") + f"<w:p>{open_tag * depth}{run}{close_tag * depth}</w:p>")


def nested_block_sdt_docx(depth: int) -> bytes:
    """Block-level content controls nested ``depth`` deep."""
    return docx("<w:sdt><w:sdtContent>" * depth + para("一、总体要求") + "</w:sdtContent></w:sdt>" * depth)


def sym_docx(code: str) -> bytes:
    """A paragraph holding ``<w:sym w:char=code/>`` (D800 is a lone surrogate)."""
    return docx(para("一、总体要求") + f'<w:p><w:r><w:t>加强</w:t><w:sym w:char="{code}"/><w:t>学习</w:t></w:r></w:p>')


def numbered_docx(start: int | str, fmt: str, *, paragraphs: int = 3, lvl_text: str = "%1.") -> bytes:
    """A list in Word number format ``fmt`` starting at ``start`` (10^30 roman looped; 2·10^9 letters ate GBs)."""
    numbering = (
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{lvl_text}"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    items = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        f"<w:r><w:t>任务{n}</w:t></w:r></w:p>" for n in range(paragraphs)
    )
    return docx(para("某局工作方案") + items, numbering=numbering)


def huge_attribute_docx() -> bytes:
    """Attribute values of thousands of digits where numbers are expected (int() of them raises)."""
    big = "9" * 5000
    return docx(
        f'<w:tbl><w:tr><w:trPr><w:gridBefore w:val="{big}"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="{big}"/>'
        f'</w:tcPr>{para("一、总体要求")}</w:tc></w:tr></w:tbl>'
        f'<w:p><w:pPr><w:outlineLvl w:val="{big}"/><w:numPr><w:ilvl w:val="{big}"/><w:numId w:val="{big}"/>'
        f'</w:numPr></w:pPr><w:r><w:rPr><w:sz w:val="{big}"/></w:rPr><w:t>加强学习</w:t></w:r></w:p>'
        '<w:p><w:r><w:sym w:char="zzzz"/><w:t>二、重点任务</w:t></w:r></w:p>'
    )


# -- PDF -------------------------------------------------------------------------------------------


def raw_pdf(objects: list[bytes], *, trailer_extra: bytes = b"") -> bytes:
    """A PDF of ``objects`` (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"", *, compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(content, 9)
        return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def page_pdf(content: bytes, *, size: tuple[float, float] = (595, 842), xobjects: list[bytes] = ()) -> bytes:  # type: ignore[assignment]
    """One page drawing ``content``; ``xobjects`` become form XObjects /X1, /X2… (objects 5, 6…)."""
    names = b" ".join(b"/X%d %d 0 R" % (i + 1, 5 + i) for i in range(len(xobjects)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
        b"/Resources << /Font << /F1 %d 0 R >> /XObject << %s >> >> >>"
        % (int(size[0]), int(size[1]), 5 + len(xobjects), names),
        _stream(content),
        *xobjects,
        _FONT,
    ]
    return raw_pdf(objects)


def text_content(lines: list[str], *, x: float = 72, top: float = 770, step: float = 16) -> bytes:
    ops = [b"BT /F1 12 Tf"]
    for n, line in enumerate(lines):
        ops.append(b"1 0 0 1 %d %d Tm (%s) Tj" % (int(x), int(top - n * step), line.encode("latin-1")))
    ops.append(b"ET")
    return b"\n".join(ops)


def huge_page_pdf(side: float = 2_000_000) -> bytes:
    """One page ``side`` points square (the spec's maximum is 14,400) with a little text."""
    return page_pdf(text_content(["1. Plan", "2. Tasks"], top=side - 100), size=(side, side))


def ruled_page_pdf(rules: int, *, side: float = 14_000) -> bytes:
    """One large page crossed by ``rules`` ruling lines 4 points apart (table finding compares every vertical
    line with every horizontal one)."""
    ops = [b"0.5 w"]
    half = rules // 2
    for i in range(half):
        at = 50 + 4 * i
        ops.append(b"%d 50 m %d %d l S" % (at, at, int(side) - 50))
        ops.append(b"50 %d m %d %d l S" % (at, int(side) - 50, at))
    return page_pdf(b"\n".join(ops) + b"\n" + text_content(["1. Plan", "2. Tasks"], top=side - 100),
                    size=(side, side))


def many_glyphs_pdf(glyphs: int) -> bytes:
    """One page showing ``glyphs`` characters (compressed, so the file stays small)."""
    per_line = 100
    lines = ["A" * per_line for _ in range(glyphs // per_line)]
    ops = [b"BT /F1 1 Tf"]
    for n, line in enumerate(lines):
        ops.append(b"1 0 0 1 10 %d Tm (%s) Tj" % (800 - n % 790, line.encode()))
    ops.append(b"ET")
    return page_pdf(b"\n".join(ops))


def form_bomb_pdf(fanout: int = 30, depth: int = 4) -> bytes:
    """Form XObjects each drawing the next one ``fanout`` times, ``depth`` deep: fanout^depth glyphs from a
    few hundred bytes."""
    forms = []
    for level in range(depth):
        # form k (object 5+k) draws form k+1 ``fanout`` times; the last draws a glyph
        if level < depth - 1:
            body = b"\n".join(b"/X%d Do" % (level + 2) for _ in range(fanout))
        else:
            body = b"BT /F1 12 Tf 72 700 Td (A) Tj ET"
        names = b" ".join(b"/X%d %d 0 R" % (k + 1, 5 + k) for k in range(depth))
        forms.append(_stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                                   b"/Resources << /Font << /F1 %d 0 R >> /XObject << %s >> >> " % (5 + depth, names)))
    content = b"\n".join(b"/X1 Do" for _ in range(fanout)) + b"\n" + text_content(["1. Plan"])
    return page_pdf(content, xobjects=forms)


# -- text ------------------------------------------------------------------------------------------


def numeral_run(chars: int) -> str:
    """A run of Chinese numerals with no 是 after it (the inline 一是 pattern tried at every position)."""
    return "一、总体要求\n" + ("一二三四五六七八九十" * (chars // 10 + 1))[:chars] + "\n"


def stray_spaces(chars: int) -> str:
    """One long line of CJK characters separated by single spaces (the stray-space rule)."""
    return "一、总体要求\n" + ("加 强 学 习 " * (chars // 10 + 1))[:chars] + "\n"


def unknown_char_run(chars: int) -> str:
    """One long run of a single character jieba does not know (its HMM ran in quadratic time)."""
    return "一、总体要求\n" + "䶮" * chars + "\n"


def nested_plan(chars: int) -> str:
    """Sections nested as deep as the numbering styles allow, repeated: lint's ancestor walk and memory."""
    block = (
        "一、总体要求\n（一）指导思想\n1.加强学习。责任单位：办公室。\n（1）开展调研，2024年6月底前完成。\n"
        "①深入基层。一是查摆问题；二是整改落实。\n"
    )
    return "某局工作方案\n" + (block * (chars // len(block) + 1))[:chars]


def control_chars_text() -> str:
    """Form feed, vertical tab and ESC sequences inside a plan."""
    body = "（二）深入调查研究。各部门要聚焦重点难点问题开展调研，形成调研报告。责任单位：各处室。\n" * 20
    return "某局工作方案\n一、总体要求\x0c\n（一）加强学习\x0b责任单位：办公室\x1b[2J\x1b]0;pwned\x07。\n" + body


def element_bomb_docx(elements: int) -> bytes:
    """A document.xml of ``elements`` empty paragraphs: tiny compressed, a huge tree once parsed."""
    return docx(para("一、总体要求") + "<w:p/>" * elements)
