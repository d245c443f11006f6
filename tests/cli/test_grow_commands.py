"""init, add and review through the CLI runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kzkr_cli.cli import app
from kzkr_cli.core import locate
from kzkr_cli.core.new_store import init_store
from tests.conftest import FACTS, StoreMaker

runner = CliRunner()


def test_init_then_validate_the_copy(tmp_path: Path) -> None:
    target = tmp_path / "grow"
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        f"created {target}: 8 TOML files, 5 documents;"
        f" use it with --facts {target} or KZKR_FACTS={target}\n"
    )
    checked = runner.invoke(app, ["validate", "--facts", str(target)])
    assert checked.exit_code == 0, checked.stderr
    assert checked.stderr == f"store: {target} (from --facts)\n"


def test_init_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path} exists and is not an empty folder\n"


def test_sources_says_when_it_reads_the_installed_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(locate, "installed_facts", lambda: FACTS.resolve())
    monkeypatch.setattr(locate, "shipped_facts", lambda: FACTS.resolve())
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["sources"])
    assert result.exit_code == 0
    assert result.stderr == f"store: {FACTS.resolve()} (the read-only copy installed with kzkr)\n"


ARTICLE = (
    "Trade turnover rises\n\n"
    "Trade turnover between the two countries reached $7 billion in 2024, officials said.\n"
)


def _add(root: Path, document: Path, *extra: str) -> Result:
    return runner.invoke(
        app,
        [
            "add",
            str(document),
            "--source",
            "gamma",
            "--title",
            "Gamma report",
            "--publisher",
            "Gamma News",
            "--published",
            "2025-02-03",
            "--facts",
            str(root),
            *extra,
        ],
    )


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_add_drafts_a_figure_and_writes_it_as_a_draft(
    make_store: StoreMaker, tmp_path: Path
) -> None:
    root = make_store(texts={"alpha.txt": "", "beta.txt": ""})
    document = tmp_path / "gamma.txt"
    document.write_text(ARTICLE, encoding="utf-8")
    result = _add(root, document, "--url", "https://example.com/gamma")
    assert result.exit_code == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows == [
        [
            "3",
            "figure",
            "gamma-figure-1",
            "trade",
            "$7 billion",
            "2024",
            "draft",
            "Trade turnover between the two countries reached $7 billion in 2024",
        ]
    ]
    assert (root / "documents" / "gamma.txt").read_text(encoding="utf-8") == ARTICLE
    data = json.loads(runner.invoke(app, ["export", "--facts", str(root)]).stdout)
    (figure,) = [f for f in data["figures"] if f["source"] == "gamma"]
    assert (figure["value"], figure["status"], figure["period"]["start"]) == (7e9, "draft", "2024")
    (source,) = [s for s in data["sources"] if s["id"] == "gamma"]
    assert source["url"] == "https://example.com/gamma"
    checked = runner.invoke(app, ["validate", "--facts", str(root)])
    assert checked.exit_code == 0, checked.stderr
    assert "1 draft awaits review" in checked.stdout


def test_add_with_nothing_to_draft_exits_1(make_store: StoreMaker, tmp_path: Path) -> None:
    root = make_store(texts={"alpha.txt": "", "beta.txt": ""})
    document = tmp_path / "gamma.txt"
    document.write_text("Nothing happened here.\n", encoding="utf-8")
    result = _add(root, document)
    assert result.exit_code == 1
    assert result.stderr == "added source gamma; found nothing to draft\n"


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        (b"\xe9t\xe9", [], "is not UTF-8 text (byte 0xe9 at offset 0)"),
        (ARTICLE.encode(), ["--published", "2024-02-30"], "--published: 2024-02-30 does not exist"),
        (ARTICLE.encode(), ["--source", "alpha"], "--source: 'alpha' is already used"),
        (ARTICLE.encode(), ["--source", "Not An Id"], "--source: String should match pattern"),
        (ARTICLE.encode(), ["--url", "ftp://x"], "--url: String should match pattern"),
    ],
    ids=["not-utf8", "bad-date", "id-taken", "bad-id", "bad-url"],
)
def test_bad_input_exits_2_and_writes_nothing(
    make_store: StoreMaker, tmp_path: Path, content: bytes, extra: list[str], message: str
) -> None:
    root = make_store(texts={"alpha.txt": "", "beta.txt": ""})
    before = _snapshot(root)
    document = tmp_path / "gamma.txt"
    document.write_bytes(content)
    result = _add(root, document, *extra)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.endswith("(nothing written)\n")
    assert "Traceback" not in result.output
    assert _snapshot(root) == before


def test_add_refuses_a_missing_document(make_store: StoreMaker, tmp_path: Path) -> None:
    root = make_store()
    result = _add(root, tmp_path / "none.txt")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {tmp_path / 'none.txt'}: cannot be read: No such file or directory"
        " (nothing written)\n"
    )


def test_writes_refuse_the_installed_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = tmp_path / "site" / "facts"
    init_store(installed, template=FACTS)
    monkeypatch.setattr(locate, "installed_facts", lambda: installed.resolve())
    before = _snapshot(installed)
    document = tmp_path / "gamma.txt"
    document.write_text(ARTICLE, encoding="utf-8")
    result = _add(installed, document)
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {installed} is the read-only copy of the store installed with kzkr; make a"
        " store to grow with `kzkr init DIR` and give it with --facts DIR (or $KZKR_FACTS)\n"
    )
    assert _snapshot(installed) == before
