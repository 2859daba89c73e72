"""Settings: ranges from the SETTINGS table, checked when Settings is built and
when RASHOMON_* variables are read; one-line SettingsError messages."""
from __future__ import annotations

import pytest

from rashomon.errors import RashomonError, SettingsError
from rashomon.settings import SETTINGS, Setting, Settings

BY_NAME = {s.name: s for s in SETTINGS}


def test_settings_error_is_a_rashomon_error():
    assert issubclass(SettingsError, RashomonError)


@pytest.mark.parametrize("name,minimum,maximum", [
    ("batch_size", 1, None),
    ("max_file_bytes", 1, None),
    ("min_reuse_words", 1, None),
    ("name_match_threshold", 0, 100),
])
def test_ranges_in_the_table(name, minimum, maximum):
    s = BY_NAME[name]
    assert (s.minimum, s.maximum) == (minimum, maximum)


@pytest.mark.parametrize("name,value", [
    ("batch_size", 0), ("batch_size", -3),
    ("max_file_bytes", 0), ("max_file_bytes", -1),
    ("min_reuse_words", 0),
    ("name_match_threshold", -1), ("name_match_threshold", 101), ("name_match_threshold", 500),
    ("batch_size", "8"), ("batch_size", 2.5), ("batch_size", True),
])
def test_invalid_value_raises_naming_setting_option_env_and_range(name, value):
    s = BY_NAME[name]
    with pytest.raises(SettingsError) as info:
        Settings(**{name: value})
    msg = str(info.value)
    assert "\n" not in msg
    for part in (name, s.option, s.env, s.allowed):
        assert part in msg, (part, msg)


@pytest.mark.parametrize("name,value", [
    ("batch_size", 1), ("max_file_bytes", 1), ("min_reuse_words", 1),
    ("name_match_threshold", 0), ("name_match_threshold", 100), ("batch_size", 10_000),
])
def test_bounds_are_allowed(name, value):
    assert getattr(Settings(**{name: value}), name) == value


def test_defaults_are_valid():
    for s in SETTINGS:
        assert s.problem(s.default) is None, s.name
    Settings()


@pytest.mark.parametrize("setting,expected", [
    (Setting("x", 1, "", minimum=1), "an integer >= 1"),
    (Setting("x", 1, "", minimum=0, maximum=100), "an integer from 0 to 100"),
    (Setting("x", 1, "", maximum=9), "an integer <= 9"),
    (Setting("x", "a", ""), ""),
])
def test_allowed_in_words(setting, expected):
    assert setting.allowed == expected


@pytest.mark.parametrize("env,text", [
    ("RASHOMON_BATCH_SIZE", "abc"),
    ("RASHOMON_BATCH_SIZE", "2.5"),
    ("RASHOMON_MAX_FILE_BYTES", ""),
    ("RASHOMON_NAME_MATCH_THRESHOLD", "high"),
])
def test_env_not_a_number_names_variable_and_value(monkeypatch, env, text):
    monkeypatch.setenv(env, text)
    with pytest.raises(SettingsError) as info:
        Settings.from_env()
    msg = str(info.value)
    assert env in msg and repr(text) in msg and "\n" not in msg
    s = next(s for s in SETTINGS if s.env == env)
    assert s.name in msg and s.option in msg and s.allowed in msg


@pytest.mark.parametrize("env,text", [
    ("RASHOMON_BATCH_SIZE", "0"),
    ("RASHOMON_MIN_REUSE_WORDS", "-2"),
    ("RASHOMON_NAME_MATCH_THRESHOLD", "500"),
])
def test_env_out_of_range_names_variable_and_value(monkeypatch, env, text):
    monkeypatch.setenv(env, text)
    with pytest.raises(SettingsError) as info:
        Settings.from_env()
    msg = str(info.value)
    assert env in msg and text in msg and "\n" not in msg


@pytest.mark.parametrize("text,expected", [("4", 4), (" 16 ", 16), ("1_000", 1000)])
def test_env_valid_numbers(monkeypatch, text, expected):
    monkeypatch.setenv("RASHOMON_BATCH_SIZE", text)
    assert Settings.from_env().batch_size == expected


def test_override_out_of_range_raises(monkeypatch):
    monkeypatch.delenv("RASHOMON_BATCH_SIZE", raising=False)
    with pytest.raises(SettingsError, match="--batch-size"):
        Settings.from_env(batch_size=0)


def test_override_wins_over_a_bad_variable(monkeypatch):
    monkeypatch.setenv("RASHOMON_BATCH_SIZE", "abc")
    assert Settings.from_env(batch_size=3).batch_size == 3


def test_string_setting_from_env(monkeypatch):
    monkeypatch.setenv("RASHOMON_SPACY_MODEL", "my_pipeline")
    assert Settings.from_env().spacy_model == "my_pipeline"
