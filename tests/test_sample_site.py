"""The repository's own content builds strictly into the site a newcomer sees."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, build_into

LANGUAGES = {"nb": "", "sv": "sv/", "da": "da/"}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("sample") / "site"
    build_into(ROOT, site_dir)  # strict: any warning aborts
    return site_dir


def essay_pages(out: Path, lang: str) -> list[str]:
    folder = out / LANGUAGES[lang] / "blogg"
    return sorted(
        p.parent.name for p in folder.glob("*/index.html") if p.parent.name not in ("arkiv", "side")
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_at_least_five_essays_per_language(out: Path, lang: str) -> None:
    assert len(essay_pages(out, lang)) >= 5


def test_some_essays_are_translated_and_linked_both_ways(out: Path) -> None:
    pairs = [
        (a, b, slug)
        for a in LANGUAGES
        for b in LANGUAGES
        if a < b
        for slug in set(essay_pages(out, a)) & set(essay_pages(out, b))
    ]
    assert pairs
    for a, b, slug in pairs:
        page_a = (out / LANGUAGES[a] / "blogg" / slug / "index.html").read_text(encoding="utf-8")
        page_b = (out / LANGUAGES[b] / "blogg" / slug / "index.html").read_text(encoding="utf-8")
        assert re.search(
            rf'class="translations">[^<]*<a href="[./]*{LANGUAGES[b]}blogg/{slug}/"', page_a
        )
        assert re.search(
            rf'class="translations">[^<]*<a href="[./]*{LANGUAGES[a]}blogg/{slug}/"', page_b
        )


def test_at_least_three_talk_outlines(out: Path) -> None:
    talks = {p.parent.name for p in out.glob("*foredrag/*/index.html")}
    talks |= {p.parent.name for p in out.glob("*/foredrag/*/index.html")}
    assert len(talks) >= 3


def test_every_page_declares_the_language_of_its_folder(out: Path) -> None:
    wrong = []
    for page in out.rglob("index.html"):
        rel = page.relative_to(out).as_posix()
        expected = next(
            (lang for lang, prefix in LANGUAGES.items() if prefix and rel.startswith(prefix)), "nb"
        )
        found = re.search(r'<html lang="([^"]+)"', page.read_text(encoding="utf-8"))
        if not found or found.group(1) != expected:
            wrong.append(rel)
    assert wrong == []
