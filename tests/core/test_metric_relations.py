"""Ids are keys, nothing more: how metrics relate is declared in the vocabulary, and the shipped
store with every id renamed to an opaque one gives the same verdicts and the same conflicts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import tomli

from kzkr_cli.core.checker import Checker, CheckResult
from kzkr_cli.core.checker.index import StoreIndex
from kzkr_cli.core.conflicts import Conflict, find_conflicts
from kzkr_cli.core.errors import StoreError
from kzkr_cli.core.store import Store, load_store
from tests.support.stores import StoreMaker, metric

ROOT = Path(__file__).resolve().parents[2]
FACTS = ROOT / "facts"
CORPORA = sorted((ROOT / "tests" / "data").glob("claims*.toml"))


def _opaque_copy(target: Path) -> tuple[Store, dict[str, str]]:
    """The shipped store copied to ``target`` with every id (source, metric, figure, event)
    replaced by an opaque key of one shape, in every file; and the map back to the old ids."""
    original = load_store(FACTS)
    ids = [*original.sources, *original.metrics, *original.figures, *original.events]
    # Shuffled relative to the old spelling and order, so that nothing can lean on either.
    new_of = {old: f"k{(n * 7919) % 100003:05d}x" for n, old in enumerate(sorted(ids), 1)}
    assert len(set(new_of.values())) == len(new_of)
    shutil.copytree(FACTS, target)
    quoted = re.compile(r'"([a-z0-9][a-z0-9._-]*)"')
    for path in target.rglob("*.toml"):
        text = path.read_text(encoding="utf-8")
        renamed = quoted.sub(lambda m: f'"{new_of.get(m.group(1), m.group(1))}"', text)
        path.write_text(renamed, encoding="utf-8")
    store = load_store(target)
    assert set(store.figures) == {new_of[f] for f in original.figures}
    return store, {new: old for old, new in new_of.items()}


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, Store, dict[str, str]]:
    opaque, back = _opaque_copy(tmp_path_factory.mktemp("opaque") / "facts")
    return load_store(FACTS), opaque, back


def _unmask(text: str, back: dict[str, str]) -> str:
    return re.sub(r"k\d{5}x", lambda m: back.get(m.group(0), m.group(0)), text)


def _verdict(result: CheckResult, back: dict[str, str]) -> tuple[object, ...]:
    facts = sorted(_unmask(e.fact, back) for e in result.evidence)
    subjects = sorted(_unmask(f.subject or "", back) for f in result.findings)
    return result.verdict, facts, subjects, _unmask(result.explanation, back)


def _conflict(conflict: Conflict, back: dict[str, str]) -> tuple[object, ...]:
    claims = sorted((_unmask(c.fact, back), _unmask(c.source, back)) for c in conflict.claims)
    return (
        _unmask(conflict.id, back),
        conflict.kind,
        round(conflict.severity, 9),
        _unmask(conflict.explanation, back),
        claims,
    )


def test_renamed_ids_give_the_same_conflicts(stores: tuple[Store, Store, dict[str, str]]) -> None:
    shipped, opaque, back = stores
    expected = sorted(_conflict(c, {}) for c in find_conflicts(shipped))
    assert expected, "the shipped store has conflicts to compare"
    assert sorted(_conflict(c, back) for c in find_conflicts(opaque)) == expected


def test_renamed_ids_give_the_same_verdicts(stores: tuple[Store, Store, dict[str, str]]) -> None:
    shipped, opaque, back = stores
    claims = [
        claim["text"]
        for corpus in CORPORA
        for claim in tomli.loads(corpus.read_text(encoding="utf-8"))["claim"]
    ]
    assert len(claims) > 200
    named, keyed = Checker(shipped), Checker(opaque)
    differing = [
        text
        for text in claims
        if _verdict(named.check_claim(text), {}) != _verdict(keyed.check_claim(text), back)
    ]
    assert differing == []


def test_look_alikes_are_one_family_however_declared(make_store: StoreMaker) -> None:
    """The relation is transitive and holds both ways: a ~ b declared on a, b ~ c on c."""
    metrics = (
        metric("a", "Annual inflow", look_alikes=["b"])
        + metric("b", "Cumulative inflow")
        + metric("c", "Inflow planned", look_alikes=["b"])
        + metric("d", "Visits")
    )
    index = StoreIndex.build(load_store(make_store(metrics=metrics)), [])
    assert {m: sorted(index.siblings[m]) for m in "abcd"} == {
        "a": ["b", "c"],
        "b": ["a", "c"],
        "c": ["a", "b"],
        "d": [],
    }


@pytest.mark.parametrize(
    ("related", "message"),
    [
        ('part_of = "nowhere"', "metric m1: part_of: unknown metric 'nowhere'"),
        ('change_of = "m1"', "metric m1: change_of: a metric cannot relate to itself"),
        ('look_alikes = ["m2", "gone"]', "metric m1: look_alikes.1: unknown metric 'gone'"),
        (
            'change_of = "m2"\nplan_of = "m2"',
            "metric m1: plan_of: give only one of change_of, value_of, plan_of",
        ),
    ],
)
def test_a_relation_must_name_another_known_metric(
    make_store: StoreMaker, related: str, message: str
) -> None:
    metrics = (
        f'[[metric]]\nid = "m1"\nname = "One"\nunit = "count"\ndescription = "One."\n{related}\n'
        '[[metric]]\nid = "m2"\nname = "Two"\nunit = "count"\ndescription = "Two."\n'
    )
    with pytest.raises(StoreError) as raised:
        load_store(make_store(metrics=metrics))
    assert any(message in str(p) for p in raised.value.problems), raised.value.problems
