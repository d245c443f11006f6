"""Write a synthetic fact store of a given size in the store's real TOML format.

The store is valid (it loads with ``kzkr validate``), has many sources and metrics, periods
that overlap (calendar years, half-years and multi-year spans of the same metric), and a
share of deliberate disagreements: figures whose intervals are disjoint, ranks that differ,
events whose sources give different dates, and stated changes that do not follow from the
figures they link. It is deterministic for a given size and seed.

    python benchmarks/generate_store.py 10000 --out benchmarks/stores/10k
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

CONFLICT_SHARE = 0.1
"""The share of figure groups and events given a deliberate disagreement."""

EVENTS_PER_FILE = 1000
FIGURES_PER_SOURCE = 100
FIGURES_PER_METRIC = 25
YEARS = range(1995, 2025)
SOURCE_KINDS = ("news", "op-ed", "encyclopedia", "official")
EVENT_KINDS = (
    "visit",
    "agreement",
    "meeting",
    "opening",
    "founding",
    "appointment",
    "announcement",
    "acquisition",
    "cultural",
)
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
TOP_WORDS = {3: "three", 5: "five", 10: "ten"}
UNITS = ("USD", "percent", "count", "rank", "flights/week", "hectares", "barrels", "years")
ACTORS = ("Kazakhstan", "South Korea", "Samsung C&T", "KEPCO", "Air Astana", "KazMunayGas")


def toml_string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's for every character written here."""
    return json.dumps(text, ensure_ascii=False)


