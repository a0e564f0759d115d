"""All essays and talk outlines of the site, loaded from ``posts/`` and ``talks/``.

Loading reads every file, checks it (`sourcefile`, `contenttypes`) and then the
rules that span files: one file per slug and language, no slug that collides
with a generated page. Every problem is returned; nothing is skipped silently
(only hidden files, whose names start with a dot, are not content).

Parsed files are cached by path, size and modification time, so the three
language builds of one site and the rebuilds of ``mkdocs serve`` read each file
once until it changes. Pure: no MkDocs imports.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import contenttypes
import sourcefile
from contenttypes import Post, Rules, Talk
from problems import Problem

#: The author works in Norway; an essay dated tomorrow appears at midnight there.
TIMEZONE = ZoneInfo("Europe/Oslo")

POSTS_DIR = "posts"
TALKS_DIR = "talks"

_Make = Callable[..., tuple[Any, list[Problem]]]
_KINDS: dict[str, tuple[_Make, str]] = {
    POSTS_DIR: (contenttypes.make_post, "essay"),
    TALKS_DIR: (contenttypes.make_talk, "talk"),
}

# (absolute path, rules) -> (mtime_ns, size, item or None, problems)
_cache: dict[tuple[str, Rules], tuple[int, int, Any, list[Problem]]] = {}


@dataclass(frozen=True)
class Library:
    """Every valid essay and talk, newest essays first."""

    posts: tuple[Post, ...]
    talks: tuple[Talk, ...]

    def posts_in(self, lang: str) -> list[Post]:
        return [p for p in self.posts if p.lang == lang]

    def talks_in(self, lang: str) -> list[Talk]:
        return [t for t in self.talks if t.lang == lang]

    @cached_property
    def _by_slug(self) -> dict[tuple[type, str], list[Post | Talk]]:
        index: dict[tuple[type, str], list[Post | Talk]] = {}
        for item in (*self.posts, *self.talks):
            index.setdefault((type(item), item.slug), []).append(item)
        return index

    def translations(self, item: Post | Talk) -> list[Post | Talk]:
        """The same slug in the other languages, in the order of `posts`/`talks`."""
        return [o for o in self._by_slug[(type(item), item.slug)] if o.lang != item.lang]


def build_date() -> date:
    """The build's date in Norway: from SOURCE_DATE_EPOCH when it is set (reproducible
    builds; MkDocs uses it too, for the sitemap's dates), else from the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.astimezone(TIMEZONE).date()


def status(item: Post | Talk, today: date) -> str | None:
    """``"draft"``, ``"scheduled"`` (dated after today) or ``None`` when published."""
    if item.draft:
        return "draft"
    if isinstance(item, Post) and item.date > today:
        return "scheduled"
    return None


def load(
    root: Path, rules: Rules, reserved: dict[str, frozenset[str]] | None = None
) -> tuple[Library, list[Problem]]:
    """Load ``posts/`` and ``talks/`` under *root*.

    Args:
        root: The repository root (the folder of ``mkdocs.yml``).
        rules: Site languages, theme and format ids the files are checked against.
        reserved: Slugs per folder that generated pages already use.
    """
    reserved = reserved or {}
    problems: list[Problem] = []
    found: dict[str, list[Any]] = {POSTS_DIR: [], TALKS_DIR: []}
    for folder, (make, what) in _KINDS.items():
        seen: dict[tuple[str, str], str] = {}
        for path in _content_files(root / folder):
            rel = path.relative_to(root).as_posix()
            item, file_problems = _load_one(path, rel, rules, make)
            problems += file_problems
            if item is None:
                continue
            key = (item.slug, item.lang)
            if key in seen:
                problems.append(
                    Problem(
                        rel,
                        None,
                        f"{seen[key]} already is the {what} '{item.slug}' in '{item.lang}'; "
                        "expected one file per slug and language (rename or remove one)",
                    )
                )
                continue
            if item.slug in reserved.get(folder, ()):
                problems.append(
                    Problem(
                        rel,
                        None,
                        f"the slug '{item.slug}' is used by a page the site generates; "
                        "expected another name",
                    )
                )
                continue
            seen[key] = rel
            found[folder].append(item)
    posts = sorted(found[POSTS_DIR], key=lambda p: (-p.date.toordinal(), p.title, p.lang))
    talks = sorted(found[TALKS_DIR], key=lambda t: (t.title, t.lang))
    return Library(tuple(posts), tuple(talks)), sorted(problems, key=_problem_order)


def _problem_order(problem: Problem) -> tuple[str, int]:
    return problem.path, problem.line or 0


def _content_files(folder: Path) -> list[Path]:
    """Every file in *folder* and its subfolders, hidden ones left out, in order."""
    if not folder.is_dir():
        return []
    found = []
    for here, dirs, names in os.walk(folder):  # a quarter of the time of Path.rglob
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found += [Path(here, name) for name in names if not name.startswith(".")]
    return sorted(found)


def _load_one(path: Path, rel: str, rules: Rules, make: _Make) -> tuple[Any, list[Problem]]:
    try:
        stat = path.stat()
    except OSError as e:
        return None, [Problem(rel, None, f"cannot be read: {e.strerror or e}")]
    key = (str(path), rules)
    cached = _cache.get(key)
    if cached and cached[:2] == (stat.st_mtime_ns, stat.st_size):
        return cached[2], cached[3]

    item = None
    named = contenttypes.parse_name(rel, rules.languages)
    if isinstance(named, Problem):
        problems = [named]
    else:
        source, problems = sourcefile.read(path, rel)
        if source is not None:
            item, more = make(source, *named, rules)
            problems = problems + more
            if problems:
                item = None
    _cache[key] = (stat.st_mtime_ns, stat.st_size, item, problems)
    return item, problems
