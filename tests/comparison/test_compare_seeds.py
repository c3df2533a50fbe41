"""`compare` on the two seeds and the 2023 主题教育 意见: matrix = the check engine, reuse, inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.comparison.compare import Comparison, compare, expand_inputs
from textkit.comparison.coverage import check
from textkit.errors import FileMissingError, InputError

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "corpora" / "checklists" / "zhuti-jiaoyu-2023.toml"


@pytest.fixture(scope="module")
def comparison(seed000_path: Path, seed001_path: Path, directive_path: Path) -> Comparison:
    return compare([seed000_path, seed001_path], directive=directive_path, progress=False)


def test_matrix_agrees_with_check(comparison: Comparison) -> None:
    cov = comparison.coverage
    assert cov is not None and comparison.checklist is not None
    assert len(cov.items) == len(comparison.checklist) > 0
    for i, plan in enumerate(comparison.plans):
        direct = check(plan, comparison.checklist)
        for j, item in enumerate(cov.items):
            r = direct.get(item.id)
            assert cov.status[i][j] == r.status, (plan.document.source, item.id)
            assert cov.scores[i, j] == pytest.approx(r.score)
    for item in cov.items:
        assert cov.covered_by(item.id) == sum(1 for row in cov.status if row[cov.index(item.id)] == "covered")


@pytest.mark.skipif(not SHIPPED.is_file(), reason="the shipped 主题教育 checklist (issue 5) has not landed yet")
def test_shipped_checklist_verdicts(seed000_path: Path, seed001_path: Path) -> None:
    c = compare([seed000_path, seed001_path], checklist=SHIPPED, progress=False)
    cov = c.coverage
    assert cov is not None

    def item(word: str) -> str:
        return next(i.id for i in cov.items if word in i.title)

    s000, s001 = (p.document.source for p in c.plans)
    assert cov.get(s000, item("民主生活会")) == "missing"
    assert cov.get(s001, item("民主生活会")) == "covered"
    j = cov.index(item("民主生活会"))
    assert any(e.section == "二/（四）/3" for e in cov.results[1].items[j].evidence)
    for word in ("调查研究", "检视整改"):
        assert cov.get(s000, item(word)) == "covered"
        assert cov.get(s001, item(word)) == "covered"


def test_reuse_and_copy_ratios_reported(comparison: Comparison) -> None:
    r000, r001 = comparison.reuse.plans
    assert r000.copy_ratio > r001.copy_ratio > 0
    assert comparison.reuse.directive == comparison.directive.document.source  # type: ignore[union-attr]
    d = comparison.directive.document.text  # type: ignore[union-attr]
    t = comparison.plans[0].document.text
    p = next(p for p in r000.passages if "凝心铸魂筑牢根本" in t[p.a_start : p.a_end])
    assert "凝心铸魂筑牢根本" in d[p.b_start : p.b_end]


def test_bad_file_reported_and_rest_compared(seed000_path: Path, seed001_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 50)
    c = compare([seed000_path, bad, tmp_path / "missing.txt", seed001_path], progress=False)
    assert [p.document.source for p in c.plans] == [str(seed000_path), str(seed001_path)]
    assert len(c.errors) == 2
    assert all(isinstance(e, InputError) for e in c.errors)
    assert c.coverage is None
    assert c.similarity.matrix.shape == (2, 2)


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no plan could be read"):
        compare([tmp_path / "missing.txt"], progress=False)


def test_folders_and_globs_expand(seed000_path: Path, tmp_path: Path) -> None:
    corpora = seed000_path.parent
    files, errors = expand_inputs([corpora, str(corpora / "00*.txt"), str(tmp_path / "*.docx")])
    assert files == sorted(str(p) for p in corpora.glob("*.txt"))  # duplicates dropped, README.md not a plan
    assert len(errors) == 1 and isinstance(errors[0], FileMissingError)


def test_frames(comparison: Comparison) -> None:
    from textkit.output.compare_report import comparison_frames

    frames = comparison_frames(comparison)
    assert list(frames["plans"]["source"]) == list(comparison.sources)
    assert list(frames["coverage"].columns)[1:] == [i.id for i in comparison.coverage.items]  # type: ignore[union-attr]
    assert len(frames["reuse"]) == len(comparison.reuse.passages)
    assert frames["similarity"].shape == (2, 3)
