"""The store, its models and the engines; usable as a library, with no terminal code."""
