"""The compiled store's tables and columns: a stable, documented contract for SQL users.

The same description feeds the DDL's documentation, the README's table of columns and the
Datasette metadata, so they cannot drift. Dates are kept as written ("2024-06") beside the
first and last day they may stand for (ISO days), so a date of any precision, or a range of
possible days, is queried by the same two columns.
"""

from __future__ import annotations

SCHEMA_VERSION = 4
"""Raised whenever a table or column changes meaning; a database of another version is rebuilt."""

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "kzkr_meta": (
        "What the database was compiled from: one key and value per row.",
        {
            "key": "schema_version; kzkr_version; code (a fingerprint of kzkr's core code);"
            " compiled_ns (when the files were last found as compiled); seal (from which"
            " the file's modification time is set, so a later write shows)",
            "value": "The value, as text.",
        },
    ),
    "files": (
        "Every TOML file of the store, by its path inside the store folder.",
        {
            "path": "Path relative to the store folder, with / between parts.",
            "sha256": "SHA-256 of the file's bytes as compiled.",
            "size": "Size in bytes.",
            "mtime_ns": "Modification time (ns) when compiled: a file with the same size and"
            " times is not read again.",
            "ctime_ns": "Status change time (ns) when compiled.",
            "inode": "Inode number when compiled.",
            "position": "Order in which the store reads its files (sorted paths).",
        },
    ),
    "sources": (
        "The documents the store quotes.",
        {
            "id": "Source id.",
            "title": "Title.",
            "publisher": "Publisher.",
            "author": "Author, where known.",
            "kind": "news, op-ed, encyclopedia or official.",
            "published": "Publication date as written (year, month or day, or a range A..B,"
            " ..B, A..).",
            "published_earliest": "First day the publication date may be (ISO).",
            "published_latest": "Last day the publication date may be (ISO).",
            "published_note": "How the publication date was inferred.",
            "document": "File name of the source's text.",
            "url": "Where the document was published, when it has an address.",
            "file": "Store file the record is written in.",
            "line": "Line of that file where the record starts.",
            "ordinal": "Order of the record in the store.",
        },
    ),
    "metrics": (
        "The vocabulary: what can be measured. Figures compare only within one metric.",
        {
            "id": "Metric id.",
            "name": "Name.",
            "unit": "Unit (USD, percent, count, rank, …).",
            "description": "What counts as the same figure.",
            "tolerance": "Share of a value by which every figure of the metric is widened.",
            "tolerance_note": "Why the tolerance.",
            "one_off": "1 for a quantity fixed once (all its figures are compared).",
            "part_of": "The metric whose figures include this one's.",
            "change_of": "The metric whose level this one's figures are changes of.",
            "value_of": "The count whose money value this one measures.",
            "plan_of": "The metric whose outcome this one plans or agrees in advance.",
            "age_of": "The event a years metric counts from.",
            "ranked_by": "For a rank by something other than size: the word its sources use.",
            "file": "Store file the record is written in.",
            "line": "Line of that file where the record starts.",
            "ordinal": "Order of the record in the store.",
        },
    ),
    "metric_aliases": (
        "Other names of a metric, for the command line and the claim checker.",
        {
            "metric": "Metric id.",
            "position": "Order of the alias within its metric.",
            "alias": "The alias.",
            "lookup": "The alias lower-cased, as the command line matches names.",
        },
    ),
    "metric_look_alikes": (
        "Metrics named alike that a sentence must tell apart (declared on one side).",
        {
            "metric": "Metric id.",
            "position": "Order within the metric.",
            "other": "The look-alike metric's id.",
        },
    ),
    "figures": (
        "One source's statement of one number.",
        {
            "id": "Figure id.",
            "metric": "Metric id.",
            "value": "Value in the metric's base unit (USD, not billions).",
            "unit": "The metric's unit.",
            "as_written": "The figure exactly as the source writes it.",
            "qualifier": "exact, about, more_than, at_least, nearly, less_than, up_to or top.",
            "step": "Precision the writing gives (the last written digit's place).",
            "low": "Lowest value the figure allows (NULL: no lower bound).",
            "high": "Highest value the figure allows (NULL: no upper bound).",
            "period_start": "Start of a span, as written (NULL for a moment).",
            "period_end": "End of a span as written (NULL: the span is its start).",
            "period_as_of": "The moment of a stock or rank, as written (NULL for a span).",
            "period_text": "The period as the source words it.",
            "period_inferred": "1 when the text does not state the period (read from context).",
            "period_label": "The period as kzkr prints it (2023, 2006/2023, as of 2024).",
            "period_earliest": "First day of the period (ISO).",
            "period_latest": "Last day of the period (ISO).",
            "year": "Year the period sorts by: its start, or its end if open at the start.",
            "source": "Source id.",
            "published": "The source's publication date as written.",
            "quote": "Verbatim quote from the source.",
            "note": "Note on how the figure was read.",
            "change_before": "For a stated change: the figure before.",
            "change_after": "For a stated change: the figure after.",
            "status": "reviewed, or draft (not yet checked against its document).",
            "in_conflict": "1 when the figure takes part in a conflict.",
            "file": "Store file the record is written in.",
            "line": "Line of that file where the record starts.",
            "ordinal": "Order of the record in the store.",
        },
    ),
    "events": (
        "Something that happened once; each source's date is a row of date_claims.",
        {
            "id": "Event id.",
            "kind": "visit, agreement, meeting, opening, …",
            "title": "Title.",
            "place": "Place, where known.",
            "note": "Note.",
            "date": "The most precise date its sources give, as written.",
            "date_end": "That claim's end date, as written.",
            "date_earliest": "First day any of its sources' dates may be (ISO).",
            "date_latest": "Last day any of its sources' dates may be (ISO).",
            "year": "Year of that date (for facets).",
            "in_conflict": "1 when its sources' dates conflict.",
            "dates_differ": "1 when its sources give different dates.",
            "file": "Store file the record is written in.",
            "line": "Line of that file where the record starts.",
            "ordinal": "Order of the record in the store.",
        },
    ),
    "event_actors": (
        "Who took part in an event.",
        {"event": "Event id.", "position": "Order within the event.", "actor": "The actor."},
    ),
    "event_aliases": (
        "Other names people give an event, for the claim checker.",
        {"event": "Event id.", "position": "Order within the event.", "alias": "The alias."},
    ),
    "date_claims": (
        "One source's date for an event, with the words it rests on.",
        {
            "event": "Event id.",
            "position": "Order of the claim within its event (0 first).",
            "source": "Source id.",
            "date": "Date (or start) as written: a year, month or day, or one day in a range"
            " (A..B, ..B, A..).",
            "date_earliest": "First day the date may be (ISO; 0001-01-01 when open).",
            "date_latest": "Last day the date may be (ISO).",
            "end_date": "End as written (NULL: the event started and ended within date).",
            "end_earliest": "First day the end may be (ISO).",
            "end_latest": "Last day the end may be (ISO; 9999-12-31 when open).",
            "quote": "Verbatim quote from the source.",
            "derivation": "How the date is derived from the text.",
            "planned": "1 when the source gives the date as a plan or schedule, not as done.",
            "note": "Note.",
            "status": "reviewed, or draft (not yet checked against its document).",
        },
    ),
    "undecided_figures": (
        "Drafted figures whose metric is still to be chosen: kept out of every comparison.",
        {
            "id": "Figure id.",
            "value": "Value as read.",
            "as_written": "The figure exactly as the source writes it.",
            "qualifier": "exact, about, more_than, at_least, nearly, less_than, up_to or top.",
            "period_start": "Start of a span, as written (NULL for a moment).",
            "period_end": "End of a span as written (NULL: the span is its start).",
            "period_as_of": "The moment of a stock or rank, as written (NULL for a span).",
            "period_text": "The period as the source words it.",
            "period_inferred": "1 when the text does not state the period (read from context).",
            "source": "Source id.",
            "quote": "Verbatim quote from the source.",
            "note": "Note.",
            "status": "draft.",
            "file": "Store file the record is written in.",
            "line": "Line of that file where the record starts.",
            "ordinal": "Order of the record in the store.",
        },
    ),
    "undecided_candidates": (
        "The metrics an undecided figure may be of, for a reviewer to choose from.",
        {
            "figure": "Undecided figure id.",
            "position": "Order within the figure.",
            "metric": "Candidate metric id.",
        },
    ),
    "conflicts": (
        "Where the sources disagree beyond the precision they state, found at compile time.",
        {
            "id": "Conflict id.",
            "kind": "figure, rank, date or arithmetic.",
            "subject": "The metric, event or stated change the disagreement is about.",
            "period": "Period compared (NULL for a date conflict).",
            "severity": "From 0 (barely apart) to 1.",
            "explanation": "One sentence saying who says what, and likely causes.",
            "groups": "JSON list of the groups of claim keys that agree with each other.",
            "ordinal": "Order: most severe first.",
        },
    ),
    "conflict_claims": (
        "The claims taking part in a conflict.",
        {
            "conflict": "Conflict id.",
            "position": "Order within the conflict.",
            "key": "The claim's key, as the groups list it.",
            "fact": "The figure or event id.",
            "claim": "Position of the date claim within its event (NULL for a figure).",
            "source": "Source id.",
            "value": "The figure's value.",
            "as_written": "The figure as written.",
            "period": "The figure's period.",
            "low": "Lowest value the claim allows (-Inf: unbounded; NULL for a date).",
            "high": "Highest value the claim allows (Inf: unbounded; NULL for a date).",
            "date": "The date claim's date.",
            "end_date": "The date claim's end.",
            "quote": "Verbatim quote.",
            "derivation": "How the date claim's date was derived from its text.",
        },
    ),
}

