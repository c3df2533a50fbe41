"""A quicker ``__init__`` for the frozen, slotted dataclasses that a parse makes by the thousand.

A frozen dataclass sets each field with ``object.__setattr__(self, name, value)``: a global lookup, an
attribute lookup and a generic call per field, about 2 µs for a 13-field `Section` on CPython 3.11. A
parse of a plan makes thousands of sections, units, dates and measures, so that was a tenth of its time.
`quick_init` gives the class an ``__init__`` with the same signature, defaults and ``__post_init__`` call
that stores each field through its slot's own descriptor instead (the way attrs' frozen classes do),
about half the cost. Nothing else about the class changes: it stays frozen (assignment still raises),
and equality, hashing, ``repr``, ``replace`` and pickling are the dataclass's own.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, cast

__all__ = ["keyword_maker", "quick_init"]

T = TypeVar("T")

# A keyword-only __init__ (``def __init__(self, *, kind, start, end, level=0, …)``) fills each omitted field
# from a dict of defaults, a lookup per field: for a 13-field `Section` made with 4 keywords that is most of
# the gain of quick_init lost. So for a class whose fields are all keyword-only the generated __init__ takes
# ordinary parameters, with defaults filled from a tuple, behind a positional-only guard: a positional
# argument lands in the guard (or past the last parameter) and is refused, as is a missing required field.
_KW = object()  # the guard's default: no positional argument was given
_REQ = object()  # the default of a required field: it was not given


def _refuse(cls: type, positional: object, required: dict[str, object]) -> None:
    if positional is not _KW:
        raise TypeError(f"{cls.__qualname__}.__init__() takes keyword arguments only; positional arguments "
                        f"were given")
    missing = [name for name, value in required.items() if value is _REQ]
    raise TypeError(f"{cls.__qualname__}.__init__() missing required keyword-only argument: {missing[0]!r}")


def quick_init(cls: type[T]) -> type[T]:
    """Replace the ``__init__`` of the frozen slotted dataclass ``cls`` by a quicker one (same behaviour).

    Applied on top of ``@dataclass(frozen=True, slots=True)`` (with ``kw_only=True`` or ``field(kw_only=True)``
    the generated ``__init__`` takes those fields by keyword only, as the dataclass's own does); refuses any
    other class, and fields it does not handle (``init=False``, ``default_factory``), so a change to a class
    cannot silently lose a field.
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"quick_init needs a frozen slotted dataclass; {cls.__qualname__} is not one")
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    for f in fields:
        if not f.init or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"quick_init cannot build field {f.name!r} of {cls.__qualname__}")
    # every field keyword-only (``kw_only=True`` on the class): see _guarded_signature
    guarded = bool(fields) and all(f.kw_only for f in fields)
    namespace: dict[str, Any] = {"_KW": _KW, "_REQ": _REQ, "_refuse": _refuse, "_cls": cls}
    args: list[str] = []
    kwargs: list[str] = []  # keyword-only parameters come after a bare *, as in the dataclass's own __init__
    required: list[str] = []
    body: list[str] = []
    for i, f in enumerate(fields):
        # the parameter names are the field names, as in the dataclass's own __init__ (keyword calls)
        into = kwargs if f.kw_only and not guarded else args
        if f.default is dataclasses.MISSING:
            if guarded:
                required.append(f.name)
                into.append(f"{f.name}=_REQ")
            else:
                into.append(f.name)
        else:
            namespace[f"_d{i}"] = f.default
            into.append(f"{f.name}=_d{i}")
        namespace[f"_s{i}"] = cls.__dict__[f.name].__set__  # the slot's member descriptor
        body.append(f"    _s{i}(self, {f.name})")
    if guarded:
        test = " or ".join(["_positional is not _KW", *(f"{name} is _REQ" for name in required)])
        names = ", ".join(f"{name!r}: {name}" for name in required)
        body.insert(0, f"    if {test}:\n        _refuse(_cls, _positional, {{{names}}})")
        args.insert(0, "_positional=_KW, /")
    if hasattr(cls, "__post_init__"):
        body.append("    self.__post_init__()")
    signature = [*args, *(["*", *kwargs] if kwargs else [])]
    source = f"def __init__(self, {', '.join(signature)}) -> None:\n" + "\n".join(body or ["    pass"]) + "\n"
    exec(source, namespace)  # (generated from the field names only, as dataclasses does)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010 - replacing a method on purpose
    return cls


def keyword_maker(cls: type[T]) -> type[T]:
    """A function that builds ``cls`` (a frozen slotted dataclass) from the same keyword arguments as its
    constructor, for a loop that makes thousands of them.

    Calling a class with keywords goes through ``type.__call__``, which packs the keywords into a dict for
    ``__init__``; a plain function taking them keyword-only does not, so a 11-field `ResponsibleUnit` built by
    keyword costs what it cost by position. The function is typed as the class itself, so a type checker
    checks each call against the constructor's own (keyword-only) signature; it runs no ``__post_init__`` and
    so refuses a class that has one.

    >>> from textkit.model import Quantity
    >>> make = keyword_maker(Quantity)
    >>> make(start=0, end=3, text="3项", value=3, classifier="项", noun="") == Quantity(
    ...     start=0, end=3, text="3项", value=3, classifier="项", noun="")
    True
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__ or hasattr(cls, "__post_init__"):
        raise TypeError(f"keyword_maker needs a frozen slotted dataclass without __post_init__; "
                        f"{cls.__qualname__} is not one")
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    names: list[str] = []
    body: list[str] = []
    for i, f in enumerate(dataclasses.fields(cls)):  # type: ignore[arg-type]
        if not f.init or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"keyword_maker cannot build field {f.name!r} of {cls.__qualname__}")
        if f.default is dataclasses.MISSING:
            names.append(f.name)
        else:
            namespace[f"_d{i}"] = f.default
            names.append(f"{f.name}=_d{i}")
        namespace[f"_s{i}"] = cls.__dict__[f.name].__set__
        body.append(f"    _s{i}(self, {f.name})")
    source = (f"def make(*, {', '.join(names)}):\n    self = _new(_cls)\n" + "\n".join(body)
              + "\n    return self\n")
    exec(source, namespace)  # (generated from the field names only, as dataclasses does)
    make = namespace["make"]
    make.__qualname__ = make.__name__ = f"make_{cls.__name__}"
    return cast("type[T]", make)
