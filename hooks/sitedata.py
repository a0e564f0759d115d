"""The author-editable data files beside the hooks, loaded and checked.

- ``themes.yml``: the essay themes (id, localized name and description).
- ``formats.yml``: the talk formats (keynote, workshop, ...) with localized names.
- ``ui.yml``: every UI string of the site per language, plus corrections to
  Material's own translations where they fall back to English.

Adding a theme or a format is a change to a data file, never to code. Every
entry must be complete in every site language, so no page can show an English
leftover or a missing label. Pure: nothing here imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sourcefile
from problems import Problem

HOOKS_DIR = Path(__file__).resolve().parent
_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


@dataclass(frozen=True)
class Term:
    """A theme or a talk format: an id and its localized texts.

    Attributes:
        id: The word used in front-matter (``leadership``, ``half-day``).
        name: Localized display name per language.
        description: Localized one-paragraph description per language (themes only).
        data: The whole entry, for consumers that need more (the theme tagger's vocabulary).
    """

    id: str
    name: dict[str, str]
    description: dict[str, str] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class SiteData:
    """Everything the data files say, per language."""

    languages: tuple[str, ...]
    themes: dict[str, Term]
    formats: dict[str, Term]
    strings: dict[str, dict[str, str]]  # language -> key -> text
    material_strings: dict[str, dict[str, str]]  # language -> Material key -> text


def load(languages: tuple[str, ...], directory: Path = HOOKS_DIR) -> tuple[SiteData, list[Problem]]:
    """Load and check the three data files for the given site languages."""
    problems: list[Problem] = []
    themes = _terms(directory / "themes.yml", languages, ("name", "description"), problems)
    for term in themes.values():
        _check_vocabulary(term, languages, directory / "themes.yml", problems)
    formats = _terms(directory / "formats.yml", languages, ("name",), problems)
    ui = _mapping(directory / "ui.yml", problems)
    strings = _strings(ui.get("site", {}), "site", directory / "ui.yml", languages, problems)
    material = _strings(
        ui.get("material", {}), "material", directory / "ui.yml", languages, problems
    )
    return SiteData(languages, themes, formats, strings, material), problems


def aliases(data: SiteData) -> tuple[tuple[str, str], ...]:
    """Every localized theme and format name, lowercased, paired with its id."""
    return tuple(
        (name.lower(), term.id)
        for table in (data.themes, data.formats)
        for term in table.values()
        for name in term.name.values()
    )


def _display(path: Path) -> str:
    """``hooks/themes.yml``: the data file as the author knows it."""
    return f"{path.parent.name}/{path.name}"


def _mapping(path: Path, problems: list[Problem]) -> dict[str, Any]:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        problems.append(Problem(_display(path), None, f"cannot be read: {e}"))
        return {}
    try:
        data = sourcefile.load_yaml(source)
    except sourcefile.YamlError as e:
        problems.append(Problem(_display(path), e.line, e.message))
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(_display(path), 1, "expected 'id:' entries at the top level"))
        return {}
    return data


def _localized(
    value: Any, where: str, languages: tuple[str, ...], path: Path, problems: list[Problem]
) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(
            Problem(_display(path), None, f"{where}: expected one text per language {languages}")
        )
        return {}
    result = {}
    for lang in languages:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(_display(path), None, f"{where}.{lang}: text is missing"))
        else:
            result[lang] = " ".join(text.split())
    return result


def _terms(
    path: Path, languages: tuple[str, ...], required: tuple[str, ...], problems: list[Problem]
) -> dict[str, Term]:
    terms = {}
    for term_id, entry in _mapping(path, problems).items():
        if (
            not isinstance(term_id, str)
            or not term_id
            or set(term_id) - _ID_CHARS
            or term_id == "index"
        ):
            problems.append(
                Problem(
                    _display(path),
                    None,
                    f"'{term_id}': an id must be lowercase ASCII letters, digits and hyphens "
                    "(and not 'index')",
                )
            )
            continue
        if not isinstance(entry, dict):
            problems.append(
                Problem(_display(path), None, f"{term_id}: expected {', '.join(required)}")
            )
            continue
        texts = {
            key: _localized(entry.get(key), f"{term_id}.{key}", languages, path, problems)
            for key in required
        }
        terms[term_id] = Term(term_id, texts["name"], texts.get("description", {}), entry)
    if not terms and not problems:
        problems.append(Problem(_display(path), None, "defines nothing; expected at least one id"))
    return terms


def _check_vocabulary(
    term: Term, languages: tuple[str, ...], path: Path, problems: list[Problem]
) -> None:
    """A theme needs words in every language, or the tagger can never choose it there."""
    vocabulary = term.data.get("vocabulary")
    where = f"{term.id}.vocabulary"
    if not isinstance(vocabulary, dict):
        problems.append(
            Problem(
                _display(path),
                None,
                f"{where}: missing; expected 'strong:' and 'normal:' word lists per language",
            )
        )
        return
    for lang in languages:
        tiers = vocabulary.get(lang)
        if not isinstance(tiers, dict) or not tiers:
            problems.append(Problem(_display(path), None, f"{where}.{lang}: no words"))
            continue
        for tier, words in tiers.items():
            if tier not in ("strong", "normal"):
                problems.append(
                    Problem(
                        _display(path),
                        None,
                        f"{where}.{lang}.{tier}: expected 'strong' or 'normal'",
                    )
                )
            elif not isinstance(words, list) or not all(
                isinstance(w, str) and w.strip("= ") for w in words
            ):
                problems.append(
                    Problem(
                        _display(path), None, f"{where}.{lang}.{tier}: expected a list of words"
                    )
                )


def _strings(
    table: Any, section: str, path: Path, languages: tuple[str, ...], problems: list[Problem]
) -> dict[str, dict[str, str]]:
    per_language: dict[str, dict[str, str]] = {lang: {} for lang in languages}
    if not isinstance(table, dict):
        problems.append(Problem(_display(path), None, f"'{section}': expected key: texts"))
        return per_language
    for key, texts in table.items():
        for lang, text in _localized(texts, f"{section}.{key}", languages, path, problems).items():
            per_language[lang][key] = text
    return per_language
