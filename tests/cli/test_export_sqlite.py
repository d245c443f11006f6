"""``kzkr export --format sqlite``: the compiled tables with their keys and full-text indexes,
and metadata that Datasette itself reads (its ``--get`` answers without a server)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from kzkr_cli.cli import app
from kzkr_cli.core.compiled.schema import TABLES

runner = CliRunner()


def exported(tmp_path: Path) -> Path:
    output = tmp_path / "kzkr.db"
    result = runner.invoke(app, ["export", "--format", "sqlite", "--output", str(output)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    return output


def datasette(database: Path, path: str) -> Any:
    """A page of Datasette's JSON API for ``database`` with its metadata, read with --get."""
    metadata = database.with_name(database.stem + ".metadata.json")
    done = subprocess.run(
        [sys.executable, "-m", "datasette", str(database), "-m", str(metadata), "--get", path],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def test_the_database_holds_the_store_with_its_keys(shipped_facts: Path, tmp_path: Path) -> None:
    database = exported(tmp_path)
    store = json.loads(runner.invoke(app, ["export"]).stdout)
    connection = sqlite3.connect(database)
    for table in ("sources", "metrics", "figures", "events"):
        ids = [row[0] for row in connection.execute(f"SELECT id FROM {table} ORDER BY ordinal")]
        assert ids == [record["id"] for record in store[table]]
    claims = sum(len(event["claims"]) for event in store["events"])
    assert connection.execute("SELECT count(*) FROM date_claims").fetchone() == (claims,)
    conflicts = json.loads(runner.invoke(app, ["conflicts", "-f", "json"]).stdout)
    stored = connection.execute("SELECT id, severity FROM conflicts ORDER BY ordinal").fetchall()
    assert [c for c, _ in stored] == [c["id"] for c in conflicts]
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    keys = {row[2] for row in connection.execute("PRAGMA foreign_key_list(figures)")}
    assert {"metrics", "sources", "files"} <= keys
    found = connection.execute(
        "SELECT f.id FROM figures_fts JOIN figures f ON f.rowid = figures_fts.rowid"
        " WHERE figures_fts MATCH ?",
        ("gross inflow",),
    ).fetchall()
    assert ("wiki-fdi-18y",) in found


def test_every_table_and_column_is_documented(shipped_facts: Path, tmp_path: Path) -> None:
    connection = sqlite3.connect(exported(tmp_path))
    tables = {
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_fts%'"
        )
    }
    assert tables == set(TABLES)
    for table, (_, columns) in TABLES.items():
        actual = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        assert actual == list(columns), table


def test_datasette_serves_it_searchable_faceted_and_described(
    shipped_facts: Path, tmp_path: Path
) -> None:
    database = exported(tmp_path)
    meta = datasette(database, "/-/metadata.json")
    assert meta["title"].startswith("kzkr fact store")
    assert meta["license"] and meta["source"]
    found = datasette(database, "/kzkr/figures.json?_search=gross+inflow&_shape=array")
    assert "wiki-fdi-18y" in {row["id"] for row in found}
    for row in found:
        text = " ".join(row[c] or "" for c in ("quote", "as_written", "note")).lower()
        assert "gross" in text and "inflow" in text
    page = datasette(database, "/kzkr/figures.json?_size=0")
    assert set(page["facet_results"]) == {"metric", "source", "qualifier", "year"}
    metrics = {facet["value"] for facet in page["facet_results"]["metric"]["results"]}
    assert "trade-turnover" in metrics
    quotes = datasette(database, "/kzkr/date_claims.json?_search=state+visit&_shape=array")
    assert quotes
    for row in quotes:
        text = " ".join(row[c] or "" for c in ("quote", "derivation", "note")).lower()
        assert "state" in text and "visit" in text
    ranked = datasette(database, "/kzkr/conflicts.json?_shape=array")
    severities = [row["severity"] for row in ranked]
    assert severities == sorted(severities, reverse=True) and severities
    events = datasette(database, "/kzkr/events.json?_size=0")
    assert {"kind", "year"} <= set(events["facet_results"])


def test_sqlite_needs_an_output_and_keeps_what_exists(shipped_facts: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "sqlite"])
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: --format sqlite needs --output FILE.db\n",
    )
    database = exported(tmp_path)
    before = database.read_bytes()
    again = runner.invoke(app, ["export", "--format", "sqlite", "--output", str(database)])
    assert again.exit_code == 2
    assert again.stderr == f"Error: {database} exists; add --force to overwrite it\n"
    forced = runner.invoke(
        app, ["export", "--format", "sqlite", "--output", str(database), "--force"]
    )
    assert forced.exit_code == 0
    assert sqlite3.connect(database).execute("SELECT count(*) FROM figures").fetchone()[0] > 0
    assert len(before) > 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("kzkr")) == [
        "kzkr.db",
        "kzkr.metadata.json",
    ]
