"""Faster page rendering with Material's templates: the same HTML, less work.

Three things a build otherwise repeats thousands of times (see benchmarks/README.md):

- **Compiling templates once.** MkDocs gives each build a new Jinja environment,
  and mkdocs-static-i18n builds once per language, so every template was parsed
  and compiled three times per build (and again on every `mkdocs serve`
  rebuild). `BYTECODE` keeps the compiled code in memory for the process; Jinja
  checks it against the template's source, so an edited template is compiled
  afresh.
- **Rendering the page frame once.** Material renders its navigation, tabs,
  search box, palette switch and footer into every page. Their HTML depends only
  on the language being built (each language has its own environment), the
  page's depth and, for the navigation and tabs, the links from the page to
  the nav's pages (they are relative; pages of one folder share them) and which
  page of the nav is active, if any. Essays, talks and theme pages are not in
  the nav, so all essays share one rendering, all talks another.
  `cache_partials` wraps those templates so each renders once per such key; so
  are base.html's blocks of links to the theme's assets, its scripts and the
  JSON of settings for them (`CACHED_BLOCKS`, once per depth), the two small
  scripts it includes on every page (once per depth), its import of
  ``partials/language.html`` (one module per build, `_language_once`). Two more
  are rendered once with holes that are filled in per page: the header, once
  per depth and language menu, with the page's title and the menu's links to
  its translations put in (`_cached_but_title`), and the table of contents, once
  per nesting of headings, with each heading's link and text put in
  (`_toc_by_shape`). The title, head metadata and content of each page are
  rendered per page as before; ``tests/test_rendering.py`` checks that pages
  come out byte for byte as Material's templates render them without any of
  this.
- **Listing the theme's files once.** To find the theme's static files, MkDocs
  lists every file of every theme folder on each build and matches each name
  against its patterns of what is not one; Material's folder has 14,000 files,
  nearly all of them icons in ``.icons/``, which MkDocs leaves out as hidden. That
  took a quarter of a second per language. `list_theme_once` lists installed
  folders once per process (they do not change while it runs; the site's own
  ``overrides/`` is listed afresh each time) and leaves hidden files out at once.
  The templates themselves, icons included, load as before.
"""

from __future__ import annotations

import itertools
import posixpath
import re
import sysconfig
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, TemplateNotFound
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from mkdocs.utils import normalize_url


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the life of the process."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # discarded by Jinja if the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


BYTECODE = MemoryBytecodeCache()


def _page_in_nav(context: Context) -> str | None:
    """The URL of the page being rendered if it is in the nav (it is then marked active)."""
    page, nav = context.get("page"), context.get("nav")
    if page is None or nav is None:
        return None
    return page.url if any(p is page for p in nav.pages) else None


def _nav_key(context: Context) -> tuple[Any, ...]:
    """The links the nav's items get on this page (as the ``url`` filter writes
    them), and the page if it is one of them."""
    page, nav, base = context.get("page"), context.get("nav"), context.get("base_url")
    return (_nav_links(nav, page, base), _page_in_nav(context))


_nav_seen: list[Any] = [None, ()]  # the last nav and its URLs (one nav per language build)
_links_by_folder: dict[tuple[Any, ...], tuple[str, ...]] = {}  # for that nav


def _nav_urls(nav: Any) -> tuple[str, ...]:
    if _nav_seen[0] is not nav:
        urls: list[str] = []

        def walk(items: Any) -> None:
            for item in items or ():
                if getattr(item, "children", None):
                    walk(item.children)
                elif getattr(item, "url", None) is not None:
                    urls.append(item.url)

        walk(getattr(nav, "items", ()))
        _nav_seen[:] = [nav, tuple(urls)]
        _links_by_folder.clear()
    return _nav_seen[1]


def _nav_links(nav: Any, page: Any, base: Any) -> tuple[str, ...]:
    """The nav's URLs made relative to *page*. A link from a folder page
    ('blogg/hei/') to a page that is neither it nor below it depends only on
    the folder it is in ('blogg'), so pages of one folder share the work."""
    urls = _nav_urls(nav)
    url = getattr(page, "url", None)
    if not (isinstance(url, str) and url.endswith("/")) or any(u.startswith(url) for u in urls):
        return tuple(normalize_url(u, page=page, base=base) for u in urls)
    key = (base, posixpath.dirname(url.rstrip("/")))
    links = _links_by_folder.get(key)
    if links is None:
        links = _links_by_folder[key] = tuple(normalize_url(u, page=page, base=base) for u in urls)
    return links


def _frame_key(context: Context) -> tuple[Any, ...]:
    return (context.get("base_url"),)


