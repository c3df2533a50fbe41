"""One exception hierarchy for everything textkit refuses to do.

Every message says what was wrong, what was given and what is allowed, so the CLI can print it on one
line and exit 2. Recoverable oddities (a numbering gap, a dropped page header) are not errors: they
become warnings on the result.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ChecklistError",
    "CorruptFileError",
    "EmptyInputError",
    "EncodingError",
    "EncryptedPdfError",
    "FileMissingError",
    "InputError",
    "InputTooLargeError",
    "InternalError",
    "OptionError",
    "OutputError",
    "RuleError",
    "ScannedPdfError",
    "TextkitError",
    "UnsupportedFormatError",
]


class TextkitError(Exception):
    """Base class of every error textkit raises on purpose."""


class InputError(TextkitError):
    """A document could not be read. ``source`` names the file (or ``<text>``)."""

    def __init__(self, message: str, *, source: str = "<text>") -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message


class FileMissingError(InputError):
    """The path does not exist or is not a regular file."""


class EmptyInputError(InputError):
    """The file is empty or holds only whitespace."""


class BinaryInputError(InputError):
    """The bytes are not text in any supported encoding (control bytes, NULs, an image...)."""


class EncodingError(InputError):
    """The bytes are text-like but cannot be decoded in one supported encoding (or mix several)."""


class InputTooLargeError(InputError):
    """The file (or its uncompressed content, pages, characters) exceeds a configured limit."""


class UnsupportedFormatError(InputError):
    """The file's extension or content is not a format textkit reads."""


class CorruptFileError(InputError):
    """A .docx or .pdf whose container or structure is damaged."""


class ScannedPdfError(InputError):
    """A PDF whose pages carry no text layer: it needs OCR before textkit can read it."""


class EncryptedPdfError(InputError):
    """A password-protected PDF."""


class OutputError(InputError):
    """An output cannot be written: it would replace an input, its folder is missing, it is a folder, or the
    place is read-only. ``source`` names the output path."""


class InternalError(InputError):
    """A file made textkit fail in a way it does not yet report properly (a bug). Raised by the batch loop
    so that one such file is reported on one line and the rest of the batch goes on."""


class RuleError(TextkitError):
    """A rule data file (numbering styles, role words, holidays, lint rules...) is invalid.

    The message names the file, the entry and the key at fault.
    """

    def __init__(self, message: str, *, file: str = "", entry: str = "", key: str = "") -> None:
        where = ":".join(p for p in (file, entry, key) if p)
        super().__init__(f"{where}: {message}" if where else message)
        self.file = file
        self.entry = entry
        self.key = key


class ChecklistError(RuleError):
    """A checklist file is invalid (unknown key, empty keywords, duplicate id...)."""


class OptionError(TextkitError, ValueError):
    """An argument has a value outside what is allowed.

    >>> raise OptionError("format", "xml", ("tree", "json"))
    Traceback (most recent call last):
    textkit.errors.OptionError: `format` value = 'xml' is invalid; value must be one of ('tree', 'json')
    """

    def __init__(self, name: str, value: object, allowed: object) -> None:
        super().__init__(f"`{name}` value = {value!r} is invalid; value must be one of {allowed}")
        self.name = name
        self.value = value
        self.allowed = allowed
