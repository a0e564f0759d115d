"""One Markdown converter per language build, reset between pages.

MkDocs' ``Page.render`` makes a new ``markdown.Markdown`` for every page: it loads
each extension, builds the block, inline and tree processor registries and
compiles nothing new, then throws it all away (4 % of a build at 1000 essays per
language, plus the garbage collector's work on the discarded instances, which
are full of reference cycles). Python-Markdown supports reusing an instance with
``Markdown.reset()`` between documents, as its own documentation recommends for
many documents; the extensions this site uses (attr_list, md_in_html, sane_lists,
tables, toc) keep no state past ``reset()``.

`render` does what ``Page.render`` of MkDocs 1.6 does, with one converter per
build (each language's build; made when its first page is rendered): MkDocs'
four page-specific processors (raw HTML anchors, anchors, relative links,
title) are registered on it once and given the page's state before each
conversion. They are MkDocs' own classes, not
copies, so links are checked and rewritten exactly as MkDocs does; their
constructors are private, which is why ``tests/test_pagemarkdown.py`` checks that
pages come out the same as with ``Page.render`` (content, table of contents,
title, anchors, links to anchors) and the lock file pins MkDocs.

One of them is a subclass: MkDocs runs an ``HTMLParser`` over every page to
collect the ids of its raw HTML elements. Only a start tag (``<`` and a letter,
the parser's own test) can carry one, so `_RawHTMLAnchors` does not parse a page
without one (nearly every essay: an HTML comment such as ``<!-- more -->`` is
none). That was 0.07 ms an essay.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import markdown
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_log = logging.getLogger("mkdocs.structure.pages")  # the level Page.render looks at

# What starts a tag for HTMLParser (html.parser.starttagopen).
_START_TAG = re.compile(r"<[a-zA-Z]")


class _RawHTMLAnchors(mkdocs_pages._RawHTMLPreprocessor):
    """MkDocs' collection of raw HTML ids, which skips a page without a start tag."""

    def run(self, lines: list[str]) -> list[str]:
        if _START_TAG.search("\n".join(lines)) is None:
            self.present_anchor_ids = set()
            return lines
        return super().run(lines)


class _Converter:
    """A Markdown instance with MkDocs' page processors registered on it."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.md = markdown.Markdown(
            extensions=config["markdown_extensions"],
            extension_configs=config["mdx_configs"] or {},
        )
        # Registered in the order, and with the priorities, Page.render uses.
        self.raw_html = _RawHTMLAnchors()
        self.raw_html._register(self.md)
        self.anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(None, None, config)  # type: ignore[arg-type]
        self.anchors._register(self.md)
        self.links = mkdocs_pages._RelativePathTreeprocessor(None, None, config)  # type: ignore[arg-type]
        self.links._register(self.md)
        self.title = mkdocs_pages._ExtractTitleTreeprocessor()
        self.title._register(self.md)

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        self.raw_html.present_anchor_ids = set()
        self.anchors.present_anchor_ids = set()
        self.links.file, self.links.files, self.links.config = page.file, files, config
        self.links.links_to_anchors = {}
        self.title.title = None
        md = self.md.reset()
        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = self.title.title
        page.present_anchor_ids = self.anchors.present_anchor_ids | self.raw_html.present_anchor_ids
        if _log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = self.links.links_to_anchors
        self.links.file = self.links.files = None  # type: ignore[assignment]


# The converter of the build under way. mkdocs-static-i18n builds every language
# with the same config object, changed between builds, so it is made afresh for
# each build (`new_build`, from on_config), at its first page, when every plugin's
# on_config has run.
_current: list[tuple[MkDocsConfig, _Converter]] = []


def new_build() -> None:
    """Forget the last build's converter (call once per build, from ``on_config``)."""
    _current.clear()


def render(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Render *page* as ``Page.render`` does, with this build's one converter."""
    if not _current or _current[0][0] is not config:
        _current[:] = [(config, _Converter(config))]
    _current[0][1].render(page, config, files)


def use_for(page: Page) -> None:
    """Make MkDocs render *page* with the shared converter (call from ``on_pre_page``)."""
    page.render = lambda config, files: render(page, config, files)  # type: ignore[method-assign]