SEARCHED: dict[str, tuple[str, ...]] = {
    "sources": ("title", "published_note"),
    "figures": ("quote", "as_written", "note"),
    "events": ("title", "note"),
    "date_claims": ("quote", "derivation", "note"),
}
"""Full-text indexes (FTS5, ``<table>_fts``) over quotes, titles and notes."""

DDL = """
CREATE TABLE kzkr_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE sources (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT NOT NULL, author TEXT,
    kind TEXT NOT NULL, published TEXT NOT NULL, published_earliest TEXT NOT NULL,
    published_latest TEXT NOT NULL, published_note TEXT, document TEXT NOT NULL, url TEXT,
    file TEXT NOT NULL REFERENCES files(path), line INTEGER, ordinal INTEGER NOT NULL
);
CREATE TABLE metrics (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL, description TEXT NOT NULL,
    tolerance REAL NOT NULL, tolerance_note TEXT, one_off INTEGER NOT NULL,
    part_of TEXT REFERENCES metrics(id),
    change_of TEXT REFERENCES metrics(id), value_of TEXT REFERENCES metrics(id),
    plan_of TEXT REFERENCES metrics(id), age_of TEXT REFERENCES events(id), ranked_by TEXT,
    file TEXT NOT NULL REFERENCES files(path),
    line INTEGER, ordinal INTEGER NOT NULL
);
CREATE TABLE metric_aliases (
    metric TEXT NOT NULL REFERENCES metrics(id), position INTEGER NOT NULL,
    alias TEXT NOT NULL, lookup TEXT NOT NULL, PRIMARY KEY (metric, position)
);
CREATE TABLE metric_look_alikes (
    metric TEXT NOT NULL REFERENCES metrics(id), position INTEGER NOT NULL,
    other TEXT NOT NULL REFERENCES metrics(id), PRIMARY KEY (metric, position)
);
CREATE TABLE figures (
    id TEXT PRIMARY KEY, metric TEXT NOT NULL REFERENCES metrics(id), value REAL NOT NULL,
    unit TEXT NOT NULL, as_written TEXT NOT NULL, qualifier TEXT NOT NULL, step REAL NOT NULL,
    low REAL, high REAL, period_start TEXT, period_end TEXT, period_as_of TEXT,
    period_text TEXT, period_inferred INTEGER NOT NULL, period_label TEXT NOT NULL,
    period_earliest TEXT NOT NULL,
    period_latest TEXT NOT NULL, year INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES sources(id),
    published TEXT NOT NULL, quote TEXT NOT NULL, note TEXT,
    change_before TEXT REFERENCES figures(id), change_after TEXT REFERENCES figures(id),
    status TEXT NOT NULL, in_conflict INTEGER NOT NULL,
    file TEXT NOT NULL REFERENCES files(path), line INTEGER, ordinal INTEGER NOT NULL
);
CREATE TABLE events (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, place TEXT, note TEXT,
    date TEXT NOT NULL, date_end TEXT, date_earliest TEXT NOT NULL, date_latest TEXT NOT NULL,
    year INTEGER NOT NULL, in_conflict INTEGER NOT NULL, dates_differ INTEGER NOT NULL,
    file TEXT NOT NULL REFERENCES files(path), line INTEGER, ordinal INTEGER NOT NULL
);
CREATE TABLE event_actors (
    event TEXT NOT NULL REFERENCES events(id), position INTEGER NOT NULL,
    actor TEXT NOT NULL, PRIMARY KEY (event, position)
);
CREATE TABLE event_aliases (
    event TEXT NOT NULL REFERENCES events(id), position INTEGER NOT NULL,
    alias TEXT NOT NULL, PRIMARY KEY (event, position)
);
CREATE TABLE date_claims (
    event TEXT NOT NULL REFERENCES events(id), position INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES sources(id), date TEXT NOT NULL,
    date_earliest TEXT NOT NULL, date_latest TEXT NOT NULL, end_date TEXT,
    end_earliest TEXT, end_latest TEXT, quote TEXT NOT NULL, derivation TEXT,
    planned INTEGER NOT NULL, note TEXT, status TEXT NOT NULL, PRIMARY KEY (event, position)
);
CREATE TABLE undecided_figures (
    id TEXT PRIMARY KEY, value REAL NOT NULL, as_written TEXT NOT NULL,
    qualifier TEXT NOT NULL, period_start TEXT, period_end TEXT, period_as_of TEXT,
    period_text TEXT, period_inferred INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES sources(id), quote TEXT NOT NULL,
    note TEXT, status TEXT NOT NULL, file TEXT NOT NULL REFERENCES files(path), line INTEGER,
    ordinal INTEGER NOT NULL
);
CREATE TABLE undecided_candidates (
    figure TEXT NOT NULL REFERENCES undecided_figures(id), position INTEGER NOT NULL,
    metric TEXT NOT NULL REFERENCES metrics(id), PRIMARY KEY (figure, position)
);
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL, period TEXT,
    severity REAL NOT NULL, explanation TEXT NOT NULL, groups TEXT NOT NULL,
    ordinal INTEGER NOT NULL
);
CREATE TABLE conflict_claims (
    conflict TEXT NOT NULL REFERENCES conflicts(id), position INTEGER NOT NULL,
    key TEXT NOT NULL, fact TEXT NOT NULL, claim INTEGER, source TEXT NOT NULL, value REAL,
    as_written TEXT, period TEXT, low REAL, high REAL, date TEXT, end_date TEXT,
    quote TEXT NOT NULL, derivation TEXT, PRIMARY KEY (conflict, position)
);
"""

