"""rashomon's exceptions, one tree::

    RashomonError
    ├── InputError            an input cannot be analysed (the batch goes on)
    │   ├── EmptyInputError       nothing but whitespace
    │   ├── BinaryInputError      not text (e.g. an image renamed .txt)
    │   ├── TooLargeError         over ``max_file_bytes``
    │   ├── DecodingError         bytes no supported encoding explains
    │   └── UnsupportedFormatError   an extension no reader handles
    ├── NoInputError          no supported file among the paths given (CLI exit 2)
    ├── ManifestError         a manifest that cannot be read
    ├── ModelError            the spaCy pipeline cannot be loaded
    └── MissingExtraError     an optional extra is not installed

Each message says what to do next.
"""
from __future__ import annotations


class RashomonError(Exception):
    """Base of every error rashomon raises on purpose."""


class InputError(RashomonError):
    """One input file cannot be analysed; it is skipped and reported."""


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class TooLargeError(InputError):
    pass


class DecodingError(InputError):
    pass


class UnsupportedFormatError(InputError):
    pass


class NoInputError(RashomonError):
    """No supported input was found among the paths given."""


class ManifestError(RashomonError):
    pass


class ModelError(RashomonError):
    pass


class MissingExtraError(RashomonError):
    """An optional extra is needed: ``pip install 'rashomon[EXTRA]'``."""
