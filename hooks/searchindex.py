"""Material's search index, made with less work: the same entries, faster.

Material's search plugin splits each page's HTML into sections (one per heading
with an id) with a ``html.parser.HTMLParser`` subclass, ``Parser``. At 1000
essays per language that was 8 % of a build, 1.6 ms per essay page: most of it
in the parser's handlers (Python code per tag and per piece of text: a new
``Element`` and ``dict`` per tag, a list of six heading names built per tag,
set intersections), a quarter in ``HTMLParser`` finding the tags.

`sections` splits HTML into the same ``Section`` objects (Material's own class)
by following Material's handlers step by step, quirks included, in less code per
tag: elements compare by tag name, as Material's ``Element`` does (so a section
"contains" any element with its heading's tag), the first ``<tag>`` of a section's
text is the one an empty element is matched against, whitespace is collapsed
outside ``<pre>``. It reads the HTML with one regular expression, and only HTML it
reads exactly as ``HTMLParser`` does: lowercase tags and attribute names, double-
quoted attribute values, comments without ``--`` inside. Anything else (another
kind of markup, ``<script>``/``<style>``/``<object>``, which Material skips, elements
whose content HTMLParser reads as raw text in some Python versions, an
element excluded from search, line numbers of code blocks, a ``<`` that starts no
tag) makes it return ``None``, and the page is indexed by Material's parser as
before. HTML written by Python-Markdown (every essay) is read by the fast path.

`tests/test_searchindex.py` checks that both give the same sections for every
page of the site and of a generated one, for hand-made edge cases, and for
thousands of random documents made of the elements Markdown writes.
"""

from __future__ import annotations

import re
from html import escape, unescape
from typing import TYPE_CHECKING, Any

from material.plugins.search.plugin import Element, SearchIndex, SearchPlugin, Section, void

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

_HEADINGS = frozenset(f"h{x}" for x in range(1, 7))
_KEEP = frozenset(("p", "code", "pre", "li", "ol", "ul", "sub", "sup"))  # Parser.keep
# Material skips the first three; HTMLParser reads what is inside the others
# differently in different Python versions (as raw text, not tags).
_NOT_READ = frozenset(
    [
        "object",
        "script",
        "style",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "noscript",
        "plaintext",
    ]
)
_VOID = frozenset(void)

# One token: a start tag (name, attributes, "/" if self-closing), an end tag,
# a comment, text, or a "<" that starts none of these (the page is then left to
# Material's parser).
_TOKEN = re.compile(
    r"<(?:"
    r"([a-z][a-z0-9]*)((?:\s+[a-z_:][-a-z0-9_:.]*(?:=\"[^\"<>]*\")?)*)\s*(/?)"
    r"|/([a-z][a-z0-9]*)"
    r"|!--(?![->])[^-]*(?:-[^-]+)*--"  # no '--' inside; '<!-->' ends at once in newer Pythons
    r")>"
    r"|([^<]+)"
    r"|(<)"
)
_ATTRIBUTE = re.compile(r"([a-z_:][-a-z0-9_:.]*)(?:=\"([^\"<>]*)\")?")


def _attributes(text: str) -> dict[str, str | None]:
    """Attributes as HTMLParser gives them: values unescaped, None without one."""
    attrs: dict[str, str | None] = {}
    for match in _ATTRIBUTE.finditer(text):
        name, value = match.groups()
        # HTMLParser gives duplicates in order; Material's dict(attrs) keeps the last.
        attrs[name] = unescape(value) if value else value
    return attrs


