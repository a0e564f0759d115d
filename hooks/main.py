"""MkDocs switchboard: wires MkDocs events to the content pipeline.

The pipeline, in the order a build runs it:

1. ``on_config`` (after i18n): load the data files (`sitedata`) and every essay
   and talk (`library`); report every problem at once and stop a build before
   ``site/`` is touched. Under ``mkdocs serve`` the problems are logged and shown
   in a banner on every page instead, so the preview keeps working. A full
   build over an earlier site/ then writes it in place rather than emptying it
   first (`inplace`), and removes at the end what it did not write.
2. ``on_files`` before i18n (priority -90): add one virtual page per essay,
   talk and generated listing, for every language, under ``docs/`` paths
   (`routes`), so mkdocs-static-i18n routes them, links translations and puts
   them in the sitemap. After i18n (priority -110): give the pages that
   survived for this language their Markdown.
3. ``on_page_markdown``: set each page's title, description and template; every
   title and description is HTML-escaped here, because Material's templates
   print ``page.meta.title`` without escaping.
4. ``on_env`` / ``on_page_context``: hand the templates their data (`views`) and
   UI strings (`l10n`); the templates in ``overrides/`` hold all markup.

mkdocs-static-i18n builds the other languages by calling ``build()`` again from
inside the first build's ``on_post_build``; every event here runs once per
language. State that spans the languages lives in `_site`, which is replaced at
the start of each top-level build (``i18n.building`` is false only then).

Under `make serve` (``mkdocs serve --dirty``) a rebuild renders only the pages an
edit changed and builds only the languages it touched (`incremental`; the code for
it runs where `_changes_only` is true), and an edit to the hooks' code loads them
again (`on_serve`).
"""

from __future__ import annotations

import atexit
import gc
import json
import logging
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

import feeds
import i18nfiles
import incremental
import inplace
import l10n
import library
import links
import metadata
import pagemarkdown
import problems as problems_mod
import rendering
import routes
import searchindex
import sitecheck
import sitedata
import themes
from contenttypes import Post, Talk
from problems import Problem
from views import LanguageViews

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

# A plain logger (no plugin prefix), so each problem line starts with its file:line.
log = logging.getLogger("mkdocs.plugins.content")

_command = "build"
# `mkdocs serve --dirty` (make serve): rebuilds render only what changed (`incremental`).
_changes_only = False
_rebuilds = incremental.Rebuilds()


@dataclass(frozen=True)
class VirtualPage:
    """A page that has no file under ``docs/``: an essay, a talk or a generated listing."""

    # "essay", "talk", "essays", "archive", "talks", "themes", "theme", "inquiry", "thanks"
    kind: str
    lang: str
    key: str | int = ""  # slug, or page number of the essay list
    source: str = ""  # the Markdown body
    in_nav: bool = False
    item: Post | Talk | None = None  # the essay or talk
    # Links rewritten for the site (see links.rewrite): as built -> as the author wrote it.
    written: dict[str, str] = field(default_factory=dict)


@dataclass
class _SiteBuild:
    """What one top-level build (all languages) knows."""

    languages: tuple[str, ...]
    default: str
    data: sitedata.SiteData
    library: library.Library
    problems: list[Problem]
    today: date
    preview: bool
    views: dict[str, LanguageViews]
    pages: dict[str, VirtualPage]
    inquiry: sitecheck.Inquiry
    # What this build renders (everything, unless the preview knows better).
    plan: incremental.Plan = field(default_factory=incremental.Plan)
    # Each language's documentation pages, in the order MkDocs renders them.
    doc_files: dict[str, list[File]] = field(default_factory=dict)


_site: _SiteBuild | None = None


class _AuthorsFiles(logging.Filter):
    """MkDocs names an essay or talk by its virtual path ('blogg/svar.nb.md') in its
    messages about links; the author knows it as posts/svar.nb.md. This puts the
    author's file and the link's line into those messages, and drops the ones
    that repeat a problem `links.check` has reported already."""

    _DOC = re.compile(
        r"Doc file '([^']+)' contains (an unrecognized relative link|an absolute link|a link) "
        r"'([^']*)'"
    )
    _NO_ANCHOR = re.compile(r"the doc '([^']+)' does not contain an anchor '([^']+)'")
    _VIRTUAL = re.compile(rf"(?:{routes.ESSAYS}|{routes.TALKS})/[^/' ]+\.md")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        match = self._DOC.match(message) if _site is not None else None
        page = _site.pages.get(match[1]) if match and _site else None
        if match is None or page is None or page.item is None:
            return True
        made_here = match[3] in page.written
        written = page.written.get(match[3], match[3])
        if match[2].startswith("an unrecognized") and made_here:
            return False  # a link to another language's page, made by links.rewrite
        rest = message[match.end() :]
        if "is not found among documentation files" in rest and links.resolve(
            links.folder_of(page.item), written
        ):
            return False  # links.check has reported it, at its line
        rest = rest.split(" Did you mean")[0]  # MkDocs' guess is a path the author never sees
        rest = self._VIRTUAL.sub(self._author_path, rest).removeprefix(", but ").lstrip(", ")
        anchor = self._NO_ANCHOR.match(rest)
        if anchor:
            rest = (
                f"{anchor[1]} has no heading with the anchor '{anchor[2]}'; expected the "
                "anchor of one of its headings ('## Et avsnitt' has '#et-avsnitt')"
            )
        line = links.line_of(page.item, written)
        where = f"{page.item.path}:{line}" if line else page.item.path
        record.msg, record.args = f"{where}: the link '{written}': {rest}", None
        return True

    @staticmethod
    def _author_path(match: re.Match[str]) -> str:
        page = _site.pages.get(match[0]) if _site else None
        return page.item.path if page and page.item else match[0]


