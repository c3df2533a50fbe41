"""Quiet by default: nothing on stderr from jieba when a fresh process segments or converts to spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPTS = {
    "tokenize": "from textkit.tokenize import tokenize; print(len(tokenize('深入开展调查研究')))",
    "to_spacy": "import textkit; from textkit.nlp import to_spacy; "
                "print(len(to_spacy(textkit.parse_text('一、总体要求\\n（一）指导思想\\n'))))",
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_no_loading_messages(name: str) -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPTS[name]], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().isdigit()
    assert done.stderr == ""


def test_import_textkit_stays_light() -> None:
    code = ("import sys, textkit; heavy = [m for m in ('jieba', 'sklearn', 'spacy', 'pandas', 'networkx', "
            "'scipy', 'openpyxl') if m in sys.modules]; print(heavy)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
