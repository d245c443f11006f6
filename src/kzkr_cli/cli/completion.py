"""Shell completion that reads only names from the TOML files: no validation, so Tab is quick."""

from __future__ import annotations

import os
import re
from pathlib import Path

import tomli

from kzkr_cli.core.locate import find_facts
from kzkr_cli.core.models import EventKind
from kzkr_cli.core.store import toml_files


def _names(*tables: str, with_aliases: bool = False) -> list[str]:
    names: list[str] = []
    try:
        root = find_facts(Path(os.environ["KZKR_FACTS"]) if os.environ.get("KZKR_FACTS") else None)
        for path in toml_files(root):
            with path.open("rb") as handle:
                data = tomli.load(handle)
            for table in tables:
                rows = data.get(table, [])
                for row in rows if isinstance(rows, list) else []:
                    if isinstance(row, dict) and isinstance(row.get("id"), str):
                        names.append(row["id"])
                        if with_aliases and table == "metric":
                            aliases = row.get("aliases")
                            if isinstance(aliases, list):
                                names.extend(a for a in aliases if isinstance(a, str))
    except (OSError, tomli.TOMLDecodeError, UnicodeDecodeError):
        return []
    return names


_SHELL_SPECIAL = re.compile(r"([^\w@%+=:,./-])")


def shell_word(name: str) -> str:
    """A name as one shell word: spaces and characters the shell acts on backslash-escaped
    ("trade\\ turnover"), which, unlike quotes around it, still starts with what was typed,
    as completion requires."""
    return _SHELL_SPECIAL.sub(r"\\\1", name)


def _starting(names: list[str], incomplete: str) -> list[str]:
    """Names that start with what was typed, each written as one shell word."""
    typed = incomplete.lower()
    return [shell_word(n) for n in sorted({n for n in names if n.lower().startswith(typed)})]


def complete_metrics(incomplete: str) -> list[str]:
    return _starting(_names("metric", with_aliases=True), incomplete)


def complete_sources(incomplete: str) -> list[str]:
    return _starting(_names("source"), incomplete)


def complete_events(incomplete: str) -> list[str]:
    return _starting(_names("event"), incomplete)


def complete_records(incomplete: str) -> list[str]:
    """What ``kzkr show`` takes: any record's id, or a metric's alias."""
    return _starting(_names("figure", "event", "source", "metric", with_aliases=True), incomplete)


def complete_event_kinds(incomplete: str) -> list[str]:
    return _starting([k.value for k in EventKind], incomplete)