_pages_log = logging.getLogger("mkdocs.structure.pages")

_missing_strings: set[tuple[str, str]] = set()
_site_docs: set[str] = set()  # docs/ pages of every language, by src_uri
# Taggers by vocabulary fingerprint: a tagger caches its answers per text, so
# `mkdocs serve` re-tags only the essays that changed.
_taggers: dict[str, themes.Tagger] = {}


def _i18n(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError(
            "hooks/main.py needs the mkdocs-static-i18n plugin ('i18n') in mkdocs.yml"
        )
    return plugin


def _language(config: MkDocsConfig) -> str:
    return _i18n(config).current_language


def on_startup(command: str, dirty: bool) -> None:
    global _command, _changes_only
    _command = command
    _changes_only = command == "serve" and dirty
    _build_only_changed_languages(_changes_only)
    # When the process ends, Python's finalization runs full garbage collections
    # over everything still alive (at 1000 essays per language 0.4-0.6 s of a
    # 35 s build, after the site is written). Frozen objects are left to the
    # operating system instead, as any that remain are: Python does not promise to
    # finalize objects still alive at exit, and files are closed where written.
    atexit.unregister(gc.freeze)  # once, however many builds this process runs
    atexit.register(gc.freeze)
    if command == "serve" and not dirty:
        log.info("Every change rebuilds the whole site; `make serve` rebuilds only what changed.")


@event_priority(-110)  # after i18n's on_config has set the language being built
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site
    i18n = _i18n(config)
    if not i18n.building:
        _install_log_filters()
        _site = _start_site_build(config, i18n)
        if _command in ("build", "gh-deploy"):
            inplace.install(config.site_dir)  # write over the last build, not into an empty site/
    if _command == "build":
        # What is loaded by now lives to the end of the build (the library, the
        # views, the last language's pages): keep the garbage collector from going
        # through it again and again (about 1 % of a build at 1000 essays per
        # language). Undone when the build ends; not under `mkdocs serve`, where it
        # would keep each rebuild's leftovers.
        gc.freeze()
    rendering.list_theme_once(config.theme)
    pagemarkdown.new_build()
    searchindex.install(config)
    i18nfiles.install()  # mkdocs-static-i18n's per-file work without pathlib
    i18nfiles.install_page_steps(config)  # and two of its per-page steps
    _label_palette_switch(config)
    # Hosts serve one 404.html for the whole site: the default language's, which
    # links to every language. Without this the last language built overwrites it.
    if i18n.current_language == i18n.default_language:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")
    return config


def _label_palette_switch(config: MkDocsConfig) -> None:
    """The light/dark switch says what it does in the language being built."""
    assert _site is not None
    t = _site.views[_language(config)].t
    names = {"default": t("palette.to_dark"), "slate": t("palette.to_light")}
    for option in config.theme.get("palette") or ():
        if isinstance(option, dict) and option.get("toggle"):
            option["toggle"]["name"] = names.get(option.get("scheme", "default"), "")


def _start_site_build(config: MkDocsConfig, i18n: Any) -> _SiteBuild:
    languages = tuple(lang.locale for lang in i18n.config.languages if lang.build)
    default = i18n.default_language
    root = Path(config.config_file_path).parent
    preview = _command == "serve"
    _missing_strings.clear()

    today = library.build_date()  # once: the checks and the pages agree at midnight
    loaded = sitecheck.load(root, languages, config.extra, preview, today)
    data, content, inquiry, found = loaded.data, loaded.content, loaded.inquiry, loaded.problems
    if found:
        for problem in found:
            log.error(str(problem))
        if not preview:
            raise PluginError(
                f"{problems_mod.summary(found)}; nothing was built, site/ is unchanged. "
                "Fix the files and build again."
            )
        log.error(f"{problems_mod.summary(found)}; the preview leaves those files out.")

    themes_of = _tag_essays(content, data)
    extra = config.extra
    views = {
        lang: LanguageViews(
            library=content,
            data=data,
            lang=lang,
            default=default,
            t=l10n.Translator(lang, data.strings[lang], _report_missing_string),
            today=today,
            preview=preview,
            themes_of=themes_of,
            per_page=int(extra.get("essays_per_page", 10)),
            latest=int(extra.get("home_latest_essays", 5)),
        )
        for lang in languages
    }
    pages = _virtual_pages(views)
    site = _SiteBuild(
        languages, default, data, content, found, today, preview, views, pages, inquiry
    )
    if _changes_only:
        site.plan = _rebuilds.plan(
            Path(config.site_dir),
            _site_fingerprint(config, root, today),
            {src: (page.lang, _fingerprint(page, site)) for src, page in pages.items()},
            languages,
        )
    return site


def _site_fingerprint(config: MkDocsConfig, root: Path, today: date) -> Any:
    """What every page is rendered with (see `incremental`): templates, hook code and
    data files, hand-written pages, mkdocs.yml, the build's date."""
    paths = [Path(__file__).parent, root / "hooks", Path(config.docs_dir)]
    if config.theme.custom_dir:
        paths.append(Path(config.theme.custom_dir))
    if config.config_file_path:
        paths.append(Path(config.config_file_path))
    return incremental.site_fingerprint(dict.fromkeys(paths), today)


def _fingerprint(spec: VirtualPage, site: _SiteBuild) -> Any:
    """Everything a generated page is made from besides the site fingerprint: its
    Markdown, its essay or talk, and what its template gets (`_template_data`,
    and what listings read from ``site``); for the essay list, how many pages
    it has in each language (its language menu links to those that exist)."""
    view = site.views[spec.lang]
    read_from_site = {"archive": view.archive, "themes": view.theme_list, "talks": view.talk_list}
    return (
        spec.kind,
        spec.source,
        spec.item,
        _template_data(spec, site),
        read_from_site[spec.kind]() if spec.kind in read_from_site else None,
        tuple(v.page_count for v in site.views.values()) if spec.kind == "essays" else (),
    )


def _template_data(spec: VirtualPage, site: _SiteBuild) -> tuple[str, Any] | None:
    """What `on_page_context` hands a generated page's template, by its name there."""
    view = site.views[spec.lang]
    if spec.kind == "essay":
        return "essay", view.essay(str(spec.key))
    if spec.kind == "talk":
        return "talk", view.talk(str(spec.key))
    if spec.kind == "essays":
        return "listing", view.listing(int(spec.key))
    if spec.kind == "theme":
        return "theme", view.theme(str(spec.key))
    if spec.kind == "inquiry":
        return "inquiry", view.inquiry_form(site.inquiry.endpoint, site.inquiry.email)
    return None


def _tag_essays(
    content: library.Library, data: sitedata.SiteData
) -> dict[tuple[str, str], tuple[str, ...]]:
    """The themes of every essay: the author's ``themes:`` where given, else the tagger's.

    Where the author's list differs from what the tagger would choose, the log
    says so (information only: the author's word wins).
    """
    started = time.perf_counter()
    fingerprint = themes.Tagger.fingerprint_of(data.themes)
    tagger = _taggers.get(fingerprint)
    if tagger is None:  # first build, or themes.yml changed: the old answers are stale
        _taggers.clear()
        tagger = _taggers[fingerprint] = themes.Tagger.from_terms(data.themes)
    # One language after the other: the tagger's tables for one language stay in the
    # CPU's caches (taking the languages in turn made tagging a third slower).
    by_language = sorted(content.posts, key=lambda post: post.lang)
    tagged = {id(p): tagger.tag(p.body, p.lang, p.title, explain=False) for p in by_language}
    if _command == "build":
        # Nothing re-tags in this process: let the vocabulary go (every distinct
        # token of every essay, a sixth of the build's memory at 1000 essays per
        # language) before the pages are made.
        _taggers.clear()
    result: dict[tuple[str, str], tuple[str, ...]] = {}
    for post in content.posts:
        found = tagged[id(post)].themes
        result[(post.slug, post.lang)] = found if post.themes is None else post.themes
        if post.themes is not None and set(post.themes) != set(found):
            log.info(
                f"{post.path}: 'themes' says [{', '.join(post.themes)}]; the tagger would "
                f"choose [{', '.join(found)}] (the file's list is used)"
            )
    log.debug(
        f"Tagged {len(content.posts)} essays in {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    return result


def _report_missing_string(lang: str, key: str) -> None:
    if (lang, key) not in _missing_strings:
        _missing_strings.add((lang, key))
        log.warning(f"hooks/ui.yml: no '{lang}' text for '{key}'; add it under 'site:'")


# Bodies with their links rewritten (links.rewrite), by essay or talk, for one set of
# files: `make serve` rebuilds rewrite only the essays that changed.
_rewritten: dict[tuple[Post | Talk, str], tuple[str, dict[str, str]]] = {}
_rewritten_for: list[frozenset[str]] = [frozenset()]


def _rewrite_links(
    item: Post | Talk, paths: frozenset[str], default: str
) -> tuple[str, dict[str, str]]:
    if paths != _rewritten_for[0]:
        _rewritten.clear()
        _rewritten_for[0] = paths
    found = _rewritten.get((item, default))
    if found is None:
        found = _rewritten[item, default] = links.rewrite(item, paths, default)
    return found


def _virtual_pages(views: dict[str, LanguageViews]) -> dict[str, VirtualPage]:
    pages: dict[str, VirtualPage] = {}
    content = next(iter(views.values())).library  # every language's view has the one library
    paths = frozenset(item.path for item in (*content.posts, *content.talks))
    for lang, view in views.items():
        for post in view.posts:
            body, written = _rewrite_links(post, paths, view.default)
            pages[routes.essay_src(post.slug, lang)] = VirtualPage(
                "essay", lang, post.slug, body, item=post, written=written
            )
        for talk in view.talks:
            body, written = _rewrite_links(talk, paths, view.default)
            pages[routes.talk_src(talk.slug, lang)] = VirtualPage(
                "talk", lang, talk.slug, body, item=talk, written=written
            )
        for number in range(1, view.page_count + 1):
            pages[routes.essay_list_src(number, lang)] = VirtualPage(
                "essays", lang, number, in_nav=number == 1
            )
        pages[routes.archive_src(lang)] = VirtualPage("archive", lang, in_nav=True)
        pages[routes.talk_list_src(lang)] = VirtualPage("talks", lang, in_nav=True)
        pages[routes.inquiry_src(lang)] = VirtualPage("inquiry", lang, in_nav=True)
        pages[routes.thanks_src(lang)] = VirtualPage("thanks", lang)
        pages[routes.theme_list_src(lang)] = VirtualPage("themes", lang, in_nav=True)
        for theme_id in view.theme_links:
            pages[routes.theme_src(theme_id, lang)] = VirtualPage("theme", lang, theme_id)
    return pages


@event_priority(-90)  # before i18n: it must see every language's pages to link translations
def _add_virtual_files(files: Files, config: MkDocsConfig) -> Files:
    assert _site is not None
    # Every language's hand-written pages, before i18n keeps only this language's.
    _site_docs.clear()
    _site_docs.update(f.src_uri for f in files.documentation_pages())
    # i18n needs this language's pages and their translations, to link them; the
    # other languages' pages it would only read and drop, once per language.
    lang = _language(config)
    here = {_unsuffixed(src) for src, page in _site.pages.items() if page.lang == lang}
    written = files.src_uris  # generated paths are already posix: no PurePath per page
    for src_uri, page in _site.pages.items():
        existing = written.get(src_uri)
        if existing is not None:
            raise PluginError(
                f"docs/{src_uri}: the site generates this page itself; remove or rename the file"
            )
        if page.lang != lang and _unsuffixed(src_uri) not in here:
            continue
        files.append(
            File(
                src_uri,
                config.docs_dir,
                config.site_dir,
                config.use_directory_urls,
                inclusion=InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV,
            )
        )
    return files


def _unsuffixed(src_uri: str) -> str:
    """A virtual page's path without its language: 'blogg/hei.sv.md' -> 'blogg/hei'."""
    return src_uri.rsplit(".", 2)[0]


@event_priority(-110)  # after i18n has kept this language's files
def _fill_virtual_files(files: Files, config: MkDocsConfig) -> Files:
    assert _site is not None
    for file in files:
        page = _site.pages.get(file.src_uri)
        if page is not None:
            file.content_string = page.source  # MkDocs reads it with on_page_read_source
        if _changes_only and file.is_documentation_page():
            # MkDocs asks this in a --dirty build; pages it titles the nav with are
            # always read (hand-written pages, listings in the nav).
            render = page is None or page.in_nav or _site.plan.renders(file.src_uri)
            file.is_modified = _yes if render else _no  # type: ignore[method-assign]
    if _changes_only:
        # mkdocs-static-i18n's sitemap lists the pages of the languages built so far
        # (the last language's build writes the one with all of them); a language
        # the preview does not build again is listed as it was last built.
        i18n = _i18n(config)
        i18n.i18n_files_per_language = _rebuilds.pages_by_language(
            i18n.i18n_files_per_language, _site.languages
        )
    return files


def _yes() -> bool:
    return True


def _no() -> bool:
    return False


@event_priority(-110)  # after i18n has kept this language's files; before any is written
def _make_room(files: Files, config: MkDocsConfig) -> Files:
    """Writing over an earlier site/ (`inplace`): nothing of it in the way of a file."""
    inplace.make_room(file.abs_dest_path for file in files)
    return files


on_files = CombinedEvent(_add_virtual_files, _fill_virtual_files, _make_room)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """The Markdown of a generated page, as MkDocs will read it.

    MkDocs reads metadata at the top of every page: YAML after '---', or else
    MultiMarkdown's 'Key: value' lines up to the first blank line, which it takes
    out of the page. The body of an essay or talk has neither (its front-matter is
    read by the hooks): a blank line first keeps a body that starts with a rule, or
    with 'Kort sagt: …', whole. Made here, for the moment MkDocs reads it, rather
    than kept beside the body for the whole build (3000 essays' text: 30 MB).
    """
    assert _site is not None
    spec = _site.pages.get(page.file.src_uri)
    return None if spec is None else "\n" + spec.source


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    pagemarkdown.use_for(page)  # one Markdown converter per build, not one per page
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _site is not None
    spec = _site.pages.get(page.file.src_uri)
    if spec is not None:
        page.meta.update(_page_meta(spec))
    # Material prints page.meta.title and .description unescaped; escape them once, here.
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = Markup.escape(value)
    return markdown


def _page_meta(spec: VirtualPage) -> dict[str, Any]:
    assert _site is not None
    view = _site.views[spec.lang]
    t = view.t
    listing = {"search": {"exclude": True}}
    if spec.kind == "essay":
        post = view.post_by_slug[str(spec.key)]
        return {"title": post.title, "description": post.summary, "template": "post.html"}
    if spec.kind == "talk":
        talk = view.talk_by_slug[str(spec.key)]
        return {"title": talk.title, "description": talk.summary, "template": "talk.html"}
    if spec.kind == "essays":
        title = t("essays.title")
        if spec.key != 1:
            title = t("essays.title_page", title=title, page=spec.key, pages=view.page_count)
        return {
            "title": title,
            "description": t("essays.description"),
            "template": "post_list.html",
            **listing,
        }
    if spec.kind == "theme":
        term = _site.data.themes[str(spec.key)]
        return {
            "title": term.name[spec.lang],
            "description": term.description[spec.lang],
            "template": "theme.html",
            **listing,
        }
    # Pages with a fixed title and description: (title, description, template).
    fixed = {
        "archive": (t("archive.title"), t("archive.description"), "archive.html"),
        "themes": (t("themes.title"), t("themes.description"), "theme_list.html"),
        "talks": (t("talks.title"), t("talks.description"), "talk_list.html"),
        "inquiry": (t("inquiry.title"), t("inquiry.description"), "inquiry.html"),
        "thanks": (t("thanks.title"), t("thanks.description"), "thanks.html"),
    }
    title, description, template = fixed[spec.kind]
    return {"title": title, "description": description, "template": template, **listing}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    assert _site is not None
    lang = _language(config)
    _site.doc_files[lang] = files.documentation_pages()
    if _changes_only:  # MkDocs checks links to the headings of pages it did not render
        for file in _site.doc_files[lang]:
            if file.page is not None and not file.is_modified():
                file.page.present_anchor_ids = _rebuilds.anchors(file.src_uri)
    env.autoescape = _autoescape_own_templates(config)  # before any template is compiled
    env.bytecode_cache = rendering.BYTECODE  # each template compiled once, not per language
    rendering.cache_partials(env)
    env.globals["frames"] = rendering.Fragments()
    view = _site.views[lang]
    env.globals["t"] = view.t
    env.globals["site"] = view
    env.globals["ui_material"] = _site.data.material_strings[lang]
    env.globals["material_t"] = _material_strings(env, config, _site.data.material_strings[lang])
    # Templates do not change during a build (each build has its own environment):
    # without this Jinja looks at each template file's time on every include.
    env.auto_reload = False
    # Jinja's template cache is an LRU cache that moves each template it hands out
    # to the end of a deque (a linear search): 15 includes per page. A build uses
    # a few dozen templates, so a plain dict keeps them all, and the same objects
    # (cache_partials above has wrapped some of them).
    env.cache = dict(env.cache.items()) if env.cache is not None else None
    env.globals["translators"] = {code: v.t for code, v in _site.views.items()}
    env.globals["home_urls"] = {code: v.home_url for code, v in _site.views.items()}
    env.globals["problems_file"] = PROBLEMS_FILE if _site.preview else None
    return env


def _material_strings(
    env: Environment, config: MkDocsConfig, corrections: dict[str, str]
) -> Callable[[str], str]:
    """``t`` of partials/language.html in Python: this site's correction of a
    Material UI string, else Material's string in the page language, else in
    English, else the key; each key worked out once per build."""
    own = env.get_template(f"partials/languages/{config.theme['language']}.html").module
    english = env.get_template("partials/languages/en.html").module
    known: dict[str, str] = {}

    def material_t(key: str) -> str:
        text = known.get(key)
        if text is None:
            found = (
                corrections[key] if key in corrections else (own.t(key) or english.t(key) or key)
            )
            text = known[key] = str(found)
        return text

    return material_t


def _autoescape_own_templates(config: MkDocsConfig) -> Any:
    """Autoescape every template this site wrote (``overrides/``), none of Material's.

    Material's templates print HTML (``page.content``) without ``| safe``, so the
    environment cannot autoescape everything; but ours print front-matter, and an
    autoescaped template cannot forget to escape it. ``partials/language.html``
    only relays Material's UI strings into Material's own (unescaped) templates
    and JSON, where escaping it would show ``&#39;`` to readers.
    """
    custom_dir = Path(config.theme.custom_dir or "")
    own = {path.relative_to(custom_dir).as_posix() for path in custom_dir.rglob("*.html")} - {
        "partials/language.html"
    }
    return lambda name: name in own


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    assert _site is not None
    # The table of contents is shown only when the page has headings.
    if not page.toc.items:
        page.meta["hide"] = sorted({*(page.meta.get("hide") or ()), "toc"})
    spec = _site.pages.get(page.file.src_uri)
    data = _template_data(spec, _site) if spec is not None else None
    if data is not None:
        context[data[0]] = data[1]
    context["head"] = _head(page, config, spec, context)
    return context


def _head(
    page: Page, config: MkDocsConfig, spec: VirtualPage | None, context: dict[str, Any]
) -> metadata.HeadMeta:
    """Canonical URL, hreflang alternates, Open Graph and JSON-LD facts of a page."""
    assert _site is not None
    lang = _language(config)
    view = _site.views[lang]
    site_url = config.site_url or "/"
    meta = page.meta or {}
    item = context.get("essay") or context.get("talk")
    if item is not None:  # an essay or a talk: its own language and its translations
        urls = {lang: site_url + item.card.url}
        urls.update({link.lang: site_url + link.url for link in item.translations})
    else:  # the same path under every language's prefix, where that page exists
        path = page.url.removeprefix(routes.prefix(lang, _site.default))
        urls = {
            code: site_url + routes.prefix(code, _site.default) + path
            for code in _site.languages
            if _exists_in(page, spec, code)
        }
    article = None
    if spec is not None and spec.kind == "essay":
        post = view.post_by_slug[str(spec.key)]
        card = context["essay"].card
        article = metadata.Article(
            published=post.date.isoformat(),
            modified=(post.updated or post.date).isoformat(),
            tags=tuple(link.name for link in card.themes),
            author=config.site_author or "",
            words=post.words,
        )
    return metadata.HeadMeta(
        url=page.canonical_url or urls.get(lang, site_url),
        # Plain text: templates escape it for attributes, json_ld() for its script.
        title=_plain(meta.get("title") or page.title or config.site_name),
        description=_plain(meta.get("description") or config.site_description or ""),
        site_name=config.site_name,
        locale=metadata.og_locale(lang),
        alternates=metadata.alternates(urls, _site.languages, _site.default),
        article=article,
    )


def _plain(text: object) -> str:
    """Text as the author wrote it: page.meta holds titles already escaped (Markup)."""
    return text.unescape() if isinstance(text, Markup) else str(text)


def _exists_in(page: Page, spec: VirtualPage | None, lang: str) -> bool:
    """Whether a generated or hand-written page also exists in *lang*."""
    assert _site is not None
    if spec is not None:  # generated listings exist in every language, but not every page 2
        return spec.kind != "essays" or int(spec.key) <= _site.views[lang].page_count
    stem = page.file.src_uri.removesuffix(".md")
    for code in _site.languages:
        stem = stem.removesuffix(f".{code}")
    names = {f"{stem}.{lang}.md"} | ({f"{stem}.md"} if lang == _site.default else set())
    return bool(names & _site_docs)


#: Essays in each language's feed, newest first.
FEED_ITEMS = 20


def _write_language_files(config: MkDocsConfig) -> None:
    """After each language's build: its RSS feed (published essays only, also under
    serve) and, with the default language, the site's robots.txt."""
    assert _site is not None
    lang = _language(config)
    view = _site.views[lang]
    site_url = config.site_url or "/"
    published = [p for p in view.posts if library.status(p, _site.today) is None]
    items = [
        feeds.Item(
            title=post.title,
            url=site_url + card.url,
            published=post.date,
            summary=post.summary,
            categories=tuple(link.name for link in card.themes),
        )
        for post in published[:FEED_ITEMS]
        for card in [view.card(post.slug)]
    ]
    channel = feeds.Channel(
        title=config.site_name,
        link=site_url + view.home_url,
        self_url=site_url + view.feed_url,
        description=config.site_description or config.site_name,
        language=lang,
    )
    path = Path(config.site_dir) / view.feed_url
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(feeds.rss(channel, items))
    if lang == _site.default:  # one robots.txt at the site root, naming the sitemap
        (Path(config.site_dir) / "robots.txt").write_text(
            f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n", encoding="utf-8"
        )


# --- search per language -------------------------------------------------------------
#
# MkDocs' search plugin writes one search/search_index.json per build, so each
# language's build would overwrite the one before, and Material's search loads
# search/search_index.json from its "base" URL. Each language gets its own index
# instead, under its prefix (/sv/search/search_index.json) with lunr set to its
# own stemmer and locations relative to its root; its pages get that root as
# "base" (on_post_page). The index is written here, from the search plugin's
# entries, before the plugin writes its own; the entries are then dropped, so
# the plugin writes an empty index, and mkdocs-static-i18n, which collects every
# language's entries into one index for the whole site, collects none (that
# index was the largest file of a build, and none of it was used). The default
# language's index is written at the end, over those empty ones.

#: lunr's language codes (lunr has "no" for Norwegian, not "nb").
LUNR_LANGUAGE = {"nb": "no", "nn": "no"}
SEARCH_INDEX = "search/search_index.json"
_search_indexes: dict[str, bytes] = {}


@event_priority(10)  # before the search plugin writes its index (priority 0)
def _write_search_index(config: MkDocsConfig) -> None:
    assert _site is not None
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    if index is None:
        return
    lang = _language(config)
    prefix = routes.prefix(lang, _site.default)
    settings = {key: index.config[key] for key in ("lang", "separator", "pipeline", "fields")}
    settings["lang"] = [LUNR_LANGUAGE.get(lang, lang)]
    entries = index.entries
    for entry in entries:
        entry["location"] = entry["location"].removeprefix(prefix)
    if _changes_only:  # the pages not rendered this time keep their entries
        urls = {file: file.page.url.removeprefix(prefix) for file in _site.doc_files[lang]}
        entries = _rebuilds.search_entries(
            lang,
            list(urls.values()),
            entries,
            {url for file, url in urls.items() if file.is_modified()},
        )
    data = json.dumps(
        {"config": settings, "docs": entries},
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    ).encode()
    index.entries = []
    if lang == _site.default:
        _search_indexes[lang] = data  # written last, over the plugin's empty ones
    else:
        target = Path(config.site_dir) / prefix / SEARCH_INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _remember_rendered_pages(config: MkDocsConfig) -> None:
    """For the preview's next rebuild: the heading ids of the pages rendered this
    time, and no output left of a page that is gone."""
    if not _changes_only:
        return
    assert _site is not None
    pages = _site.doc_files[_language(config)]
    for file in pages:
        if file.page is not None and file.is_modified():
            _rebuilds.keep_anchors(file.src_uri, file.page.present_anchor_ids)
    outputs = {file.abs_dest_path for file in pages}
    for path in _rebuilds.remove_stale(_language(config), outputs, Path(config.site_dir)):
        log.debug(f"Removed {path}: its page is gone")


@event_priority(-110)  # after i18n has built the other languages and the sitemap
def _finish_site(config: MkDocsConfig) -> None:
    """Once, when every language is built: put the default language's search index
    back, take the thank-you pages (noindex) out of the sitemap, and in the
    preview, write the problems its pages show."""
    assert _site is not None
    if _i18n(config).building:
        return
    gc.unfreeze()
    site_dir = Path(config.site_dir)
    if _site.preview:
        _write_problems(site_dir)
    if _site.default in _search_indexes:
        (site_dir / SEARCH_INDEX).write_bytes(_search_indexes.pop(_site.default))
    sitemap = site_dir / "sitemap.xml"
    if sitemap.exists():
        thanks = f"/{routes.TALKS}/{routes.THANKS}/</loc>"
        text = sitemap.read_text(encoding="utf-8")
        sitemap.write_text(_without_urls(text, thanks), encoding="utf-8")
    removed = inplace.finish()  # what an earlier build left and this one did not write
    if removed:
        log.debug(f"Removed {len(removed)} files of an earlier build")


def _without_urls(sitemap: str, loc_end: str) -> str:
    """The sitemap without each <url> entry (and the space before it) whose <loc>
    ends in *loc_end*. (A regular expression took 0.1 s on a sitemap of 3,000 pages.)"""
    while (at := sitemap.find(loc_end)) != -1:
        opening, closing = sitemap.rfind("<url>", 0, at), sitemap.find("</url>", at)
        if opening == -1 or closing == -1:
            break
        start = len(sitemap[:opening].rstrip())
        sitemap = sitemap[:start] + sitemap[closing + len("</url>") :]
    return sitemap


on_post_build = CombinedEvent(
    _write_search_index, _write_language_files, _remember_rendered_pages, _finish_site
)

#: The preview's problems, read by every page of the preview (overrides/main.html).
PROBLEMS_FILE = "preview-problems.json"


def _write_problems(site_dir: Path) -> None:
    """The preview shows the content's problems in a banner on every page. Its pages
    load them from this file rather than carry them, so that a problem found or
    fixed does not make every page of the preview change (`incremental`)."""
    assert _site is not None
    count = len(_site.problems)
    data = {
        "titles": {
            code: view.t("problems.title", count=count) for code, view in _site.views.items()
        },
        "problems": [str(problem) for problem in _site.problems],
    }
    (site_dir / PROBLEMS_FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def on_build_error(error: Exception) -> None:
    gc.unfreeze()
    _rebuilds.forget()  # the output is incomplete: the next build renders everything
    blocked = inplace.blocked(error)
    inplace.abandon()
    if blocked:
        raise Abort(blocked)


# --- the preview's rebuilds ---------------------------------------------------------------


def _build_only_changed_languages(preview_rebuilds: bool) -> None:
    """mkdocs-static-i18n builds each other language by calling MkDocs' ``build``;
    in the preview, a language none of whose pages changed is left as it is.

    The plugin offers no setting for this, so its module's ``build`` is replaced
    by one that skips those languages and makes every other language's build a
    --dirty one, as the first language's is (the plugin would read ``sys.argv``).
    Outside the preview's rebuilds the plugin gets MkDocs' ``build`` back.
    """
    import mkdocs_static_i18n.plugin as i18n_plugin
    from mkdocs.commands.build import build

    def build_language(config: MkDocsConfig, dirty: bool = False) -> None:
        if _site is not None and _language(config) in _site.plan.skip:
            log.debug(f"Nothing changed in '{_language(config)}'; not built again")
        else:
            build(config, dirty=True)

    i18n_plugin.build = build_language if preview_rebuilds else build


def on_serve(server: Any, config: MkDocsConfig, builder: Callable[[], None]) -> Any:
    """An edit to the hooks' code takes effect at the next rebuild, without restarting
    `make serve`: MkDocs imports a hook once per process, and the modules it imports
    stay loaded. (Templates, data files and hand-written pages are read by every build.)"""
    code = _hook_code()

    def rebuild() -> None:
        nonlocal code
        now = _hook_code()
        if now != code:
            code = now
            _load_hooks_again(Path(config.site_dir))
        builder()

    server.builder = rebuild
    # MkDocs looks for saved files every 0.5 s and has no setting for it. The folders
    # mkdocs.yml adds to the watch (posts/, talks/, hooks/, overrides/: watched after
    # this event) are looked at every WATCH_INTERVAL instead, so a save shows sooner;
    # a look at 900 essays takes about 12 ms. (watchdog makes each folder's watcher
    # with its observer's `timeout`, which it keeps in `_timeout`.)
    observer = getattr(server, "observer", None)
    if isinstance(getattr(observer, "_timeout", None), float):
        observer._timeout = WATCH_INTERVAL  # type: ignore[union-attr]
    return server


#: Seconds between looks for saved files in the folders of mkdocs.yml's `watch:`.
WATCH_INTERVAL = 0.2


def _hook_code() -> Any:
    return incremental.site_fingerprint(sorted(Path(__file__).parent.glob("*.py")))


def _load_hooks_again(site_dir: Path) -> None:
    """Forget every module of hooks/ and load this one afresh, for the next build.

    MkDocs caches the hook modules it loaded (``Hooks._load_hook``); the next
    configuration it loads then gets the fresh module, which is told what this
    process is (``on_startup`` runs once per process). The site's folder is
    emptied: the fresh module knows nothing of what it holds (`incremental`).
    """
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.utils import clean_directory

    log.info("The hooks' code changed: loading it again and building everything")
    option = MkDocsConfig.hooks
    type(option)._load_hook.cache_clear()
    folder = Path(__file__).parent
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and Path(file).parent == folder:
            del sys.modules[name]
    clean_directory(str(site_dir))
    fresh = option._load_hook(__name__, __file__)
    fresh.on_startup(command=_command, dirty=_changes_only)


class _DirtyBuildNote(logging.Filter):
    """MkDocs warns on every --dirty build that its navigation and links may be
    stale; the preview decides what to render itself (`incremental`), so they are not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (_changes_only and record.getMessage().startswith("A 'dirty' build"))


_build_log = logging.getLogger("mkdocs.commands.build")


def _install_log_filters() -> None:
    """This module's filters on MkDocs' loggers, in place of any earlier ones: one
    of each, read by the build under way. MkDocs loads this file again when
    `mkdocs serve` reloads it after an edit, and once per name a config gives it
    (the tests build sites whose configs name it differently): the filters of a
    module that is not building would see no pages, or another site's."""
    for logger, kind in ((_pages_log, _AuthorsFiles), (_build_log, _DirtyBuildNote)):
        for old in [f for f in logger.filters if type(f).__name__ == kind.__name__]:
            logger.removeFilter(old)
        logger.addFilter(kind())


_install_log_filters()

# Material's search panel is a role="dialog" without a name (axe: aria-dialog-name).
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
# Material's two menu toggles carry autocomplete="off", which HTML allows on text-like
# inputs only (the Nu Html Checker reports it on every page). It asks Firefox not to
# restore a toggle's state on "back": without it, an open menu may stay open when a
# reader comes back to a page, a small price for valid HTML.
_TOGGLES = tuple(
    f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}"'
    for name in ("drawer", "search")
)


_CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)"'
)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    assert _site is not None
    lang = _language(config)
    if lang != _site.default:  # search this language's index (see _write_search_index)
        output = _CONFIG_BASE.sub(lambda m: f'{m.group(1)}{m.group(2)}/{lang}/"', output, count=1)
    spec = _site.pages.get(page.file.src_uri)
    if spec is not None and not spec.in_nav:
        # The page is written; nothing reads its Markdown or HTML again (search has
        # its entries, the sitemap its address; a page in the nav keeps its HTML, from
        # which MkDocs takes its title). mkdocs-static-i18n keeps every language's
        # pages until the end of the build: without this, the text of every essay
        # stayed in memory twice (peak 322 -> 261 MB at 1000 essays per language).
        page.markdown = page.content = None
    return _repair_material_markup(output, lang)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        return _repair_material_markup(output_content, _language(config))
    return output_content


def _repair_material_markup(output: str, lang: str) -> str:
    """Fix what Material writes into every page that fails a checker (see above)."""
    assert _site is not None
    for toggle in _TOGGLES:
        output = output.replace(f'{toggle} autocomplete="off">', f"{toggle}>", 1)
    if _SEARCH_DIALOG in output:
        label = escape(_site.views[lang].t("search.dialog"))
        output = output.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG[:-1]} aria-label="{label}">', 1)
    return output
