"""JSON Lines records whose text field is not a string say so."""
from __future__ import annotations

import pytest

from rashomon.ingest import read
from rashomon.settings import Settings
from rashomon.types import Article, Skipped


@pytest.mark.parametrize("line,reason", [
    ('{"text": 12345}', '"text" is a JSON int, not a string'),
    ('{"text": ["a", "b"], "html": {"p": 1}}', '"text" is a JSON list, not a string; "html" is a JSON dict, not a string'),
    ('{"text": "  "}', 'no non-empty "text" or "html" field'),
    ('{"title": "only a title"}', 'no non-empty "text" or "html" field'),
])
def test_record_without_usable_text_is_skipped_with_the_reason(tmp_path, line, reason):
    p = tmp_path / "r.jsonl"
    p.write_text('{"text": "The mayor said the bridge is open."}\n' + line + "\n", encoding="utf-8")
    items = read(p, Settings())
    assert [type(i) for i in items] == [Article, Skipped]
    assert items[1].path.endswith("r.jsonl#2") and reason in items[1].reason
