"""Hostile input: a generated corpus of files that must not crash, hang or trick the reader."""