def sections(html: str) -> list[Section] | None:
    """The sections Material's ``Parser`` makes of *html*, or ``None`` if this
    HTML is not one the fast path reads exactly as ``HTMLParser`` does."""
    data: list[Section] = []
    section: Section | None = None
    tags: list[str] = []  # the open elements' tags (Material's `context`)
    headerlinks: list[bool] = []  # per open element: an <a class="headerlink">
    open_headerlinks = 0
    in_pre = 0  # open elements with tag "pre"

    for match in _TOKEN.finditer(html):
        tag, attr_text, self_closing, end_tag, text, stray = match.groups()
        if text is not None:
            # --- Parser.handle_data ---
            if "&" in text:
                text = unescape(text)
            if not in_pre:
                text = " " if text.isspace() else text.replace("\n", " ")
            if section is None:
                section = Section(Element("hx"))
                data.append(section)
            if section.el.tag in tags:
                if not open_headerlinks:
                    section.title.append(escape(text, quote=False))
            elif text.isspace():
                if not section.text or not section.text[-1].isspace() or in_pre:
                    section.text.append(text)
            elif "&" in text or "<" in text or ">" in text:
                section.text.append(escape(text, quote=False))
            else:
                section.text.append(text)
            continue
        if stray is not None:
            return None
        if tag is not None:
            # --- Parser.handle_starttag ---
            if tag in _NOT_READ:
                return None
            # Attributes matter for headings (id), permalinks (class), and what
            # Material skips; other tags' attributes are not read.
            attrs: dict[str, str | None] = {}
            if attr_text and (
                tag in _HEADINGS
                or tag == "a"
                or "data-search-exclude" in attr_text
                or "linenodiv" in attr_text
            ):
                attrs = _attributes(attr_text)
                if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
                    return None
            if tag not in _VOID:
                tags.append(tag)
                link = tag == "a" and attrs.get("class") == "headerlink"
                headerlinks.append(link)
                open_headerlinks += link
                in_pre += tag == "pre"
                if tag in _HEADINGS and "id" in attrs:
                    depth = len(tags)
                    if tag != "h1" and not data:
                        section = Section(Element("hx"), depth)
                        data.append(section)
                    section = Section(Element(tag, attrs), depth)
                    if data:
                        section.id = attrs["id"]
                    data.append(section)
                if section is None:
                    section = Section(Element("hx"))
                    data.append(section)
                if tag in _KEEP:
                    (section.title if section.el.tag in tags else section.text).append(f"<{tag}>")
            if not self_closing:
                continue
            end_tag = tag  # <x/>: HTMLParser calls handle_starttag, then handle_endtag
        if end_tag is not None:
            # --- Parser.handle_endtag ---
            if not tags or tags[-1] != end_tag:
                continue
            assert section is not None  # an element is open, so a section was started
            if section.depth > len(tags):
                for earlier in reversed(data):
                    if earlier.depth <= len(tags):
                        section.depth = float("inf")
                        section = earlier
                        break
            tags.pop()
            open_headerlinks -= headerlinks.pop()
            in_pre -= end_tag == "pre"
            if end_tag in _KEEP:
                parts = section.title if section.el.tag in tags else section.text
                opening = f"<{end_tag}>"
                if opening not in parts:
                    return None  # Material's parser fails here; let it say so
                index = parts.index(opening)
                for part in parts[index + 1 :]:
                    if not part.isspace():
                        parts.append(f"</{end_tag}>")
                        break
                else:
                    del parts[index:]  # an element with nothing but whitespace in it
        # A comment: HTMLParser's handle_comment, which Material does not use.
    return data


def add_entry_from_context(index: SearchIndex, page: Page) -> None:
    """``SearchIndex.add_entry_from_context``, with `sections` when it can."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return
    found = sections(page.content or "")
    if found is None:
        index.add_entry_from_context(page)
        return
    for section in found:
        if not section.is_excluded():
            index.create_entry_for_section(section, page.toc, page.url, page)


# Material's SearchPlugin.on_page_context removes these attributes from every page
# with this pattern; its optional leading \s leaves the regex engine no text to
# look for first, so it tried every position of every page (2 % of a build).
_SEARCH_ATTRIBUTE = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


def _on_page_context(plugin: SearchPlugin, page: Page) -> None:
    """What ``SearchPlugin.on_page_context`` does, faster: index the page, then
    remove the ``data-search-*`` attributes, from the pages that have any."""
    if not plugin.config.enabled:
        return
    add_entry_from_context(plugin.search_index, page)
    if page.content and "data-search-" in page.content:
        page.content = _SEARCH_ATTRIBUTE.sub("", page.content)


def install(config: MkDocsConfig) -> None:
    """Run `_on_page_context` in place of Material's search plugin's own (call from
    on_config: MkDocs has listed each plugin's handlers by then)."""
    plugins = config.plugins
    handlers = plugins.events["page_context"]
    for at, handler in enumerate(handlers):
        plugin = getattr(handler, "__self__", None)
        if not isinstance(plugin, SearchPlugin):
            continue
        if getattr(handler, "__func__", None) is not SearchPlugin.on_page_context:
            continue

        def indexed(context: Any, *, page: Page, plugin: SearchPlugin = plugin, **_: Any) -> None:
            _on_page_context(plugin, page)

        handlers[at] = indexed
        plugins._event_origins[indexed] = plugins._event_origins.get(handler, "material/search")
