"""``rashomon serve``: a missing workspace is refused unless ``--create``;
a host other machines can reach is warned about."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

pytest.importorskip("fastapi", reason="needs the web extra: pip install 'rashomon[web]'")

from rashomon.cli import _exposed, app  # noqa: E402


@pytest.fixture
def free_port() -> int:
    """A port nothing listens on now (the system's pick), so the tests do
    not depend on what else runs on this machine."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **options: calls.append(options))
    return calls


def test_a_missing_workspace_is_refused_without_create(tmp_path, served):
    typo = tmp_path / "stroy.db"
    result = CliRunner().invoke(app, ["serve", str(typo)])
    assert result.exit_code == 2
    assert f"error: {typo} does not exist: check the name, or give --create" in result.stderr
    assert not typo.exists() and served == []


def test_create_starts_an_empty_workspace(tmp_path, served, free_port):
    new = tmp_path / "new.db"
    result = CliRunner().invoke(app, ["serve", str(new), "--create", "--port", str(free_port)])
    assert result.exit_code == 0, result.output
    assert "starting an empty workspace" in result.stderr and new.is_file()
    assert served[0]["host"] == "127.0.0.1" and "warning" not in result.stderr


def test_a_host_others_can_reach_is_warned_about(tmp_path, served, free_port):
    result = CliRunner().invoke(app, ["serve", str(tmp_path / "new.db"), "--create", "--host", "0.0.0.0",
                                      "--port", str(free_port)])
    assert result.exit_code == 0, result.output
    assert f"warning: --host 0.0.0.0 serves the pages to anyone who can reach this machine at port {free_port}" \
        in result.stderr
    assert "upload files into it and make this machine fetch URLs" in result.stderr
    assert served[0]["host"] == "0.0.0.0"


def test_a_busy_port_is_refused_before_create_makes_the_file(tmp_path, served, free_port):
    import socket

    new = tmp_path / "new.db"
    with socket.socket() as other:  # another program listening there
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        other.bind(("127.0.0.1", free_port))
        other.listen()
        result = CliRunner().invoke(app, ["serve", str(new), "--create", "--port", str(free_port)])
    assert result.exit_code == 1, result.output
    assert f"cannot listen at 127.0.0.1:{free_port}" in result.stderr and "choose another --port" in result.stderr
    assert not new.exists() and served == []


@pytest.mark.parametrize("host,exposed", [("127.0.0.1", False), ("localhost", False), ("::1", False),
                                          ("[::1]", False), ("127.0.0.2", False), ("0.0.0.0", True),
                                          ("192.168.1.20", True), ("::", True), ("myhost.example", True)])
def test_which_hosts_are_exposed(host, exposed):
    assert _exposed(host) is exposed
