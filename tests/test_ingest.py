"""Ingest: discovery, decoding, input checks, HTML, JSONL, reader registry."""
from __future__ import annotations

import builtins
import logging
import os
import random
from pathlib import Path

import pytest

from rashomon import ingest
from rashomon.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputError,
    TooLargeError,
    UnsupportedFormatError,
)
from rashomon.ingest import discover, read, register_reader
from rashomon.ingest.fields import normalize_date, normalize_language, normalize_url
from rashomon.ingest.html import body_text
from rashomon.settings import Settings
from rashomon.types import Article, Skipped

DATA = Path(__file__).parent / "data" / "ingest"
RU = "Министр иностранных дел заявил, что переговоры продолжатся в пятницу."
FR = "Le ministre a déclaré à Genève que l'accord était « très fragile »."


@pytest.fixture
def settings() -> Settings:
    return Settings()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(data)
    return p


# --- decoding ---------------------------------------------------------------

@pytest.mark.parametrize(
    "data,text,encoding",
    [
        ("Plain ASCII text.".encode(), "Plain ASCII text.", "utf-8"),
        ("Ceasefire “agreed”, officials said.".encode(), "Ceasefire “agreed”, officials said.", "utf-8"),
        ("Ceasefire “agreed”.".encode("utf-8-sig"), "Ceasefire “agreed”.", "utf-8-sig"),
        ("Cessez-le-feu “conclu”.".encode("utf-16"), "Cessez-le-feu “conclu”.", "utf-16"),
        (b"\xfe\xff" + "Перемирие.".encode("utf-16-be"), "Перемирие.", "utf-16"),
        (RU.encode("cp1251"), RU, "cp1251"),
        (FR.encode("latin-1"), FR, "cp1252"),  # HTML5 and charset-normalizer read latin-1 as its superset cp1252
        (b"line one\r\nline two\rline three\n", "line one\nline two\nline three\n", "utf-8"),
        ("first\r\nsecond".encode("utf-16"), "first\nsecond", "utf-16"),
    ],
    ids=["ascii", "utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1251", "latin1", "crlf-cr", "utf16-crlf"],
)
def test_txt_decoding(tmp_path, settings, data, text, encoding):
    [art] = read(write(tmp_path, "doc.txt", data), settings)
    assert art.text == text
    assert art.encoding == encoding
    assert art.format == "txt"
    assert art.name == "doc.txt"
    assert "\r" not in art.text and "\ufeff" not in art.text


def test_mostly_utf8_with_a_stray_byte_stays_utf8(tmp_path, settings, caplog):
    data = "Le ministre a déclaré à Genève, café noël.".encode() + b" \xe9t\xe9"
    with caplog.at_level(logging.WARNING):
        [art] = read(write(tmp_path, "x.txt", data), settings)
    assert art.encoding == "utf-8"
    assert art.text.startswith("Le ministre a déclaré à Genève, café noël.")
    assert art.text.count("\ufffd") == 2
    assert "replaced" in caplog.text


# --- bad input ---------------------------------------------------------------

_RNG = random.Random(0)
GARBLED = bytes(_RNG.randrange(128, 256) for _ in range(400))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


@pytest.mark.parametrize(
    "data,exc,words",
    [
        (b"", EmptyInputError, "empty"),
        (b"  \n\t \r\n ", EmptyInputError, "empty"),
        ("  \n ".encode("utf-16"), EmptyInputError, "empty"),
        (PNG, BinaryInputError, "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", BinaryInputError, "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(30), BinaryInputError, "ZIP"),
        (b"GIF89a\x01\x00\x01\x00", BinaryInputError, "GIF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", BinaryInputError, "JPEG"),
        (b"text with a NUL \x00 byte in it", BinaryInputError, "NUL"),
        (bytes(range(1, 9)) * 40, BinaryInputError, "control bytes"),
        (GARBLED, DecodingError, "UTF-8"),
    ],
    ids=["empty", "whitespace", "utf16-whitespace", "png", "pdf", "zip", "gif", "jpeg", "nul", "controls", "misencoded"],
)
def test_bad_input_raises_specific_error(tmp_path, settings, data, exc, words):
    with pytest.raises(exc) as info:
        read(write(tmp_path, "bad.txt", data), settings)
    assert words in str(info.value)
    assert isinstance(info.value, InputError)


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    big = write(tmp_path, "big.txt", b"word " * 100)
    small = write(tmp_path, "small.txt", b"word " * 2)
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if Path(file) == big:
            raise AssertionError("the oversized file was opened")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(AssertionError("read_bytes")))
    s = Settings(max_file_bytes=100)
    with pytest.raises(TooLargeError) as info:
        read(big, s)
    assert "500 bytes" in str(info.value) and "RASHOMON_MAX_FILE_BYTES" in str(info.value)
    assert read(small, s)[0].text == "word word "