def _footer_key(context: Context) -> tuple[Any, ...]:
    # With Material's navigation.footer the footer links the previous and next page.
    features = context.get("features") or ()
    page = context.get("page")
    own = page.url if page is not None and "navigation.footer" in features else None
    return (context.get("base_url"), own)


#: Material's partials rendered once per key, with what their HTML depends on
#: besides the language (see the module docstring).
CACHED_PARTIALS: dict[str, Callable[[Context], tuple[Any, ...]]] = {
    "partials/nav.html": _nav_key,
    "partials/tabs.html": _nav_key,
    "partials/search.html": _frame_key,
    "partials/palette.html": _frame_key,
    "partials/icons.html": _frame_key,
    "partials/footer.html": _footer_key,
    # Scripts base.html includes on every page: the first depends on base_url and
    # config.extra.scope, the second on config's features.
    "partials/javascripts/base.html": _frame_key,
    "partials/javascripts/content.html": _frame_key,
}


#: Blocks of Material's base.html whose HTML depends only on the language and the
#: page's depth (links to the theme's assets, relative; config is the JSON of
#: settings for Material's scripts): rendered once per depth. Only blocks that do
#: not call ``super()`` can be wrapped (Jinja finds the parent block by identity).
CACHED_BLOCKS = ("styles", "libs", "fonts", "analytics", "config", "scripts")


def _header_key(context: Context) -> tuple[Any, tuple[tuple[Any, Any], ...], tuple[str, ...]]:
    """What Material's header shows besides the page's title: links to the home
    page (by depth) and the menu of the page in the other languages, each entry's
    language and name (with the depth, the key of its rendering) and its link as
    the ``url`` filter writes it (put in per page). mkdocs-static-i18n sets
    ``config.extra.alternate`` per page, as an attribute (looked up as the
    template does: attribute first, then item)."""
    page, base = context.get("page"), context.get("base_url")
    get = context.environment.getattr
    alternates = _alternates(context) or ()
    menu = tuple((get(alt, "lang"), get(alt, "name")) for alt in alternates)
    links = tuple(normalize_url(str(get(alt, "link")), page=page, base=base) for alt in alternates)
    return base, menu, links


def _alternates(context: Context) -> Any:
    config = context.get("config")
    if config is None:
        return None
    get = context.environment.getattr
    return get(get(config, "extra"), "alternate")


def cache_partials(env: Environment) -> None:
    """Render each of `CACHED_PARTIALS` once per key in this environment, the
    header once per depth and language menu (`_cached_but_title`) and the table
    of contents once per nesting of headings (`_toc_by_shape`), with holes filled
    in per page.

    ``{% include %}`` runs a template's ``root_render_func`` with the includer's
    context; the wrapper returns the first rendering for the same key.
    """
    for name, key_of in CACHED_PARTIALS.items():
        try:
            template = env.get_template(name)
        except TemplateNotFound:
            continue
        template.root_render_func = _cached(template.root_render_func, key_of)
    base = env.get_template("base.html")
    for block in CACHED_BLOCKS:
        base.blocks[block] = _cached(base.blocks[block], _frame_key)
    try:
        language = env.get_template("partials/language.html")
    except TemplateNotFound:
        pass
    else:
        language.make_module = _language_once(language.make_module)  # type: ignore[method-assign]
    try:
        toc = env.get_template("partials/toc.html")
    except TemplateNotFound:
        pass
    else:
        escaped = env.autoescape(toc.name) if callable(env.autoescape) else env.autoescape
        if not escaped:  # Material's own (an escaping override would escape the holes)
            toc.root_render_func = _toc_by_shape(toc.root_render_func, env)
    try:
        header = env.get_template("partials/header.html")
    except TemplateNotFound:
        return
    header.root_render_func = _cached_but_title(header.root_render_func)


def _language_once(make_module: Callable[..., Any]) -> Callable[..., Any]:
    """base.html imports partials/language.html "with context" on every page, which
    makes a new module each time. This site's override only sets ``t`` to the
    build's ``material_t`` (hooks/main.py) when that is given: such a module is made
    once. Anything else it might define, or a page without ``material_t``, gets a
    module of its own as before."""
    made: list[Any] = []

    def make_once(vars: Any = None, shared: bool = False, locals: Any = None) -> Any:
        t = (vars or {}).get("material_t")
        if t is None:
            return make_module(vars, shared, locals)
        if made and made[0].t is t:
            return made[0]
        module = make_module(vars, shared, locals)
        if set(_exports(module)) == {"t"} and module.t is t:
            made[:] = [module]
        return module

    return make_once


def _exports(module: Any) -> dict[str, Any]:
    """What a Jinja template module exports."""
    return {k: v for k, v in vars(module).items() if not k.startswith("_")}


