"""Links in essays and talks: checked against the library, rewritten for the site.

An author links to another essay by its file name, as the files lie side by side
in posts/: ``[…](svar-raskt.nb.md)``, ``[…](svar-raskt.sv.md#et-avsnitt)``; to a
talk as ``../talks/<slug>.<lang>.md`` (and from a talk, to an essay as
``../posts/…``). Pure: no MkDocs imports.

`check` reports, at its line, a link to a file that does not exist or is not
published. `rewrite` turns each link to an essay or talk into one the built page
can use: within its language it stays a link to a Markdown file, which MkDocs
turns into an address and whose heading (``#…``) MkDocs checks; to another
language it becomes the address of that page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Set
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import library
import routes
from contenttypes import Post, Talk
from problems import Problem

# Code is not prose: links inside it are not links. Fenced blocks and code spans.
_CODE = re.compile(
    r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[ \t]*$|(`+)[^`].*?(?<!`)\2(?!`)",
    re.MULTILINE | re.DOTALL,
)
# [text](target "title") and ![alt](target) (from its "["); the target is group 1.
# It starts with a plain "[" so that the regex engine can skip to each "[" quickly.
_INLINE = re.compile(
    r"\[(?:[^\[\]\n]|\[[^\]\n]*\])*\]\(\s*(<[^>\n]*>|[^\s()]+)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
# [label]: target
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
_ITEM = re.compile(r"(posts|talks)/(?:.+/)?([^/]+)\.([^./]+)\.md")


@dataclass(frozen=True)
class Link:
    """A link's target as written, and where it stands in the body."""

    start: int
    end: int
    target: str


@dataclass(frozen=True)
class Target:
    """What a link to an essay or talk points to."""

    path: str  # the author's file: 'posts/svar-raskt.sv.md'
    folder: str  # 'posts' or 'talks'
    slug: str
    lang: str
    anchor: str  # '#et-avsnitt' or ''


@lru_cache(maxsize=4096)  # asked by `check` and `rewrite`, and again by each preview rebuild
def links_in(body: str) -> tuple[Link, ...]:
    """The links of a Markdown text, outside code, in order."""
    # The patterns cost most where they cannot match: try them only when they can.
    has_code = "`" in body or "~~~" in body
    code = [m.span() for m in _CODE.finditer(body)] if has_code else []
    found = []
    for pattern in (_INLINE, _REFERENCE) if "]:" in body else (_INLINE,):
        for match in pattern.finditer(body):
            start, end = match.span(1)
            if not any(a <= start < b for a, b in code):
                found.append(Link(start, end, match.group(1)))
    return tuple(sorted(found, key=lambda link: link.start))


def folder_of(item: Post | Talk) -> str:
    """The folder an item's links are relative to: 'posts', 'posts/2024'."""
    return posixpath.dirname(item.path)


@lru_cache(maxsize=8192)
def resolve(folder: str, target: str) -> Target | str | None:
    """What *target*, written in a file in *folder*, points to: an essay or talk
    (`Target`), another file of the site (its path, a str), or ``None`` for what
    is not a file of the site (web and mail addresses, '#' on the same page, and
    addresses from the site's root, which MkDocs reports itself)."""
    target = target.removeprefix("<").removesuffix(">")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith(("/", "\\")) or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
    match = _ITEM.fullmatch(path)
    if match is None:
        return path
    anchor = f"#{parts.fragment}" if parts.fragment else ""
    return Target(path, match[1], match[2], match[3], anchor)


def check(content: library.Library, today: date, preview: bool) -> list[Problem]:
    """Every link in an essay or talk that points nowhere on the site."""
    items = {item.path: item for item in (*content.posts, *content.talks)}
    problems = []
    for item in items.values():
        if not preview and library.status(item, today) is not None:
            continue  # not on the site: its links go nowhere either
        for link in links_in(item.body):
            found = resolve(folder_of(item), link.target)
            if found is None:
                continue
            wrong = _what_is_wrong(link.target, found, items, today, preview)
            if wrong:
                problems.append(Problem(item.path, _line(item, link), wrong))
    return problems


def _what_is_wrong(
    written: str, found: Target | str, items: dict[str, Post | Talk], today: date, preview: bool
) -> str | None:
    expected = (
        "expected the file name of an essay as it lies in posts/ ('svar-raskt.nb.md'), "
        "'../talks/<name>.<lang>.md' for a talk, or a web address (https://…)"
    )
    if isinstance(found, str):
        return (
            f"the link '{written}' points to '{found}', which is not an essay or a talk; {expected}"
        )
    item = items.get(found.path)
    if item is None:
        others = sorted(
            path
            for path, other in items.items()
            if other.slug == found.slug and path.startswith(found.folder + "/")
        )
        there = f" (there is {', '.join(others)})" if others else ""
        return (
            f"the link '{written}' points to {found.path}, which does not exist{there}; {expected}"
        )
    state = library.status(item, today)
    if state is not None and not preview:
        why = "a draft" if state == "draft" else f"dated {getattr(item, 'date', '')}"
        return (
            f"the link '{written}' points to {found.path}, which is {why} and not published "
            "yet; expected a link to a published essay or talk (or publish that one first)"
        )
    return None


def rewrite(item: Post | Talk, paths: Set[str], default: str) -> tuple[str, dict[str, str]]:
    """*item*'s body with its links to essays and talks made into links the built
    page can use, and what each new link was written as (new -> as written).
    *paths*: the files of every essay and talk the site has."""
    kind = "posts" if isinstance(item, Post) else "talks"
    here = _source(kind, item.slug, item.lang)
    page_url = _url(kind, item.slug, item.lang, default)
    pieces, done, written = [], 0, {}
    for link in links_in(item.body):
        found = resolve(folder_of(item), link.target)
        if not isinstance(found, Target) or found.path not in paths:
            continue
        if found.lang == item.lang:
            source = _source(found.folder, found.slug, found.lang)
            new = posixpath.relpath(source, posixpath.dirname(here)) + found.anchor
        else:
            url = _url(found.folder, found.slug, found.lang, default)
            new = posixpath.relpath(url, page_url) + "/" + found.anchor
        pieces += [item.body[done : link.start], new]
        done = link.end
        written[new] = link.target
    return "".join([*pieces, item.body[done:]]), written


def _source(folder: str, slug: str, lang: str) -> str:
    return routes.essay_src(slug, lang) if folder == "posts" else routes.talk_src(slug, lang)


def _url(folder: str, slug: str, lang: str, default: str) -> str:
    if folder == "posts":
        return routes.essay_url(slug, lang, default)
    return routes.talk_url(slug, lang, default)


def line_of(item: Post | Talk, written: str) -> int | None:
    """The line of the first link in *item* written as *written*."""
    for link in links_in(item.body):
        if link.target == written:
            return _line(item, link)
    return None


def _line(item: Post | Talk, link: Link) -> int:
    return item.body_line + item.body.count("\n", 0, link.start)
