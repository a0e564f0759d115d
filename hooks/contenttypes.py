"""What an essay and a talk outline are: their front-matter schema and their models.

The schema is declared once per kind (`POST_FIELDS`, `TALK_FIELDS`) as a list of
`Field`s. Checking a file returns the model and every problem found, never just
the first, so the author can fix them all in one go. Pure: no MkDocs imports.
"""

from __future__ import annotations

import calendar
import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import excerpt
from problems import Problem
from sourcefile import SourceFile

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# Letters the Scandinavian languages use that NFKD would not reduce to ASCII.
_TRANSLITERATE = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ß": "ss", "þ": "th", "ð": "d"}
)


@dataclass(frozen=True)
class Rules:
    """What the checks need to know about this site."""

    languages: tuple[str, ...]
    themes: frozenset[str]
    formats: frozenset[str]
    #: Localized names, lowercased, to ids: an author who writes ``ledelse`` is told
    #: to write ``leadership``.
    aliases: tuple[tuple[str, str], ...] = ()


class FieldError(Exception):
    """A value that does not fit its field; the message says what was expected."""


Check = Callable[[Any, Rules], Any]


@dataclass(frozen=True)
class Field:
    """One front-matter key: its name, how its value is checked, and whether it must be there."""

    name: str
    check: Check
    required: bool = False
    example: str = ""


# --- value checks ---------------------------------------------------------------------


def describe(value: Any) -> str:
    """A value as the author would recognise it in a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return f"a list ({len(value)} items)" if value else "an empty list"
    if isinstance(value, dict):
        return "a group of keys"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def text(value: Any, rules: Rules) -> str:
    """One line of plain text; runs of whitespace become one space."""
    if isinstance(value, bool | int | float):
        raise FieldError(f"expected text, got {describe(value)}; put it in quotes if it is meant")
    if not isinstance(value, str) or not value.strip():
        raise FieldError(f"expected text, got {describe(value)}")
    return " ".join(value.split())


def iso_date(value: Any, rules: Rules) -> date:
    """A calendar date written ``YYYY-MM-DD`` that exists."""
    match = _ISO_DATE.match(value) if isinstance(value, str) else None
    if not match:
        raise FieldError(f"expected a date like 2024-05-01, got {describe(value)}")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise FieldError(
            f"expected a date like 2024-05-01, got {value!r}: there is no month {month}"
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        month_name = calendar.month_name[month]
        raise FieldError(
            f"expected a date like 2024-05-01, got {value!r}, which does not exist "
            f"({month_name} {year} has {last} days)"
        )
    return date(year, month, day)


def boolean(value: Any, rules: Rules) -> bool:
    """``true`` or ``false``, nothing else (``yes`` and ``no`` are ambiguous in YAML)."""
    if not isinstance(value, bool):
        raise FieldError(f"expected true or false, got {describe(value)}")
    return value


def site_language(value: Any, rules: Rules) -> str:
    """One of the site's language codes."""
    if value in rules.languages:
        return value
    hint = " (Norwegian Bokmål is 'nb')" if value in ("no", "nn", "nob") else ""
    raise FieldError(f"expected one of {', '.join(rules.languages)}, got {describe(value)}{hint}")


def _id_list(
    value: Any, known: frozenset[str], what: str, example: str, rules: Rules
) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise FieldError(f"expected a list like {example}, got {describe(value)}")
    seen: list[str] = []
    aliases = dict(rules.aliases)
    for item in value:
        if not isinstance(item, str) or item not in known:
            alias = aliases.get(str(item).lower())
            close = [alias] if alias in known else difflib.get_close_matches(str(item), known, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise FieldError(
                f"unknown {what} {describe(item)}; {hint}expected one of {', '.join(sorted(known))}"
            )
        if item in seen:
            raise FieldError(f"{describe(item)} is listed twice")
        seen.append(item)
    return tuple(seen)


def theme_list(value: Any, rules: Rules) -> tuple[str, ...]:
    """Theme ids from ``hooks/themes.yml``, strongest first."""
    return _id_list(value, rules.themes, "theme", "[leadership, recovery]", rules)


def format_list(value: Any, rules: Rules) -> tuple[str, ...]:
    """Talk format ids from ``hooks/formats.yml``."""
    if value == []:
        raise FieldError("expected at least one format, like [keynote, workshop]")
    return _id_list(value, rules.formats, "format", "[keynote, workshop]", rules)


def minutes_list(value: Any, rules: Rules) -> tuple[int, ...]:
    """Durations in whole minutes, like ``[45, 60]``."""
    if not isinstance(value, list) or not value:
        raise FieldError(f"expected a list of minutes like [45, 60], got {describe(value)}")
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int) or not 5 <= item <= 24 * 60:
            raise FieldError(f"expected whole minutes between 5 and 1440, got {describe(item)}")
    return tuple(sorted(set(value)))