def _cached(
    render: Callable[[Context], Iterator[str]], key_of: Callable[[Context], tuple[Any, ...]]
) -> Callable[[Context], Iterator[str]]:
    outputs: dict[tuple[Any, ...], str] = {}

    def cached(context: Context) -> Iterator[str]:
        key = key_of(context)
        html = outputs.get(key)
        if html is None:
            html = outputs[key] = "".join(render(context))
        yield html

    return cached


#: Stand for the page's title and its links to other languages in the header's one
#: rendering per key (characters of Unicode's private use area: no title or
#: template has them). A link hole starts with '#', which the ``url`` filter
#: leaves as it is.
_TITLE_HOLE = "\ue000page title\ue000"
_LINK_HOLE = "#\ue000{}\ue000"
_HEADER_HOLE = re.compile("(\ue000page title\ue000|#\ue000\\d+\ue000)")


class _Delegate:
    """An object as templates see it, with some attributes replaced: the page or
    the config a header or table of contents is rendered with once per key."""

    def __init__(self, real: Any, **replaced: Any) -> None:
        self._real = real
        self.__dict__.update(replaced)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __getitem__(self, key: Any) -> Any:
        return self._real[key]

    def __contains__(self, key: Any) -> bool:
        return key in self._real

    def __iter__(self) -> Iterator[Any]:
        return iter(self._real)


def _header_title(page: Any) -> str:
    """The title as Material's header.html prints it (not escaped: its environment
    does not autoescape; hooks/main.py gives it titles escaped as Markup)."""
    if page.meta and page.meta.get("title"):
        return str(page.meta["title"])
    return str(page.title)


def _cached_but_title(
    render: Callable[[Context], Iterator[str]],
) -> Callable[[Context], Iterator[str]]:
    """Material's header, rendered once per depth and language menu (see
    `_header_key`) with `_TITLE_HOLE` for the title and `_LINK_HOLE` for each link
    of the menu (a translated page's links are its own), which are filled in for
    each page."""
    outputs: dict[tuple[Any, ...], list[str] | None] = {}

    def cached(context: Context) -> Iterator[str]:
        page = context.get("page")
        alternates = _alternates(context)
        # With Material's sticky tabs the header holds the tabs, which show the page
        # as active when it is in the nav: rendered per page then. A language menu
        # that is not a list of mappings is left to Material too.
        if (
            page is None
            or "navigation.tabs.sticky" in (context.get("features") or ())
            or not (alternates is None or isinstance(alternates, list))
            or not all(isinstance(alt, dict) for alt in alternates or ())
        ):
            yield from render(context)
            return
        base, menu, links = _header_key(context)
        key = (base, menu)
        if key not in outputs:
            config = context["config"]
            holes = [
                {**alt, "link": _LINK_HOLE.format(i)} for i, alt in enumerate(alternates or ())
            ]
            extra = _Delegate(context.environment.getattr(config, "extra"), alternate=holes)
            # The title as page.meta.title and page.title (header.html reads both).
            meta = {**(page.meta or {}), "title": _TITLE_HOLE}
            seen = {
                "page": _Delegate(page, meta=meta, title=_TITLE_HOLE),
                "config": _Delegate(config, extra=extra),
            }
            parts = _HEADER_HOLE.split("".join(render(context.derived(seen))))
            # A hole the template changed on its way is left in a static part: then
            # every page of the key is rendered whole.
            outputs[key] = None if any("\ue000" in part for part in parts[::2]) else parts
        parts = outputs[key]
        if parts is None:
            yield from render(context)
            return
        title = _header_title(page)
        out = [parts[0]]
        for i in range(1, len(parts), 2):
            hole = parts[i]
            out.append(title if hole == _TITLE_HOLE else links[int(hole[2:-1])])
            out.append(parts[i + 1])
        yield "".join(out)

    return cached


class _Heading:
    """A table of contents entry as partials/toc.html reads it, its text replaced
    by holes: no ``typeset`` (Material's toc-item.html has a branch for it)."""

    def __init__(self, number: int, level: int, children: list[_Heading]) -> None:
        self.url = f"\ue001{number}u\ue001"
        # '&' tells the text (as is) from its label (striptags | e: '&amp;').
        self.title = f"\ue001{number}t&\ue001"
        self.level = level
        self.children = children


_TOC_HOLE = re.compile("\ue001(\\d+)(u|t&|t&amp;)\ue001")


def _toc_shape(items: Any) -> tuple[Any, ...] | None:
    """The nesting of a table of contents (the key of its rendering), or None
    when an entry is not a plain MkDocs heading."""
    shape = []
    for item in items:
        if hasattr(item, "typeset") or not isinstance(item.title, str):
            return None
        children = _toc_shape(item.children)
        if children is None:
            return None
        shape.append(children)
    return tuple(shape)


