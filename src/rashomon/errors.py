"""rashomon's exceptions, one tree::

    RashomonError
    ├── InputError            an input cannot be analysed (the batch goes on)
    │   ├── EmptyInputError       nothing but whitespace
    │   ├── BinaryInputError      not text (e.g. an image renamed .txt)
    │   ├── TooLargeError         over ``max_file_bytes``
    │   ├── DecodingError         bytes no supported encoding explains
    │   ├── UnsupportedFormatError   an extension no reader handles
    │   └── TimeBudgetError       an article's analysis ran over the time budget
    ├── NoInputError          no supported file among the paths given (CLI exit 2)
    ├── OutputLockedError     another run is writing reports into the same folder
    ├── ManifestError         a manifest that cannot be read
    ├── SettingsError         a setting of the wrong type or out of range (CLI exit 2)
    ├── ModelError            the spaCy pipeline cannot be loaded
    │   └── GazetteerError        a gazetteer file is missing, unreadable or malformed
    ├── WorkspaceError        a workspace file that cannot be opened or used
    ├── MissingExtraError     an optional extra is not installed
    └── ExportError           a report cannot be read or exported (``rashomon export``)

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


class TimeBudgetError(InputError):
    """The work on one article ran longer than the time budget
    (``article_seconds``); the article is skipped, the batch goes on."""


class NoInputError(RashomonError):
    """No supported input was found among the paths given."""


class OutputLockedError(RashomonError):
    """Another run holds the lock of the output folder (it is writing its
    reports there); the message names the folder and the other run's process."""


class ManifestError(RashomonError):
    pass


class SettingsError(RashomonError):
    """A setting (argument, ``RASHOMON_*`` variable or CLI option) has a value
    of the wrong type or out of its range; the message names the setting, its
    option, its environment variable and the allowed values."""


class ModelError(RashomonError):
    pass


class GazetteerError(ModelError):
    """A gazetteer file (``--gazetteer``) is missing, unreadable, not valid
    YAML or not in the gazetteer format; the message names the file."""


class WorkspaceError(RashomonError):
    """A workspace file cannot be opened or used: not a rashomon workspace
    (not SQLite, or SQLite without rashomon's tables), written by a newer
    rashomon, missing when it must exist, or locked by another writer for
    too long; the message names the file and what to do."""


class MissingExtraError(RashomonError):
    """An optional extra is needed: ``pip install 'rashomon[EXTRA]'``."""


class ServeError(RashomonError):
    """``rashomon serve`` cannot listen at the address asked for (the port
    taken by another program, or the host not this machine's)."""


class ExportError(RashomonError):
    """``rashomon export`` cannot read its source (missing, not a report, a
    workspace this installation cannot open) or cannot write where it was
    told (a folder where a file is due); the message names the path."""
