"""Which addresses may become links: absolute http and https URLs, nothing else."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from kzkr_cli.core.models import Source

_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\"'<>\\`]")
"""Whitespace, controls, quotes and angle brackets never belong in a URL written as-is."""


def web_url(text: str | None) -> str | None:
    """``text`` when it is an absolute http(s) URL with a host, else None: a ``javascript:``
    or ``data:`` address, or a relative one, is never offered as a link."""
    if not text or _UNSAFE.search(text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return None
    return text


def source_url(source: Source) -> str | None:
    """The source's web address, where it has one that may be linked."""
    url = getattr(source, "url", None)
    return web_url(url) if isinstance(url, str) else None
