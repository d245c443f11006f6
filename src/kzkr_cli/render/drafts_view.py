"""What ``kzkr add`` and ``kzkr review`` drafted, as a listing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzkr_cli.core.export import event_object
from kzkr_cli.core.models import Figure
from kzkr_cli.render.listing import Column, Listing

if TYPE_CHECKING:
    from kzkr_cli.core.drafting import Drafting


def drafts_listing(drafting: Drafting) -> Listing:
    rows: list[dict[str, Any]] = []
    objects: list[dict[str, Any]] = []
    for figure in drafting.figures:
        decided = isinstance(figure, Figure)
        subject = (
            figure.metric
            if isinstance(figure, Figure)
            else " or ".join(figure.candidates) or "none fits"
        )
        rows.append(
            {
                "line": drafting.lines.get(figure.id),
                "record": "figure",
                "id": figure.id,
                "subject": subject,
                "stated": figure.as_written,
                "period": figure.period.label(),
                "mark": "draft" if decided else "undecided",
                "quote": figure.quote,
            }
        )
        objects.append(
            {"record": "figure", "line": drafting.lines.get(figure.id)}
            | figure.model_dump(mode="json", exclude_none=True)
        )
    for drafted in drafting.claims:
        claim = drafted.claim
        when = claim.date.iso() + (f"/{claim.end.iso()}" if claim.end else "")
        new = drafted.new_event
        rows.append(
            {
                "line": drafted.line,
                "record": "new event" if new is not None else "date claim",
                "id": drafted.event_id,
                "subject": new.kind.value if new is not None else drafted.event_id,
                "stated": when,
                "period": "",
                "mark": "draft",
                "quote": claim.quote,
            }
        )
        objects.append(
            {"record": "event claim", "line": drafted.line, "event": drafted.event_id}
            | ({"new_event": event_object(new)} if new is not None else {})
            | claim.model_dump(mode="json", exclude_none=True)
        )
    count = drafting.drafted
    skipped = len(drafting.skipped)
    return Listing(
        columns=[
            Column("line", "Line", numeric=True),
            Column("record", "Record"),
            Column("id", "Id"),
            Column("subject", "Metric or event"),
            Column("stated", "As written"),
            Column("period", "Period", no_wrap=True),
            Column("mark", "Mark", no_wrap=True),
            Column("quote", "Quote", in_table=False),
        ],
        rows=rows,
        objects=objects,
        title=f"Drafts from {drafting.source.id}",
        summary=[
            f"{count} draft{'s' if count != 1 else ''}, {skipped} skipped;"
            f" review them with kzkr review {drafting.source.id}"
        ],
    )
