"""The researcher notebook runs from a clean clone: executed with nbclient, every cell without an error,
at least three plots drawn, and nothing read from outside the repository (no ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "researcher.ipynb"


def test_notebook_reads_only_the_repository() -> None:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    source = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert "shared" not in source and "corpora" in source


def test_notebook_executes_and_draws(tmp_path: Path) -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # a cell that raises fails here (CellExecutionError)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3
    # the first table of the walk-through lists both shipped plans
    first = next(o for o in outputs if "text/html" in o.get("data", {}))
    assert "P1" in first["data"]["text/html"] and "P2" in first["data"]["text/html"]
