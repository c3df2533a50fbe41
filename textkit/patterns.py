"""Faster regex search without changing what matches: prefilters worked out from a pattern's own parse tree.

Plan rules are long alternations of words; most characters of a plan could start one (学, 教, 一,
digits) but few do. These helpers read, from CPython's regex parser, which characters a match can begin
with, and put a cheap character-class test in front of the pattern (`guarded`), or scan with a filter
regex and try the full pattern only where a match can start (`Scanner`). Both find exactly the matches
of the plain pattern; where the start cannot be told they fall back to it.

>>> first_chars("[0-9]+月|每[年月]") == set("0123456789每")
True
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import marshal
import os
import re
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

__all__ = [
    "CodeMemo", "DiskMemo", "PrefixMemo", "Scanner", "compiled", "default_code_memo", "default_data_memo",
    "default_prefix_memo", "derived_trigger", "first_chars", "guarded", "prefilter_misses", "prefixes",
    "required_words", "save_memos", "source_digest", "text_digest",
]

_ANY = frozenset(("",))  # stands for "any one character" in a prefix
Prefix = tuple[frozenset[str], ...]


def prefixes(pattern: str, k: int) -> set[Prefix] | None:
    """Every way the first ``k`` characters of a match of ``pattern`` can look, as sequences of character sets
    (shorter sequences: the whole match is that short), or ``None`` if that cannot be told.

    Look-arounds count as empty, so the answer is a superset: a position whose next characters fit none of
    these sequences cannot start a match. Computed from the parse tree of CPython's ``re`` (a private module,
    hence the fallback to ``None``); the answers are kept on disk between runs (`PrefixMemo`), since reading
    the rule set's large patterns costs a third of a second at every start.
    """
    return default_prefix_memo().get_prefixes(pattern, k)


T = TypeVar("T")


class DiskMemo:
    """Answers of pure functions kept in a file of the cache folder between runs, each marshalled on its own
    and decoded only when asked for (reading the file costs little however many answers it holds).

    Keys are tuples naming the function and its arguments. The file's name must change whenever an answer
    could (the Python version, the digest of the code that computes them: `default_prefix_memo`), so a stale
    file can miss answers, never hold wrong ones. A file that cannot be read or written is not used; an
    answer that cannot be marshalled is not kept. ``path=None`` keeps nothing.

    >>> DiskMemo(None).get(("len", "一二三"), lambda: len("一二三"))
    3
    """

    MAX_BYTES = 8 * 2**20  # answers kept: those this run used first, then the newest others

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: dict[tuple[Any, ...], bytes] = {}
        self.used: dict[tuple[Any, ...], None] = {}
        self.dirty = False
        if path is not None:
            with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
                loaded = marshal.loads(path.read_bytes())
                if isinstance(loaded, dict):
                    self.known = {k: v for k, v in loaded.items() if isinstance(k, tuple) and isinstance(v, bytes)}

    def get(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """The kept answer for ``key``, else ``compute()`` (kept for the next run)."""
        if self.path is None:
            return compute()
        self.used[key] = None
        blob = self.known.get(key)
        if blob is not None:
            with contextlib.suppress(EOFError, ValueError, TypeError):
                kept: T = marshal.loads(blob)
                return kept
        answer = compute()
        try:
            self.known[key] = marshal.dumps(cast(Any, answer))
        except ValueError:
            return answer  # not marshallable: computed every time
        self.dirty = True
        return answer

    def save(self) -> None:
        """Write the file if answers were added (at most `MAX_BYTES` of them)."""
        if not self.dirty or self.path is None:
            return
        keep: dict[tuple[Any, ...], bytes] = {}
        size = 0
        for k in [*reversed([k for k in self.used if k in self.known]),
                  *(k for k in reversed(self.known) if k not in self.used)]:
            size += len(self.known[k])
            if size > self.MAX_BYTES:
                break
            keep[k] = self.known[k]
        with contextlib.suppress(OSError, ValueError):
            _write_atomic(self.path, marshal.dumps(keep))
            self.dirty = False


class PrefixMemo(DiskMemo):
    """`prefixes` answers (and the other answers read from a pattern's parse tree: `required_words`, a
    `Scanner`'s filter) kept on disk, keyed by pattern and ``k``."""

    def get_prefixes(self, pattern: str, k: int) -> set[Prefix] | None:
        def compute() -> frozenset[Prefix] | None:
            answer = _prefixes(pattern, k)
            return None if answer is None else frozenset(answer)

        found = self.get(("prefixes", pattern, k), compute)
        return None if found is None else set(found)


@functools.cache
def default_prefix_memo() -> PrefixMemo:
    """The process's memo, in the folder of textkit's caches (``$XDG_CACHE_HOME/textkit``), named by the
    Python version (whose ``re`` parser the answers read) and this module's digest (whose code computes
    them); none when ``TEXTKIT_NO_CACHE`` is set."""
    if os.environ.get("TEXTKIT_NO_CACHE"):
        return PrefixMemo(None)
    tag = f"{sys.version_info.major}.{sys.version_info.minor}"
    return PrefixMemo(_cache_dir() / f"patterns-py{tag}-{source_digest(__file__)}.marshal")


@functools.cache
def default_data_memo() -> DiskMemo:
    """The process's memo of answers that depend on their input and the Python version alone (a data file's
    parsed TOML, keyed by a digest of its text: `textkit.rules.read_toml`); none when ``TEXTKIT_NO_CACHE``
    is set."""
    if os.environ.get("TEXTKIT_NO_CACHE"):
        return DiskMemo(None)
    tag = f"{sys.version_info.major}.{sys.version_info.minor}"
    return DiskMemo(_cache_dir() / f"data-py{tag}.marshal")


def text_digest(text: str) -> str:
    """A digest of ``text`` to key a memo by content (two checksums and the length: not cryptographic, but an
    edit that keeps all three is vanishingly unlikely)."""
    data = text.encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def source_digest(file: str) -> str:
    """A short digest of a source file (of its name when it cannot be read), to name what its code computed."""
    try:
        return text_digest(Path(file).read_bytes().decode("utf-8", "surrogateescape"))
    except OSError:
        return text_digest(file)


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "textkit"


def _write_atomic(path: Path, data: bytes) -> None:
    """``data`` as the whole of ``path`` or, failing that, no change (a file another process reads meanwhile
    is the old one or the new one, never half of either)."""
    import tempfile  # (only when a memo is written: it imports random and shutil)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# What `CodeMemo` keeps of a compiled pattern: the flags it ended with, its program (an array of code words,
# as bytes), the group count and the two group-name maps; the arguments of ``_sre.compile``.
Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


class CodeMemo:
    """Compiled regular expressions kept on disk between runs, so a new process need not compile them again.

    ``re`` cannot pickle a compiled pattern (pickling one stores the source and compiles it again on load),
    and compiling costs: parsing the source in Python (``re._parser``), then turning the tree into the
    engine's program (``re._compiler``). What ``re.compile`` hands to the C engine at the end — the program,
    a list of integers, and the group tables — is plain data, kept here by pattern and flags; a later
    `compile` hands the kept data to the engine directly (``_sre.compile``, as ``re.compile`` does), which
    checks the program before accepting it. The file is named by the interpreter and the engine's version
    (``_sre.MAGIC``), whose programs may differ, so an entry is a pure function's answer: a stale file can be
    missing entries, never wrong. An unreadable file or entry is ignored; one that cannot be written is not
    kept. ``path=None`` keeps nothing (``re.compile`` plainly).

    >>> memo = CodeMemo(None)
    >>> memo.compile("[0-9]+月").findall("9月、10月")
    ['9月', '10月']
    """

    # what the file keeps: those the last run used first, then the newest others (a rule set's time grammar
    # is ~400 kB of program; each user's time.toml makes another)
    MAX_ENTRIES = 4096
    MAX_BYTES = 8 * 2**20

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: dict[tuple[str, int], Program] = {}
        self.used: dict[tuple[str, int], None] = {}  # the keys this process asked for, in order
        self.passed: set[tuple[str, str]] = set()  # (check, pattern): patterns a check accepted (`checked`)
        self.dirty = False
        self._sre: Any = None
        self._engine: Any = None
        if path is None:
            return
        try:
            self._sre = importlib.import_module("_sre")
            self._engine = (importlib.import_module("re._parser"), importlib.import_module("re._compiler"))
        except ImportError:
            self.path = None
            return
        if array("I").itemsize != self._sre.CODESIZE:
            self.path = None  # the program's words cannot be stored as an array of this size
            return
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
            loaded = marshal.loads(path.read_bytes())
            if isinstance(loaded, dict) and isinstance(loaded.get("programs"), dict):
                self.known = {k: v for k, v in loaded["programs"].items() if _program_shaped(k, v)}
                passed = loaded.get("passed")
                self.passed = set(passed) if isinstance(passed, frozenset | set) else set()

    @staticmethod
    def file_name() -> str:
        """The memo's file name: the interpreter's tag and version and the regex engine's."""
        try:
            magic = importlib.import_module("_sre").MAGIC
        except (ImportError, AttributeError):
            magic = 0
        v = sys.version_info
        return f"regex-{sys.implementation.cache_tag}-{v.major}.{v.minor}.{v.micro}-sre{magic}.marshal"

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``: the same pattern object (equal to it, matching the same), from the
        kept program when there is one. A bad pattern raises ``re.error`` as ``re.compile`` does."""
        flags = int(flags)
        if self.path is None or not isinstance(pattern, str) or flags & re.DEBUG:
            return re.compile(pattern, flags)
        key = (pattern, flags)
        self.used[key] = None
        kept = self.known.get(key)
        if kept is not None:
            found = self._load(pattern, kept)
            if found is not None:
                return found
            del self.known[key]  # a damaged entry: compiled afresh below, and replaced
        program = self._program(pattern, flags)
        made = None if program is None else self._load(pattern, program)
        if program is None or made is None:
            # the engine's private modules changed shape (another Python): compile the public way from now on
            self.path = None
            return re.compile(pattern, flags)
        self.known[key] = program
        self.dirty = True
        return made

    def _program(self, pattern: str, flags: int) -> Program | None:
        """What ``re._compiler.compile`` hands to the engine for ``pattern`` (``re.error`` if it is bad)."""
        parser, compiler = self._engine
        try:
            tree = parser.parse(pattern, flags)
            code = compiler._code(tree, flags)
            groupindex = {str(name): int(i) for name, i in tree.state.groupdict.items()}
            names: list[str | None] = [None] * tree.state.groups
            for name, i in groupindex.items():
                names[i] = name
            return (int(flags | tree.state.flags), array("I", [int(c) for c in code]).tobytes(),
                    int(tree.state.groups) - 1, groupindex, tuple(names))
        except re.error:
            raise
        except Exception:
            return None

    def _load(self, pattern: str, program: Program) -> re.Pattern[str] | None:
        """The engine's pattern object for a kept program; ``None`` if the engine refuses it (``_sre``
        checks a program before accepting it)."""
        try:
            final, code, groups, groupindex, names = program
            found: re.Pattern[str] = self._sre.compile(pattern, final, array("I", code).tolist(), groups,
                                                       groupindex, names)
        except Exception:
            return None
        return found

    def save(self) -> None:
        """Write the memo if it gained entries (keeping at most `MAX_ENTRIES` patterns and `MAX_BYTES`)."""
        if not self.dirty or self.path is None:
            return
        keep: dict[tuple[str, int], Program] = {}
        size = 0
        # those this process used (the latest first), then the others, newest first, while there is room
        order = [*reversed([k for k in self.used if k in self.known]),
                 *(k for k in reversed(self.known) if k not in self.used)]
        for k in order:
            size += len(k[0]) + len(self.known[k][1])
            if len(keep) >= self.MAX_ENTRIES or size > self.MAX_BYTES:
                break
            keep[k] = self.known[k]
        passed = self.passed if len(self.passed) <= self.MAX_ENTRIES else set()
        with contextlib.suppress(OSError, ValueError):
            _write_atomic(self.path, marshal.dumps({"programs": keep, "passed": frozenset(passed)}))
            self.dirty = False

    def checked(self, pattern: str, check: Callable[[str], None], *, version: str) -> None:
        """``check(pattern)`` (a test that raises on a bad pattern), skipped when the same ``version`` of the
        check accepted ``pattern`` before; ``version`` must change whenever what the check accepts does
        (e.g. a digest of its source). Only acceptances are kept: a refused pattern is checked again and
        raises again."""
        key = (version, pattern)
        if self.path is not None and key in self.passed:
            return
        check(pattern)
        if self.path is not None:
            self.passed.add(key)
            self.dirty = True


def _program_shaped(key: Any, value: Any) -> bool:
    """Whether an entry read from a `CodeMemo` file has the shape of one (its content the engine checks)."""
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int)
            and isinstance(value, tuple) and len(value) == 5 and isinstance(value[1], bytes))


@functools.cache
def default_code_memo() -> CodeMemo:
    """The process's `CodeMemo`, in the folder of textkit's caches; none when ``TEXTKIT_NO_CACHE`` is set."""
    if os.environ.get("TEXTKIT_NO_CACHE"):
        return CodeMemo(None)
    return CodeMemo(_cache_dir() / CodeMemo.file_name())


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` through the process's `CodeMemo` (a program kept from an earlier run
    is not compiled again); call `save_memos` once the patterns of a rule set are compiled.

    >>> compiled("每[年月]").pattern
    '每[年月]'
    """
    return default_code_memo().compile(pattern, flags)


