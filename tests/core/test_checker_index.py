"""The checker's index, built in time linear in the store: the same phrases and variants as
the rule states them pair by pair, and the same stems with or without token positions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kzkr_cli.core.checker.index import StoreIndex, _metric_phrases
from kzkr_cli.core.checker.words import content_stems, stems, stems_of_all, tokens
from kzkr_cli.core.models import Metric
from kzkr_cli.core.store import Store, load_store
from tests.support.stores import FACTS, StoreMaker, claim, event, metric


def look_alikes(metrics: list[Metric]) -> dict[str, set[str]]:
    """The rule as written: two metrics are look-alikes when a chain of declared pairs
    (declared either way) joins them; found by widening each set until nothing changes."""
    alike = {m.id: set(m.look_alikes) for m in metrics}
    for m in metrics:
        for other in m.look_alikes:
            alike[other].add(m.id)
    changed = True
    while changed:
        changed = False
        for mid, others in alike.items():
            wider = others.union(*(alike[o] for o in others)) - {mid}
            if wider != others:
                alike[mid], changed = wider, True
    return alike


def stated_phrases(metrics: list[Metric]) -> set[tuple[tuple[str, ...], str]]:
    """The rule as written, over every pair: a metric is named by its own phrases, by those
    of the metric it is based on, and by those of its look-alikes."""
    own = {m.id: _metric_phrases(m) for m in metrics}
    alike = look_alikes(metrics)
    named: set[tuple[tuple[str, ...], str]] = set()
    for named_one in metrics:
        for other in metrics:
            if (
                other.id == named_one.id
                or named_one.based_on == other.id
                or other.id in alike[named_one.id]
            ):
                named |= {(phrase, named_one.id) for phrase in own[other.id]}
    return named


def indexed_phrases(index: StoreIndex) -> set[tuple[tuple[str, ...], str]]:
    found = {pair for word in index.phrases for pair in index.phrases[word]}
    lists = [index.phrases[word] for word in index.phrases]
    assert sum(map(len, lists)) == len(found), "a phrase is listed twice for one metric"
    assert all(phrase[0] == word for word in index.phrases for phrase, _ in index.phrases[word])
    return found


def stated_siblings(store: Store) -> dict[str, set[str]]:
    return look_alikes(list(store.metrics.values()))


FAMILIES = "".join(
    [
        metric("m1", "Foreign investment", aliases=["FDI"]),
        metric("m2", "FDI inflow", aliases=["inward investment"], change_of="m1"),
        metric("m3", "Annual FDI inflow"),
        metric("m4", "Cumulative FDI inflow", aliases=["FDI stock"], look_alikes=["m3"]),
        metric("m5", "Cumulative FDI inflow again", value_of="m1"),
        metric("m6", "Direct flights", aliases=["air links"]),
        metric("m7", "Weekly flights", plan_of="m6"),
        metric("m8", "Visits"),
        metric("m9", "Quarterly FDI inflow", look_alikes=["m4"]),  # m3, m4, m9: one family
        *(metric(f"v{n}", f"Variant measure {n}", aliases=[f"v{n}"]) for n in range(40)),
    ]
)


def test_phrases_and_variants_follow_the_rule_on_families_of_metrics(
    make_store: StoreMaker,
) -> None:
    store = load_store(make_store(metrics=FAMILIES))
    index = StoreIndex.build(store, [])
    assert indexed_phrases(index) == stated_phrases(list(store.metrics.values()))
    # look-alikes hold both ways, whichever side declares them
    assert {m: set(index.siblings[m]) for m in store.metrics} == stated_siblings(store)
    # ... and through a chain of them: m3 with m4, m4 with m9, so m3 with m9
    assert index.siblings["m3"] == ["m4", "m9"]
    assert (stems("Quarterly FDI inflow"), "m3") in indexed_phrases(index)
    assert set(index.siblings) == set(store.metrics)
    # a look-alike is named by its sibling's name; a metric by the name of what it is based on
    assert (stems("Cumulative FDI inflow"), "m3") in indexed_phrases(index)
    assert (stems("FDI"), "m5") in indexed_phrases(index)
    assert (stems("FDI inflow"), "m1") not in indexed_phrases(index)
    assert (stems("Annual FDI inflow"), "m1") not in indexed_phrases(index)
    assert index.phrases.get("no-such-word") is None


def test_phrases_and_variants_follow_the_rule_on_the_shipped_store() -> None:
    store = load_store(FACTS)
    index = StoreIndex.build(store, [])
    assert indexed_phrases(index) == stated_phrases(list(store.metrics.values()))
    assert {m: set(index.siblings[m]) for m in store.metrics} == stated_siblings(store)


def test_every_word_of_the_store_is_known(make_store: StoreMaker) -> None:
    root = make_store(
        events=event(
            "opening",
            claim("alpha", "2019-05", quote="the office opened in Almaty's centre"),
            kind="opening",
            title="Opening of the Almaty office",
            actors=["Hyundai Engineering"],
            note="Reported by Yonhap",
        )
    )
    index = StoreIndex.build(load_store(root), [])
    for word in ("Almaty", "Hyundai", "Yonhap", "Alpha", "turnover", "centre"):
        assert stems(word)[0] in index.known_words
    assert stems("Uzbekistan")[0] not in index.known_words


TEXT = st.text(alphabet=st.sampled_from(list("abcdeilnorstuyAKS'’- .,0123456789")), max_size=60)


@given(TEXT)
def test_stems_are_the_stems_of_the_tokens(text: str) -> None:
    words = [t.stem for t in tokens(text)]
    assert stems(text) == tuple(words)
    assert stems_of_all([text, text.upper()]) == frozenset(words + list(stems(text.upper())))
    assert content_stems(text) <= set(words)


def test_content_stems_leave_out_stop_words_and_numbers() -> None:
    assert content_stems("Koreans' trade of 2023 in the Almaty offices") == {
        "koreans",
        "trad",
        "almaty",
        "offic",
    }
