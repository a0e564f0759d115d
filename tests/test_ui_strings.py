"""The site's UI is fully localized in every site language: no English leftovers."""

from __future__ import annotations

import re

import pytest

import sitedata
from conftest import HOOKS, ROOT, SAME_AS_ENGLISH, material_strings

LANGUAGES = ("nb", "sv", "da")
DATA, PROBLEMS = sitedata.load(LANGUAGES)

# Keys of Material's that are not text a reader sees.
TECHNICAL = {
    "language",
    "direction",
    "search.config.lang",
    "search.config.pipeline",
    "search.config.separator",
}


def test_data_files_are_complete() -> None:
    assert PROBLEMS == []


def used_keys() -> set[str]:
    """Every t("...") key in the templates and the hooks."""
    sources = [*ROOT.joinpath("overrides").rglob("*.html"), *HOOKS.glob("*.py")]
    pattern = re.compile(r"""\bt\(\s*["']([a-z_.]+)["']""")
    return {key for path in sources for key in pattern.findall(path.read_text(encoding="utf-8"))}


def test_every_string_the_templates_use_exists_in_every_language() -> None:
    keys = used_keys()
    assert len(keys) > 30  # the pattern still finds the calls
    for lang in LANGUAGES:
        strings = DATA.strings[lang]
        missing = [k for k in sorted(keys) if k not in strings and f"{k}.other" not in strings]
        assert missing == [], lang


def test_no_string_in_ui_yml_is_unused() -> None:
    keys = used_keys()
    defined = {re.sub(r"\.(one|other)$", "", k) for k in DATA.strings["nb"]}
    assert sorted(defined - keys) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_material_strings_are_translated(lang: str) -> None:
    english = material_strings("en")
    own = material_strings(lang)
    effective = {key: DATA.material_strings[lang].get(key, own.get(key)) for key in english}
    leftovers = {
        key: value
        for key, value in effective.items()
        if key not in TECHNICAL
        and (lang, key) not in SAME_AS_ENGLISH
        and (value is None or value == english[key])
    }
    assert leftovers == {}
