"""A full build written over the previous site/ in place, not into an emptied one.

MkDocs empties site/ before every full build (``mkdocs.utils.clean_directory``)
and then creates every folder and file anew. On a disk that passes deletions on
to the device (ext4 mounted with ``discard``, as on this project's machines and
many cloud disks) that is slow twice over: at 1000 essays per language, emptying
site/ took 1.1-1.8 s, and writing the 3,300 pages afterwards took 2.1-3.6 s,
against 0.5 s for writing them over the files of the build before
(benchmarks/README.md, item 24).

So a full ``mkdocs build`` (or ``gh-deploy``) over an existing site/ keeps it:

1. Where MkDocs would empty it (`_mark`), every file in it is marked: its
   modification time is set to `MARK_NS`, a moment no build writes at (1980, with
   a nanosecond tail).
2. The build writes every file as usual; a file written gets the time of writing.
   Where a page or static file of this build now goes in place of an old folder,
   or under an old file, that is removed first (`make_room`, from ``on_files``).
3. When every language is built (`finish`), the files still marked are those this
   build did not write. They are removed, then the folders left empty.

The result is what MkDocs' own clean gives, file for file (tests/test_inplace.py
builds both ways and compares them). As MkDocs does, entries at the top of site/
whose names start with a dot are left alone, and symbolic links are removed
(writing through one would write outside site/).

The other files a build writes (404.html, sitemap.xml, robots.txt, feeds, search
indexes) have fixed names, so an earlier build of the site has them in the same
shape. Should anything else stand in the way of one, the build stops with a clear
message and an emptied site/ (`blocked`).
"""

# Paths here are strings, as in MkDocs: thousands of them per build, where pathlib costs more.
# ruff: noqa: PTH100, PTH106, PTH108, PTH112, PTH120
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from mkdocs import utils

#: 1980-01-01 00:00:00.123456789 UTC, in nanoseconds since the epoch.
MARK_NS = 315_532_800_123_456_789


@dataclass
class _Marked:
    """The files and folders site/ held when the build began."""

    root: str
    mark: int  # MARK_NS as this file system stores it (some keep whole seconds)
    files: set[str] = field(default_factory=set)
    folders: set[str] = field(default_factory=set)


_clean: Callable[[str], None] | None = None  # MkDocs' (or whoever's) while replaced
_site_dir = ""
_marked: _Marked | None = None


def install(site_dir: str) -> None:
    """For the build about to run: write over *site_dir* in place when MkDocs would
    empty it. Undone by `finish` or `abandon`."""
    global _clean, _site_dir, _marked
    if _clean is None:
        _clean = utils.clean_directory
    _site_dir = os.path.normpath(os.path.abspath(site_dir))
    _marked = None
    utils.clean_directory = _clean_in_place


def _clean_in_place(directory: str) -> None:
    global _marked
    assert _clean is not None
    if _marked is not None or os.path.normpath(os.path.abspath(directory)) != _site_dir:
        _clean(directory)  # not this build's site/ (or already marked): as MkDocs does
        return
    try:
        _marked = _mark(_site_dir)
    except OSError:  # a file that cannot be marked: empty site/ as MkDocs does
        _marked = None
        _clean(directory)


def _mark(root: str) -> _Marked:
    marked = _Marked(root, MARK_NS)
    if not os.path.isdir(root):
        return marked
    folders = [root]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if folder == root and entry.name.startswith("."):
                    continue  # never written by a build; MkDocs leaves them too
                if entry.is_symlink():
                    os.unlink(entry.path)
                elif entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                    marked.folders.add(entry.path)
                else:
                    os.utime(entry.path, ns=(MARK_NS, MARK_NS), follow_symlinks=False)
                    marked.files.add(entry.path)
    if marked.files:  # as stored: a file system with coarser times rounds the mark
        marked.mark = os.lstat(next(iter(marked.files))).st_mtime_ns
    return marked


def make_room(destinations: Iterable[str]) -> None:
    """Before the build writes *destinations* (absolute paths of its pages and
    static files): remove an old folder where one of them goes, and an old file
    where a folder above one of them goes."""
    if _marked is None or not (_marked.files or _marked.folders):
        return
    files, folders = _marked.files, _marked.folders
    above: set[str] = set()
    for path in destinations:
        if path in folders:
            shutil.rmtree(path)
            folders.discard(path)
        parent = os.path.dirname(path)
        while parent not in above and len(parent) > len(_marked.root):
            above.add(parent)
            parent = os.path.dirname(parent)
    for path in above & files:
        os.unlink(path)
        files.discard(path)


def finish() -> list[str]:
    """When every language is built: remove what the build did not write, and the
    folders that leaves empty; give MkDocs its own clean back. The files removed."""
    marked = _restore()
    if marked is None:
        return []
    removed = []
    for path in marked.files:
        try:
            if os.lstat(path).st_mtime_ns != marked.mark:
                continue
            os.unlink(path)
        except FileNotFoundError:  # its folder was removed by make_room
            continue
        removed.append(path)
    for folder in sorted(marked.folders, key=len, reverse=True):  # deepest first
        with contextlib.suppress(OSError):
            os.rmdir(folder)  # only an empty one goes
    return removed


def abandon() -> None:
    """The build failed: give MkDocs its own clean back. What was written stays;
    the next build marks it all again."""
    _restore()


def blocked(error: BaseException) -> str | None:
    """If *error* is a file in site/ standing where this build writes a folder, or the
    reverse (only possible when writing in place): empty site/ and say so."""
    conflicts = (IsADirectoryError, NotADirectoryError, FileExistsError)
    path = getattr(error, "filename", None)
    if _marked is None or not isinstance(error, conflicts) or not isinstance(path, str):
        return None
    if not os.path.normpath(os.path.abspath(path)).startswith(_site_dir + os.sep):
        return None
    root, clean = _site_dir, _clean
    _restore()
    if clean is not None:
        clean(root)
    return (
        f"{_shown(path)}: a file or folder left by an earlier build stands where this "
        f"build writes (a file where a folder goes, or the reverse); expected "
        f"{_shown(root)}/ to hold only builds of this site. It has been emptied: build again."
    )


def _shown(path: str) -> str:
    """*path* relative to the working folder if it is inside it, else as it is."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _restore() -> _Marked | None:
    global _clean, _marked
    marked, _marked = _marked, None
    if _clean is not None:
        if utils.clean_directory is _clean_in_place:
            utils.clean_directory = _clean
        _clean = None
    return marked