def _toc_by_shape(
    render: Callable[[Context], Iterator[str]], env: Environment
) -> Callable[[Context], Iterator[str]]:
    """Material's table of contents (partials/toc.html, which includes
    toc-item.html once per heading, each with a new context), rendered once per
    nesting of headings with holes for each heading's link and text, which are
    filled in for each page: the text as Material writes it, and for a heading
    with subheadings also as its ``striptags | e`` label. The first heading's
    level is part of the key (a single h1 is left out of the list)."""
    outputs: dict[tuple[Any, ...], list[str] | None] = {}
    striptags, escape = env.filters["striptags"], env.filters["e"]

    def cached(context: Context) -> Iterator[str]:
        page = context.get("page")
        toc = getattr(page, "toc", None)
        shape = None if toc is None else _toc_shape(toc)
        if shape is None:
            yield from render(context)
            return
        items = list(toc)
        key = (shape, items[0].level == 1 if items else None)
        if key not in outputs:
            numbers = itertools.count()  # headings in document order, as `walk` below

            def holes(items: Any) -> list[_Heading]:
                return [_Heading(next(numbers), item.level, holes(item.children)) for item in items]

            shaped = holes(items)
            html = "".join(render(context.derived({"page": _Delegate(page, toc=shaped)})))
            parts = _TOC_HOLE.split(html)
            # A hole the template changed on its way (an override that escapes, say)
            # is left in a static part: then every page of the key is rendered whole.
            outputs[key] = None if any("\ue001" in part for part in parts[::3]) else parts
        parts = outputs[key]
        if parts is None:
            yield from render(context)
            return
        values: list[Any] = []

        def walk(items: Any) -> None:
            for item in items:
                values.append(item)
                walk(item.children)

        walk(items)
        out = [parts[0]]
        for i in range(1, len(parts), 3):
            item = values[int(parts[i])]
            kind = parts[i + 1]
            if kind == "u":
                out.append(str(item.url))
            elif kind == "t&":
                out.append(str(item.title))
            else:
                out.append(str(escape(striptags(item.title))))
            out.append(parts[i + 2])
        yield "".join(out)

    return cached


class Fragments:
    """Rendered pieces of pages, for templates (``frames``, one per environment)."""

    def __init__(self) -> None:
        self._html: dict[tuple[Any, ...], Any] = {}

    def card(self, macro: Any, card: Any, page: Any, heading: str = "h2") -> Any:
        """A card macro's HTML (partials/macros.html), rendered once per card, heading
        and folder of the page: its links are relative, and the pages of one folder
        (all essays) write them alike, except a card's link to the page itself."""
        here = page.url if page is not None else ""
        folder = posixpath.dirname(here.rstrip("/"))
        key = ("card", macro.name, card.url, heading, folder, card.url == here)
        html = self._html.get(key)
        if html is None:
            html = self._html[key] = macro(card, heading=heading)
        return html


_INSTALLED = Path(sysconfig.get_paths()["purelib"])
_listings: dict[str, list[str]] = {}  # an installed theme folder -> its files


class _ThemeLoader(FileSystemLoader):
    """Jinja's loader of a theme's folders. Its listing, which MkDocs uses only to
    find the theme's static files, lists each installed folder once and leaves out
    hidden files and folders (MkDocs' patterns ``.*`` and ``*/.*`` would)."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            names = _listings.get(folder)
            if names is None:
                every = FileSystemLoader(folder, self.encoding, self.followlinks).list_templates()
                names = [name for name in every if not _HIDDEN.search(name)]
                if Path(folder).is_relative_to(_INSTALLED):
                    _listings[folder] = names
            found.update(names)
        return sorted(found)  # as FileSystemLoader lists them


_HIDDEN = re.compile(r"(?:^|/)\.")


def list_theme_once(theme: Any) -> None:
    """Make *theme* (MkDocs' ``config.theme``) give environments whose loader lists
    installed theme folders once per process (see the module docstring)."""
    get_env = theme.get_env
    if getattr(get_env, "lists_once", False):
        return

    def env_listing_once() -> Environment:
        env = get_env()
        loader = env.loader
        assert isinstance(loader, FileSystemLoader)
        env.loader = _ThemeLoader(loader.searchpath, loader.encoding, loader.followlinks)
        # Material's search plugin makes one of these per build for its UI strings.
        env.bytecode_cache = BYTECODE
        return env

    env_listing_once.lists_once = True  # type: ignore[attr-defined]
    theme.get_env = env_listing_once
