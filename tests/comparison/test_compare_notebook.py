"""The researcher notebook is a real notebook: valid cells, code that compiles, outputs cleared."""

from __future__ import annotations

import ast
import json
from pathlib import Path

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "researcher.ipynb"


def test_notebook_cells_compile_and_outputs_are_cleared() -> None:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(code) >= 10
    for cell in code:
        assert cell["outputs"] == [] and cell["execution_count"] is None
        ast.parse("".join(cell["source"]))
    text = "".join("".join(c["source"]) for c in code)
    for call in ("parse_many", "plans_frames", "compare(", "c.graph()", "write_graphml"):
        assert call in text
