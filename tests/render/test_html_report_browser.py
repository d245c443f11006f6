"""The report in a real browser: headless Chromium loads it with no console message and no
request leaving the page, shows the conflicts, fits a phone, prints, and is photographed.

Skipped, with a message saying how to install it, where no Chromium is installed."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from kzkr_cli.core.report import build_report
from kzkr_cli.core.store import load_store
from kzkr_cli.render.html_report import anchor, write_html_report
from tests.render.chromium import INSTALL_HINT, Chromium, find_chromium
from tests.support.hostile import HOSTILE, hostile_report
from tests.support.stores import FACTS, StoreMaker

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def browser() -> Iterator[Chromium]:
    executable = find_chromium()
    if executable is None:
        pytest.skip(INSTALL_HINT)
    with Chromium(executable) as chromium:
        yield chromium


@pytest.fixture(scope="module")
def shipped_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The shipped store's report, and the ids of its conflicts."""
    report = build_report(load_store(FACTS))
    page = tmp_path_factory.mktemp("report") / "report.html"
    with page.open("w", encoding="utf-8") as out:
        write_html_report(report, out, title="Report")
    return page, [anchor("conflict", c.id) for c in report.conflicts]


def test_it_loads_with_no_console_message_and_no_request_leaving_it(
    browser: Chromium, shipped_report: tuple[Path, list[str]]
) -> None:
    page, _ = shipped_report
    load = browser.load(page)
    assert load.console == []
    assert load.outside_requests() == []
    assert load.requests == [page.resolve().as_uri()]


def test_the_conflicts_are_visible(
    browser: Chromium, shipped_report: tuple[Path, list[str]], tmp_path: Path
) -> None:
    page, conflicts = shipped_report
    browser.load(page)
    assert conflicts
    for element_id in conflicts:
        box = browser.evaluate(
            f"(() => {{ const r = document.getElementById({element_id!r})"
            ".getBoundingClientRect(); return [r.width, r.height]; })()"
        )
        assert box[0] > 100 and box[1] > 50, element_id
    text = browser.evaluate("document.getElementById('conflicts').innerText")
    assert '"about $9.2 billion"' in text and '"US$9.6 billion"' in text
    assert browser.evaluate("document.querySelectorAll('svg').length") > 10
    shot = tmp_path / "report.png"
    browser.screenshot(shot)
    assert shot.read_bytes().startswith(PNG)


def test_it_fits_a_phone_and_prints(
    browser: Chromium, shipped_report: tuple[Path, list[str]]
) -> None:
    page, _ = shipped_report
    load = browser.load(page, width=360, height=740)
    assert load.console == []
    width = browser.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], "the page scrolls sideways on a phone"
    assert browser.pdf().startswith(b"%PDF")
    browser.send("Emulation.setEmulatedMedia", session=True, media="print")
    try:
        shown = browser.evaluate(
            "[getComputedStyle(document.querySelector('nav')).display,"
            " getComputedStyle(document.getElementById('conflicts')).display]"
        )
    finally:
        browser.send("Emulation.setEmulatedMedia", session=True, media="")
    assert shown == ["none", "block"], "in print the navigation goes and the content stays"


def test_hostile_text_runs_nothing_in_the_browser(
    browser: Chromium, make_store: StoreMaker, tmp_path: Path
) -> None:
    out = io.StringIO()
    write_html_report(hostile_report(make_store), out, title=HOSTILE)
    page = tmp_path / "hostile.html"
    page.write_text(out.getvalue(), encoding="utf-8")
    load = browser.load(page)
    assert load.console == [] and load.outside_requests() == []
    counts = browser.evaluate(
        "['script', 'img', 'a[href^=\"javascript\"]', '[onerror]']"
        ".map(s => document.querySelectorAll(s).length)"
    )
    assert counts == [0, 0, 0, 0]
    assert browser.evaluate("document.title") == HOSTILE


# The harness itself: it must see what it is there to catch.


def test_the_harness_sees_a_request_and_a_console_error(browser: Chromium, tmp_path: Path) -> None:
    page = tmp_path / "leaky.html"
    page.write_text(
        '<!DOCTYPE html><title>x</title><img src="http://127.0.0.1:9/pixel.png">'
        '<script>console.error("boom")</script>',
        encoding="utf-8",
    )
    load = browser.load(page)
    assert load.outside_requests() == ["http://127.0.0.1:9/pixel.png"]
    assert "boom" in load.console


def test_the_harness_sees_what_the_content_policy_blocks(browser: Chromium, tmp_path: Path) -> None:
    page = tmp_path / "blocked.html"
    page.write_text(
        '<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src'
        ' \'none\'"><title>x</title><img src="http://127.0.0.1:9/pixel.png">',
        encoding="utf-8",
    )
    load = browser.load(page)
    assert any("Content Security Policy" in message for message in load.console), load.console
