"""mkdocs-static-i18n's per-file work, done with strings instead of pathlib.

For every language it builds, mkdocs-static-i18n remakes each page's ``File``
for that language (``suffix.create_i18n_file``): 'blogg/hei.sv.md' becomes the
page at 'sv/blogg/hei/', with its locale and translations noted on it. It does
so with a dozen ``pathlib`` objects per file, about 0.1 ms each time; at 1000
essays per language that is 8,000 files and 0.8 s of a build (2 %). And MkDocs
asks it for the file every link in every page points to
(``I18nFiles.get_file_from_path``), three pathlib objects per link.

`create_i18n_file` and `get_file_from_path` do the same, step for step, with
string operations that give what pathlib gives for a clean relative path:
segments that are neither empty, ``.`` nor ``..``, that do not start or end
with a dot, and no backslashes (every page this site has, written or
generated). Any other path goes to mkdocs-static-i18n's own code.
``tests/test_i18nfiles.py`` checks that both make the same ``File`` (every
attribute) for the site's pages and for a range of names, with and without
directory URLs, in every language, and find the same file for a range of
links. The lock file pins mkdocs-static-i18n: a new version may change the
original.

Two per-page steps of the plugin are done the same way (`install_page_steps`):

- Before each page is rendered it resets Material's language menu
  (``config.extra.alternate``) with ``deepcopy`` and compares the page's URL with
  two others as ``PurePath`` objects (``reconfigure_page_context``, 0.1 ms a page);
  `reconfigure_page_context` copies the menu's plain dicts and compares clean URLs
  as strings (pathlib's equality is that of the normalized path).
- It goes through each page's Markdown line by line to give admonitions without a
  title the title configured for the language (``on_page_markdown``, 0.08 ms a
  page). This site configures none, and then the only change the pass makes is
  joining the lines again with newlines, which `_page_markdown` does at once.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from copy import deepcopy
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote as urlquote

from mkdocs.structure.files import File
from mkdocs_static_i18n import suffix
from mkdocs_static_i18n.config import RE_LOCALE
from mkdocs_static_i18n.plugin import I18n
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

#: A relative path whose every segment is a name that neither starts nor ends with
#: a dot: for these, pathlib's ``name``, ``stem``, ``suffix`` and joins are plain
#: string operations.
_CLEAN = re.compile(r"(?:[^/.\\][^/\\]*(?<!\.)/)*[^/.\\][^/\\]*(?<!\.)")


def _unpatched(function: Any) -> Any:
    """The plugin's own *function*, also when this module is loaded again (the
    preview does so when the hooks' code changes) and finds its own copy in place."""
    return getattr(function, "unpatched", function)


_original = _unpatched(suffix.create_i18n_file)


def _split_suffix(name: str) -> tuple[str, str]:
    """``PurePath(name).stem`` and ``.suffix``."""
    i = name.rfind(".")
    if 0 < i < len(name) - 1:
        return name[:i], name[i:]
    return name, ""


def _join(parent: str, name: str) -> str:
    """``PurePath(parent) / name`` for a clean parent ('.' for none)."""
    return name if parent == "." else f"{parent}/{name}"


def _parent(path: str) -> str:
    """``PurePath(path).parent`` as a string ('.' for a bare name)."""
    return posixpath.dirname(path) or "."


def create_i18n_file(
    file: File,
    current_language: str,
    default_language: str,
    all_languages: list[str],
    config: MkDocsConfig,
) -> File:
    """``mkdocs_static_i18n.suffix.create_i18n_file``, without pathlib."""
    src_uri, dest_path = file.src_uri, file.dest_path
    if not (_CLEAN.fullmatch(src_uri) and _CLEAN.fullmatch(dest_path)):
        return _original(file, current_language, default_language, all_languages, config)
    log = suffix.log
    debug = log.isEnabledFor(logging.DEBUG)
    if debug:
        log.debug(f"reconfigure {file}")

    # What File(file.src_path, config.docs_dir, file.dest_path, ...) sets: for a
    # clean path, src_path is src_uri and PurePath(src_uri).as_posix() is src_uri.
    new: Any = object.__new__(File)
    new.src_uri = src_uri
    new.src_dir = config.docs_dir
    new.dest_dir = dest_path
    new.use_directory_urls = config.use_directory_urls
    new.dest_uri = file.dest_uri
    new.inclusion = file.inclusion

    file_dest_path = dest_path
    file_locale = default_language
    file_localization = None
    locale_site_dir = current_language if current_language != default_language else ""

    name = new.name  # File's own stem of the source name
    parts = name.split(".")
    if len(parts) > 1 and parts[-1]:  # PurePath(name).suffixes is not empty
        file_locale = parts[-1]
        if file_locale in all_languages or RE_LOCALE.match(file_locale):
            parent = _parent(file_dest_path)
            stem, dest_suffix = _split_suffix(posixpath.basename(file_dest_path))
            file_dest_path = _join(parent, _split_suffix(stem)[0]) + dest_suffix
            new.name = _split_suffix(name)[0]
            file_localization = file_locale
        else:
            file_locale = default_language

    if config.use_directory_urls and file_localization:
        parent = _parent(file_dest_path)
        if parent != ".":
            parent_no_suffix = _join(_parent(parent), _split_suffix(posixpath.basename(parent))[0])
            file_dest_path = _join(parent_no_suffix, posixpath.basename(file_dest_path))
            if posixpath.basename(_parent(file_dest_path)) in ("index", "README"):
                grandparent = _parent(_parent(file_dest_path))
                file_dest_path = _join(grandparent, posixpath.basename(file_dest_path))

    if file_dest_path.endswith("README.html"):
        file_dest_path = _join(_parent(file_dest_path), "index.html")

    new.dest_uri = _join(locale_site_dir, file_dest_path) if locale_site_dir else file_dest_path
    # As the original computes it (os.path, not pathlib: the same string).
    new.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, new.dest_path))  # noqa: PTH118

    if new.name == "README":
        new.name = "index"

    new.url = new._get_url(config.use_directory_urls)
    # PurePath(url).as_posix() == "." : only empty and '.' segments, not absolute.
    # (A url under a language's folder never is; kept as the original has it.)
    if (
        locale_site_dir
        and not new.url.startswith("/")
        and all(segment in ("", ".") for segment in new.url.split("/"))
    ):
        new.url = urlquote(locale_site_dir + "/")

    new.alternates = {current_language: new}
    new.locale = file_locale
    new.locale_alternate_of = current_language
    new.localization = file_localization
    new.norm_src_uri = new.src_uri
    if new.localization:
        new.norm_src_uri = new.src_uri.replace(f".{new.localization}", "", 1)

    if debug:
        log.debug(f"reconfigure {new} from locale {file_locale}")
    return new