INDEXES = """
CREATE INDEX figures_by_metric ON figures(metric, period_earliest);
CREATE INDEX figures_by_source ON figures(source);
CREATE INDEX figures_by_file ON figures(file, ordinal);
CREATE INDEX sources_by_file ON sources(file, ordinal);
CREATE INDEX metrics_by_file ON metrics(file, ordinal);
CREATE INDEX metric_aliases_by_lookup ON metric_aliases(lookup);
CREATE INDEX events_by_date ON events(date_earliest);
CREATE INDEX events_by_latest ON events(date_latest);
CREATE INDEX events_by_file ON events(file, ordinal);
CREATE INDEX undecided_by_file ON undecided_figures(file, ordinal);
CREATE INDEX date_claims_by_source ON date_claims(source);
CREATE INDEX conflicts_by_order ON conflicts(ordinal);
CREATE INDEX conflict_claims_by_fact ON conflict_claims(fact);
CREATE INDEX conflict_claims_by_source ON conflict_claims(source);
"""


def search_ddl() -> str:
    """External-content FTS5 tables (the text stays in its table), as Datasette finds them."""
    return "".join(
        f"CREATE VIRTUAL TABLE {table}_fts USING fts5({', '.join(columns)},"
        f' content="{table}");\n'
        f"INSERT INTO {table}_fts (rowid, {', '.join(columns)})"
        f" SELECT rowid, {', '.join(columns)} FROM {table};\n"
        for table, columns in SEARCHED.items()
    )
