"""CLI: bad input gets one clear line, a stable code and a non-zero exit, never a traceback."""

from __future__ import annotations

import json

import newsprism
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

from .conftest import respond

runner = CliRunner()

FRENCH = ("Le conseil municipal a voté lundi soir un budget de rigueur pour l'année prochaine, après un long débat "
          "sur l'avenir des bibliothèques et des lignes de bus. Le maire a déclaré que la ville devait faire des "
          "économies, tandis que l'opposition a dénoncé des coupes injustes dans les services publics.")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsprism.cli", *args], capture_output=True, text=True, timeout=120)


def _one_clean_line(stderr: str, code: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"error {code} ")
    assert "Traceback" not in stderr


@pytest.fixture()
def bad_inputs(tmp_path):
    files = {}
    files["empty"] = tmp_path / "empty.txt"
    files["empty"].write_text("")
    files["binary"] = tmp_path / "photo.txt"
    files["binary"].write_bytes(bytes(range(256)) * 40)
    files["huge"] = tmp_path / "huge.txt"
    with open(files["huge"], "wb") as fh:
        fh.truncate(50_000_000)
    files["scripts"] = tmp_path / "app.html"
    files["scripts"].write_text("<html><head><script>var x=1;</script></head><body><script>go()</script></body></html>")
    files["french"] = tmp_path / "conseil.txt"
    files["french"].write_text(FRENCH, encoding="utf-8")
    files["directory"] = tmp_path
    return files


@pytest.mark.parametrize("name, code, reason", [
    ("empty", "NP101", "empty"),
    ("binary", "NP102", "binary"),
    ("huge", "NP103", "too_large"),
    ("scripts", "NP105", "no_content"),
    ("french", "NP104", "not_english"),
])
def test_cli_bad_input_one_line_and_exit_code(bad_inputs, name, code, reason):
    result = runner.invoke(app, ["analyze", str(bad_inputs[name])])
    assert result.exit_code == 2
    _one_clean_line(result.stderr, code)
    assert f"({reason})" in result.stderr


def test_cli_unreadable_paths(tmp_path):
    for path in (tmp_path / "nope.txt", tmp_path):
        result = runner.invoke(app, ["analyze", str(path)])
        assert result.exit_code == 2
        _one_clean_line(result.stderr, "NP106")


def test_cli_not_utf8_is_decoded(tmp_path):
    text = ("Flood Defences Hold\n\nThe town’s new flood wall held overnight as the river rose to “record” levels, "
            "the council said on Tuesday — a relief for the café owners on the quay who were flooded twice last year.")
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    article = newsprism.read(str(path))  # decoding is the reader's job: no analysis needed to test it
    assert "café owners" in article.text and "“record”" in article.text


def test_cli_url_404_and_timeout(http_server):
    base = http_server({"/slow": respond(b"<html></html>", delay=3)})
    result = runner.invoke(app, ["analyze", f"{base}/gone", "--set", "allow_private_urls=true"])
    assert result.exit_code == 2
    _one_clean_line(result.stderr, "NP110")
    assert "(http_error)" in result.stderr and "404" in result.stderr
    result = runner.invoke(app, ["analyze", f"{base}/slow", "--set", "allow_private_urls=true",
                                 "--set", "fetch_timeout=0.5"])
    assert result.exit_code == 2
    _one_clean_line(result.stderr, "NP110")
    assert "(timeout)" in result.stderr


def test_cli_batch_carries_on_and_summarises(bad_inputs, seeds, tmp_path):
    db = tmp_path / "batch.db"
    args = ["ingest", "--db", str(db), str(bad_inputs["empty"]), str(seeds[0]), str(bad_inputs["french"]),
            str(seeds[1]), str(bad_inputs["binary"])]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "stored 2" in result.stdout and "skipped 3" in result.stdout
    assert "1 binary" in result.stdout and "1 empty" in result.stdout and "1 not_english" in result.stdout
    assert result.stderr.count("error NP") == 3 and "Traceback" not in result.stderr
    again = runner.invoke(app, args)
    assert "stored 0" in again.stdout and "duplicates 2" in again.stdout
    listed = runner.invoke(app, ["list", "--db", str(db), "--json"])
    assert {row["outlet"] for row in json.loads(listed.stdout)} == {"Orinoco Tribune", None}


def test_cli_only_bad_inputs_exit_non_zero(bad_inputs, tmp_path):
    result = runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.db"), str(bad_inputs["empty"])])
    assert result.exit_code != 0


def test_cli_unknown_setting_is_one_line():
    result = runner.invoke(app, ["analyze", "x.txt", "--set", "no_such=1"])
    assert result.exit_code == 2 and "unknown setting" in result.stderr and "Traceback" not in result.stderr


def test_cli_subprocess_has_no_traceback(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("   \n")
    proc = _run("analyze", str(path))
    assert proc.returncode == 2
    _one_clean_line(proc.stderr, "NP101")


def test_cli_every_command_has_help():
    import typer.main

    group = typer.main.get_command(app)
    assert len(group.commands) >= 6  # type: ignore[attr-defined]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help and command.help.strip(), f"command {name} has no help"
        for param in command.params:
            if param.param_type_name == "option" and param.name not in ("help",):
                assert param.help, f"option {param.name} of {name} has no help"


def test_cli_text_too_long_to_analyse(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Long Report Title\n\n" + ("The council met again and discussed the budget at length. " * 40),
                    encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--set", "max_analysis_chars=500"])
    assert result.exit_code == 2
    _one_clean_line(result.stderr, "NP103")
