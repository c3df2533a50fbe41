"""Do .docx and .pdf renderings of a plan parse like its .txt? Headings, units, measures, task-table rows.

Each plan (.txt) of the corpus folders is rendered with the reading tests' own builders
(tests/reading/fixtures.py: python-docx and reportlab stay imported in one place):

- .docx: one paragraph a line, markers typed as text, runs of tab-separated lines as real Word tables
  (``docx``) or as paragraphs laid out with tab characters (``docx-tabs``);
- .pdf: A4, reportlab's CJK font STSong-Light, 80 pt margins so long lines wrap, a running header and a
  ``— N —`` footer, tab-separated runs drawn as ruled tables, in three layouts:
  ``word`` (two-character first-line indent, justified), ``ragged`` (marker lines flush left, other
  paragraphs indented, ragged right, Chinese line breaking that carries a character along with a
  punctuation mark), ``flush`` (no indents, ragged right, the same line breaking) and ``tabs`` (as ``word``,
  but a table whose rows fit on one line is laid out with tab stops, unruled).

The files go to a temporary folder (or ``--out``), never into the repository. Each rendering is parsed with
textkit and compared with the .txt parse. Line numbers differ between renderings, so items are matched as
sequences (difflib): headings on (marker, title, level), units on (text, role); F1 = 2·matched / (n_txt +
n_other). Also printed: the measure count, the task-table rows that name an owner, and the table rows (lines
with cells split by a tab) of the read document.

    .venv/bin/python scripts/render_parity.py                 # ../shared/corpus/raw and ../shared/corpus/extra
    .venv/bin/python scripts/render_parity.py DIR --layout flush --only 030 -v
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import re
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LAYOUTS: dict[str, dict[str, Any]] = {
    "word": {"indent": "all", "justify": True, "kinsoku": True},
    "ragged": {"indent": "body", "justify": False, "kinsoku": True},
    "flush": {"indent": "none", "justify": False, "kinsoku": True},
    "tabs": {"indent": "all", "justify": True, "kinsoku": True, "tables": "tabs"},
}


def _builders() -> ModuleType:
    name = "textkit_tests_reading_fixtures"
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "reading" / "fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


@dataclass(frozen=True)
class Parsed:
    headings: list[tuple[str, str, int]]
    units: list[tuple[str, str]]
    measures: int
    owned_rows: int  # task-table rows (measures of kind table-row) that name a unit
    table_rows: int  # lines of the document text that are table rows (cells split by \t)


def _parsed(path: Path) -> Parsed:
    from textkit.output.tasks import task_rows
    from textkit.pipeline import parse

    plan = parse(path)
    heads = [(_norm(s.marker), _norm(s.title), s.level) for s in plan.sections() if s.marker]
    units = [(_norm(u.text), u.role or "") for u in sorted(plan.units, key=lambda u: u.start)]
    owned = sum(1 for r in task_rows(plan)
                if r["kind"] == "table-row" and (r["lead"] or r["support"] or r["responsible"]))
    rows = sum(1 for line in plan.document.text.split("\n") if "\t" in line)
    return Parsed(headings=heads, units=units, measures=len(plan.measures), owned_rows=owned, table_rows=rows)


def _matched(a: Sequence[Any], b: Sequence[Any]) -> int:
    return sum(m.size for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def _f1(tp: int, na: int, nb: int) -> float:
    return 1.0 if na + nb == 0 else 2 * tp / (na + nb)


def _diff(a: Sequence[Any], b: Sequence[Any]) -> list[str]:
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            out.append(f"      {op}: txt {list(a[i1:i2])[:3]} → {list(b[j1:j2])[:3]}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", type=Path,
                    default=[ROOT / ".." / "shared" / "corpus" / "raw", ROOT / ".." / "shared" / "corpus" / "extra"])
    ap.add_argument("--layout", choices=[*LAYOUTS, "all"], default="all", help="PDF layout(s) (default: all)")
    ap.add_argument("--only", nargs="*", help="plan names (file stems) to render")
    ap.add_argument("--out", type=Path, help="folder for the renderings (default: a temporary folder)")
    ap.add_argument("-v", action="store_true", help="print the heading and unit differences")
    a = ap.parse_args(argv)
    layouts = list(LAYOUTS) if a.layout == "all" else [a.layout]
    files = sorted(p for d in a.dirs for p in d.glob("*.txt") if not a.only or p.stem in a.only)
    if not files:
        print("no .txt plans found in " + ", ".join(map(str, a.dirs)), file=sys.stderr)
        return 2
    b = _builders()
    kinds = ["docx", "docx-tabs", *(f"pdf-{name}" for name in layouts)]
    with tempfile.TemporaryDirectory(prefix="render_parity_") as tmp:
        out = a.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        totals = {k: [0, 0, 0, 0, 0, 0] for k in kinds}  # h tp, h txt, h other, u tp, u txt, u other
        sums = {k: [0, 0, 0] for k in ["txt", *kinds]}  # measures, owned rows, table rows
        failed = 0
        print(f"{'file':8} {'rendering':11} {'headings F1':>16} {'units F1':>16} {'measures':>9} {'owned rows':>10} "
              f"{'table rows':>10}")
        for path in files:
            text = path.read_text(encoding="utf-8")
            try:
                ref = _parsed(path)
            except Exception as exc:  # one bad file is reported, the rest go on
                print(f"{path.stem:8} txt: {type(exc).__name__}: {exc}")
                failed += 1
                continue
            sums["txt"][0] += ref.measures
            sums["txt"][1] += ref.owned_rows
            sums["txt"][2] += ref.table_rows
            print(f"{path.stem:8} {'txt':11} {len(ref.headings):>16} {len(ref.units):>16} {ref.measures:>9} "
                  f"{ref.owned_rows:>10} {ref.table_rows:>10}")
            for kind in kinds:
                target = out / f"{path.stem}.{kind}.{'docx' if kind.startswith('docx') else 'pdf'}"
                try:
                    if kind.startswith("docx"):
                        target.write_bytes(b.docx_from_text(text, numbering="typed", extras=False,
                                                            tables="tabs" if kind == "docx-tabs" else "word"))
                    else:
                        built = b.pdf_from_text(text, header=None, **LAYOUTS[kind.removeprefix("pdf-")])
                        target.write_bytes(built.data)
                    got = _parsed(target)
                except Exception as exc:
                    print(f"{path.stem:8} {kind:11} {type(exc).__name__}: {exc}")
                    failed += 1
                    continue
                ht = _matched(ref.headings, got.headings)
                ut = _matched(ref.units, got.units)
                t = totals[kind]
                for n, v in enumerate((ht, len(ref.headings), len(got.headings), ut, len(ref.units), len(got.units))):
                    t[n] += v
                sums[kind][0] += got.measures
                sums[kind][1] += got.owned_rows
                sums[kind][2] += got.table_rows
                hf = _f1(ht, len(ref.headings), len(got.headings))
                uf = _f1(ut, len(ref.units), len(got.units))
                print(f"{'':8} {kind:11} {hf:>7.3f} ({ht:>3}/{len(got.headings):>3}) {uf:>7.3f} ({ut:>3}/{len(got.units):>3})"
                      f" {got.measures:>9} {got.owned_rows:>10} {got.table_rows:>10}")
                if a.v:
                    for line in _diff(ref.headings, got.headings) + _diff(ref.units, got.units):
                        print(line)
        print()
        print(f"overall over {len(files)} plans (headings/units: matched / txt / rendering):")
        print(f"{'txt':11} measures {sums['txt'][0]}, owned task rows {sums['txt'][1]}, table rows {sums['txt'][2]}")
        for kind in kinds:
            ht, hn, ho, ut, un, uo = totals[kind]
            print(f"{kind:11} headings F1 {_f1(ht, hn, ho):.3f} ({ht}/{hn}/{ho})  units F1 {_f1(ut, un, uo):.3f} "
                  f"({ut}/{un}/{uo})  measures {sums[kind][0]}  owned task rows {sums[kind][1]}  table rows {sums[kind][2]}")
        if failed:
            print(f"{failed} rendering(s) failed (see above)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