def save_memos() -> None:
    """Write the process's memos (compiled programs, answers read from parse trees, parsed data files) if
    they gained entries."""
    default_prefix_memo().save()
    default_code_memo().save()
    default_data_memo().save()


def _prefixes(pattern: str, k: int) -> set[Prefix] | None:
    try:
        parser: Any = importlib.import_module("re._parser")
        consts: Any = importlib.import_module("re._constants")
        tree = parser.parse(pattern)
    except (ImportError, AttributeError, re.error):
        return None
    if tree.state.flags & re.IGNORECASE:
        return None
    repeats = {consts.MAX_REPEAT, consts.MIN_REPEAT, getattr(consts, "POSSESSIVE_REPEAT", None)}

    def then(heads: set[Prefix], tails: set[Prefix]) -> set[Prefix]:
        done = {h for h in heads if len(h) >= k}
        return done | {(h + t)[:k] for h in heads if len(h) < k for t in tails}

    def seq(items: Any) -> set[Prefix] | None:
        acc: set[Prefix] = {()}
        for op, av in items:
            if all(len(h) >= k for h in acc):
                break  # every way in is already k characters long: the rest cannot change them
            r = one(op, av)
            if r is None:
                return None
            acc = then(acc, r)
        return acc

    def one(op: Any, av: Any) -> set[Prefix] | None:
        if op is consts.LITERAL:
            return {(frozenset((chr(av),)),)}
        if op is consts.IN:
            chars: set[str] = set()
            for o, a in av:
                if o is consts.LITERAL:
                    chars.add(chr(a))
                elif o is consts.RANGE and a[1] - a[0] < 512:
                    chars.update(chr(c) for c in range(a[0], a[1] + 1))
                else:
                    return {(_ANY,)}  # a category, a negated or a very wide set: any character
            return {(frozenset(chars),)}
        if op is consts.ANY or op is consts.NOT_LITERAL:
            return {(_ANY,)}
        if op is consts.BRANCH:
            out: set[Prefix] = set()
            for sub in av[1]:
                r = seq(sub)
                if r is None:
                    return None
                out |= r
            return out
        if op is consts.SUBPATTERN:
            return seq(av[3])
        if op is getattr(consts, "ATOMIC_GROUP", None):
            return seq(av)
        if op in repeats:
            lo, hi, body = av
            b = seq(body)
            if b is None:
                return None
            acc: set[Prefix] = {()}
            for _ in range(min(lo, k)):
                acc = then(acc, b)
            found, n = set(acc), lo
            while n < hi and n < lo + k:
                acc = then(acc, b)
                found |= acc
                n += 1
            return found
        if op in (consts.AT, consts.ASSERT, consts.ASSERT_NOT):
            return {()}
        return None

    return seq(tree)