_original_lookup = _unpatched(suffix.I18nFiles.get_file_from_path)


def get_file_from_path(self: suffix.I18nFiles, path: str) -> File | None:
    """``I18nFiles.get_file_from_path`` (MkDocs asks it for the target of every
    link in every page): *path* in the language being built, else in the default
    language, else as it is ('tema/x.md' -> 'tema/x.sv.md', 'tema/x.nb.md',
    'tema/x.md')."""
    if not _CLEAN.fullmatch(path):
        return _original_lookup(self, path)
    parent = _parent(path)
    stem, ext = _split_suffix(posixpath.basename(path))
    src_uris = self.src_uris
    for lang in (self.plugin.current_language, self.plugin.default_language):
        found = src_uris.get(_join(parent, f"{stem}.{lang}{ext}"))
        if found:
            return found
    return src_uris.get(path) or None


def install() -> None:
    """Make mkdocs-static-i18n use `create_i18n_file` (it looks the function up in
    its ``suffix`` module at each use) and `get_file_from_path`."""
    suffix.create_i18n_file = create_i18n_file
    suffix.I18nFiles.get_file_from_path = get_file_from_path  # type: ignore[method-assign]


# --- per page -------------------------------------------------------------------------

_original_page_context = _unpatched(ExtendedPlugin.reconfigure_page_context)
# Values a language menu entry holds (name, link, lang: strings), which deepcopy
# does not copy: a new dict of the same values is a deep copy.
_ATOMS = (str, int, float, bool, type(None))


def _path_key(path: str) -> str:
    """``str(PurePosixPath(path))``: pathlib compares paths by this normal form
    ('blogg/hei/' and 'blogg/hei' are one path, '' is '.')."""
    bare = path[:-1] if path.endswith("/") else path
    if _CLEAN.fullmatch(bare):
        return bare
    return str(PurePosixPath(path))


def _copy_menu(menu: Any) -> Any:
    """``deepcopy(menu)``, quicker for a list of dicts of strings."""
    if type(menu) is list and all(
        type(entry) is dict and all(type(v) in _ATOMS for v in entry.values()) for entry in menu
    ):
        return [dict(entry) for entry in menu]
    return deepcopy(menu)


def reconfigure_page_context(
    self: ExtendedPlugin, context: Any, page: Page, config: MkDocsConfig, nav: Navigation
) -> Any:
    """``ExtendedPlugin.reconfigure_page_context``: Material's language menu for this
    page, each entry linking to the page's translation in that language if it has one."""
    if self.extra_alternate:
        config.extra.alternate = _copy_menu(self.extra_alternate)
        url = _path_key(page.url)
        if url == "." or url == _path_key(page.file.locale_alternate_of):
            return context
        for extra_alternate in config.extra.alternate:
            alternate_lang = extra_alternate["lang"]
            if alternate_lang in page.file.alternates:
                extra_alternate["link"] = page.file.alternates[alternate_lang].url
    return context


def _page_markdown(
    plugin: I18n, markdown: str, page: Page, config: MkDocsConfig, files: Files
) -> str:
    """``I18n.on_page_markdown``; with no admonition titles configured for the
    language, its line-by-line pass changes no line, and only the joining remains."""
    if plugin.current_language_config.admonition_translations:
        return I18n.on_page_markdown(plugin, markdown, page, config, files)
    return "\n".join(markdown.splitlines())


def install_page_steps(config: MkDocsConfig) -> None:
    """Make mkdocs-static-i18n use `reconfigure_page_context` and `_page_markdown`
    (call from on_config: MkDocs has listed each plugin's handlers by then). Only
    where pathlib's paths are POSIX paths, as `_path_key` assumes."""
    if os.name != "posix":
        return
    ExtendedPlugin.reconfigure_page_context = reconfigure_page_context  # type: ignore[method-assign]
    handlers = config.plugins.events["page_markdown"]
    for at, handler in enumerate(handlers):
        plugin = getattr(handler, "__self__", None)
        if isinstance(plugin, I18n) and getattr(handler, "__func__", None) is I18n.on_page_markdown:

            def page_markdown(markdown: str, /, *, plugin: I18n = plugin, **kwargs: Any) -> str:
                return _page_markdown(plugin, markdown, **kwargs)

            handlers[at] = page_markdown
            origins = config.plugins._event_origins
            origins[page_markdown] = origins.get(handler, "i18n")


create_i18n_file.unpatched = _original  # type: ignore[attr-defined]
get_file_from_path.unpatched = _original_lookup  # type: ignore[attr-defined]
reconfigure_page_context.unpatched = _original_page_context  # type: ignore[attr-defined]
