"""Drafting on articles the readers were not written for (tests/data/articles): every
expected record pinned, known misses marked xfail(strict=True) so that fixing one is
noticed and breaking one fails. scripts/drafting_report.py turns the same comparison into
recall and precision per kind (docs/drafting.md)."""

from __future__ import annotations

import pytest

from tests.drafting_articles import article_names, compare, drafted, expected

KNOWN_MISSES: dict[str, str] = {
    "01_yonhap-yoon-astana-summit:figure0:12 agreements": "period as of 2024-06-12, not 2024-06-12",
    "01_yonhap-yoon-astana-summit:figure4:fourth-largest trading partner": "period 2005/2024, not as of 2024-06-12",
    "01_yonhap-yoon-astana-summit:figure5:top 10 foreign investors": "period 2005/2024, not as of 2024-06-12",
    "01_yonhap-yoon-astana-summit:figure8:$2.2 billion": "period as of 2024-06-12, not 2024-06-12",
    "01_yonhap-yoon-astana-summit:figure9:About 120,000": "period as of 1937, not as of 2024-06-12",
    "01_yonhap-yoon-astana-summit:event1:2024-06-12": "not drafted",
    "01_yonhap-yoon-astana-summit:event3:2024-06-12": "not drafted",
    "02_kazinform-kia-kostanay-construction:figure0:60%": "period 2025-01/2025-03, not as of 2024-08-21",
    "02_kazinform-kia-kostanay-construction:figure5:ranked fourth among car brands": "not drafted",
    "02_kazinform-kia-kostanay-construction:event0:2025-01/2025-03": "dated on the wrong event (or of the wrong kind)",
    "02_kazinform-kia-kostanay-construction:event2:2024-08-20": "not drafted",
    "03_trend-trade-nine-months:figure1:21.4 percent less": "period 2023, not 2024-01/2024-09",
    "03_trend-trade-nine-months:figure2:USD 1.96 bln": "period as of 2024-10-17, not 2024-01/2024-09",
    "03_trend-trade-nine-months:figure3:13%": "period as of 2024-10-17, not 2024-01/2024-09",
    "03_trend-trade-nine-months:figure4:USD 1.86 bln": "period as of 2024-10-17, not 2024-01/2024-09",
    "03_trend-trade-nine-months:figure8:nine stores": "period as of 2024-04, not as of 2024-10-17",
    "03_trend-trade-nine-months:figure10:17th": "not drafted",
    "03_trend-trade-nine-months:event1:2024-10-14": "dated on the wrong event (or of the wrong kind)",
    "04_astana-times-tourism-flights:figure1:up 17 percent": "period 2023, not 2024-01/2024-09",
    "04_astana-times-tourism-flights:figure2:rose 13 percent": "period as of 2024-11-20, not 2024-01/2024-09",
    "04_astana-times-tourism-flights:figure6:twice a week": "not drafted",
    "04_astana-times-tourism-flights:figure9:top three Central Asian destinations": "not drafted",
    "05_korea-herald-koryo-saram:figure1:118,450": "not drafted",
    "05_korea-herald-koryo-saram:figure2:about 0.6 percent": "period 2021, not as of 2021",
    "05_korea-herald-koryo-saram:figure3:10th-largest ethnic group": "not drafted",
    "05_korea-herald-koryo-saram:figure4:centenary": "not drafted",
    "05_korea-herald-koryo-saram:event0:2024-09-21": "dated on the wrong event (or of the wrong kind)",
    "06_yonhap-kia-kostanay-opening:figure1:30,000 vehicles a year": "metric kia-kostanay-capacity, not none",
    "06_yonhap-kia-kostanay-opening:figure2:70,000 units": "metric undecided, not kia-kostanay-capacity",
    "06_yonhap-kia-kostanay-opening:figure3:third-best-selling car brand": "not drafted",
    "06_yonhap-kia-kostanay-opening:figure5:13.6 percent": "metric trade-turnover-change, not none",
    "06_yonhap-kia-kostanay-opening:figure6:$1.1 billion": "metric trade-turnover, not none",
    "06_yonhap-kia-kostanay-opening:event0:2025-03-26": "dated on the wrong event (or of the wrong kind)",
    "06_yonhap-kia-kostanay-opening:event1:2023-11": "dated on the wrong event (or of the wrong kind)",
    "07_mfa-intergovernmental-commission:figure2:31 percent more": "period 2022, not 2023",
    "07_mfa-intergovernmental-commission:figure5:14 joint projects": "metric joint-investment-projects-implemented, not projects-in-implementation",
    "07_mfa-intergovernmental-commission:event1:2024-04-11": "not drafted",
    "08_korea-times-oped-students:figure0:33 years": "period as of 1992, not as of 2025-02-10",
    "08_korea-times-oped-students:figure2:up 18 percent": "period as of 2024-12, not 2024",
    "08_korea-times-oped-students:figure3:second-largest source of students from Central Asia": "not drafted",
    "08_korea-times-oped-students:figure7:300,000 international students": "metric kz-students-in-korea, not none",
    "08_korea-times-oped-students:event4:2025": "dated on the wrong event (or of the wrong kind)",
}
"""Expected records the drafting gets wrong today, by test id, with what goes wrong."""


def _cases(table: str) -> list[object]:
    cases: list[object] = []
    for name in article_names():
        for index, want in enumerate(expected(name).get(table, [])):
            label = want.get("as_written") or want.get("date") or want.get("text")
            case_id = f"{name}:{table}{index}:{label}"
            marks = (
                [pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[case_id])]
                if case_id in KNOWN_MISSES
                else []
            )
            cases.append(pytest.param(name, index, id=case_id, marks=marks))
    return cases


@pytest.mark.parametrize(("name", "index"), _cases("figure"))
def test_expected_figure_is_drafted_right(name: str, index: int) -> None:
    outcome = compare(name).figures[index]
    assert outcome.found is not None, "not drafted"
    assert outcome.value, f"qualifier {outcome.found.qualifier.value}"
    assert outcome.metric, f"metric {getattr(outcome.found, 'metric', None)}"
    assert outcome.period, f"period {outcome.found.period.label()}"


@pytest.mark.parametrize(("name", "index"), _cases("event"))
def test_expected_date_is_drafted_right(name: str, index: int) -> None:
    outcome = compare(name).dates[index]
    assert outcome.found, "not drafted"
    assert outcome.event, "on the wrong event"


@pytest.mark.parametrize(("name", "index"), _cases("not_figure"))
def test_what_is_not_a_figure_is_not_drafted(name: str, index: int) -> None:
    text = expected(name)["not_figure"][index]["text"]
    assert not [
        f.as_written for f in drafted(name).figures if f.as_written in text and text in f.quote
    ]


def test_docs_give_the_numbers_measured_now() -> None:
    """docs/drafting.md's table is what scripts/drafting_report.py measures today."""
    import importlib.util

    from tests.drafting_articles import ROOT

    spec = importlib.util.spec_from_file_location("report", ROOT / "scripts" / "drafting_report.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.report() in (ROOT / "docs" / "drafting.md").read_text(encoding="utf-8")