def test_sparse_huge_file_is_refused(tmp_path, settings):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(settings.max_file_bytes + 1)  # sparse: no data blocks written
    with pytest.raises(TooLargeError):
        read(p, settings)


def test_permission_denied_gives_os_reason(tmp_path, settings, monkeypatch):
    p = write(tmp_path, "locked.txt", b"some text")
    real_open = builtins.open

    def denied(file, *args, **kwargs):
        if Path(file) == p:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", denied)
    with pytest.raises(InputError) as info:
        read(p, settings)
    assert "Permission denied" in str(info.value) and "permissions" in str(info.value)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_chmod_000_file(tmp_path, settings):
    p = write(tmp_path, "locked.txt", b"some text")
    p.chmod(0)
    try:
        with pytest.raises(InputError, match="Permission denied"):
            read(p, settings)
    finally:
        p.chmod(0o644)


def test_unsupported_extension_in_read(tmp_path, settings):
    with pytest.raises(UnsupportedFormatError, match=r"\.odt"):
        read(write(tmp_path, "a.odt", b"x"), settings)


# --- HTML --------------------------------------------------------------------

def test_html_article_text_and_metadata(settings):
    [art] = read(DATA / "article.html", settings)
    assert art.format == "html" and art.encoding == "utf-8"
    lines = art.text.split("\n")
    assert lines[0] == "Ministers meet in Geneva"
    assert any(line.startswith("“We are ready to guarantee the safety") for line in lines)
    assert any(line.startswith("“There will be no return") for line in lines)  # a <blockquote> is kept
    assert "Talks are expected to resume next week" in art.text
    for furniture in ("tracking code", "color: red", "All rights reserved", "injected text"):
        assert furniture not in art.text
    assert art.title == "Ministers meet in Geneva"
    assert art.outlet == "Daily Planet"
    assert art.published == "2023-09-21T10:33"
    assert art.url == "https://www.dailyplanet.example/world/ministers-meet"
    assert art.language == "en"
    ev = art.metadata_evidence
    assert {k: ev[k].source for k in ev} == dict.fromkeys(["title", "outlet", "published", "url", "language"], "html-meta")
    assert ev["published"].text == "2023-09-21T10:33:00+04:00" and ev["published"].start is None
    assert ev["language"].text == "en-GB"


def test_hostile_html_yields_plain_text_only(settings):
    [art] = read(DATA / "hostile.html", settings)
    assert "evacuation corridor would stay open" in art.text
    assert "Residents were asked to bring their documents." in art.text
    for bad in ("alert", "onerror", "onload", "javascript", "document.cookie", "evil.example", "<", "tracking message"):
        assert bad not in art.text
    assert art.url is None  # javascript: URLs are never kept


def test_html_hostname_is_not_an_outlet(tmp_path, settings):
    page = (
        '<html><head><link rel="canonical" href="https://www.valley-news.example/a/1"></head>'
        "<body><article><p>The bridge reopened to traffic on Sunday after repairs, the council said.</p>"
        "</article></body></html>"
    )
    [art] = read(write(tmp_path, "p.html", page.encode()), settings)
    assert art.url == "https://www.valley-news.example/a/1"
    assert art.outlet is None
    assert art.published is None and art.language is None


def test_html_declared_legacy_charset(tmp_path, settings):
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RU}</p></body></html>'
    [art] = read(write(tmp_path, "ru.htm", page.encode("cp1251")), settings)
    assert art.encoding == "cp1251"
    assert RU in art.text


