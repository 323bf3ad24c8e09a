"""Articles: the model, loaders for .txt/.md/.html, debris cleanup and the folder scan."""

from reader.library.loaders import load_article
from reader.library.models import Article, ArticleLoadError, ArticleRef, LoadError, ScanResult
from reader.library.scan import iter_scan, peek_ref, scan
from reader.library.scancache import ScanCache

__all__ = [
    "Article",
    "ArticleLoadError",
    "ArticleRef",
    "LoadError",
    "ScanCache",
    "ScanResult",
    "iter_scan",
    "load_article",
    "peek_ref",
    "scan",
]
