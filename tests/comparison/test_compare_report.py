"""Reports of `compare` beyond the CLI: many plans (canvas heatmap), the terminal summary, frames."""

from __future__ import annotations

import re

from textkit.comparison.compare import compare
from textkit.output.compare_report import comparison_to_dict, render_html, render_summary
from textkit.reading import read_text

LINES = (
    "深入开展调查研究，到基层一线解决群众急难愁盼问题。",
    "严格控制简报数量，严格控制网络平台载体痕迹管理。",
    "认真召开专题民主生活会，深入查摆问题，明确整改方向。",
    "健全学习制度，把主题教育中形成的好经验好做法用制度固定下来。",
)


def _docs(n: int) -> list:
    return [read_text(f"第{k}号<i>方案</i>&\n" + LINES[k % 4] + LINES[(k + 1) % 4], source=f"<u>{k}</u>.txt")
            for k in range(n)]


def test_many_plans_draw_the_similarity_heatmap_on_a_canvas() -> None:
    c = compare(_docs(61), progress=False)
    page = render_html(c)
    assert "<canvas" in page
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script is not None
    assert "方案" not in script.group(1) and "<u>" not in script.group(1)  # numbers only in the script
    assert "&lt;u&gt;0&lt;/u&gt;.txt" in page
    assert "<u>" not in page and "<i>" not in page  # names and text are escaped everywhere
    assert c.reuse.between == ()  # more than 50 plans: between-plan reuse is off unless asked for


def test_summary_and_json_of_small_comparison() -> None:
    c = compare(_docs(4), progress=False)
    text = render_summary(c)
    assert text.startswith("共比较 4 份方案")
    assert "最相似的方案" in text
    d = comparison_to_dict(c)
    assert d["directive"] is None and all(p["copy_ratio"] == 0.0 for p in d["plans"])
    # Each plan shares one sentence with the next: passages between plans, found without a directive.
    assert d["reuse"] and all(r["kind"] == "between" for r in d["reuse"])
    assert d["clusters"] == list(c.similarity.clusters)
