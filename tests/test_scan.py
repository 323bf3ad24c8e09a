"""Folder scan on a real temporary tree: order, skips, loops, bad files, cache."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from reader.library import (
    ArticleRef,
    LoadError,
    ScanCache,
    iter_scan,
    load_article,
    peek_ref,
    scan,
)
from reader.resources import samples_dir


def article(title: str, date: str = "March 3, 2026") -> str:
    return f"{title}\nBy Ana Lim\n{date}\n\nThe body of the story, long enough to read as prose.\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    (root / "b-folder" / "deeper").mkdir(parents=True)
    (root / "A-folder").mkdir()
    (root / ".hidden-dir").mkdir()
    (root / "zeta.txt").write_text(article("Zeta story"))
    (root / "alpha.md").write_text(
        "# Alpha story\n\nPublished 12 January 2026\n\nBody text here.\n"
    )
    (root / "A-folder" / "page.html").write_text(
        "<html><head><title>Page story | Site</title>"
        '<meta property="og:site_name" content="The Site">'
        '<meta property="article:published_time" content="2026-02-14"></head>'
        "<body><p>Body of the page, which is long enough to be an article.</p></body></html>"
    )
    (root / "b-folder" / "deeper" / "deep.txt").write_text(article("Deep story", "2026-01-27"))
    (root / "b-folder" / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    (root / "b-folder" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / ".hidden.txt").write_text(article("Hidden story"))
    (root / ".hidden-dir" / "inside.txt").write_text(article("Hidden folder story"))
    (root / "binary.txt").write_bytes(b"\x00\x01\x02\x03binary\x00\xff" * 50)
    (root / "empty.md").write_bytes(b"")
    # A loop back to the root, a second loop inside, and a link that points nowhere.
    (root / "b-folder" / "loop").symlink_to(root, target_is_directory=True)
    (root / "b-folder" / "deeper" / "up").symlink_to(root / "b-folder", target_is_directory=True)
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    return root


def names(refs: list[ArticleRef], root: Path) -> list[str]:
    return [str(r.path.relative_to(root)) for r in refs]


def test_scan_finds_articles_sorted_and_skips_the_rest(tree: Path):
    result = scan([tree])
    assert names(result.refs, tree) == [
        "A-folder/page.html",
        "alpha.md",
        "b-folder/deeper/deep.txt",
        "zeta.txt",
    ]
    assert [r.title for r in result.refs] == [
        "Page story",
        "Alpha story",
        "Deep story",
        "Zeta story",
    ]
    assert [r.published for r in result.refs] == [
        "2026-02-14", "2026-01-12", "2026-01-27", "2026-03-03"
    ]  # fmt: skip
    assert result.refs[0].source == "The Site"
    assert {r.format for r in result.refs} == {"html", "md", "txt"}
    assert all(r.group == str(tree) for r in result.refs)
    assert all(r.size > 0 and r.mtime > 0 for r in result.refs)


def test_scan_reports_each_bad_file_once_and_keeps_going(tree: Path):
    errors = {str(e.path.relative_to(tree)): e.reason for e in scan([tree]).errors}
    assert errors == {
        "binary.txt": "binary file, not text",
        "dangling.txt": "broken symbolic link",
        "empty.md": "empty file",
    }
    for error in scan([tree]).errors:
        assert str(error) == f"{error.path}: {error.reason}"


def test_symlink_loops_are_walked_once(tree: Path):
    result = scan([tree, tree / "b-folder"])
    paths = [r.path.resolve() for r in result.refs]
    assert len(paths) == len(set(paths)) == 4


def test_symlink_to_itself(tmp_path: Path):
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "ok.txt").write_text(article("Fine"))
    result = scan([tmp_path])
    assert [r.title for r in result.refs] == ["Fine"]
    assert [e.reason for e in result.errors] == ["symbolic link loop"]


def test_roots_keep_their_own_group_and_order(tree: Path, tmp_path: Path):
    single = tmp_path / "single.txt"
    single.write_text(article("Single story"))
    result = scan([single, tree / "A-folder"])
    assert [(r.title, r.group) for r in result.refs] == [
        ("Single story", str(single)),
        ("Page story", str(tree / "A-folder")),
    ]


def test_missing_and_unsupported_roots_are_errors(tmp_path: Path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    result = scan([tmp_path / "nope", pdf])
    assert result.refs == []
    assert [e.reason for e in result.errors] == [
        "no such file or directory",
        "not a supported article format (.pdf)",
    ]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_and_folder(tmp_path: Path):
    (tmp_path / "ok.txt").write_text(article("Readable"))
    locked = tmp_path / "locked.txt"
    locked.write_text(article("Locked"))
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text(article("Inside"))
    locked.chmod(0)
    closed.chmod(0)
    try:
        result = scan([tmp_path])
    finally:
        locked.chmod(0o644)
        closed.chmod(0o755)
    assert [r.title for r in result.refs] == ["Readable"]
    assert sorted(e.reason for e in result.errors) == ["permission denied", "permission denied"]


def test_iter_scan_yields_progressively(tree: Path):
    items = iter_scan([tree])
    first = next(items)
    assert isinstance(first, ArticleRef) and first.title == "Page story"
    rest = list(items)
    assert sum(isinstance(i, LoadError) for i in rest) == 3


def test_peek_does_not_need_the_whole_body(tmp_path: Path):
    # Binary junk far past the peek window does not stop the listing.
    path = tmp_path / "long.txt"
    path.write_bytes(article("Long story").encode() + b"word " * 20_000 + b"\x00" * 100)
    ref = peek_ref(path)
    assert (ref.title, ref.published, ref.size) == ("Long story", "2026-03-03", path.stat().st_size)
    assert ref.byline == "Ana Lim"


def test_peek_finds_the_byline_after_the_date(tmp_path: Path):
    path = tmp_path / "late.txt"
    path.write_text("Late byline story\nMarch 3, 2026\nBy Ana Lim\n\nThe body of the story.\n")
    assert peek_ref(path).byline == load_article(path).byline == "Ana Lim"


def test_peek_reads_the_byline_from_markdown_front_matter(tmp_path: Path):
    path = tmp_path / "front.md"
    path.write_text(
        "---\ntitle: Front story\ndate: 2026-03-03\nauthor: [Ana Lim, Bo Reyes]\n---\n\n"
        "The body of the story, long enough to read as prose for the loader.\n"
    )
    ref = peek_ref(path)
    assert (ref.title, ref.byline) == ("Front story", "Ana Lim and Bo Reyes")
    assert ref.byline == load_article(path).byline


def test_peek_agrees_with_the_loader_on_every_sample():
    result = scan([samples_dir()])
    assert len(result.refs) >= 12 and not result.errors
    for ref in result.refs:
        loaded = load_article(ref.path)
        assert (ref.title, ref.byline, ref.published, ref.format) == (
            loaded.title,
            loaded.byline,
            loaded.published,
            loaded.format,
        ), ref.path.name
        if ref.format != "txt":  # a .txt source may be named only in its footer
            assert ref.source == loaded.source, ref.path.name


def test_scan_cache_reuses_unchanged_files_and_notices_changes(tree: Path, tmp_path: Path):
    cache_file = tmp_path / "cache" / "scan.json"
    first = scan([tree], ScanCache(cache_file))
    assert cache_file.exists()
    cache = ScanCache(cache_file)
    assert len(cache) == 4
    assert scan([tree], cache).refs == first.refs
    changed = tree / "zeta.txt"
    changed.write_text(article("Zeta story, revised edition"))
    os.utime(changed, ns=(1, 1))  # a different mtime, whatever the clock resolution
    refs = scan([tree], ScanCache(cache_file)).refs
    assert "Zeta story, revised edition" in [r.title for r in refs]
    assert {r.byline for r in refs if r.format == "txt"} == {"Ana Lim"}


def test_a_scan_cache_from_before_bylines_is_ignored(tree: Path, tmp_path: Path):
    cache_file = tmp_path / "scan.json"
    scan([tree], ScanCache(cache_file))
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    data["version"] = 1
    for entry in data["entries"].values():
        del entry[-1]
        entry[3] = "Stale title"
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    refs = scan([tree], ScanCache(cache_file)).refs
    assert "Stale title" not in [r.title for r in refs]
    assert "Ana Lim" in [r.byline for r in refs]


@pytest.mark.parametrize("content", ["", "not json", '{"version": 1, "entries": []}', "[1, 2]"])
def test_corrupt_scan_cache_is_ignored(tree: Path, tmp_path: Path, content: str):
    cache_file = tmp_path / "scan.json"
    cache_file.write_text(content)
    assert len(scan([tree], ScanCache(cache_file)).refs) == 4
