"""Word segmentation with character spans (the one place jieba is imported).

jieba is imported on the first call, not on import, and its dictionary is read once per process. The
default `Segmenter` reads it *lazily*: jieba's prefix dictionary (about 500,000 entries, 0.5–1 s to load
whole) is kept in a cache file in buckets by an entry's first two characters. Every entry jieba looks up
while cutting a text is a piece of that text, so it starts with one of the text's characters or
character pairs: before a text is cut, the buckets of those (not loaded yet) are merged into jieba's own
dictionary, a plain dict, and cutting runs at jieba's usual speed. Segmenting a plan reads a small part
of the dictionary. The answers are jieba's own: the cache is built from jieba's dictionary by jieba's own
code, and ``Segmenter(fast=False)`` (jieba loading its whole dictionary) is the plain path the
differential test compares against. Quiet: jieba's loading messages are not shown.

>>> [t.text for t in tokenize("开展专项整治")]
['开展', '专项', '整治']
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import re
import struct
import tempfile
import threading
import zlib
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["Segmenter", "Token", "add_words", "cut", "cut_for_search", "default_segmenter", "idf_table", "keywords",
           "quiet_jieba", "tokenize"]

# Words of plan documents that jieba's default dictionary splits badly.
_DOMAIN_WORDS = (
    "主题教育", "调查研究", "检视整改", "建章立制", "民主生活会", "组织生活会", "专题民主生活会", "理论学习",
    "形式主义", "官僚主义", "责任单位", "牵头单位", "配合单位", "党支部", "机关党委", "机关纪委", "领导小组",
    "以学铸魂", "以学增智", "以学正风", "以学促干", "两个确立", "两个维护", "四个意识", "四个自信",
)


@dataclass(frozen=True, slots=True)
class Token:
    """A word and its half-open span in the text it was cut from."""

    text: str
    start: int
    end: int


# ---- the bucketed dictionary -------------------------------------------------------------------------------

_MAGIC = b"textkit-jieba-buckets/1\n"
_BUCKETS = 1 << 16  # a plan's character pairs touch a few thousand of them


def _bucket(key: str) -> int:
    # entries are bucketed by their first two characters: every prefix jieba looks up while scanning a
    # text starts with a character pair (or a single character) of that text
    return zlib.crc32(key[:2].encode("utf-8")) & (_BUCKETS - 1)


class _BucketedMap:
    """A read-mostly str → number mapping backed by a bucket file; buckets load on first touch.

    Answers ``in``, ``[]``, ``get`` and ``[]=`` exactly as the dict it was written from (jieba's prefix
    dictionary or IDF table); writes (jieba's ``add_word``) go to the loaded bucket.
    """

    def __init__(self, data: bytes, offsets: array[int]) -> None:
        self._data = data
        self._offsets = offsets
        self._loaded: list[dict[str, Any] | None] = [None] * _BUCKETS
        self._merged = bytearray(_BUCKETS)  # buckets already merged by `fill`
        self._lock = threading.Lock()

    def _get_bucket(self, key: str) -> dict[str, Any]:
        i = _bucket(key)
        b = self._loaded[i]
        if b is None:
            with self._lock:
                b = self._loaded[i]
                if b is None:
                    a, z = self._offsets[i], self._offsets[i + 1]
                    b = marshal.loads(self._data[a:z]) if z > a else {}
                    self._loaded[i] = b
        return b

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(key) and key in self._get_bucket(key)

    def __getitem__(self, key: str) -> Any:
        if not key:
            raise KeyError(key)
        return self._get_bucket(key)[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self._get_bucket(key).get(key, default) if key else default

    def __setitem__(self, key: str, value: Any) -> None:
        self._get_bucket(key)[key] = value

    def fill(self, text: str, into: dict[str, Any]) -> None:
        """Merge into ``into`` every bucket an entry starting at a position of ``text`` may be in (its
        characters and character pairs), each bucket once; the merged buckets are not kept here."""
        wanted = {_bucket(k) for k in {text[i:i + 2] for i in range(len(text))}}
        wanted.update(_bucket(ch) for ch in set(text))
        with self._lock:
            for i in wanted:
                if self._merged[i]:
                    continue
                a, z = self._offsets[i], self._offsets[i + 1]
                if z > a:
                    into.update(marshal.loads(self._data[a:z]))
                self._merged[i] = True


def _write_buckets(path: Path, entries: dict[str, Any], meta: dict[str, Any]) -> None:
    data, offsets = _as_bytes(entries)
    head = marshal.dumps(meta)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent)
    with os.fdopen(fd, "wb") as f:  # written whole, then renamed: a reader never sees half a file
        f.write(_MAGIC + struct.pack("<Q", len(head)) + head + offsets.tobytes())
        f.write(data)
    os.replace(tmp, path)


def _read_buckets(path: Path) -> tuple[dict[str, Any], _BucketedMap] | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if not raw.startswith(_MAGIC):
        return None
    try:
        at = len(_MAGIC)
        (n,) = struct.unpack_from("<Q", raw, at)
        at += 8
        meta = marshal.loads(raw[at:at + n])
        at += n
        offsets = array("Q")
        offsets.frombytes(raw[at:at + 8 * (_BUCKETS + 1)])
        at += 8 * (_BUCKETS + 1)
    except (struct.error, ValueError, EOFError, TypeError):
        return None  # a cut-short file: built again
    if len(offsets) != _BUCKETS + 1 or offsets[-1] != len(raw) - at or not isinstance(meta, dict):
        return None
    return meta, _BucketedMap(raw[at:], offsets)


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "textkit"


def _stamp(path: str) -> str:
    st = os.stat(path)
    return f"{st.st_size}-{int(st.st_mtime)}"


# ---- the segmenter -----------------------------------------------------------------------------------------


class Segmenter:
    """jieba with textkit's domain words, made on first use (one per process: `default_segmenter`).

    ``fast`` (default): the dictionaries are read bucket by bucket as texts need them (see the module);
    ``fast=False``: jieba loads its whole dictionary as it normally does. Both give the same words.
    """

    def __init__(self, *, fast: bool = True, cache_dir: str | os.PathLike[str] | None = None) -> None:
        self.fast = fast
        self.cache_dir = Path(cache_dir) if cache_dir is not None else _cache_dir()
        self._lock = threading.RLock()
        self._tk: Any = None
        self._store: _BucketedMap | None = None  # the dictionary buckets not merged yet (fast only)
        self._idf: tuple[Any, float, frozenset[str]] | None = None

    @property
    def tokenizer(self) -> Any:
        """The jieba ``Tokenizer``, dictionary ready and domain words added."""
        if self._tk is None:
            with self._lock:
                if self._tk is None:
                    self._tk = self._make_tokenizer()
        return self._tk

    def _make_tokenizer(self) -> Any:
        import jieba

        quiet_jieba()
        tk = jieba.Tokenizer()
        if self.fast:
            dict_file = jieba.DEFAULT_DICT_NAME
            source = os.path.join(os.path.dirname(jieba.__file__), dict_file)
            path = self.cache_dir / f"jieba-{jieba.__version__}-{_stamp(source)}.freq"
            got = _read_buckets(path)
            if got is None:
                with tk.get_dict_file() as f:
                    freq, total = tk.gen_pfdict(f)
                self._try_write(path, freq, {"total": total})
                got = ({"total": total}, _BucketedMap(*_as_bytes(freq)))
            meta, self._store = got
            tk.FREQ, tk.total, tk.initialized = {}, meta["total"], True
        else:
            tk.initialize()
        for w in _DOMAIN_WORDS:
            self._prepare(tk, w)
            tk.add_word(w)
        return tk

    def _prepare(self, tk: Any, text: str) -> Any:
        """``tk`` with every dictionary entry that cutting ``text`` can look up in place."""
        if self._store is not None:
            self._store.fill(text, tk.FREQ)
        return tk

    def _try_write(self, path: Path, entries: dict[str, Any], meta: dict[str, Any]) -> None:
        # a read-only home: the next process builds it again, with the same answers
        with contextlib.suppress(OSError):
            _write_buckets(path, entries, meta)

    def _idf_table(self) -> tuple[Any, float, frozenset[str]]:
        """jieba.analyse's IDF table, its median and stop words (same file, same numbers)."""
        if self._idf is None:
            with self._lock:
                if self._idf is None:
                    self._idf = self._load_idf()
        return self._idf

    def _load_idf(self) -> tuple[Any, float, frozenset[str]]:
        import jieba

        source = os.path.join(os.path.dirname(jieba.__file__), "analyse", "idf.txt")
        if not self.fast:
            import jieba.analyse

            ext = jieba.analyse.default_tfidf
            return ext.idf_freq, float(ext.median_idf), frozenset(ext.stop_words)
        path = self.cache_dir / f"jieba-{jieba.__version__}-{_stamp(source)}.idf"
        got = _read_buckets(path)
        if got is not None:
            meta, table = got
            return table, float(meta["median"]), frozenset(meta["stop"])
        import jieba.analyse  # the plain loader, once, to write the cache from jieba's own reading

        ext = jieba.analyse.default_tfidf
        meta = {"median": float(ext.median_idf), "stop": sorted(ext.stop_words)}
        self._try_write(path, dict(ext.idf_freq), meta)
        return ext.idf_freq, float(ext.median_idf), frozenset(ext.stop_words)

    def add_words(self, words: Iterable[str]) -> None:
        tk = self.tokenizer
        for w in words:
            # add_word reads the word's prefixes (and segments the word to suggest a frequency)
            self._prepare(tk, w).add_word(w)

    def tokenize(self, text: str) -> list[Token]:
        tk = self._prepare(self.tokenizer, text)
        return [Token(w, off + s, off + e) for off, piece in _chunks(text) for w, s, e in tk.tokenize(piece)]

    def cut(self, text: str) -> list[str]:
        tk = self._prepare(self.tokenizer, text)
        return [w for _, piece in _chunks(text) for w in tk.cut(piece)]

    def cut_for_search(self, text: str) -> list[str]:
        # every word it looks up is a piece of ``text``: the buckets `_prepare` reads hold them all
        return list(self._prepare(self.tokenizer, text).cut_for_search(text))

    def keywords(self, text: str, *, top_k: int = 8) -> list[str]:
        """jieba.analyse's TF-IDF keywords (``extract_tags``), computed the way it computes them."""
        idf, median, stop = self._idf_table()
        freq: dict[str, float] = {}
        for w in self.cut(text):
            if len(w.strip()) < 2 or w.lower() in stop:
                continue
            freq[w] = freq.get(w, 0.0) + 1.0
        total = sum(freq.values())
        for k in freq:
            freq[k] *= idf.get(k, median) / total
        return sorted(freq, key=freq.__getitem__, reverse=True)[:top_k]


def _as_bytes(entries: dict[str, Any]) -> tuple[bytes, array[int]]:
    """A bucket store in memory (when the cache cannot be written)."""
    groups: list[dict[str, Any]] = [{} for _ in range(_BUCKETS)]
    for k, v in entries.items():
        if k:
            groups[_bucket(k)][k] = v
    blobs = [marshal.dumps(g) if g else b"" for g in groups]
    offsets = array("Q", [0])
    for blob in blobs:
        offsets.append(offsets[-1] + len(blob))
    return b"".join(blobs), offsets


def quiet_jieba() -> None:
    """Silence jieba's dictionary-loading messages (it sets its logger to DEBUG when imported, so this
    must run after the import: spaCy's Chinese tokenizer imports jieba and segments at once)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)


@cache
def default_segmenter() -> Segmenter:
    """The process's segmenter (made once; the dictionary is read as texts need it)."""
    return Segmenter(fast=os.environ.get("TEXTKIT_JIEBA_FAST", "1") != "0")


def add_words(words: Iterable[str]) -> None:
    """Teach the segmenter extra words (unit names, campaign terms)."""
    default_segmenter().add_words(words)


# jieba's HMM takes time quadratic in the length of a run of characters it cannot group into words (a
# 32,000-character run of one character: 6 s, issue 16). Text is therefore segmented in chunks: cut after
# sentence punctuation or a line break, which jieba treats as a boundary anyway (same words), and a run
# longer than _CHUNK with no such break is cut every _CHUNK characters (words at the cut may differ; no
# real sentence is that long).
_CHUNK = 2_000
_BREAK = re.compile(r"[。；！？!?;\n]")


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pieces of at most ``_CHUNK`` characters that tile ``text``."""
    start, n = 0, len(text)
    while n - start > _CHUNK:
        cut_at = -1
        for m in _BREAK.finditer(text, start, start + _CHUNK):
            cut_at = m.end()
        end = cut_at if cut_at > start else start + _CHUNK
        yield start, text[start:end]
        start = end
    if start < n:
        yield start, text[start:]


def tokenize(text: str) -> list[Token]:
    """Segment ``text`` into words, each with its span; the spans tile ``text``.

    >>> [(t.text, t.start) for t in tokenize("加强学习。")]
    [('加强', 0), ('学习', 2), ('。', 4)]
    """
    return default_segmenter().tokenize(text)


def cut(text: str) -> list[str]:
    """The words of ``text`` (no spans): ``cut("开展专项整治") == ["开展", "专项", "整治"]``."""
    return default_segmenter().cut(text)


def keywords(text: str, *, top_k: int = 8) -> list[str]:
    """The ``top_k`` most characteristic words of ``text`` by jieba's TF-IDF (IDF from its corpus)."""
    return default_segmenter().keywords(text, top_k=top_k)


def cut_for_search(text: str) -> list[str]:
    """``text``'s words and the shorter words inside its compounds (``数字乡村`` → 数字, 乡村, 数字乡村)."""
    return default_segmenter().cut_for_search(text)


def idf_table() -> tuple[dict[str, float], float]:
    """jieba's word IDF table (from its large general corpus) and its median, for words it lacks: how
    specific a word is in Chinese at large (的 0.9, 发展 3.6, 读书班 13.2)."""
    idf, median, _stop = default_segmenter()._idf_table()
    return idf, median
