"""The HTML report: self-contained, every text escaped, each verdict linked to its highlighted evidence."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

import textkit
from textkit.comparison.checklist import Checklist, checklist_from_dict, load_checklist
from textkit.comparison.coverage import check
from textkit.output.check_report import render_html

HOSTILE = """某局<script>alert("x")</script>工作方案 & 安排
一、主要措施
（一）深入调查研究。到基层一线开展调研，<b>确定</b>调研课题 & 形成调研成果。
（二）其他工作。做好<img src=x onerror=alert(1)>日常工作。
"""


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.external: list[str] = []
        self._in_draft = 0
        self.draft: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"] or "")
        if tag in ("link", "script", "img", "iframe") or (a.get("src") or "").startswith("http"):
            self.external.append(tag)
        if tag == "div" and a.get("id") == "draft":
            self._in_draft = 1
        elif self._in_draft and tag == "div":
            self._in_draft += 1

    def handle_endtag(self, tag: str) -> None:
        if self._in_draft and tag == "div":
            self._in_draft -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_draft:
            self.draft.append(data)


def _checklist() -> Checklist:
    return checklist_from_dict({"title": "T<&>", "items": [
        {"id": "dy", "title": "调查<研究>", "source": "三/2", "keywords": [["调查研究", "调研"], ["基层"], ["课题"]]},
        {"id": "jz", "title": "建章立制", "source": "三/5", "keywords": [["建章立制"]]},
    ]})


def test_script_and_ampersand_are_shown_as_text() -> None:
    plan = textkit.parse_text(HOSTILE, source="<draft & co>.txt")
    page = render_html(check(plan, _checklist()))
    p = Collect()
    p.feed(page)
    assert "script" not in p.tags and "img" not in p.tags
    assert not p.external
    # The draft is shown whole, as text: parsing the page gives back exactly the document text.
    assert "".join(p.draft) == HOSTILE
    body = "".join(p.text)
    assert '<script>alert("x")</script>' in body
    assert "调查<研究>" in body and "T<&>" in body and "<draft & co>.txt" in body


def test_each_verdict_links_to_evidence_in_the_draft() -> None:
    plan = textkit.parse_text(HOSTILE)
    result = check(plan, _checklist())
    page = render_html(result)
    p = Collect()
    p.feed(page)
    evidence_links = [h for h in p.hrefs if h.startswith("#ev-")]
    assert len(evidence_links) == sum(len(r.evidence) for r in result.items)
    assert all(h[1:] in p.ids for h in evidence_links)
    # The covered item's first link lands on its sentence, which is marked with the same class.
    first = result.get("dy").evidence[0]
    anchor = evidence_links[0][1:]
    assert f'<a class="anchor" id="{anchor}"></a><mark class="{anchor}' in page
    assert f"#{anchor}:target~mark.{anchor}" in page
    assert first.text.startswith("到基层一线开展调研") and first.section == "一/（一）"


def test_seed_report_is_self_contained(seed001_path: Path) -> None:
    cl = load_checklist(Path(__file__).resolve().parents[2] / "corpora" / "checklists" / "zhuti-jiaoyu-2023.toml")
    page = render_html(check(textkit.parse(seed001_path), cl))
    assert page.startswith("<!DOCTYPE html>") and "http://" not in page and "https://" not in page
    assert '<tr id="item-minzhu-shenghuohui">' in page


@pytest.mark.parametrize("text", ["", "\n\n"])
def test_empty_evidence_does_not_break(text: str) -> None:
    from textkit.model import Document, Section
    from textkit.model import Plan as P

    doc = Document(text=text + "开展调研")
    plan = P(document=doc, root=Section(kind="document", start=0, end=len(doc.text)))
    page = render_html(check(plan, _checklist()))
    assert "开展调研" in page


def test_pdf_evidence_cites_the_page(seed001_path: Path, tmp_path: Path) -> None:
    # A drafter reading a PDF looks for the page, not a line of the extracted text.
    import importlib.util
    import sys

    name = "textkit_tests_reading_fixtures"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).resolve().parents[1] / "reading" / "fixtures.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    built = sys.modules[name].pdf_from_text(seed001_path.read_text(encoding="utf-8"))
    pdf = tmp_path / "seed001.pdf"
    pdf.write_bytes(built.data)
    from textkit.output.check_report import check_to_dict

    checklist = load_checklist(Path(__file__).resolve().parents[2] / "corpora" / "checklists" / "zhuti-jiaoyu-2023.toml")
    result = check(textkit.parse(pdf), checklist)
    d = check_to_dict(result)
    pages = [e["page"] for i in d["items"] for e in i["evidence"]]
    assert pages and all(1 <= p <= built.pages for p in pages) and len(set(pages)) > 1
    assert f"· 第{pages[0]}页</a>" in render_html(result)
