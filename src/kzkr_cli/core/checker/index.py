"""The store, indexed once per run for reading claims: metric phrases, events by word,
figures by metric and the conflict engine's verdict on which records disagree."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

from kzkr_cli.core import lexicon
from kzkr_cli.core.checker.parties import (
    Attribution,
    Flow,
    attributions,
    countries,
    flows,
    gazetteer,
    is_people_noun,
    parties_of,
)
from kzkr_cli.core.checker.words import (
    STOP_WORDS,
    Direction,
    Region,
    content_stems,
    directions,
    regions,
    stem,
    stems,
    stems_of_all,
    tokens,
)
from kzkr_cli.core.conflicts import Conflict, Disagreements, find_conflicts
from kzkr_cli.core.models import Event, EventKind, Figure, Metric, Unit
from kzkr_cli.core.numbers import Kind, Quantity
from kzkr_cli.core.store import Store

GENERIC_WORDS = frozenset(stem(w) for w in lexicon.GENERIC_WORDS)
"""Words that name a measure, not what is measured: alone they never select a metric."""

COMMON_SHARE = 0.2
"""A word found in more than this share of the metric names or of the events (Kazakhstan,
Korea, visit) tells them apart from nothing, so it never counts as evidence of a subject."""


@cache
def kind_stems() -> dict[EventKind, frozenset[str]]:
    """The stems of the words that name each kind of event ("visit", "went", "trip"), its
    own name among them: built once, for the index, the sentence reader and drafting."""
    return {
        kind: frozenset(stem(w) for w in lexicon.KIND_WORDS.get(kind, ())) | {stem(kind.value)}
        for kind in EventKind
    }


_FITS: dict[Unit, frozenset[Kind]] = {
    Unit.USD: frozenset({Kind.USD, Kind.OTHER_CURRENCY}),
    Unit.PERCENT: frozenset({Kind.PERCENT}),
    Unit.RANK: frozenset({Kind.RANK}),
    Unit.YEARS: frozenset({Kind.YEARS}),
}
_COUNTED = frozenset({Kind.NUMBER})


def fits(quantity: Quantity, unit: Unit) -> bool:
    """Whether a number can be a value of this unit: money a USD metric (other currencies
    too, to say they cannot be compared), a percentage a percent metric, a rank a rank
    metric, a duration or an ordinal a years metric ("15th anniversary"), a plain
    number any count."""
    if unit is Unit.YEARS and quantity.ordinal:
        return True
    return quantity.kind in _FITS.get(unit, _COUNTED)


Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventWords:
    event: Event
    kinds: frozenset[str]
    """The stems of the words that name its kind ("visit", "went", "trip")."""
    words: frozenset[str]
    names: frozenset[str]
    """The distinctive words of its actors and place: who and where."""
    title_words: frozenset[str]
    """The distinctive words of its title: what happened."""
    title_years: frozenset[int]
    aliases: tuple[frozenset[str], ...] = ()
    """Each alias as its set of stems: a sentence using all of them names the event."""
    actors: frozenset[str] = frozenset()
    """The distinctive words of its actors alone: who."""


@dataclass
class StoreIndex:
    """Everything the checker looks up, built in one pass over the store; every word of the
    store, which only a claim naming a party needs, is gathered when first asked for."""

    store: Store
    conflicts: Sequence[Conflict]
    phrases: Mapping[str, list[tuple[Phrase, str]]] = field(default_factory=dict)
    name_words: dict[str, frozenset[str]] = field(default_factory=dict)
    metrics_by_name_word: dict[str, list[str]] = field(default_factory=dict)
    vocabulary: dict[str, frozenset[str]] = field(default_factory=dict)
    """Every word a metric's names, aliases and unit use: what a count of it may count."""
    directions: dict[str, frozenset[Direction]] = field(default_factory=dict)
    """The places a metric's names and aliases, or those of the metric it extends, say it
    runs from or to ("tourist flow from Kazakhstan"): a sentence reversing one is not about
    it."""
    figures: dict[str, list[Figure]] = field(default_factory=dict)
    siblings: Mapping[str, list[str]] = field(default_factory=dict)
    kin: dict[str, list[str]] = field(default_factory=dict)
    """A metric's look-alikes, the metrics based on it and the one it is based on: what a
    sentence may mean when it does not say which."""
    events: dict[str, EventWords] = field(default_factory=dict)
    events_by_word: dict[str, list[str]] = field(default_factory=dict)
    disagreements: Disagreements = field(default_factory=lambda: Disagreements([]))
    """Which records the conflict engine reports in conflict, and on which side."""
    _parties: dict[str, frozenset[str]] = field(default_factory=dict)
    _attributions: dict[str, frozenset[Attribution]] = field(default_factory=dict)
    _flows: dict[str, frozenset[Flow]] = field(default_factory=dict)

    @classmethod
    def build(cls, store: Store, conflicts: Sequence[Conflict] | None = None) -> StoreIndex:
        found = find_conflicts(store) if conflicts is None else list(conflicts)
        index = cls(store, found, disagreements=Disagreements(found))
        index._index_metrics()
        index._index_events()
        return index

    @cached_property
    def people(self) -> dict[str, frozenset[str]]:
        """The actors of events named as people are, each with its stems: two words or
        more, every one capitalised, and no country ("Cho Tae-yul", "Murat Nurtleu"; not
        "Civil Aviation Committee of Kazakhstan" nor "South Korea")."""
        found: dict[str, frozenset[str]] = {}
        for entry in self.events.values():
            for actor in entry.event.actors:
                words = actor.split()
                if len(words) > 1 and all(w[:1].isupper() for w in words) and not countries(actor):
                    found[actor] = frozenset(t.stem for t in tokens(actor))
        return found

    @cached_property
    def value_metrics(self) -> dict[str, str]:
        """Each metric that has one, with the metric the vocabulary declares as its money value
        (``value_of``): the joint projects' count and their total value."""
        return {m.value_of: m.id for m in self.store.metrics.values() if m.value_of}

    @cached_property
    def stocks(self) -> frozenset[str]:
        """The metrics the store gives as of a moment (a count of stores, a rank), not over a
        span: levels that move, whose earlier value is no figure of a stated time."""
        return frozenset(
            f.metric for f in self.store.figures.values() if f.period.as_of is not None
        )

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Every word the store uses anywhere (names, titles, actors, places, quotes, notes):
        a name outside it is a party the store knows nothing of."""
        return stems_of_all(self._texts())

    def _texts(self) -> Iterator[str]:
        for metric in self.store.metrics.values():
            yield from (metric.name, metric.description, *metric.aliases)
        for figure in self.store.figures.values():
            yield from (
                figure.quote,
                figure.as_written,
                figure.note or "",
                figure.period.text or "",
            )
        for event in self.store.events.values():
            yield from (event.title, event.place or "", event.note or "", *event.actors)
            yield from (*event.aliases, *(c.quote for c in event.claims))
        for source in self.store.sources.values():
            yield from (source.title, source.publisher, source.author or "")

    # ------------------------------------------------------------ metrics

    def _index_metrics(self) -> None:
        metrics = list(self.store.metrics.values())
        own: dict[str, set[Phrase]] = {m.id: _metric_phrases(m) for m in metrics}
        # A metric based on another ("change in trade turnover" on "trade turnover") is
        # named by that one's words too, and look-alikes (annual and cumulative inflow) by
        # each other's; their own names' words tell them apart. Both relations are declared
        # in the vocabulary and expanded only for the words a claim uses, since a family of
        # n look-alikes would otherwise give each of them the phrases of all n.
        group_of = _look_alike_groups(metrics)
        self.siblings = _Siblings(group_of)
        extended_by: dict[str, list[str]] = defaultdict(list)
        for metric in metrics:
            if metric.based_on is not None:
                extended_by[metric.based_on].append(metric.id)
        self.kin = {
            m.id: [
                *self.siblings[m.id],
                *extended_by.get(m.id, []),
                *([m.based_on] if m.based_on is not None else []),
            ]
            for m in metrics
        }
        named_ways = {m.id: directions(" ; ".join((m.name, *m.aliases))) for m in metrics}
        self.directions = {
            m.id: named_ways[m.id].union(
                named_ways[m.based_on] if m.based_on is not None else frozenset()
            )
            for m in metrics
        }
        by_first: dict[str, list[tuple[Phrase, str]]] = defaultdict(list)
        for metric in metrics:
            for phrase in own[metric.id]:
                by_first[phrase[0]].append((phrase, metric.id))
        self.phrases = _Phrases(dict(by_first), group_of, dict(extended_by))
        self.vocabulary = {
            m.id: frozenset(
                {w for phrase in own[m.id] for w in phrase}
                | content_stems(m.name)
                | content_stems(m.unit.value.replace("/", " "))
            )
            for m in metrics
        }
        counts: dict[str, int] = defaultdict(int)
        names = {m.id: content_stems(m.name) for m in metrics}
        for words in names.values():
            for word in words:
                counts[word] += 1
        limit = max(2, COMMON_SHARE * len(metrics))
        self.name_words = {
            mid: frozenset(w for w in words if counts[w] <= limit and w not in GENERIC_WORDS)
            for mid, words in names.items()
        }
        by_name_word: dict[str, list[str]] = defaultdict(list)
        for metric_id, distinctive in self.name_words.items():
            for word in distinctive:
                by_name_word[word].append(metric_id)
        self.metrics_by_name_word = dict(by_name_word)
        figures: dict[str, list[Figure]] = defaultdict(list)
        for figure in self.store.figures.values():
            figures[figure.metric].append(figure)
        self.figures = dict(figures)

    @cached_property
    def event_order(self) -> dict[str, int]:
        """Each event's position in the store: how ties between events are listed."""
        return {event_id: n for n, event_id in enumerate(self.store.events)}

    @cached_property
    def place_words(self) -> frozenset[str]:
        """The stems of the places the store's events happened in, below the level of a
        country ("Seoul", "New York", "Almaty"): a sentence naming one says where."""
        found: set[str] = set()
        for entry in self.events.values():
            place = entry.event.place or ""
            countries = {(m.start, m.end) for m in gazetteer().mentions(place)}
            for token in tokens(place):
                word = place[token.start : token.end]
                inside = any(s <= token.start < e for s, e in countries)
                if word[:1].isupper() and not inside and token.stem not in STOP_WORDS:
                    found.add(token.stem)
        return frozenset(found)

    def own_place(self, event_id: str) -> frozenset[str] | None:
        """The words naming where an event happened (its place, title and actors), or None
        when its place is a country, which may hold any city a sentence names."""
        event = self.events[event_id].event
        if not event.place or (countries(event.place) and len(tokens(event.place)) <= 2):
            return None
        return frozenset(
            t.stem for text in (event.place, event.title, *event.actors) for t in tokens(text)
        )

    def counts_persons(self, metric_id: str) -> bool:
        """Whether a count metric counts persons: its words name persons ("students",
        "visitors") or a people ("Koreans")."""
        words = self._person_words
        texts = (self.metric(metric_id).name, *self.metric(metric_id).aliases)
        return bool(self.vocabulary[metric_id] & words) or any(
            is_people_noun(w) for t in texts for w in t.split()
        )

    @cached_property
    def _person_words(self) -> frozenset[str]:
        return frozenset(stem(w) for w in lexicon.PERSON_NOUNS)

    def attributions(self, metric_id: str) -> frozenset[Attribution]:
        """The nouns a metric's name and aliases (with those of the metric it is based on)
        tie to a country: "Kazakh students", "Kazakhstan's trade partners"."""
        if metric_id not in self._attributions:
            texts: list[str] = []
            metric: Metric | None = self.store.metrics.get(metric_id)
            while metric is not None:
                texts += [metric.name, *metric.aliases]
                metric = self.store.metrics.get(metric.based_on) if metric.based_on else None
            self._attributions[metric_id] = frozenset().union(*map(attributions, texts))
        return self._attributions[metric_id]

    @cached_property
    def _regions(self) -> dict[str, frozenset[Region]]:
        return {
            m.id: regions(" ; ".join((m.name, m.description, *m.aliases)))
            for m in self.store.metrics.values()
        }

    def regions(self, metric_id: str) -> frozenset[Region]:
        """The quarters of places a metric's name, aliases or description puts it in
        ("the new power plant in southern Kazakhstan")."""
        return self._regions[metric_id]

    def flows(self, metric_id: str) -> frozenset[Flow]:
        """The countries a metric's name and aliases (with those of the metric it is based
        on) send it from or to: "Kazakhstan's exports to South Korea" goes to Korea."""
        if metric_id not in self._flows:
            texts: list[str] = []
            metric: Metric | None = self.store.metrics.get(metric_id)
            while metric is not None:
                texts += [metric.name, *metric.aliases]
                metric = self.store.metrics.get(metric.based_on) if metric.based_on else None
            self._flows[metric_id] = frozenset().union(*map(flows, texts))
        return self._flows[metric_id]

    def parties(self, subject: str) -> frozenset[str]:
        """The countries a metric (with the one it is based on) or an event is about: those
        its own words name (name, aliases and description; title, actors, place, aliases),
        and the store's own parties, which a record need not name."""
        if subject not in self._parties:
            self._parties[subject] = parties_of(self._own_words(subject)) | self.home_parties
        return self._parties[subject]

    @cached_property
    def home_parties(self) -> frozenset[str]:
        """The countries named by more than ``COMMON_SHARE`` of the metrics or of the events
        (Kazakhstan, Korea): what the store as a whole is about."""
        home: set[str] = set()
        for subjects in (list(self.store.metrics), list(self.events)):
            counts = Counter(c for s in subjects for c in parties_of(self._own_words(s)))
            home.update(c for c, n in counts.items() if n > COMMON_SHARE * len(subjects))
        return frozenset(home)

    def _own_words(self, subject: str) -> Iterator[str]:
        event = self.events.get(subject)
        if event is not None:
            e = event.event
            yield from (e.title, *e.actors, e.place or "", *e.aliases)
            return
        metric: Metric | None = self.store.metrics.get(subject)
        while metric is not None:
            yield from (metric.name, metric.description, *metric.aliases)
            based = metric.based_on
            metric = self.store.metrics.get(based) if based else None

    def metric(self, metric_id: str) -> Metric:
        return self.store.metrics[metric_id]

    # ------------------------------------------------------------ events

    def _index_events(self) -> None:
        events = list(self.store.events.values())
        titles: dict[str, set[str]] = {}
        parties: dict[str, set[str]] = {}
        actors: dict[str, set[str]] = {}
        counts: Counter[str] = Counter()
        for event in events:
            title = titles[event.id] = content_stems(event.title)
            who = actors[event.id] = content_stems(" ".join(event.actors))
            named = parties[event.id] = who | content_stems(event.place or "")
            counts.update(title | named)
        limit = max(2, COMMON_SHARE * len(events))
        by_word: dict[str, list[str]] = defaultdict(list)
        kinds_of = kind_stems()
        for event in events:
            kinds = kinds_of[event.kind]
            title, named = titles[event.id], parties[event.id]
            distinctive = frozenset(
                w for w in title | named if counts[w] <= limit and w not in kinds and len(w) > 1
            )
            years = frozenset(int(w) for w in stems(event.title) if _is_year(w))
            aliases = tuple(
                frozenset(words) for words in map(content_stems, event.aliases) if words
            )
            self.events[event.id] = EventWords(
                event,
                kinds,
                distinctive,
                distinctive & named,
                distinctive & title,
                years,
                aliases,
                distinctive & actors[event.id],
            )
            for word in distinctive | kinds | frozenset().union(*aliases):
                by_word[word].append(event.id)
        self.events_by_word = dict(by_word)


