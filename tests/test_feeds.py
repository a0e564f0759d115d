"""Each language's RSS feed (hooks/feeds.py), read back with feedparser as a feed reader
would, and robots.txt."""

from __future__ import annotations

import html

import feedparser
import pytest

from conftest import Site, new_site, post
from test_build import FILES, HOSTILE_SUMMARY, HOSTILE_TITLE


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = new_site(
        tmp_path_factory.mktemp("feeds") / "root",
        {**FILES, "posts/tema.nb.md": post("Tema", "2022-01-01", "Tekst.\n", themes="[recovery]")},
    )
    built.build()
    return built


def read(site: Site, path: str):
    feed = feedparser.parse((site.out / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_each_language_has_a_valid_feed_of_its_published_essays_newest_first(site) -> None:
    nb = read(site, "feed.xml")
    assert nb.version == "rss20"
    assert nb.feed.title == "Godt møtt"
    assert nb.feed.link == "https://godtmott.no/"
    assert nb.feed.language == "nb"
    assert [e.title for e in nb.entries] == [
        "Det lille ekstra",
        "Lederen går foran",
        HOSTILE_TITLE,
        "Tema",
    ]  # no draft, nothing dated in the future, nothing in other languages
    sv = read(site, "sv/feed.xml")
    assert sv.feed.link == "https://godtmott.no/sv/"
    assert [e.title for e in sv.entries] == ["Det lilla extra"]
    assert [e.title for e in read(site, "da/feed.xml").entries] == ["Klagen er en gave"]


def test_every_item_has_title_link_date_guid_and_summary(site) -> None:
    entry = read(site, "feed.xml").entries[0]
    assert entry.link == "https://godtmott.no/blogg/det-lille-ekstra/"
    assert entry.id == entry.link
    assert entry.published == "Fri, 14 Mar 2025 00:00:00 +0100"
    assert entry.summary == "Hvorfor fem skritt ble husket."
    themed = read(site, "feed.xml").entries[-1]
    assert [t.term for t in themed.tags] == ["Når noe går galt"]


def test_front_matter_comes_back_exactly_from_the_feed(site) -> None:
    [hostile] = [e for e in read(site, "feed.xml").entries if "Jerry" in e.title]
    assert hostile.title == HOSTILE_TITLE
    raw = (site.out / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw and "<b " not in raw
    # A reader takes the description as HTML: the summary shows as the text it is.
    assert hostile.summary_detail.type == "text/html"
    assert "<" not in hostile.summary
    assert html.unescape(hostile.summary) == HOSTILE_SUMMARY


def test_pages_announce_their_languages_feed(site) -> None:
    link = '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">'
    assert link.format("Nye artikler (RSS)", "feed.xml") in site.html("")
    assert link.format("Nya artiklar (RSS)", "../feed.xml") in site.html("sv/blogg/")
    assert link.format("Nye artikler (RSS)", "../../feed.xml") in site.html(
        "da/blogg/klagen-er-en-gave/"
    )


def test_a_feed_is_the_same_when_nothing_changed(site) -> None:
    before = (site.out / "sv" / "feed.xml").read_bytes()
    site.build()
    assert (site.out / "sv" / "feed.xml").read_bytes() == before


def test_robots_txt_allows_everything_and_names_the_sitemap(site) -> None:
    assert (site.out / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://godtmott.no/sitemap.xml\n"
    )
