"""Localized text: UI strings from ``ui.yml`` and Babel's dates, units and language names.

Pure functions of a language code; nothing here imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.units import format_unit


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


# Babel takes ~0.1 ms per date or duration; a site shows the same ones on many pages,
# and `make serve` asks again on every rebuild.
@cache
def long_date(day: date, lang: str) -> str:
    """``5. mars 2026`` (nb), ``5 mars 2026`` (sv), ``5. marts 2026`` (da)."""
    return format_date(day, "long", locale=_locale(lang))


@cache
def minutes(value: int, lang: str, length: str = "short") -> str:
    """``5 min`` (short) or ``45 minutter`` (long), with the language's plural rules."""
    return format_unit(value, "duration-minute", length=length, locale=_locale(lang))


def join(items: Iterable[str], lang: str, style: str = "standard") -> str:
    """``a, b og c``; style ``or`` gives ``a, b eller c``."""
    items = list(items)
    return format_list(items, style=style, locale=_locale(lang)) if items else ""


def language_name(code: str, lang: str) -> str:
    """The name of language *code* as written in *lang*: ``svensk`` in nb."""
    return _locale(lang).languages.get(code, code)


def own_language_name(code: str) -> str:
    """The name of a language in itself, capitalised: ``Svenska``."""
    name = _locale(code).get_display_name(code) or code
    return name[:1].upper() + name[1:]


def plural_category(count: int, lang: str) -> str:
    """CLDR plural category (``one``, ``other``, ...) for *count* in *lang*."""
    return _locale(lang).plural_form(count)


class Translator:
    """The UI strings of one language, callable from templates as ``t(key, **values)``.

    A key that ``ui.yml`` lacks is reported through *on_missing* and shown as the
    key itself, so a forgotten string fails a strict build instead of vanishing.
    """

    def __init__(
        self, lang: str, strings: dict[str, str], on_missing: Callable[[str, str], None]
    ) -> None:
        self.lang = lang
        self._strings = strings
        self._on_missing = on_missing

    def __call__(self, key: str, count: int | None = None, **values: object) -> str:
        if count is not None:
            category = plural_category(count, self.lang)
            key = f"{key}.{category}" if f"{key}.{category}" in self._strings else f"{key}.other"
            values["count"] = count
        text = self._strings.get(key)
        if text is None:
            self._on_missing(self.lang, key)
            return key
        return text.format(**values) if values else text