def test_html_fallback_when_trafilatura_finds_nothing(tmp_path, settings, monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    page = b"<html><body><div>First block</div><script>alert(1)</script><p>Second <b>block</b></p><!-- note --></body></html>"
    [art] = read(write(tmp_path, "f.html", page), settings)
    assert art.text == "First block\nSecond block"


def test_body_text_drops_scripts_styles_comments():
    markup = "<html><head><title>T</title><style>p{}</style></head><body><p>A<script>x()</script></p><!--c--><li>B</li></body></html>"
    assert body_text(markup) == "A\nB"


def test_html_without_text_is_empty(tmp_path, settings):
    page = b"<html><head><script>alert(1)</script></head><body><img src=a.png></body></html>"
    with pytest.raises(EmptyInputError):
        read(write(tmp_path, "blank.html", page), settings)


# --- JSONL -------------------------------------------------------------------

def test_jsonl_records_and_bad_lines(settings, caplog):
    with caplog.at_level(logging.WARNING):
        items = read(DATA / "records.jsonl", settings)
    bad = [x for x in items if isinstance(x, Skipped)]
    arts = [x for x in items if not isinstance(x, Skipped)]
    assert [s.path.rsplit("/", 1)[-1] for s in bad] == ["records.jsonl#2", "records.jsonl#3", "records.jsonl#4"]
    assert all(s.reason.startswith(f"line {s.path[-1]}: ") for s in bad)
    assert [a.name for a in arts] == ["records.jsonl#1", "records.jsonl#6"]
    assert all(a.format == "jsonl" and a.encoding == "utf-8" for a in arts)
    first, second = arts
    assert first.text == "Officials said the road would reopen on Tuesday.\nTraffic resumed slowly."
    assert (first.title, first.outlet, first.url, first.published, first.language) == (
        "Road reopens", "Valley Times", "https://valley.example/road", "2023-09-26", "en",
    )
    assert {e.source for e in first.metadata_evidence.values()} == {"jsonl"}
    assert first.metadata_evidence["language"].text == "en-US"
    # an html record: text extracted, markup metadata kept, JSONL fields override it
    assert second.text.startswith("Les deux parties ont signé un accord")
    assert "alert" not in second.text
    assert second.outlet == "Le Quotidien International" and second.metadata_evidence["outlet"].source == "jsonl"
    assert second.title == "Accord signé" and second.metadata_evidence["title"].source == "html-meta"
    assert second.language == "fr"
    assert second.published is None  # "not a date" is not guessed
    assert "not a date" in caplog.text  # a field that cannot be read is left unknown, with a warning


def test_jsonl_without_any_record(tmp_path, settings):
    with pytest.raises(InputError, match="no usable record"):
        read(write(tmp_path, "x.jsonl", b'{"title": "a"}\nnot json\n'), settings)


# --- discovery ---------------------------------------------------------------

@pytest.fixture
def tree(tmp_path) -> Path:
    for name in ["b.txt", "a.txt", "sub/c.html", "sub/deeper/d.jsonl", "sub/e.htm", "notes.md", "img.png",
                 ".hidden.txt", ".git/f.txt", "sub/.cache/g.txt", "UPPER.TXT"]:
        write(tmp_path, name, b"text")
    return tmp_path


def rel(paths, root):
    return [p.relative_to(root).as_posix() for p in paths]


def test_discover_directory(tree, settings):
    files, skipped = discover([tree], settings)
    assert rel(files, tree) == ["UPPER.TXT", "a.txt", "b.txt", "sub/c.html", "sub/deeper/d.jsonl", "sub/e.htm"]
    assert [(Path(s.path).name, s.reason) for s in skipped] == [
        ("img.png", "unsupported format .png: rashomon reads .docx, .htm, .html, .jsonl, .pdf, .txt; convert the file to one of these"),
        ("notes.md", "unsupported format .md: rashomon reads .docx, .htm, .html, .jsonl, .pdf, .txt; convert the file to one of these"),
    ]


@pytest.mark.parametrize(
    "pattern,expected",
    [
        ("*.txt", ["a.txt", "b.txt"]),
        ("**/*.htm*", ["sub/c.html", "sub/e.htm"]),
        ("sub", ["sub/c.html", "sub/deeper/d.jsonl", "sub/e.htm"]),
        ("s*", ["sub/c.html", "sub/deeper/d.jsonl", "sub/e.htm"]),
        ("*", ["UPPER.TXT", "a.txt", "b.txt", "sub/c.html", "sub/deeper/d.jsonl", "sub/e.htm"]),
    ],
)
def test_discover_globs(tree, settings, pattern, expected):
    files, skipped = discover([str(tree / pattern)], settings)
    assert rel(files, tree) == expected
    others = ["img.png", "notes.md"] if pattern == "*" else []
    assert [Path(s.path).name for s in skipped] == others  # files of other formats are listed, never dropped


def test_discover_skips_with_reasons(tree, settings):
    files, skipped = discover(
        [tree / "missing.txt", str(tree / "*.docx"), tree / "notes.md", tree / "a.txt", tree / "a.txt"], settings
    )
    assert rel(files, tree) == ["a.txt"]  # named twice, read once
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert "no such file" in reasons["missing.txt"]
    assert "matches this pattern" in reasons["*.docx"]
    assert "unsupported format .md" in reasons["notes.md"] and ".txt" in reasons["notes.md"]


def test_discover_directory_without_supported_files(tmp_path, settings):
    write(tmp_path, "readme.md", b"x")
    write(tmp_path, "photo.jpg", b"x")
    files, skipped = discover([tmp_path], settings)
    assert files == [] and [Path(s.path).name for s in skipped] == ["photo.jpg", "readme.md"]


def test_pdf_and_docx_in_a_folder_are_read_and_odt_is_listed_with_what_to_do(tmp_path, settings):
    write(tmp_path, "statement.pdf", b"%PDF-1.4")
    write(tmp_path, "memo.docx", b"PK\x03\x04")
    write(tmp_path, "minutes.odt", b"PK\x03\x04")
    write(tmp_path, "story.txt", b"The port reopened on Monday.")
    files, skipped = discover([tmp_path], settings)
    assert rel(files, tmp_path) == ["memo.docx", "statement.pdf", "story.txt"]
    [skip] = skipped
    assert Path(skip.path).name == "minutes.odt"
    assert skip.reason.startswith("not read: an OpenDocument text (.odt); rashomon reads .docx, .htm, .html")
    assert skip.reason.endswith("save it as .docx")


def test_a_web_address_handed_to_discover_says_who_fetches_it(settings):
    url = "https://www.example.com/news/port-strike"
    files, skipped = discover([url], settings)
    assert files == []
    [skip] = skipped
    assert skip.path == url  # as given, not a path mangled to "https:/www…"
    assert skip.reason.startswith("a web address, not a file: discover() finds files only")


def test_an_address_of_another_scheme_is_answered_with_what_to_do(settings):
    files, skipped = discover(["ftp://files.example.org/statement.txt"], settings)
    assert files == []
    [skip] = skipped
    assert skip.path == "ftp://files.example.org/statement.txt"
    assert skip.reason.startswith("a ftp:// address: rashomon fetches only http:// and https:// pages")


def test_new_format_plugs_in_like_shipped_ones(tmp_path, settings, monkeypatch):
    monkeypatch.setattr(ingest, "READERS", dict(ingest.READERS))

    def read_md(path: Path, data: bytes, s: Settings) -> list[Article]:
        return [Article(id="", name=path.name, path=str(path), text=data.decode().lstrip("# "), format="md")]

    register_reader((".md", ".markdown"), read_md)
    p = write(tmp_path, "post.MD", b"# Heading and text")
    files, _ = discover([tmp_path], settings)
    assert files == [p]
    [art] = read(p, settings)
    assert (art.format, art.text) == ("md", "Heading and text")
    with pytest.raises(ValueError, match="already registered"):
        register_reader(".md", read_md)
    with pytest.raises(ValueError, match="dot"):
        register_reader("rst", read_md)


# --- field normalisation -----------------------------------------------------

@pytest.mark.parametrize(
    "value,expected",
    [
        ("2023-09-21T10:33:00+04:00", "2023-09-21T10:33"),
        ("2023-09-21T10:33:00.000Z", "2023-09-21T10:33"),
        ("2023-09-21 10:33", "2023-09-21T10:33"),
        ("2023-09-21", "2023-09-21"),
        ("2023-09", "2023-09"),
        ("2023", "2023"),
        ("20230921", "2023-09-21"),
        ("Thu, 21 Sep 2023 10:33:00 GMT", "2023-09-21T10:33"),
        ("21 September 2023", "2023-09-21"),
        ("September 2023", "2023-09"),
        ("21 September", None),  # no year: never guessed
        ("2023-02-30", None),
        ("soon", None),
        ("", None),
    ],
)
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


@pytest.mark.parametrize("value,expected", [("en", "en"), ("EN-gb", "en"), ("ru_RU", "ru"), ("eng", None), ("", None)])
def test_normalize_language(value, expected):
    assert normalize_language(value) == expected


@pytest.mark.parametrize(
    "value,expected",
    [("https://a.example/x?y=1", "https://a.example/x?y=1"), (" http://a.example ", "http://a.example"),
     ("javascript:alert(1)", None), ("/relative/path", None), ("data:text/html,x", None)],
)
def test_normalize_url(value, expected):
    assert normalize_url(value) == expected


# --- real corpus -------------------------------------------------------------

def test_real_corpus_reads_as_utf8_text(corpus_dir, settings):
    files, skipped = discover([corpus_dir], settings)
    assert len(files) == 5 and skipped == []
    arts = [a for f in files for a in read(f, settings)]
    assert all(a.format == "txt" and a.encoding == "utf-8" and "\r" not in a.text for a in arts)
    assert arts[0].text.startswith("Azerbaijan vows to ensure safety of civilians")
    assert len(arts[2].text) == len((corpus_dir / files[2].name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("depth", [100, 300, 1000])
def test_deeply_nested_html_keeps_its_text(depth):
    from rashomon.ingest.html import extract

    markup = ("<html><body>" + "<div>" * depth + "<p>The minister said the port is closed to all shipping today.</p>"
              + "</div>" * depth + "</body></html>")
    assert extract(markup).text == "The minister said the port is closed to all shipping today."


# --- folders that cannot be listed or searched --------------------------------

def fake_folder_modes(monkeypatch, *, no_search=(), no_access=()):
    """Make folders behave as a non-root user finds them (tests run as root,
    who passes every permission check): a ``no_search`` folder (mode ``r--``)
    can be listed but nothing inside it reached; a ``no_access`` folder (mode
    ``000``) cannot be listed either. Patches ``os.stat``/``lstat``/``scandir``,
    which pathlib, glob and os.walk all go through."""
    blocked = [Path(os.path.abspath(d)) for d in (*no_search, *no_access)]
    unlisted = [Path(os.path.abspath(d)) for d in no_access]
    real = {name: getattr(os, name) for name in ("stat", "lstat", "scandir")}

    def inside(p) -> bool:
        if not isinstance(p, (str, os.PathLike)):
            return False  # a file descriptor
        p = Path(os.path.abspath(p))
        return any(b in p.parents for b in blocked)

    def guard(name, listing=False):
        def patched(p=".", *args, **kwargs):
            if inside(p) or (listing and Path(os.path.abspath(p)) in unlisted):
                raise PermissionError(13, "Permission denied", str(p))
            return real[name](p, *args, **kwargs)
        return patched

    monkeypatch.setattr(os, "stat", guard("stat"))
    monkeypatch.setattr(os, "lstat", guard("lstat"))
    monkeypatch.setattr(os, "scandir", guard("scandir", listing=True))


@pytest.fixture
def folders(tmp_path) -> Path:
    """good/a.txt; noexec/x.txt (folder r--); locked/y.txt (folder 000)."""
    for name in ["good/a.txt", "noexec/x.txt", "locked/y.txt"]:
        write(tmp_path, name, b"text")
    return tmp_path


@pytest.mark.parametrize(
    "given,blocker",
    [("noexec/x.txt", "noexec"), ("noexec/*.txt", "noexec"), ("locked/y.txt", "locked"), ("locked/*.txt", "locked")],
)
def test_path_inside_unsearchable_folder_is_skipped(folders, settings, monkeypatch, given, blocker):
    fake_folder_modes(monkeypatch, no_search=[folders / "noexec"], no_access=[folders / "locked"])
    files, skipped = discover([folders / "good" / "a.txt", str(folders / given)], settings)
    assert files == [folders / "good" / "a.txt"]
    assert [s.path for s in skipped] == [str(folders / given)]
    reason = skipped[0].reason
    assert "Permission denied" in reason and str(folders / blocker) in reason and "chmod" in reason


def test_glob_match_inside_unsearchable_folder_is_skipped(folders, settings, monkeypatch):
    """``**/*.txt`` lists noexec/x.txt (the folder can be listed) but cannot
    reach it, and cannot list locked/ at all: both are reported."""
    fake_folder_modes(monkeypatch, no_search=[folders / "noexec"], no_access=[folders / "locked"])
    files, skipped = discover([str(folders / "**" / "*.txt")], settings)
    assert files == [folders / "good" / "a.txt"]
    reasons = {s.path: s.reason for s in skipped}
    assert sorted(reasons) == [str(folders / "locked"), str(folders / "noexec" / "x.txt")]
    assert all("Permission denied" in r and "chmod" in r for r in reasons.values())


def test_unreadable_folder_given_directly_is_skipped(folders, settings, monkeypatch):
    fake_folder_modes(monkeypatch, no_access=[folders / "locked"])
    files, skipped = discover([folders / "good", folders / "locked"], settings)
    assert files == [folders / "good" / "a.txt"]
    assert [s.path for s in skipped] == [str(folders / "locked")]
    assert "Permission denied" in skipped[0].reason and "folder's permissions" in skipped[0].reason


def test_unreadable_folder_met_while_walking_is_skipped(folders, settings, monkeypatch):
    fake_folder_modes(monkeypatch, no_search=[folders / "noexec"], no_access=[folders / "locked"])
    files, skipped = discover([folders], settings)
    assert files == [folders / "good" / "a.txt"]
    reasons = {s.path: s.reason for s in skipped}
    assert sorted(reasons) == [str(folders / "locked"), str(folders / "noexec" / "x.txt")]
    assert "folder's permissions" in reasons[str(folders / "locked")]


def test_hidden_unreadable_folder_is_still_passed_over(folders, settings, monkeypatch):
    write(folders, ".cache/z.txt", b"text")
    fake_folder_modes(monkeypatch, no_access=[folders / ".cache"])
    files, skipped = discover([folders], settings)
    assert len(files) == 3 and skipped == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads folders whatever their mode")
def test_chmod_folders(folders, settings):
    (folders / "noexec").chmod(0o444)
    (folders / "locked").chmod(0)
    try:
        files, skipped = discover([folders, str(folders / "noexec" / "*.txt"), folders / "locked" / "y.txt"], settings)
    finally:
        (folders / "noexec").chmod(0o755)
        (folders / "locked").chmod(0o755)
    assert files == [folders / "good" / "a.txt"]
    assert len(skipped) == 4 and all("Permission denied" in s.reason for s in skipped)


def test_unreadable_folder_matched_twice_by_a_pattern_is_skipped_once(folders, settings, monkeypatch):
    fake_folder_modes(monkeypatch, no_access=[folders / "locked"])
    files, skipped = discover([str(folders / "**")], settings)
    assert sorted(rel(files, folders)) == ["good/a.txt", "noexec/x.txt"]
    assert [s.path for s in skipped] == [str(folders / "locked")]


@pytest.mark.parametrize("pattern", ["sub/**/*.jsonl", "*", "**", "**/*.txt", "*/", "./s*/d*/*", ".*", "sub/.*/*",
                                     "[ab].txt", "nope/*"])
def test_pattern_expansion_matches_glob(tree, pattern, monkeypatch):
    """The error-reporting expansion finds what ``glob.glob(recursive=True)`` finds."""
    import glob

    from rashomon.ingest import _Glob

    monkeypatch.chdir(tree)
    expand = _Glob()
    assert sorted(expand(pattern)) == sorted(glob.glob(pattern, recursive=True))
    assert expand.problems == {}
