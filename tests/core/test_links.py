"""Only absolute http(s) addresses may become links."""

from __future__ import annotations

import pytest

from kzkr_cli.core.links import web_url


@pytest.mark.parametrize(
    "url", ["https://example.org/a?b=c#d", "http://example.org", "HTTPS://Example.org/x"]
)
def test_web_addresses_are_kept(url: str) -> None:
    assert web_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "//example.org/protocol-relative",
        "/relative/path",
        "https://",
        "https:///no-host",
        'https://example.org/"><img src=x onerror=alert(1)>',
        "https://exa mple.org/",
        "https://example.org/\nnext",
        "ftp://example.org/file",
        "",
        None,
    ],
)
def test_anything_else_is_not_a_link(url: str | None) -> None:
    assert web_url(url) is None
