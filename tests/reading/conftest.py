"""Fixtures of the reading tests: the files of `fixtures.py`, built once per session into a temp folder."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest


def _load_builders() -> ModuleType:
    # loaded under a unique name: a bare `import fixtures` could collide with another test folder's helper
    name = "textkit_tests_reading_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("fixtures.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


builders = _load_builders()


@pytest.fixture(scope="session")
def build() -> ModuleType:
    """The fixture builders (`docx_from_text`, `pdf_from_text`, `zip_bomb`…)."""
    return builders


@dataclass(frozen=True)
class SeedFiles:
    """Seed 001 as .txt, .docx with typed numbering, .docx with Word numbering, and .pdf."""

    txt: Path
    docx_typed: Path
    docx_auto: Path
    pdf: Path
    pdf_pages: int
    line_pages: list[int]  # page of each non-empty line's first characters in the PDF

    def all(self) -> dict[str, Path]:
        return {"txt": self.txt, "docx-typed": self.docx_typed, "docx-auto": self.docx_auto, "pdf": self.pdf}


@pytest.fixture(scope="session")
def seed001_files(tmp_path_factory: pytest.TempPathFactory, seed001_path: Path) -> SeedFiles:
    text = seed001_path.read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("seed001")
    typed = folder / "seed001_typed.docx"
    typed.write_bytes(builders.docx_from_text(text, numbering="typed"))
    auto = folder / "seed001_auto.docx"
    auto.write_bytes(builders.docx_from_text(text, numbering="auto"))
    built = builders.pdf_from_text(text)
    pdf = folder / "seed001.pdf"
    pdf.write_bytes(built.data)
    return SeedFiles(txt=seed001_path, docx_typed=typed, docx_auto=auto, pdf=pdf, pdf_pages=built.pages,
                     line_pages=built.line_pages)


@pytest.fixture
def assert_refused(capsys: pytest.CaptureFixture[str]) -> Callable[[Path, type[Exception], str], None]:
    """Check that reading ``path`` raises ``error`` saying ``says``, and that the CLI exits 2 with one line."""
    from textkit.cli import main
    from textkit.reading import read

    def check(path: Path, error: type[Exception], says: str) -> None:
        with pytest.raises(error) as info:
            read(path)
        assert says in str(info.value)
        assert str(path) in str(info.value)
        assert main(["parse", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("textkit: error: ") and str(path) in err

    return check
