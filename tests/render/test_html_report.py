"""The HTML report: store text stays text, only http(s) becomes a link, ids are safe anchors."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from kzkr_cli.core.models import Source
from kzkr_cli.core.report import Report, ReportQuery
from kzkr_cli.render.html_report import CONTENT_POLICY, anchor, write_html_report
from tests.support.hostile import HOSTILE, SCHEME, hostile_report
from tests.support.stores import StoreMaker


class Tags(HTMLParser):
    """Every start tag with its attributes, and the page's text, as a browser parses them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Tags:
    tags = Tags()
    tags.feed(page)
    tags.close()
    return tags


def render(report: Report, title: str = "Report") -> str:
    out = io.StringIO()
    write_html_report(report, out, title=title)
    return out.getvalue()


def test_store_text_is_text_never_markup(make_store: StoreMaker) -> None:
    page = render(hostile_report(make_store), title=HOSTILE)
    tags = parse(page)
    names = {name for name, _ in tags.tags}
    assert "script" not in names
    assert "img" not in names
    for _, attributes in tags.tags:
        assert not any(a.startswith("on") for a in attributes)
        assert not (attributes.get("href") or "").lower().startswith("javascript")
    # Each hostile text is there, as text: in the title, headings, quotes, SVG labels.
    text = "".join(tags.text)
    assert text.count(HOSTILE) >= 10
    assert f"<title>{'&lt;script&gt;'}" in page


def test_nothing_on_the_page_loads_anything(make_store: StoreMaker) -> None:
    page = render(hostile_report(make_store))
    tags = parse(page)
    for name, attributes in tags.tags:
        assert "src" not in attributes, name
        if name == "link":
            raise AssertionError("a <link> would load a resource")
        if name == "a":
            href = attributes["href"] or ""
            assert href.startswith(("#", "https://", "http://")), href
    assert ("meta", {"http-equiv": "Content-Security-Policy", "content": CONTENT_POLICY}) in (
        tags.tags
    )
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in (
        tags.tags
    )
    assert "@media print" in page and "@media (max-width:" in page
    assert "url(" not in page and "@import" not in page


class SourceWithUrl(Source):
    """A source as a store with web addresses gives it."""

    url: str | None = None


def _with_urls(report: Report, urls: dict[str, str]) -> Report:
    sources = tuple(
        SourceWithUrl(**{**s.model_dump(), "url": urls.get(s.id)}) for s in report.sources
    )
    return Report(report.conflicts, report.metrics, report.timeline, sources, report.query)


def test_only_http_and_https_source_urls_become_links(make_store: StoreMaker) -> None:
    report = _with_urls(
        hostile_report(make_store),
        {"alpha": SCHEME, "beta": "https://beta.example/review?a=1&b=2"},
    )
    page = render(report)
    hrefs = [a.get("href") for name, a in parse(page).tags if name == "a"]
    outside = [h for h in hrefs if h and not h.startswith("#")]
    assert outside == ["https://beta.example/review?a=1&b=2"]
    assert 'href="https://beta.example/review?a=1&amp;b=2"' in page


def test_a_source_without_a_url_has_no_link(make_store: StoreMaker) -> None:
    hrefs = [a["href"] for name, a in parse(render(hostile_report(make_store))).tags if name == "a"]
    assert all(h is not None and h.startswith("#") for h in hrefs)


def test_every_record_is_an_anchor_and_every_internal_link_lands(
    make_store: StoreMaker,
) -> None:
    report = hostile_report(make_store)
    tags = parse(render(report))
    ids = [a["id"] for _, a in tags.tags if "id" in a]
    assert len(ids) == len(set(ids))
    for figure_id in ("a.trade_2023", "b-trade-2023"):
        assert anchor("figure", figure_id) in ids
    assert "figure-a_2Etrade_5F2023" in ids
    assert {"event-visit", "event-visit__claim-0", "event-visit__claim-1"} <= set(ids)
    assert {"source-alpha", "source-beta", "metric-trade"} <= set(ids)
    assert {anchor("conflict", c.id) for c in report.conflicts} <= set(ids)
    links = [a["href"] for name, a in tags.tags if name == "a" and a.get("href")]
    for link in links:
        assert link is not None
        if link.startswith("#"):
            assert link[1:] in ids, link


def test_the_chart_sets_side_by_side_only_figures_of_one_period(make_store: StoreMaker) -> None:
    page = render(hostile_report(make_store))
    charts = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    assert len(charts) == 1
    assert charts[0].count('class="bar conflict"') == 2


def test_an_empty_report_says_so() -> None:
    page = render(Report((), (), (), (), ReportQuery()))
    assert "No conflict" in page and "No figure." in page


@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_anchors_are_safe_and_never_shared(first: str, second: str) -> None:
    one, two = anchor("figure", first), anchor("figure", second)
    assert re.fullmatch(r"figure-[A-Za-z0-9_-]+", one)
    assert (one == two) == (first == second)
    assert "__" not in one