def _look_alike_groups(metrics: Sequence[Metric]) -> dict[str, list[str]]:
    """Each metric's look-alike group, itself included: the declared relation taken both
    ways and transitively, in the vocabulary's order."""
    parent = {m.id: m.id for m in metrics}

    def root(metric_id: str) -> str:
        while parent[metric_id] != metric_id:
            parent[metric_id] = parent[parent[metric_id]]
            metric_id = parent[metric_id]
        return metric_id

    for metric in metrics:
        for other in metric.look_alikes:
            if other in parent:
                parent[root(other)] = root(metric.id)
    members: dict[str, list[str]] = defaultdict(list)
    for metric in metrics:
        members[root(metric.id)].append(metric.id)
    return {m.id: members[root(m.id)] for m in metrics}


class _Siblings(Mapping[str, list[str]]):
    """A metric's variants (its group less itself), listed when asked for."""

    def __init__(self, group_of: dict[str, list[str]]) -> None:
        self._group_of = group_of

    def __getitem__(self, metric_id: str) -> list[str]:
        return [other for other in self._group_of[metric_id] if other != metric_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._group_of)

    def __len__(self) -> int:
        return len(self._group_of)


class _Phrases(Mapping[str, list[tuple[Phrase, str]]]):
    """By first word, each phrase with a metric it names: its own metric's, that metric's
    variants' and the metrics extending it. Expanded per word on first use."""

    def __init__(
        self,
        by_first: dict[str, list[tuple[Phrase, str]]],
        group_of: dict[str, list[str]],
        extended_by: dict[str, list[str]],
    ) -> None:
        self._by_first = by_first
        self._group_of = group_of
        self._extended_by = extended_by
        self._expanded: dict[str, list[tuple[Phrase, str]]] = {}

    def __getitem__(self, word: str) -> list[tuple[Phrase, str]]:
        found = self._expanded.get(word)
        if found is None:
            named: dict[tuple[Phrase, str], None] = {}
            for phrase, owner in self._by_first[word]:
                for metric_id in (*self._group_of[owner], *self._extended_by.get(owner, ())):
                    named[phrase, metric_id] = None
            found = self._expanded[word] = list(named)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_first)

    def __len__(self) -> int:
        return len(self._by_first)


def _metric_phrases(metric: Metric) -> set[Phrase]:
    found: set[Phrase] = set()
    for text in (metric.name, *metric.aliases):
        phrase = tuple(t.stem for t in tokens(text) if t.stem not in STOP_WORDS)
        if not phrase or (len(phrase) == 1 and phrase[0] in GENERIC_WORDS):
            continue
        found.add(phrase)
    return found


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("18", "19", "20")
