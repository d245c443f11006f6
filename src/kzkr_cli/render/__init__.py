"""One render layer: every listing command hands a ``Listing`` and an ``OutputFormat`` here."""

from __future__ import annotations

from kzkr_cli.render.listing import Cell, Column, Listing, OutputFormat, Style
from kzkr_cli.render.writers import render

__all__ = ["Cell", "Column", "Listing", "OutputFormat", "Style", "render"]