def required_words(pattern: str, flags: int = 0) -> list[frozenset[str]]:
    """Word sets every match of ``pattern`` holds one word of: for each set, a match contains at least one of
    its words (a run of literal characters, or the literal branches of an alternation).

    Worked out from CPython's regex parse tree; anything it cannot read (a class, a repeat that may be
    absent, a look-around) adds no set, so the answer is sound but may be empty.

    >>> sorted(map(sorted, required_words("由(?:牵头|主办)(?:负责)?")))
    [['主办', '牵头'], ['由']]
    """
    return default_prefix_memo().get(("required", pattern, int(flags)), lambda: _required_words(pattern, flags))


def _required_words(pattern: str, flags: int) -> list[frozenset[str]]:
    try:
        parser: Any = importlib.import_module("re._parser")
        consts: Any = importlib.import_module("re._constants")
        tree = parser.parse(pattern, flags)
    except (ImportError, AttributeError, re.error):
        return []
    if tree.state.flags & re.IGNORECASE:
        return []
    repeats = {consts.MAX_REPEAT, consts.MIN_REPEAT, getattr(consts, "POSSESSIVE_REPEAT", None)}

    def seq(items: Any) -> list[frozenset[str]]:
        sets: list[frozenset[str]] = []
        run = ""
        for op, av in items:
            if op is consts.LITERAL:
                run += chr(av)
                continue
            if run:
                sets.append(frozenset((run,)))
                run = ""
            sets.extend(one(op, av))
        if run:
            sets.append(frozenset((run,)))
        return sets

    def one(op: Any, av: Any) -> list[frozenset[str]]:
        if op is consts.SUBPATTERN:
            return seq(av[3])
        if op is getattr(consts, "ATOMIC_GROUP", None):
            return seq(av)
        if op in repeats:
            lo, _hi, body = av
            return seq(body) if lo >= 1 else []
        if op is consts.BRANCH:
            union: set[str] = set()
            for sub in av[1]:
                options = seq(sub)
                if not options:
                    return []  # a branch that needs no word: the alternation needs none
                union |= _best(options)
            return [frozenset(union)]
        return []  # a class, any character, an anchor or a look-around: no word to require

    return seq(tree)


