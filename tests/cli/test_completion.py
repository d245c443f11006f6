"""Shell completion reads names from the TOML files only, for every option that takes one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kzkr_cli.cli.completion import (
    complete_events,
    complete_metrics,
    complete_records,
    complete_sources,
    shell_word,
)
from tests.support.stores import StoreMaker, event, figure, metric

KZKR = Path(sys.executable).parent / "kzkr"

METRICS = metric("trade", "Trade turnover", "USD", aliases=["trade turnover", "Samsung C&T deals"])
EVENTS = event("visit-2024", ("alpha", "2024-06-11", None))
FIGURES = figure("alpha-trade", "$6 billion", 6e9)


def test_a_multi_word_alias_completes_as_one_shell_word(make_store: StoreMaker) -> None:
    make_store(metrics=METRICS)
    assert complete_metrics("tr") == ["trade", "trade\\ turnover"]
    assert complete_metrics("sam") == ["Samsung\\ C\\&T\\ deals"]
    assert shell_word("it's 5%") == "it\\'s\\ 5%"


def test_show_completes_every_record_id_and_metric_alias(make_store: StoreMaker) -> None:
    make_store(metrics=METRICS, events=EVENTS, figures=FIGURES)
    assert complete_records("") == [
        "Samsung\\ C\\&T\\ deals",
        "alpha",
        "alpha-trade",
        "beta",
        "trade",
        "trade\\ turnover",
        "visit-2024",
    ]
    assert complete_events("v") == ["visit-2024"]
    assert complete_sources("a") == ["alpha"]


def test_the_shell_gets_them_for_show_metric_source_and_event(make_store: StoreMaker) -> None:
    make_store(metrics=METRICS, events=EVENTS, figures=FIGURES)

    def complete(line: str) -> list[str]:
        words = line.split(" ")
        env = os.environ | {
            "_KZKR_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
        }
        done = subprocess.run(
            [str(KZKR)], env=env, capture_output=True, text=True, check=False, timeout=60
        )
        return done.stdout.splitlines()

    assert complete("kzkr show alpha-") == ["alpha-trade"]
    assert complete("kzkr conflicts --metric trade") == ["trade", "trade\\ turnover"]
    assert complete("kzkr conflicts --source be") == ["beta"]
    assert complete("kzkr conflicts --event vis") == ["visit-2024"]
    assert complete("kzkr figure --source al") == ["alpha"]
    assert complete("kzkr timeline --source al") == ["alpha"]


def test_bash_inserts_a_multi_word_alias_as_one_word(make_store: StoreMaker) -> None:
    """Through bash's own completion function, as `kzkr --show-completion bash` installs it:
    the completion bash offers, once on the command line, is a single argument."""
    make_store(metrics=METRICS)
    script = (
        'eval "$("$KZKR" --show-completion bash)"; COMP_WORDS=(kzkr figure Sam); COMP_CWORD=2;'
        ' _kzkr_completion "$KZKR"; printf "%s\\n" "${COMPREPLY[@]}";'
        ' eval "words=(${COMPREPLY[0]})"; printf "<%s>\\n" "${words[@]}"'
    )
    done = subprocess.run(
        ["bash", "-c", script],
        env=os.environ | {"KZKR": str(KZKR)},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.stdout.splitlines() == ["Samsung\\ C\\&T\\ deals", "<Samsung C&T deals>"]
