"""Fixtures of the batch tests: one local Dask cluster of 2 workers for the module, and a mixed batch of
plans (seed plans and parts of them as .txt, one as .docx and one as .pdf, a corrupt .docx, an empty file)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


def _reading_builders() -> ModuleType:
    # The .docx/.pdf builders of the reading tests, under the name their conftest loads them by.
    name = "textkit_tests_reading_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parent.parent / "reading" / "fixtures.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A LocalCluster with 2 worker processes (nannies restart a killed worker)."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=50) as c:
        yield c


@pytest.fixture(scope="module")
def mixed_batch(tmp_path_factory: pytest.TempPathFactory, seed000_text: str, seed001_text: str) -> Path:
    """A folder of 18 inputs: 14 plans as .txt (the seeds and cuts of them), a .docx, a .pdf, a corrupt
    .docx and an empty .txt."""
    b = _reading_builders()
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "seed000.txt").write_text(seed000_text, encoding="utf-8")
    (folder / "seed001.txt").write_text(seed001_text, encoding="utf-8")
    for name, text in (("000", seed000_text), ("001", seed001_text)):
        lines = text.split("\n")
        for share in (25, 40, 55, 70, 85, 95):  # six distinct plans: the first share % of the lines
            cut = len(lines) * share // 100
            (folder / f"cut{name}-{share:03d}.txt").write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    sub = folder / "formats"
    sub.mkdir()
    (sub / "seed001.docx").write_bytes(b.docx_from_text(seed001_text))
    (sub / "seed000.pdf").write_bytes(b.pdf_from_text(seed000_text).data)
    (sub / "corrupt.docx").write_bytes(b"PK\x03\x04" + b"\x14\x00broken zip" * 20)
    (folder / "empty.txt").write_bytes(b"")
    return folder
