"""kzkr: a fact-checker for what sources say about Kazakhstan–South Korea relations."""

__version__ = "0.1.0"
