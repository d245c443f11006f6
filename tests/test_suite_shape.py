"""The test suite's own shape: test modules share helpers through tests/support, never by
importing one another (a test module imported twice collects its tests twice)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def test_no_test_module_imports_another() -> None:
    offenders = []
    for module in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            for name in names:
                parts = name.split(".")
                if parts[0] == "tests" and parts[-1].startswith("test_"):
                    offenders.append(f"{module.relative_to(TESTS)}: {name}")
    assert offenders == []
