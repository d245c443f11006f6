"""The scripting contract of conflicts: JSON-ready objects with stable field names."""

from __future__ import annotations

from typing import Any

from kzkr_cli.core.conflicts import Conflict
from kzkr_cli.core.export import number


def conflict_object(conflict: Conflict) -> dict[str, Any]:
    """A conflict as a JSON-ready object: the scripting contract of ``kzkr conflicts``."""
    return {
        "id": conflict.id,
        "kind": conflict.kind.value,
        "subject": conflict.subject,
        "period": conflict.period,
        "severity": round(conflict.severity, 6),
        "explanation": conflict.explanation,
        "claims": [
            {
                "key": claim.key,
                "fact": claim.fact,
                "source": claim.source,
                "value": None if claim.value is None else number(claim.value),
                "as_written": claim.as_written,
                "period": claim.period,
                "low": None if claim.low is None else number(claim.low),
                "high": None if claim.high is None else number(claim.high),
                "date": claim.date,
                "end": claim.end,
                "quote": claim.quote,
                "derivation": claim.derivation,
            }
            for claim in conflict.claims
        ],
        "groups": [list(group) for group in conflict.groups],
    }
