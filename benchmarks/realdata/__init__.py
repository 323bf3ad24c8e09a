"""Scorers of the reader's analysis against real news with gold annotations (../shared/data)."""
