"""Drafting a new source's records with the claim checker's own readers, and writing them.

``draft_records`` reads a document sentence by sentence through ``checker.claims``
(numbers, metrics, periods and events, exactly as ``kzkr check`` reads a claim) and turns
what it reads into draft records; ``add_source`` validates the new source, drafts, and
writes the document and records into a store.
"""

from __future__ import annotations

from kzkr_cli.core.drafting.adding import AddRequest, InputError, add_source
from kzkr_cli.core.drafting.reader import DraftedClaim, Drafting, Skipped, draft_records

__all__ = [
    "AddRequest",
    "DraftedClaim",
    "Drafting",
    "InputError",
    "Skipped",
    "add_source",
    "draft_records",
]
