"""The public surface of ``rashomon``: a sorted ``__all__`` that names exactly
the public names (after httpx ``tests/test_exported_members.py``)."""
from __future__ import annotations

import __future__
import inspect

import rashomon


def test_all_is_sorted():
    assert rashomon.__all__ == sorted(rashomon.__all__)


def test_all_names_exactly_the_public_members():
    public = {n for n in dir(rashomon)
              if not n.startswith("_") and not inspect.ismodule(getattr(rashomon, n))
              and not isinstance(getattr(rashomon, n), __future__._Feature)}
    assert set(rashomon.__all__) == public | {"__version__"}


def test_every_exported_name_exists_and_is_documented():
    for name in rashomon.__all__:
        obj = getattr(rashomon, name)
        if name != "__version__":
            assert inspect.getdoc(obj), f"rashomon.{name} has no docstring"


def test_core_api_is_exported():
    assert {"analyze", "Report", "Settings", "__version__"} <= set(rashomon.__all__)
    assert callable(rashomon.analyze)


def test_pydantic_dumps_use_the_contract_key_schema():
    import json

    from rashomon.types import Generator, Report

    r = Report(generator=Generator(version="0"))
    assert json.loads(r.model_dump_json())["schema"] == json.loads(r.to_json())["schema"] == "rashomon.report/1"
    assert "schema" in r.model_dump() and "schema_" not in r.model_dump()