def text_list(value: Any, rules: Rules) -> tuple[str, ...]:
    """Short plain-text phrases, like ``[Ledere, Alle med kundekontakt]``."""
    if not isinstance(value, list) or not value:
        raise FieldError(f"expected a list like [Ledere, Kundeservice], got {describe(value)}")
    return tuple(text(item, rules) for item in value)


def delivery_languages(value: Any, rules: Rules) -> tuple[str, ...]:
    """Two-letter codes of the languages a talk can be given in."""
    if not isinstance(value, list) or not value:
        raise FieldError(f"expected a list like [nb, sv, da], got {describe(value)}")
    for item in value:
        if not isinstance(item, str) or not re.fullmatch(r"[a-z]{2}", item):
            raise FieldError(
                f"expected two-letter language codes like nb, sv, da, en; got {describe(item)}"
            )
    return tuple(dict.fromkeys(value))


# --- schemas --------------------------------------------------------------------------

POST_FIELDS: tuple[Field, ...] = (
    Field("title", text, required=True, example="title: Det lille ekstra"),
    Field("date", iso_date, required=True, example="date: 2025-03-14"),
    Field("summary", text, example="summary: One or two sentences for listings and previews."),
    Field("themes", theme_list, example="themes: [attitude, recovery]"),
    Field("draft", boolean, example="draft: true"),
    Field("updated", iso_date, example="updated: 2025-04-01"),
    Field("lang", site_language, example="lang: sv"),
)

TALK_FIELDS: tuple[Field, ...] = (
    Field("title", text, required=True, example="title: Holdning som merkes"),
    Field("summary", text, required=True, example="summary: One or two sentences."),
    Field("durations", minutes_list, required=True, example="durations: [45, 60]"),
    Field("formats", format_list, required=True, example="formats: [keynote, webinar]"),
    Field("audience", text_list, example="audience: [Ledere, Alle med kundekontakt]"),
    Field("languages", delivery_languages, required=True, example="languages: [nb, sv, da]"),
    Field("themes", theme_list, example="themes: [attitude]"),
    Field("draft", boolean, example="draft: true"),
    Field("lang", site_language, example="lang: da"),
)