def toml_number(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else str(value)


@dataclass(frozen=True, slots=True)
class Written:
    """A value as a source writes it: ``as_written`` reads back as exactly ``value``."""

    value: Decimal
    as_written: str
    qualifier: str = "exact"


def _grouped(number: int) -> str:
    """Thousands separated by commas, so no whole number reads as a bare year."""
    return f"{number:,}"


def write_usd(millions: Decimal, style: int) -> Written:
    value = millions * 10**6
    if millions >= 1000:
        amount = f"{(millions / 1000).normalize():f}"
        scale = "billion"
    else:
        amount = f"{millions.normalize():f}"
        scale = "million"
    if style == 1:
        return Written(value, f"about ${amount} {scale}", "about")
    if style == 2:
        return Written(value, f"{amount} {scale} US dollars")
    if style == 3:
        return Written(value, f"more than ${amount} {scale}", "more_than")
    return Written(value, f"${amount} {scale}")


def write_percent(value: Decimal, style: int) -> Written:
    magnitude = f"{abs(value).normalize():f}"
    if value < 0:
        return Written(value, f"{magnitude}% less")
    if style == 1:
        return Written(value, f"{magnitude} percent increase")
    if style == 2:
        return Written(value, f"up to {magnitude}%", "up_to")
    return Written(value, f"{magnitude}%")


def write_count(value: int, style: int) -> Written:
    if style == 1:
        return Written(Decimal(value), f"about {_grouped(value)}", "about")
    if style == 2:
        return Written(Decimal(value), f"over {_grouped(value)}", "more_than")
    return Written(Decimal(value), _grouped(value))


def write_rank(rank: int, style: int) -> Written:
    if style == 1:
        top = next(n for n in sorted(TOP_WORDS) if n >= rank)
        return Written(Decimal(top), f"top {TOP_WORDS[top]}", "top")
    if style == 2:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(rank, "th")
        return Written(Decimal(rank), f"{rank}{suffix} largest")
    return Written(Decimal(rank), ORDINALS[rank - 1])


@dataclass(frozen=True, slots=True)
class MetricSpec:
    id: str
    unit: str
    alias: str
    name: str
    tolerance: float = 0.0


def metrics(count: int, rng: random.Random) -> list[MetricSpec]:
    specs = [
        MetricSpec("trade-turnover", "USD", "trade", "Bilateral trade turnover"),
        MetricSpec("trade-turnover-change", "percent", "trade-change", "Change in trade turnover"),
    ]
    for index in range(len(specs), count):
        unit = UNITS[index % len(UNITS)]
        tolerance = 0.02 if rng.random() < 0.1 and unit not in ("rank", "percent") else 0.0
        specs.append(
            MetricSpec(
                f"metric-{index:05d}",
                unit,
                f"m{index}",
                f"Synthetic measure {index} ({unit})",
                tolerance,
            )
        )
    return specs


def metric_toml(spec: MetricSpec) -> str:
    lines = [
        "[[metric]]",
        f"id = {toml_string(spec.id)}",
        f"name = {toml_string(spec.name)}",
        f"unit = {toml_string(spec.unit)}",
        f"aliases = [{toml_string(spec.alias)}]",
        f"description = {toml_string(f'{spec.name}, over the stated period or at a moment.')}",
    ]
    if spec.tolerance:
        lines.append(f"tolerance = {spec.tolerance}")
        lines.append('tolerance_note = "Sources round this measure loosely."')
    return "\n".join(lines) + "\n"


def source_toml(index: int, rng: random.Random) -> str:
    year = rng.choice(YEARS)
    return (
        "[[source]]\n"
        f'id = "source-{index:04d}"\n'
        f'title = "Synthetic report {index} on Kazakhstan and South Korea"\n'
        f'publisher = "Publisher {index % 37}"\n'
        f'kind = "{SOURCE_KINDS[index % len(SOURCE_KINDS)]}"\n'
        f'published = "{year}-{rng.randint(1, 12):02d}"\n'
        f'document = "doc-{index:04d}.txt"\n'
    )


def periods_of(unit: str, rng: random.Random, year: int) -> Iterator[str]:
    """Periods for one metric from ``year`` on that overlap: years, half-years, spans."""
    while True:
        if unit == "rank" or (unit == "count" and rng.random() < 0.5):
            yield f'{{ as_of = "{year}-{rng.randint(1, 12):02d}" }}'
        else:
            choice = rng.random()
            if choice < 0.6:
                yield f'{{ start = "{year}" }}'
            elif choice < 0.8:
                yield f'{{ start = "{year}-01", end = "{year}-06" }}'
            else:
                yield f'{{ start = "{year}", end = "{year + 2}" }}'
        year = year + 1 if year < YEARS[-1] else YEARS[0]


def agreeing(unit: str, rng: random.Random) -> Callable[[int], Written]:
    """A writer of one true value in several styles, all of whose intervals overlap."""
    if unit == "USD":
        millions = Decimal(rng.randint(12, 9800)) / (10 if rng.random() < 0.3 else 1)
        return lambda style: write_usd(millions, style)
    if unit == "percent":
        percent = Decimal(rng.randint(-60, 150)) or Decimal(5)
        return lambda style: write_percent(percent, style if percent > 0 else 0)
    if unit == "rank":
        rank = rng.randint(1, 8)
        return lambda style: write_rank(rank, style)
    count = rng.randint(11, 900) * 10
    return lambda style: write_count(count, style)


def disagreeing(unit: str, first: Written) -> Written:
    """A value well outside the interval of ``first`` (below it when ``first`` is open above)."""
    upward = first.qualifier == "more_than"
    if unit == "USD":
        millions = first.value / 10**6
        return write_usd(
            max(Decimal(1), (millions / 3 if upward else millions * 3).quantize(Decimal(1))), 0
        )
    if unit == "percent":
        return write_percent(first.value + 40, 0)
    if unit == "rank":
        return write_rank(int(first.value) + 3, 2)
    count = int(first.value)
    return write_count(count // 30 * 10 if upward else count * 3, 0)


@dataclass(frozen=True, slots=True)
class FigureRecord:
    id: str
    metric: str
    written: Written
    period: str
    source: str
    change: tuple[str, str] | None = None

    def toml(self) -> str:
        written = self.written
        quote = f"The report gives {written.as_written} for {self.metric}."
        lines = [
            "[[figure]]",
            f"id = {toml_string(self.id)}",
            f"metric = {toml_string(self.metric)}",
            f"value = {toml_number(written.value)}",
            f"as_written = {toml_string(written.as_written)}",
        ]
        if written.qualifier != "exact":
            lines.append(f"qualifier = {toml_string(written.qualifier)}")
        lines += [
            f"period = {self.period}",
            f"source = {toml_string(self.source)}",
            f"quote = {toml_string(quote)}",
        ]
        if self.change:
            lines.append(f'change = {{ before = "{self.change[0]}", after = "{self.change[1]}" }}')
        return "\n".join(lines) + "\n"


def figures(
    count: int, specs: list[MetricSpec], sources: list[str], rng: random.Random
) -> list[FigureRecord]:
    """Groups of figures for one metric and period from 1-4 sources; a share disagree."""
    records: list[FigureRecord] = []
    serial = 0
    metric_cycle = 0
    regular = [s for s in specs if s.id != "trade-turnover-change"]
    while len(records) < count:
        spec = regular[metric_cycle % len(regular)]
        metric_cycle += 1
        # The first metric (trade turnover) reaches the recent years the benchmark asks for.
        first_year = 2016 if metric_cycle == 1 else rng.choice(YEARS[:-3])
        periods = periods_of(spec.unit, rng, first_year)
        budget = min(FIGURES_PER_METRIC, count - len(records))
        while budget > 0:
            period = next(periods)
            write = agreeing(spec.unit, rng)
            size = min(budget, rng.randint(1, 4))
            group = [write(rng.randint(0, 3)) for _ in range(size)]
            if size > 1 and rng.random() < CONFLICT_SHARE:
                group[-1] = disagreeing(spec.unit, group[0])
            for written in group:
                serial += 1
                records.append(
                    FigureRecord(
                        f"fig-{serial:07d}",
                        spec.id,
                        written,
                        period,
                        rng.choice(sources),
                    )
                )
            budget -= size
    return records + changes(records, sources, rng, count // 100)


def changes(
    records: list[FigureRecord], sources: list[str], rng: random.Random, count: int
) -> list[FigureRecord]:
    """Stated changes between two exact trade figures; a share do not follow from them."""
    trade = [
        r
        for r in records
        if r.metric == "trade-turnover" and r.written.qualifier == "exact" and "end" not in r.period
    ]
    linked: list[FigureRecord] = []
    for index in range(min(count, len(trade) - 1)):
        before, after = trade[index], trade[index + 1]
        change = (after.written.value - before.written.value) / before.written.value * 100
        stated = change.quantize(Decimal(1))
        if rng.random() < CONFLICT_SHARE:
            stated += 25
        if stated == 0:
            continue
        linked.append(
            FigureRecord(
                f"change-{index:06d}",
                "trade-turnover-change",
                write_percent(stated, 0),
                after.period,
                rng.choice(sources),
                (before.id, after.id),
            )
        )
    return linked


def event_toml(index: int, sources: list[str], rng: random.Random) -> str:
    year = rng.choice(YEARS)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    kind = EVENT_KINDS[index % len(EVENT_KINDS)]
    actors = ", ".join(toml_string(a) for a in rng.sample(ACTORS, 2))
    lines = [
        "[[event]]",
        f'id = "event-{index:07d}"',
        f'kind = "{kind}"',
        f'title = "Synthetic {kind} number {index}"',
        f"actors = [{actors}]",
        f'place = "City {index % 97}"',
    ]
    dates = [f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}", f"{year}"]
    claims = rng.randint(1, 3)
    for number in range(claims):
        date = dates[rng.randint(0, 2)] if number else dates[0]
        if number and rng.random() < CONFLICT_SHARE:
            date = f"{year}-{month:02d}-{(day + 7) % 28 + 1:02d}"
        lines += [
            "",
            "[[event.claim]]",
            f"source = {toml_string(sources[(index + number) % len(sources)])}",
            f'date = "{date}"',
            f'quote = "On {date} the {kind} took place, the report says."',
        ]
    return "\n".join(lines) + "\n"


def generate(root: Path, figure_count: int, event_count: int, seed: int = 6) -> None:
    """Write the store below ``root`` (which must not exist)."""
    rng = random.Random(seed)
    root.mkdir(parents=True)
    source_count = max(5, figure_count // FIGURES_PER_SOURCE)
    source_ids = [f"source-{i:04d}" for i in range(source_count)]
    (root / "sources.toml").write_text(
        "\n".join(source_toml(i, rng) for i in range(source_count)), encoding="utf-8"
    )
    specs = metrics(max(10, figure_count // FIGURES_PER_METRIC), rng)
    (root / "metrics.toml").write_text("\n".join(metric_toml(s) for s in specs), encoding="utf-8")
    by_source: dict[str, list[str]] = {s: [] for s in source_ids}
    for record in figures(figure_count, specs, source_ids, rng):
        by_source[record.source].append(record.toml())
    (root / "figures").mkdir()
    for source, blocks in by_source.items():
        if blocks:
            (root / "figures" / f"{source}.toml").write_text("\n".join(blocks), encoding="utf-8")
    (root / "events").mkdir()
    for start in range(0, event_count, EVENTS_PER_FILE):
        stop = min(start + EVENTS_PER_FILE, event_count)
        text = "\n".join(event_toml(i, source_ids, rng) for i in range(start, stop))
        (root / "events" / f"events-{start // EVENTS_PER_FILE:04d}.toml").write_text(
            text, encoding="utf-8"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("size", type=int, help="Number of figures (and of events).")
    parser.add_argument("--events", type=int, help="Number of events (default: size).")
    parser.add_argument("--out", type=Path, required=True, help="Folder to write the store to.")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--force", action="store_true", help="Replace an existing folder.")
    args = parser.parse_args(argv)
    if args.out.exists():
        if not args.force:
            print(f"{args.out} exists; add --force to replace it", file=sys.stderr)
            return 2
        shutil.rmtree(args.out)
    events = args.size if args.events is None else args.events
    generate(args.out, args.size, events, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
