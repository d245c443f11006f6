"""Shell completion that reads only names from the TOML files: no validation, so Tab is quick."""

from __future__ import annotations

import os
from pathlib import Path

import tomli

from kzkr_cli.core.locate import find_facts
from kzkr_cli.core.models import EventKind
from kzkr_cli.core.store import toml_files


def _names(table: str, with_aliases: bool = False) -> list[str]:
    names: list[str] = []
    try:
        root = find_facts(Path(os.environ["KZKR_FACTS"]) if os.environ.get("KZKR_FACTS") else None)
        for path in toml_files(root):
            with path.open("rb") as handle:
                data = tomli.load(handle)
            for row in data.get(table, []):
                if isinstance(row, dict) and isinstance(row.get("id"), str):
                    names.append(row["id"])
                    if with_aliases and isinstance(row.get("aliases"), list):
                        names.extend(a for a in row["aliases"] if isinstance(a, str))
    except (OSError, tomli.TOMLDecodeError, UnicodeDecodeError):
        return []
    return names


def _starting(names: list[str], incomplete: str) -> list[str]:
    return sorted({n for n in names if n.lower().startswith(incomplete.lower())})


def complete_metrics(incomplete: str) -> list[str]:
    return _starting(_names("metric", with_aliases=True), incomplete)


def complete_sources(incomplete: str) -> list[str]:
    return _starting(_names("source"), incomplete)


def complete_event_kinds(incomplete: str) -> list[str]:
    return _starting([k.value for k in EventKind], incomplete)