def check_fields(
    fields: tuple[Field, ...], source: SourceFile, rules: Rules
) -> tuple[dict[str, Any], list[Problem]]:
    """Check every key of a file against a schema; return the good values and all problems."""
    by_name = {f.name: f for f in fields}
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, entry in source.front_matter.items():
        spec = by_name.get(key)
        if spec is None:
            close = difflib.get_close_matches(key, by_name, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append(
                Problem(
                    source.path,
                    entry.line,
                    f"unknown key '{key}'; {hint}expected one of {', '.join(by_name)}",
                )
            )
            continue
        try:
            values[key] = spec.check(entry.value, rules)
        except FieldError as e:
            problems.append(Problem(source.path, entry.line, f"'{key}': {e}"))
    for spec in fields:
        if spec.required and spec.name not in source.front_matter:
            problems.append(
                Problem(
                    source.path,
                    None,
                    f"'{spec.name}' is missing; expected a front-matter line like '{spec.example}'",
                )
            )
    return values, problems


# --- file names -----------------------------------------------------------------------


def slugify(title: str) -> str:
    """A URL slug from a title: ``Når kunden klager`` becomes ``nar-kunden-klager``."""
    ascii_text = (
        unicodedata.normalize("NFKD", title.lower().translate(_TRANSLITERATE))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def parse_name(rel_path: str, languages: tuple[str, ...]) -> tuple[str, str] | Problem:
    """``posts/svar-raskt.sv.md`` -> ``("svar-raskt", "sv")``, or the problem with the name."""
    name = rel_path.rsplit("/", 1)[-1]
    expected = f"<slug>.<lang>.md, where <lang> is one of {', '.join(languages)}"
    if not name.endswith(".md"):
        return Problem(rel_path, None, f"not a Markdown file; expected a name like {expected}")
    stem = name[: -len(".md")]
    slug, dot, lang = stem.rpartition(".")
    if not dot:
        suggestion = " or ".join(f"{slugify(stem) or 'essay'}.{code}.md" for code in languages)
        return Problem(rel_path, None, f"the file name says no language; expected {suggestion}")
    if lang not in languages:
        return Problem(
            rel_path,
            None,
            f"'{lang}' is not a site language; expected a name like {expected} "
            "(a slug cannot contain dots: use hyphens)",
        )
    if not _SLUG.match(slug):
        suggestion = slugify(slug.replace(".", "-")) or "essay"
        return Problem(
            rel_path,
            None,
            f"the slug '{slug}' may only contain lowercase letters a-z, digits and single "
            f"hyphens; expected a name like '{suggestion}.{lang}.md'",
        )
    return slug, lang


# --- models ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Post:
    """One essay in one language, checked."""

    path: str
    slug: str
    lang: str
    title: str
    date: date
    summary: str
    body: str
    #: The author's ``themes:`` list, or ``None`` when the tagger decides.
    themes: tuple[str, ...] | None = None
    draft: bool = False
    updated: date | None = None
    words: int = 0
    body_line: int = 1  # the line of the file the body starts on

    @property
    def reading_minutes(self) -> int:
        return excerpt.reading_minutes(self.words)


@dataclass(frozen=True)
class Talk:
    """One talk outline in one language, checked."""

    path: str
    slug: str
    lang: str
    title: str
    summary: str
    body: str
    durations: tuple[int, ...]
    formats: tuple[str, ...]
    languages: tuple[str, ...]
    audience: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    draft: bool = False
    body_line: int = 1  # the line of the file the body starts on


def _common_checks(
    source: SourceFile, values: dict[str, Any], lang: str, what: str
) -> list[Problem]:
    problems = []
    if "lang" in values and values["lang"] != lang:
        problems.append(
            Problem(
                source.path,
                source.front_matter["lang"].line,
                f"'lang': the file name says '{lang}' but 'lang' says '{values['lang']}'; "
                "make them agree (the file name decides the language)",
            )
        )
    if not source.body.strip():
        problems.append(
            Problem(
                source.path,
                source.end_line,
                f"no text after the front-matter; expected the {what} below the closing '---'",
            )
        )
    return problems


def make_post(
    source: SourceFile, slug: str, lang: str, rules: Rules
) -> tuple[Post | None, list[Problem]]:
    """Check an essay file and build its model (``None`` when anything is wrong)."""
    values, problems = check_fields(POST_FIELDS, source, rules)
    problems += _common_checks(source, values, lang, "essay")
    if "updated" in values and "date" in values and values["updated"] < values["date"]:
        problems.append(
            Problem(
                source.path,
                source.front_matter["updated"].line,
                f"'updated': {values['updated']} is before the essay's date {values['date']}; "
                "expected the same day or later",
            )
        )
    if problems:
        return None, problems
    return (
        Post(
            path=source.path,
            slug=slug,
            lang=lang,
            title=values["title"],
            date=values["date"],
            summary=values.get("summary") or excerpt.summary(source.body),
            body=source.body,
            themes=values.get("themes"),
            draft=values.get("draft", False),
            updated=values.get("updated"),
            words=excerpt.word_count(source.body),
            body_line=source.body_line,
        ),
        [],
    )


def make_talk(
    source: SourceFile, slug: str, lang: str, rules: Rules
) -> tuple[Talk | None, list[Problem]]:
    """Check a talk outline file and build its model (``None`` when anything is wrong)."""
    values, problems = check_fields(TALK_FIELDS, source, rules)
    problems += _common_checks(source, values, lang, "outline")
    if problems:
        return None, problems
    return (
        Talk(
            path=source.path,
            slug=slug,
            lang=lang,
            title=values["title"],
            summary=values["summary"],
            body=source.body,
            durations=values["durations"],
            formats=values["formats"],
            languages=values["languages"],
            audience=values.get("audience", ()),
            themes=values.get("themes", ()),
            draft=values.get("draft", False),
            body_line=source.body_line,
        ),
        [],
    )
