"""A few stray NUL bytes in UTF-8 text do not cost the article; binary data and
UTF-16 without a byte-order mark are still refused."""
from __future__ import annotations

import pytest

from rashomon.errors import BinaryInputError
from rashomon.ingest import read
from rashomon.settings import Settings

BODY = "Border news\n\n" + "The mayor said the bridge would reopen on Friday. Officials agreed with the plan.\n\n" * 8


def test_stray_nuls_in_utf8_text_are_kept_as_text(tmp_path):
    p = tmp_path / "nul.txt"
    p.write_bytes((BODY[:300] + "\x00" + BODY[300:] + "\x00").encode("utf-8"))
    [article] = read(p, Settings())
    assert article.text[300] == "\x00" and article.text.count("\x00") == 2
    assert article.text.replace("\x00", "") == BODY


@pytest.mark.parametrize("data", [
    "The mayor said the bridge would reopen on Friday.".encode("utf-16-le"),  # every other byte NUL
    b"\x00" * 40 + BODY.encode("utf-8"),  # NULs over 1 % of the bytes
    BODY[:200].encode("utf-8") + b"\x00\xff\xfe\x00" + BODY[200:].encode("utf-8"),  # not UTF-8 around them
])
def test_nul_bytes_of_binary_or_utf16_data_are_refused(tmp_path, data):
    p = tmp_path / "x.txt"
    p.write_bytes(data)
    with pytest.raises(BinaryInputError, match="NUL"):
        read(p, Settings())
