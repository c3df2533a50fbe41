"""Generate realistic plans for scale benchmarks by recombining real paragraphs.

Paragraphs come from the seed plans in ``corpora/`` and, when it is beside the project, the dev corpus
``../shared/corpus/raw`` — read at run time, never copied into the repository. Their own numbering is
stripped; each generated plan gets a title, a recipient line, a preamble, its own numbering
(一、 / （一） / 1.), 责任单位 and 完成时限 lines naming units and dates drawn from lists here, and a
signature with a date. A share of the plans (``--reuse``) is derived from an earlier plan with some
paragraphs replaced, so near-duplicate and reuse detection has something real to find.

    .venv/bin/python scripts/generate_plans.py OUTDIR --count 100000 [--seed 0] [--reuse 0.05]

Files go in sub-folders of 1,000 (``OUTDIR/00042/plan-0042123.txt``). Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "corpora", ROOT.parent / "shared" / "corpus" / "raw")

# A line's own numbering marker, stripped before the paragraph is reused under new numbering.
_MARKER = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百]+[章节条部分]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]"
    r"|\d{1,2}[.、．]|[（(]\d{1,2}[）)]|[①-⑳]|[一二三四五六七八九十]是)\s*"
)
_CN = "一二三四五六七八九十"
# Short lines that are not headings: dates, document numbers, names in a list, form labels.
_NOT_HEADING = re.compile(r"[。：:〔\d]|\s{2}|\u3000|^[^\u4e00-\u9fff]|表$")

ORGS = ("市", "区", "县", "省", "市教育", "区卫生健康", "县农业农村", "市生态环境", "省交通运输", "市商务")
KINDS = ("实施方案", "工作方案", "行动方案", "工作要点", "三年行动计划")
UNITS = (
    "发展改革委", "教育局", "科技局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
    "人力资源社会保障局", "自然资源局", "生态环境局", "住房城乡建设局", "交通运输局", "水利局",
    "农业农村局", "商务局", "文化旅游局", "卫生健康委", "应急管理局", "市场监管局", "统计局", "医保局",
    "机关党委", "办公室", "组织部", "宣传部", "团委", "妇联", "总工会", "税务局",
)
DEADLINES = ("{y}年{m}月底前", "{y}年{m}月{d}日前", "{y}年底前", "长期坚持", "每季度", "{m}月底前", "{y}年上半年")


def _title_of(line: str) -> str:
    return line.rstrip("。；;：: ").strip()


def paragraphs(sources: tuple[Path, ...] = SOURCES) -> tuple[list[str], list[str]]:
    """(headings, body paragraphs) from every .txt under ``sources``, numbering stripped."""
    headings: set[str] = set()
    bodies: set[str] = set()
    for folder in sources:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            for raw in path.read_text(encoding="utf-8").split("\n"):
                if "\t" in raw:  # table rows keep their own layout; not reusable as prose
                    continue
                line = _MARKER.sub("", raw).strip()
                if 4 <= len(line) <= 24 and not _NOT_HEADING.search(line):
                    headings.add(_title_of(line))
                elif len(line) >= 30 and line[-1] in "。；;":
                    bodies.add(line)
    return sorted(headings), sorted(bodies)


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    return ("十" if n < 20 else _CN[n // 10 - 1] + "十") + (_CN[n % 10 - 1] if n % 10 else "")


def _deadline(rng: random.Random, year: int) -> str:
    return rng.choice(DEADLINES).format(y=year + rng.randint(0, 2), m=rng.randint(1, 12), d=rng.randint(1, 28))


def plan_text(rng: random.Random, headings: list[str], bodies: list[str], *, body: list[str] | None = None) -> str:
    """One plan. With ``body`` (another plan's paragraphs) most paragraphs are taken from it in order."""
    year = rng.randint(2015, 2025)
    org = rng.choice(ORGS)
    topic = _title_of(rng.choice(headings))
    lines = [f"{org}关于{topic}的{rng.choice(KINDS)}", "", "各有关单位：", rng.choice(bodies)]
    donor = iter(body or ())

    def para() -> str:
        if body is not None and rng.random() < 0.85:
            nxt = next(donor, None)
            if nxt is not None:
                return nxt
        return rng.choice(bodies)

    for i in range(1, rng.randint(3, 6) + 1):
        lines.append(f"{_cn(i)}、{rng.choice(headings)}")
        for j in range(1, rng.randint(2, 5) + 1):
            lines.append(f"（{_cn(j)}）{rng.choice(headings)}。{para()}")
            if rng.random() < 0.3:
                for k in range(1, rng.randint(2, 4) + 1):
                    lines.append(f"{k}.{rng.choice(headings)}。{para()}")
            elif rng.random() < 0.5:
                lines.append(para())
            if rng.random() < 0.6:
                lead, *support = rng.sample(UNITS, rng.randint(1, 4))
                lines.append(f"责任单位：{lead}" + (f"（牵头）、{'、'.join(support)}" if support else ""))
                lines.append(f"完成时限：{_deadline(rng, year)}")
    lines += ["", f"{org}人民政府办公室", f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日", ""]
    return "\n".join(lines)


def _bodies_of(text: str, bodies: set[str]) -> list[str]:
    out = []
    for line in text.split("\n"):
        for part in (line, line.split("。", 1)[-1]):
            if part in bodies:
                out.append(part)
                break
    return out


def generate(outdir: Path, count: int, *, seed: int = 0, reuse: float = 0.05) -> list[Path]:
    """Write ``count`` plans under ``outdir``; returns their paths."""
    headings, bodies = paragraphs()
    if not bodies or not headings:
        raise SystemExit("no source paragraphs: corpora/ is missing")
    body_set = set(bodies)
    rng = random.Random(seed)
    recent: list[str] = []
    paths = []
    for n in range(count):
        donor = None
        if recent and rng.random() < reuse:
            donor = _bodies_of(rng.choice(recent), body_set)
        text = plan_text(rng, headings, bodies, body=donor)
        if len(recent) < 200:
            recent.append(text)
        else:
            recent[rng.randrange(200)] = text
        folder = outdir / f"{n // 1000:05d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"plan-{n:07d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--reuse", type=float, default=0.05, help="share of plans derived from an earlier one")
    args = ap.parse_args(argv)
    paths = generate(args.outdir, args.count, seed=args.seed, reuse=args.reuse)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths[:1000])
    print(f"{len(paths)} plans in {args.outdir} (first 1,000: {chars / min(1000, len(paths)):,.0f} chars each on average)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
