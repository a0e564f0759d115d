"""What a page tells search engines and link previews: hreflang alternates, Open
Graph, Twitter card and JSON-LD. Pure: no MkDocs imports.

Every URL here is absolute (``site_url`` + the page's path): hreflang and
``og:url`` must be, and a preview in a chat has no page to resolve against.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from babel.core import get_global
from markupsafe import Markup


@dataclass(frozen=True)
class Alternate:
    hreflang: str  # a site language, or "x-default"
    url: str


@dataclass(frozen=True)
class Article:
    """The facts of an essay for ``og:type=article`` and JSON-LD ``BlogPosting``."""

    published: str  # ISO date
    modified: str  # ISO date; the published date when never updated
    tags: tuple[str, ...]  # theme names in the page's language
    author: str
    words: int


@dataclass(frozen=True)
class HeadMeta:
    url: str  # canonical
    title: str
    description: str
    site_name: str
    locale: str  # og:locale, e.g. nb_NO
    alternates: tuple[Alternate, ...] = ()
    article: Article | None = None

    @property
    def locale_alternates(self) -> tuple[str, ...]:
        """og:locale:alternate: the locales of the page's translations."""
        return tuple(
            og_locale(a.hreflang)
            for a in self.alternates
            if a.hreflang != "x-default" and og_locale(a.hreflang) != self.locale
        )

    def json_ld(self) -> Markup:
        """A ``BlogPosting`` for an essay, safe inside ``<script type="application/ld+json">``."""
        if self.article is None:
            return Markup("")
        data = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": self.title,
            "description": self.description,
            "url": self.url,
            "mainEntityOfPage": self.url,
            "inLanguage": self.locale.split("_")[0],
            "datePublished": self.article.published,
            "dateModified": self.article.modified,
            "author": {"@type": "Person", "name": self.article.author},
            "publisher": {"@type": "Person", "name": self.article.author},
            "keywords": list(self.article.tags),
            "wordCount": self.article.words,
        }
        return script_json(data)


def script_json(data: object) -> Markup:
    """JSON that cannot end its ``<script>`` element early or open a comment in it:
    ``<``, ``>`` and ``&`` are written as JSON escapes, which mean the same."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def og_locale(lang: str) -> str:
    """``nb`` → ``nb_NO``: the language with its likeliest country, from CLDR (Babel)."""
    likely = get_global("likely_subtags").get(lang, lang)
    parts = [p for p in likely.split("_") if not (len(p) == 4 and p.istitle())]  # no script
    return "_".join(parts[:2]) if len(parts) >= 2 else lang


def alternates(
    urls: dict[str, str], languages: tuple[str, ...], default: str
) -> tuple[Alternate, ...]:
    """hreflang links for a page that exists in the languages of *urls* (lang → URL),
    in site order, plus ``x-default``: the default language's version, else the first.
    A page in one language only has none: there is nothing to choose between."""
    ordered = [(lang, urls[lang]) for lang in languages if lang in urls]
    if len(ordered) < 2:
        return ()
    fallback = urls.get(default, ordered[0][1])
    return (*(Alternate(lang, url) for lang, url in ordered), Alternate("x-default", fallback))
