"""Direct quotations with their speakers and cues. The entry point is `extract_quotes`."""

from reader.analysis.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
