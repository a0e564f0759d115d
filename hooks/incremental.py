"""The preview's rebuilds (`make serve`): render only what an edit changed.

A full build of 300 essays per language takes about 15 s; after saving one
essay the preview must show it within 2 s. `make serve` runs ``mkdocs serve
--dirty``: MkDocs then keeps the previous build's output and asks each page's
file whether it changed (``File.is_modified``). MkDocs would answer from
modification times, which cannot see that a new title changes the essay lists,
the theme pages and the essays that show it as related; `Rebuilds` answers instead:

- The **site fingerprint** covers what every page is rendered with: templates and
  assets (``overrides/``), hook code and data files (``hooks/``), hand-written
  pages (``docs/``), ``mkdocs.yml`` (each file by size and modification time) and
  the build's date. When it changes, every page is rendered.
- A **page fingerprint** for each generated page: its Markdown, its essay or talk,
  and everything the hooks hand its template (`views`' frozen dataclasses of plain
  values, so two builds' fingerprints compare with ``==``). A page is rendered
  when its fingerprint differs from the last build's.
- A language none of whose pages changed is not built again at all.

Hand-written pages and the listings in the navigation are always rendered when
their language is built: MkDocs reads them to title the navigation (they are a
few per language). What a page that is not rendered would have contributed to
the build (its search entries, the ids of its headings that links are checked
against) is kept from the build that rendered it, and the output of a page that
no longer exists is removed.

The state lives as long as the process (one ``make serve``); a build that fails
forgets it, so the next build renders everything. Pure apart from deleting
stale output: no MkDocs imports.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: A search index entry as MkDocs' search plugins write it ("location", "title", "text").
Entry = dict[str, Any]


@dataclass(frozen=True)
class Plan:
    """What one build (every language) renders.

    Attributes:
        render: The generated pages (virtual source paths) to render, or ``None``
            for every page (the first build, or the site fingerprint changed).
        skip: Languages whose pages are all unchanged: not built this time.
    """

    render: frozenset[str] | None = None
    skip: frozenset[str] = frozenset()

    def renders(self, src_uri: str) -> bool:
        return self.render is None or src_uri in self.render


def site_fingerprint(paths: Iterable[Path], *extra: Hashable) -> tuple[Hashable, ...]:
    """Every file under *paths* (files or folders) by path, size and modification
    time, and *extra* (the build's date)."""
    found: list[tuple[str, int, int]] = []
    for path in paths:
        if path.is_file():
            stat = path.stat()
            found.append((str(path), stat.st_size, stat.st_mtime_ns))
            continue
        for folder, dirs, names in os.walk(path):  # Path.walk is Python 3.12+
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(names):
                file = Path(folder, name)
                stat = file.stat()
                found.append((str(file), stat.st_size, stat.st_mtime_ns))
    return (tuple(found), *extra)


class Rebuilds:
    """What the last successful build rendered, to decide what the next one must."""

    def __init__(self) -> None:
        self.forget()

    def forget(self) -> None:
        """Start over: the next build renders every page (e.g. after a failed build)."""
        self._folder: Path | None = None  # the site's folder
        self._site: Hashable = None
        self._pages: dict[str, tuple[str, Hashable]] = {}  # src_uri -> (language, fingerprint)
        self._search: dict[str, dict[str, list[Entry]]] = {}  # language -> page URL -> entries
        self._anchors: dict[str, set[str] | None] = {}  # src_uri -> ids of its headings
        self._outputs: dict[str, set[str]] = {}  # language -> files written for its pages
        self._languages: dict[str, Any] = {}  # language -> its pages, as last built

    def plan(
        self,
        folder: Path,
        site: Hashable,
        pages: dict[str, tuple[str, Hashable]],
        languages: Iterable[str],
    ) -> Plan:
        """Compare this build with the last one and remember it as the last one.

        *folder*: the site's folder (what is known of one folder says nothing of
        another's); *pages*: every generated page of every language by virtual
        source path, with its language and fingerprint.
        """
        if folder != self._folder:
            self.forget()
            self._folder = folder
        previous_site, previous = self._site, self._pages
        self._site, self._pages = site, pages
        if site != previous_site:
            return Plan(render=None, skip=frozenset())
        render = frozenset(src for src, page in pages.items() if previous.get(src) != page)
        touched = {pages[src][0] for src in render}
        touched |= {lang for src, (lang, _) in previous.items() if src not in pages}
        return Plan(render=render, skip=frozenset(languages) - touched)

    def search_entries(
        self, lang: str, urls: list[str], fresh: list[Entry], rendered: set[str]
    ) -> list[Entry]:
        """The language's search entries in page order (*urls*): *fresh* ones from
        the pages *rendered* this time, the last ones of every other page."""
        by_page: dict[str, list[Entry]] = {}
        for entry in fresh:
            by_page.setdefault(entry["location"].partition("#")[0], []).append(entry)
        kept = self._search.get(lang, {})
        merged = {url: (by_page if url in rendered else kept).get(url, []) for url in urls}
        self._search[lang] = merged
        return [entry for entries in merged.values() for entry in entries]

    def pages_by_language(self, built: dict[str, Any], languages: Iterable[str]) -> dict[str, Any]:
        """Each language's pages (in the order of *languages*): as *built* so far in
        this build, or as last built for a language this build leaves as it is."""
        self._languages.update(built)
        return {lang: self._languages[lang] for lang in languages if lang in self._languages}

    def anchors(self, src_uri: str) -> set[str] | None:
        """The heading ids of a page that is not rendered this time, as last rendered."""
        return self._anchors.get(src_uri)

    def keep_anchors(self, src_uri: str, anchors: set[str] | None) -> None:
        self._anchors[src_uri] = anchors

    def remove_stale(self, lang: str, outputs: set[str], root: Path) -> list[str]:
        """Delete the files the language's last build wrote for pages it no longer
        has (an essay renamed or deleted), and their folders left empty, up to
        *root* (the site's folder); returns the files."""
        stale = sorted(self._outputs.get(lang, set()) - outputs)
        self._outputs[lang] = outputs
        for path in stale:
            Path(path).unlink(missing_ok=True)
            folder = Path(path).parent
            while folder != root and root in folder.parents and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        return stale
