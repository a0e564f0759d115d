"""Where every essay, talk and generated page lives: virtual source paths and URLs.

One URL segment per kind is shared by all languages (``/blogg/<slug>/``,
``/sv/blogg/<slug>/``); the language prefix comes from mkdocs-static-i18n's
suffix structure, so a page's virtual source is ``blogg/<slug>.<lang>.md``.
The URLs computed here must match what MkDocs and the i18n plugin make of those
virtual paths; the build tests check every generated link resolves.
"""

from __future__ import annotations

ESSAYS = "blogg"
TALKS = "foredrag"
THEMES = "tema"
PAGE = "side"  # /blogg/side/2/
ARCHIVE = "arkiv"  # /blogg/arkiv/
INQUIRY = "bestill"  # /foredrag/bestill/: the inquiry form
THANKS = "takk"  # /foredrag/takk/: after an inquiry was sent
FEED = "feed.xml"  # /feed.xml, /sv/feed.xml: each language's RSS feed

#: Slugs an author cannot use because a generated page lives there.
RESERVED = {
    "posts": frozenset({PAGE, ARCHIVE, "index"}),
    "talks": frozenset({"index", INQUIRY, THANKS}),
}


def prefix(lang: str, default: str) -> str:
    """The URL prefix of a language: ``""`` for the default language, ``"sv/"`` otherwise."""
    return "" if lang == default else f"{lang}/"


# Virtual source paths (inside docs/, as the i18n plugin expects them).


def essay_src(slug: str, lang: str) -> str:
    return f"{ESSAYS}/{slug}.{lang}.md"


def talk_src(slug: str, lang: str) -> str:
    return f"{TALKS}/{slug}.{lang}.md"


def essay_list_src(page: int, lang: str) -> str:
    return f"{ESSAYS}/index.{lang}.md" if page == 1 else f"{ESSAYS}/{PAGE}/{page}.{lang}.md"


def archive_src(lang: str) -> str:
    return f"{ESSAYS}/{ARCHIVE}.{lang}.md"


def talk_list_src(lang: str) -> str:
    return f"{TALKS}/index.{lang}.md"


def inquiry_src(lang: str) -> str:
    return f"{TALKS}/{INQUIRY}.{lang}.md"


def thanks_src(lang: str) -> str:
    return f"{TALKS}/{THANKS}.{lang}.md"


def theme_src(theme: str, lang: str) -> str:
    return f"{THEMES}/{theme}.{lang}.md"


def theme_list_src(lang: str) -> str:
    return f"{THEMES}/index.{lang}.md"


# URLs relative to the site root, as MkDocs' ``url`` template filter expects them.


def essay_url(slug: str, lang: str, default: str) -> str:
    return f"{prefix(lang, default)}{ESSAYS}/{slug}/"


def talk_url(slug: str, lang: str, default: str) -> str:
    return f"{prefix(lang, default)}{TALKS}/{slug}/"


def essay_list_url(page: int, lang: str, default: str) -> str:
    tail = "" if page == 1 else f"{PAGE}/{page}/"
    return f"{prefix(lang, default)}{ESSAYS}/{tail}"


def archive_url(lang: str, default: str) -> str:
    return f"{prefix(lang, default)}{ESSAYS}/{ARCHIVE}/"


def talk_list_url(lang: str, default: str) -> str:
    return f"{prefix(lang, default)}{TALKS}/"


def inquiry_url(lang: str, default: str) -> str:
    return f"{prefix(lang, default)}{TALKS}/{INQUIRY}/"


def thanks_url(lang: str, default: str) -> str:
    return f"{prefix(lang, default)}{TALKS}/{THANKS}/"


def theme_url(theme: str, lang: str, default: str) -> str:
    return f"{prefix(lang, default)}{THEMES}/{theme}/"


def theme_list_url(lang: str, default: str) -> str:
    return f"{prefix(lang, default)}{THEMES}/"


def feed_url(lang: str, default: str) -> str:
    return f"{prefix(lang, default)}{FEED}"


def home_url(lang: str, default: str) -> str:
    return prefix(lang, default)
