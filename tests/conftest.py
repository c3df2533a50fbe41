"""Shared fixtures: the two seed plans in corpora/ and the dev corpus in ../shared (when present)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SEED_000 = CORPORA / "000_3b4e0d12af4a227f.txt"
SEED_001 = CORPORA / "001_ea77caf3222f4d4a.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
DIRECTIVE_042 = SHARED_CORPUS / "raw" / "042.txt"


@pytest.fixture(scope="session")
def seed000_path() -> Path:
    return SEED_000


@pytest.fixture(scope="session")
def seed001_path() -> Path:
    return SEED_001


@pytest.fixture(scope="session")
def seed000_text() -> str:
    return SEED_000.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed001_text() -> str:
    return SEED_001.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the project")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def directive_path(shared_corpus: Path) -> Path:
    return shared_corpus / "raw" / "042.txt"
