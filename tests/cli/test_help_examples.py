"""Every `--help` shows examples and says what its FILE arguments take (check's help is the lead's)."""

from __future__ import annotations

import pytest

from textkit.cli import main


@pytest.mark.parametrize("argv", [[], ["parse"], ["tasks"], ["compare"], ["lint"]], ids=lambda a: " ".join(a) or "textkit")
def test_help_has_examples(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*argv, "--help"]) == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    examples = out[out.index("examples:"):]
    assert examples.count("textkit ") >= 3
    if argv:
        positional = out[out.index("positional arguments:"):out.index("options:")]
        assert ".docx" in positional and ".pdf" in positional
