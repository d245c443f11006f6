"""Helpers the test modules share, so that no test module imports another."""
