"""Named actors of an article: people, organisations, places and groups, aliases merged,
with the roles the text gives them. The entry point is `extract_actors`."""

from reader.analysis.actors.extract import extract_actors

__all__ = ["extract_actors"]
