"""Discovery and content hashing: the inputs of a batch as (path, hash, size) records.

A batch is keyed by content, not by name: a rerun skips every file whose bytes were already parsed,
wherever it now lies, and a renamed copy is not parsed twice.

>>> files, errors = discover(["corpora"])  # doctest: +SKIP
>>> files[0].hash[:8]  # doctest: +SKIP
'3b4e0d12'
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from typing import NamedTuple

from textkit.errors import FileMissingError, InputError

__all__ = ["InputFile", "content_hash", "discover", "partition"]

_BLOCK = 1 << 20


class InputFile(NamedTuple):
    """One input of a batch: its path as given (or found in a folder), content hash and size in bytes."""

    path: str
    hash: str
    size: int


def content_hash(path: str | os.PathLike[str]) -> str:
    """The BLAKE2b-128 hex digest of a file's bytes (fast, and collision-free for any corpus).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"; _ = p.write_text("一、总体要求\\n", encoding="utf-8")
    >>> len(content_hash(p))
    32
    """
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as f:
        while chunk := f.read(_BLOCK):
            h.update(chunk)
    return h.hexdigest()


def discover(inputs: Iterable[str | os.PathLike[str]]) -> tuple[list[InputFile], list[InputError]]:
    """Files and folders (their .txt/.docx/.pdf files, recursively) → hashed inputs, plus what could not be
    found or read (a folder with no plan files, a missing path, an unreadable file).

    A path named twice is kept once.
    """
    from textkit.comparison.compare import expand_inputs

    paths, errors = expand_inputs(inputs)
    files: list[InputFile] = []
    for p in paths:
        try:
            if not os.path.isfile(p):
                raise FileMissingError("no such file", source=p)
            files.append(InputFile(p, content_hash(p), os.path.getsize(p)))
        except InputError as exc:
            errors.append(exc)
        except OSError as exc:  # permission denied, a file removed while listing
            errors.append(FileMissingError(f"cannot be read ({exc.strerror})", source=p))
    return files, errors


def partition(files: list[InputFile], *, size: int) -> list[list[InputFile]]:
    """Consecutive runs of at most ``size`` files (in the order given, which keeps folders together)."""
    size = max(1, size)
    return [files[i : i + size] for i in range(0, len(files), size)]