def _best(options: Sequence[frozenset[str]]) -> frozenset[str]:
    """The most telling of several required word sets: longest shortest word, then fewest words."""
    return max(options, key=lambda s: (min(map(len, s)), -len(s)))


def prefilter_misses(pattern: str, words: Sequence[str], flags: int = 0) -> frozenset[str] | None:
    """Whether a line test "holds one of ``words``" can miss a match of ``pattern``: ``None`` when it cannot
    (some word set every match needs has each of its words hold one of ``words``), else the best required
    word set, to name in an error.

    >>> prefilter_misses("由(?:牵头|主办)", ["牵头"]) == frozenset({"牵头", "主办"})
    True
    >>> prefilter_misses("由(?:牵头|主办)", ["牵头", "主办"]) is None
    True
    """
    required = required_words(pattern, flags)
    for s in required:
        if all(any(w in word for w in words) for word in s):
            return None
    return _best(required) if required else frozenset()


def derived_trigger(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """The words of the most telling word set every match of ``pattern`` needs (`required_words`), or
    ``None`` when the pattern needs no word that can be told.

    >>> derived_trigger("由(?P<x>.+)(?:牵头|主办)")
    ('主办', '牵头')
    """
    required = required_words(pattern, flags)
    if not required:
        return None
    return tuple(sorted(_best(required)))


def _union(sets: Iterable[frozenset[str]]) -> frozenset[str]:
    """The characters of all ``sets`` (any character if one of them is)."""
    out: set[str] = set()
    for chars in sets:
        if chars == _ANY:
            return _ANY
        out |= chars
    return frozenset(out)


def _cls(chars: frozenset[str]) -> str:
    if chars == _ANY:
        return r"[\s\S]"
    if len(chars) == 1:
        return re.escape(next(iter(chars)))
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _trie(prefixes: Sequence[Prefix]) -> str:
    """An alternation of ``prefixes``, grouped by their first set so each set is tested once."""
    groups: dict[frozenset[str], list[Prefix]] = {}
    for p in prefixes:
        groups.setdefault(p[0], []).append(p[1:])
    alts = []
    for head in sorted(groups, key=lambda h: sorted(h)):
        rests = groups[head]
        rest = "" if any(not r for r in rests) else _trie(rests)
        alts.append(_cls(head) + (f"(?:{rest})" if rest else ""))
    return "|".join(alts)


def first_chars(pattern: str) -> set[str] | None:
    """The characters a match of ``pattern`` can start with, or ``None`` if that cannot be told."""
    found = prefixes(pattern, 1)
    if not found or any(not p or p[0] == _ANY for p in found):
        return None
    return set().union(*(p[0] for p in found))


def guarded(pattern: str, first: set[str] | None = None) -> str:
    """``pattern`` behind a look-ahead for the characters its matches start with (same matches, faster)."""
    first = first_chars(pattern) if first is None else first
    if first is None:
        return pattern
    cls = "".join(re.escape(c) for c in sorted(first))
    return f"(?=[{cls}])(?:{pattern})"


@dataclass(frozen=True, slots=True)
class Scanner:
    """``pattern.finditer`` with the same matches, faster: a cheap filter regex, built from the first three
    characters every match can start with, finds the few positions worth trying in C; the full pattern is
    tried only there. About 5x faster than a plain ``finditer`` over plan text, where most characters
    (学, 教, 一, digits) could start a statement but few do.

    >>> s = Scanner.build("[0-9]+月|每[年月]")
    >>> [m.group() for m in s.finditer("每月1日，到12月底")]
    ['每月', '12月']
    """

    pattern: re.Pattern[str]
    candidates: re.Pattern[str] | None  # None: no usable filter; plain finditer

    @staticmethod
    def build(pattern: str, *, depth: int = 3) -> Scanner:
        # the two sources are worked out from the pattern's parse tree once and kept (`default_prefix_memo`)
        full, candidates = default_prefix_memo().get(("scanner", pattern, depth), lambda: _scanner_sources(pattern, depth))
        scanner = Scanner(compiled(full), None if candidates is None else compiled(candidates))
        save_memos()
        return scanner

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match of the pattern in ``text[pos:endpos]`` (as `re.Pattern.search`)."""
        end = len(text) if endpos is None else endpos
        if self.candidates is None:
            return self.pattern.search(text, pos, end)
        # a match within [pos, end) starts with one of the filter's prefixes inside it (a shorter prefix is a
        # whole match), so the filter, bounded the same way, finds every start worth trying
        search, match = self.candidates.search, self.pattern.match
        while True:
            c = search(text, pos, end)
            if c is None:
                return None
            m = match(text, c.start(), end)
            if m is not None:
                return m
            pos = c.start() + 1

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every non-overlapping match of the pattern in ``text``, left to right (as `re.Pattern.finditer`)."""
        if self.candidates is None:
            yield from self.pattern.finditer(text)
            return
        pos = 0
        while (m := self.search(text, pos)) is not None:
            yield m
            pos = m.end()  # never empty: build() refuses patterns that match ""


def _scanner_sources(pattern: str, depth: int) -> tuple[str, str | None]:
    """The sources of a `Scanner`'s full pattern and candidate filter (``None``: no filter)."""
    found = prefixes(pattern, depth)
    if not found or any(not p or p[0] == _ANY for p in found):
        # no filter can be told, or the pattern may match "" (a prefix of nothing): plain finditer
        return guarded(pattern), None
    first = _union(p[0] for p in found)
    # The filter tests the first character against one class and each later one against the union of
    # what may stand there; only where all of those fit does a look-behind check the exact prefixes (one
    # look-behind per prefix length: a look-behind needs a fixed width). It accepts exactly the positions
    # where a prefix fits. One alternative per first character (一(?:…)|二(?:…)|…) would accept the same,
    # but CPython's engine tries every alternative at each character that could start one, and for the
    # time statements (90-odd first characters, one character in eight of a plan) that cost twice as much.
    tails = []
    for n in range(1, depth + 1):
        same = sorted((p for p in found if len(p) == n), key=lambda p: [sorted(x) for x in p])
        if same:
            later = "".join(_cls(_union(p[i] for p in same)) for i in range(1, n))
            tails.append(f"{later}(?<={_trie(same)})")
    return guarded(pattern, set(first)), _cls(first) + "(?:" + "|".join(tails) + ")"
