"""Plain text: byte checks, decoding and the ``.txt`` reader.

Decoding order (:func:`decode`): a byte-order mark (UTF-8, UTF-16, UTF-32);
strict UTF-8; an encoding the container declares (an HTML ``<meta charset>``);
then detection with charset-normalizer (legacy single-byte encodings such as
cp1251, cp1252, latin-1, koi8-r). Newlines become ``\\n``.
"""
from __future__ import annotations

import codecs
import logging
from pathlib import Path

from rashomon.errors import BinaryInputError, DecodingError, EmptyInputError
from rashomon.settings import Settings
from rashomon.types import Article

log = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"%PDF-", "a PDF document"),
    (0, b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub)"),
    (0, b"PK\x05\x06", "an empty ZIP archive"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"\x1f\x8b", "a gzip archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"\xfd7zXZ\x00", "an xz archive"),
    (0, b"BZh", "a bzip2 archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (0, b"\x7fELF", "an executable"),
    (0, b"OggS", "an Ogg media file"),
    (4, b"ftyp", "an MP4/MOV media file"),
    (8, b"WEBP", "a WebP image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
)
"""File signatures (offset, bytes, what it is), from the published format specs
as collected in Gary Kessler's File Signatures Table."""

_SNIFF = 8192
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``data`` names, or ``None``."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def _stray_nuls(head: bytes, nuls: int) -> bool:
    """Whether the NUL bytes of ``head`` are a few strays in UTF-8 text (at
    most 1 % of the bytes, the rest valid UTF-8; a truncated last character
    allowed) rather than binary data or UTF-16 without a byte-order mark
    (where every other byte of Latin text is NUL)."""
    if nuls * 100 > len(head):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3 and len(head) == _SNIFF
    return True


def check_bytes(data: bytes, name: str) -> None:
    """Refuse input that is empty or not text, before decoding.

    Raises
    ------
    EmptyInputError : no bytes, or only ASCII whitespace.
    BinaryInputError : a known binary signature (PNG, PDF, ZIP, …), NUL bytes
        without a UTF-16/32 byte-order mark (unless a few strays in UTF-8 text:
        at most 1 % of the first 8 KiB), or over 10 % control bytes in the
        first 8 KiB.
    """
    if not data.strip():
        raise EmptyInputError(f"{name} is empty (nothing but whitespace): remove it or give it some text")
    for offset, sig, what in MAGIC:
        if data[offset : offset + len(sig)] == sig:
            if sig == b"BZh" and not data[3:4].isdigit():
                continue
            raise BinaryInputError(
                f"{name} is not text: it looks like {what}; convert it to .txt or .html first"
            )
    if bom_encoding(data) in ("utf-16", "utf-32"):
        return
    head = data[:_SNIFF]
    nuls = head.count(b"\x00")
    if nuls and not _stray_nuls(head, nuls):
        raise BinaryInputError(
            f"{name} is not text (it contains NUL bytes); if it is UTF-16 without a byte-order mark, "
            "save it as UTF-8"
        )
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > len(head) // 10:
        raise BinaryInputError(f"{name} is not text ({controls} control bytes in its first {len(head)})")


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n`` (offsets are into the result)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


_PRIOR = (
    "cp1252", "iso8859-1", "cp1251", "cp1250", "iso8859-2", "iso8859-15", "cp1256", "cp1253",
    "cp1254", "cp1255", "cp1257", "cp1258", "koi8-r", "koi8-u", "iso8859-5", "shift_jis", "euc_jp",
    "gb18030", "gbk", "gb2312", "euc_kr", "big5", "cp874", "tis-620",
)
"""Legacy encodings from most to least used on the web (W3Techs, "Usage
statistics of character encodings for websites"); breaks ties between
encodings that charset-normalizer scores alike on a short text."""


def _detect(data: bytes) -> str | None:
    """The most plausible legacy encoding of ``data`` per charset-normalizer
    (candidates over its default 20 % mess threshold are dropped); among
    candidates scored alike, the most used one (:data:`_PRIOR`)."""
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    tied: set[str] = set()
    for m in matches:
        if m.chaos <= best.chaos + 1e-9 and m.coherence >= best.coherence - 0.1:
            tied.update(c for c in (_codec(x) for x in m.could_be_from_charset) if c)
    for enc in _PRIOR:
        if enc in tied:
            return enc
    return _codec(best.encoding) or best.encoding


def decode(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Decode a file's bytes.

    Parameters
    ----------
    data : the file's bytes.
    name : the file's name, for messages.
    declared : an encoding the container states (HTML ``<meta charset>``), tried
        after a byte-order mark and strict UTF-8.

    Returns
    -------
    (text, encoding) : the text with newlines normalised to ``\\n`` (a BOM
        removed) and the Python codec name used (``utf-8``, ``utf-8-sig``,
        ``utf-16``, ``cp1251``, ``cp1252``, …).

    Raises
    ------
    DecodingError : no byte-order mark, not UTF-8, the declared encoding fails
        and charset-normalizer finds no plausible encoding.
    """
    enc = bom_encoding(data)
    if enc:
        try:
            return normalize_newlines(data.decode(enc)), enc
        except UnicodeDecodeError as exc:
            raise DecodingError(
                f"{name} starts with a {enc} byte-order mark but is not valid {enc} ({exc.reason} at byte "
                f"{exc.start}); re-save it as UTF-8"
            ) from exc
    try:
        return normalize_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    codec = _codec(declared)
    if codec and codec not in ("utf-8", "utf-16", "utf-32"):
        try:
            return normalize_newlines(data.decode(codec)), codec
        except UnicodeDecodeError:
            log.warning("%s declares %s but is not valid %s; detecting its encoding", name, declared, codec)
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    if good >= 2 * bad:  # mostly valid UTF-8 with a few stray bytes: keep UTF-8, mark the bytes
        log.warning("%s: %d invalid UTF-8 bytes replaced by U+FFFD", name, bad)
        return normalize_newlines(text), "utf-8"
    found = _detect(data)
    if found:
        return normalize_newlines(data.decode(found)), found
    raise DecodingError(
        f"{name} cannot be decoded: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no other "
        "encoding explains its bytes; re-save it as UTF-8 or check that it is a text file"
    )


def read_txt(path: Path, data: bytes, settings: Settings) -> list[Article]:
    """Read a plain-text file (``.txt``) into one article.

    ``Article.text`` is the decoded text with newlines normalised to ``\\n``;
    ``format`` is ``"txt"`` and ``encoding`` the codec used.

    Raises
    ------
    DecodingError, EmptyInputError : see :func:`decode`; whitespace-only text.
    """
    text, enc = decode(data, path.name)
    if not text.strip():
        raise EmptyInputError(f"{path.name} is empty (nothing but whitespace): remove it or give it some text")
    return [Article(id="", name=path.name, path=str(path), text=text, format="txt", encoding=enc)]
