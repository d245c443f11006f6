"""validate, export, schema, sources: through the CLI runner and the installed command."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kzkr_cli.cli import app
from tests.support.broken import BROKEN, CASES
from tests.support.stores import FACTS, Raw, StoreMaker, claim, event, figure

runner = CliRunner()


@pytest.mark.parametrize(("case", "file", "pattern"), CASES, ids=[c[0] for c in CASES])
def test_validate_reports_bad_store_with_exit_2(case: str, file: str, pattern: str) -> None:
    result = runner.invoke(app, ["validate", "--facts", str(BROKEN / case)])
    assert result.exit_code == 2
    assert (f"{case}/{file}" if file else case) in result.stderr
    assert re.search(pattern, result.stderr)
    assert "Traceback" not in result.output
    assert re.search(r"\nError: the fact store is invalid \(\d+ problems?\)\n$", result.stderr)
    assert result.stdout == ""


def test_missing_folder_exits_2_with_message(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--facts", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert result.stderr == (
        f"store: {tmp_path / 'none'} (from --facts)\n"
        f"{tmp_path / 'none'}: facts folder not found\n"
        "Error: the fact store is invalid (1 problem)\n"
    )


def test_validate_checks_quotes_against_the_stores_own_documents() -> None:
    result = runner.invoke(app, ["validate", "--facts", str(FACTS)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("ok: 5 sources, ")
    assert result.stdout.rstrip().endswith("every quote found in its document")


def test_validate_texts_overrides_the_documents_folder(
    make_store: StoreMaker, tmp_path: Path
) -> None:
    make_store(texts={"alpha.txt": "x", "beta.txt": ""})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = runner.invoke(app, ["validate", "--texts", str(elsewhere)])
    assert result.exit_code == 2
    assert f"document '{elsewhere / 'alpha.txt'}' cannot be read" in result.stderr


def test_validate_reports_a_quote_missing_from_its_document(make_store: StoreMaker) -> None:
    root = make_store(
        figures=figure("t", "$6 billion", 6e9, quote="trade reached $7 billion"),
        texts={"alpha.txt": "trade reached $6 billion", "beta.txt": ""},
    )
    assert (root / "documents" / "alpha.txt").is_file()
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "figure t: quote: quote not found in alpha.txt: 'trade reached $7 billion'" in (
        result.stderr
    )
    assert result.stderr.endswith("Error: 1 quote problem\n")


def test_export_has_the_contract_keys(shipped_facts: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"sources", "metrics", "figures", "events"}
    assert {"id", "title", "publisher", "published", "document"} <= set(data["sources"][0])
    assert {"id", "metric", "value", "unit", "source", "quote", "period", "qualifier"} <= set(
        data["figures"][0]
    )
    event = data["events"][0]
    assert {"id", "kind", "title", "date", "end", "sources", "claims"} <= set(event)
    assert {"source", "date", "end", "quote"} <= set(event["claims"][0])


def test_export_cuts_dates_to_their_precision(make_store: StoreMaker) -> None:
    make_store(
        events=event(
            "v",
            claim("alpha", "2024-06", quote="in June"),
            claim("beta", Raw("2024-06-11"), Raw("2024-06-13"), quote="on 11-13 June"),
            title="A visit",
        )
    )
    data = json.loads(runner.invoke(app, ["export"]).stdout)
    (exported,) = data["events"]
    assert (exported["date"], exported["end"]) == ("2024-06-11", "2024-06-13")
    assert [(c["date"], c["end"]) for c in exported["claims"]] == [
        ("2024-06", None),
        ("2024-06-11", "2024-06-13"),
    ]
    assert exported["sources"] == ["alpha", "beta"]


def test_export_output_is_atomic_and_refuses_to_overwrite(
    shipped_facts: Path, tmp_path: Path
) -> None:
    target = tmp_path / "store.json"
    first = runner.invoke(app, ["export", "--output", str(target)])
    assert first.exit_code == 0 and json.loads(target.read_text())["figures"]
    target.write_text("keep me")
    second = runner.invoke(app, ["export", "--output", str(target)])
    assert second.exit_code == 2
    assert second.stderr == f"Error: {target} exists; add --force to overwrite it\n"
    assert target.read_text() == "keep me"
    third = runner.invoke(app, ["export", "--output", str(target), "--force"])
    assert third.exit_code == 0 and json.loads(target.read_text())["sources"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_schema_describes_every_record_type() -> None:
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert {"Source", "Metric", "Figure", "Event", "DateClaim", "Period"} <= set(schema["$defs"])
    figure = schema["$defs"]["Figure"]
    assert figure["additionalProperties"] is False
    assert {"id", "metric", "value", "as_written", "period", "source", "quote"} <= set(
        figure["required"]
    )


def test_sources_counts_what_each_backs(make_store: StoreMaker) -> None:
    make_store(figures=figure("t", "$6 billion", 6e9, source="beta", quote="q"))
    result = runner.invoke(app, ["sources", "--format", "json"])
    counts = {s["id"]: (s["figures"], s["events"]) for s in json.loads(result.stdout)}
    assert counts == {"alpha": (0, 0), "beta": (1, 0)}


def test_store_is_found_through_environment_then_cwd(
    make_store: StoreMaker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_store()
    assert json.loads(runner.invoke(app, ["sources", "-f", "json"]).stdout)[0]["id"] == "alpha"
    monkeypatch.delenv("KZKR_FACTS")
    workdir = tmp_path / "work"
    (workdir / "facts").mkdir(parents=True)
    for path in root.iterdir():
        (workdir / "facts" / path.name).write_text(path.read_text())
    (workdir / "facts" / "sources.toml").write_text(
        (root / "sources.toml").read_text().replace('id = "alpha"', 'id = "local"')
    )
    monkeypatch.chdir(workdir)
    ids = [s["id"] for s in json.loads(runner.invoke(app, ["sources", "-f", "json"]).stdout)]
    assert ids == ["local", "beta"]


def _kzkr(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed ``kzkr`` console script as a user would."""
    executable = shutil.which("kzkr")
    if executable is None:
        pytest.skip("kzkr is not installed as a command")
    command = [executable, *args]
    environment = {k: v for k, v in os.environ.items() if k != "KZKR_FACTS"} | (env or {})
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)


def test_installed_command_exports_the_shipped_store_from_any_folder(tmp_path: Path) -> None:
    result = _kzkr("export", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["figures"]) == len(
        json.loads(_kzkr("export", cwd=FACTS.parent).stdout)["figures"]
    )


def test_installed_command_reports_a_broken_store_without_traceback(tmp_path: Path) -> None:
    result = _kzkr("validate", cwd=tmp_path, env={"KZKR_FACTS": str(BROKEN / "wrong-type")})
    assert result.returncode == 2
    assert "store.toml:13: figure alpha-koreans: value: Input should be a valid number" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_wheel_ships_the_facts(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=FACTS.parent,
        check=True,
        capture_output=True,
    )
    import zipfile

    (wheel,) = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "kzkr_cli/facts/sources.toml" in names
    assert any(n.startswith("kzkr_cli/facts/figures/") for n in names)


def test_version() -> None:
    from kzkr_cli import __version__

    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"kzkr {__version__}\n")
