"""The one write path of textkit: outputs never replace an input, and a file is written whole or not at all.

Every command writes through here. `refuse_clobber` refuses an output that resolves to an input (the same
path, a symlink or hard link to it, or a plan inside an input folder or glob); `atomic_output` writes to a
temporary file in the target folder and renames it over the target only when the writer finished, so an
interrupted run leaves no partial file; a missing folder, a folder, or a read-only place is an
`OutputError` (exit 2, one line), never a traceback.

>>> write_text("方案.json", "{}", inputs=["方案.txt"])  # doctest: +SKIP
>>> write_text("方案.txt", "{}", inputs=["方案.txt"])  # doctest: +SKIP
Traceback (most recent call last):
textkit.errors.OutputError: 方案.txt: is an input of this run; writing it would replace it ...
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from textkit.errors import OutputError

__all__ = ["atomic_output", "refuse_clobber", "write_bytes", "write_text"]

# What a folder given as input is read for (textkit.comparison.compare.PLAN_SUFFIXES, plus checklists).
_READ_SUFFIXES = frozenset({".txt", ".docx", ".pdf", ".toml", ".yaml", ".yml", ".jsonl", ".json"})

PathLike = str | os.PathLike[str]
_SURROGATE = re.compile("[\ud800-\udfff]")


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _clobbers(out: Path, raw: str) -> bool:
    """Whether writing ``out`` would replace the input named ``raw`` (a file, a folder or a glob)."""
    p = Path(raw)
    real_out = Path(os.path.realpath(out))
    if p.is_dir():
        real_dir = Path(os.path.realpath(p))
        return (real_out.suffix.lower() in _READ_SUFFIXES and real_out.exists()
                and real_dir in real_out.parents)
    if not p.exists() and glob.has_magic(raw):
        return any(_same(out, Path(f)) for f in glob.glob(raw, recursive=True))
    return Path(os.path.realpath(p)) == real_out or _same(out, p)


def refuse_clobber(output: PathLike | None, *, inputs: Iterable[PathLike | None]) -> None:
    """Raise `OutputError` when ``output`` resolves to one of ``inputs`` (files, folders or glob patterns).

    ``None`` and ``-`` (stdout) never clobber anything.

    >>> refuse_clobber("报告.md", inputs=["方案.txt"])
    """
    if output is None or os.fspath(output) in ("", "-"):
        return
    out = Path(os.fspath(output))
    for raw in inputs:
        if raw is None or os.fspath(raw) in ("", "-"):
            continue
        if _clobbers(out, os.fspath(raw)):
            raise OutputError(
                f"is an input of this run ({os.fspath(raw)}); writing it would replace it: "
                "choose another output path", source=os.fspath(output))


def _check_target(out: Path, source: str) -> None:
    if out.is_dir():
        raise OutputError("is a folder; give a file path to write to", source=source)
    folder = out.parent
    if not folder.exists():
        raise OutputError(f"folder {str(folder)!r} does not exist; create it first", source=source)
    if not folder.is_dir():
        raise OutputError(f"{str(folder)!r} is not a folder", source=source)


@contextlib.contextmanager
def atomic_output(output: PathLike, *, inputs: Iterable[PathLike | None] = ()) -> Iterator[Path]:
    """A temporary path beside ``output`` to write to; renamed over ``output`` when the block ends cleanly.

    The temporary file keeps the output's suffix (writers such as openpyxl choose a format by it). If the
    block raises, the temporary file is removed and ``output`` is left as it was.

    >>> with atomic_output("任务分解表.xlsx", inputs=["方案.docx"]) as tmp:  # doctest: +SKIP
    ...     write_tasks_xlsx(rows, tmp)
    """
    source = os.fspath(output)
    refuse_clobber(output, inputs=inputs)
    out = Path(source)
    _check_target(out, source)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp" + out.suffix, dir=out.parent)
    except OSError as exc:
        raise OutputError(f"cannot be written ({exc.strerror or exc})", source=source) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        try:
            if out.exists():
                # keep the permissions of the file being replaced (mkstemp makes it 0600)
                os.chmod(tmp, out.stat().st_mode & 0o7777)
            else:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)
            os.replace(tmp, out)
        except OSError as exc:
            raise OutputError(f"cannot be written ({exc.strerror or exc})", source=source) from None
    except OSError as exc:  # the writer itself failed (disk full, …)
        raise OutputError(f"cannot be written ({exc.strerror or exc})", source=source) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_bytes(output: PathLike, data: bytes, *, inputs: Iterable[PathLike | None] = ()) -> None:
    """Write ``data`` to ``output`` whole or not at all; refuse to replace any of ``inputs``."""
    with atomic_output(output, inputs=inputs) as tmp:
        tmp.write_bytes(data)


def write_text(output: PathLike, text: str, *, inputs: Iterable[PathLike | None] = ()) -> None:
    """Write ``text`` as UTF-8 to ``output`` whole or not at all; refuse to replace any of ``inputs``.

    Characters UTF-8 cannot hold (a lone surrogate) are written as U+FFFD rather than failing half-way.

    >>> write_text("提纲.md", "# 一、总体要求\\n", inputs=["方案.txt"])  # doctest: +SKIP
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        data = _SURROGATE.sub("\ufffd", text).encode("utf-8")
    write_bytes(output, data, inputs=inputs)
