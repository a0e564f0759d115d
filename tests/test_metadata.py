"""What search engines and link previews read in a page's head: canonical URL,
hreflang, Open Graph, Twitter card and JSON-LD (hooks/metadata.py, overrides/main.html)."""

from __future__ import annotations

import json
import re

import pytest

import metadata
from conftest import Site, new_site
from test_build import FILES, HOSTILE_SUMMARY, HOSTILE_TITLE


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = new_site(tmp_path_factory.mktemp("metadata") / "root", FILES)
    built.build()
    return built


def head(html: str) -> str:
    return html.split("</head>")[0]


def meta(html: str, key: str) -> list[str]:
    """The content of every <meta property|name=key> in the head, unescaped."""
    pattern = rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">'
    return [unescape(v) for v in re.findall(pattern, head(html))]


def unescape(text: str) -> str:
    import html

    return html.unescape(text)


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head(html)))


def json_ld(html: str) -> dict:
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_a_translated_essay_names_its_translations_with_absolute_urls(site: Site) -> None:
    page = site.html("sv/blogg/det-lille-ekstra/")
    assert '<link rel="canonical" href="https://godtmott.no/sv/blogg/det-lille-ekstra/">' in page
    assert hreflangs(page) == {
        "nb": "https://godtmott.no/blogg/det-lille-ekstra/",
        "sv": "https://godtmott.no/sv/blogg/det-lille-ekstra/",
        "x-default": "https://godtmott.no/blogg/det-lille-ekstra/",
    }
    assert hreflangs(site.html("blogg/det-lille-ekstra/")) == hreflangs(page)


def test_an_essay_in_one_language_points_nowhere_else(site: Site) -> None:
    # Not to the Danish home page, as the i18n plugin's own alternates did.
    page = site.html("da/blogg/klagen-er-en-gave/")
    assert hreflangs(page) == {}
    assert 'rel="alternate" href="/da/"' not in page


def test_generated_and_written_pages_exist_in_every_language(site: Site) -> None:
    for url in ("tema/", "sv/foredrag/", "om/", ""):
        langs = hreflangs(site.html(url))
        assert set(langs) == {"nb", "sv", "da", "x-default"}, url
        assert langs["x-default"] == langs["nb"]
    assert hreflangs(site.html("da/om/"))["sv"] == "https://godtmott.no/sv/om/"


def test_an_essay_is_an_article_for_link_previews(site: Site) -> None:
    page = site.html("sv/blogg/det-lille-ekstra/")
    assert meta(page, "og:type") == ["article"]
    assert meta(page, "og:title") == ["Det lilla extra"]
    assert meta(page, "og:url") == ["https://godtmott.no/sv/blogg/det-lille-ekstra/"]
    assert meta(page, "og:locale") == ["sv_SE"]
    assert meta(page, "og:locale:alternate") == ["nb_NO"]
    assert meta(page, "og:site_name") == ["Väl bemött"]
    assert meta(page, "article:published_time") == ["2025-03-15"]
    assert meta(page, "twitter:card") == ["summary"]
    nb = site.html("blogg/lederen-gar-foran/")
    assert meta(nb, "article:modified_time") == ["2024-11-01"]
    assert meta(site.html("blogg/"), "og:type") == ["website"]


def test_an_essay_has_json_ld_blog_posting(site: Site) -> None:
    data = json_ld(site.html("blogg/det-lille-ekstra/"))
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Det lille ekstra"
    assert data["description"] == "Hvorfor fem skritt ble husket."
    assert data["datePublished"] == "2025-03-14"
    assert data["inLanguage"] == "nb"
    assert data["url"] == "https://godtmott.no/blogg/det-lille-ekstra/"
    assert data["author"]["name"] == "Hilde Brekke"
    assert "application/ld+json" not in site.html("blogg/")


def test_hostile_front_matter_cannot_break_out_of_attributes_or_json_ld(site: Site) -> None:
    page = site.html("blogg/fiendtlig/")
    assert meta(page, "og:title") == [HOSTILE_TITLE]
    assert meta(page, "twitter:description") == [HOSTILE_SUMMARY]
    data = json_ld(page)  # one block, and it parses
    assert data["headline"] == HOSTILE_TITLE
    assert data["description"] == HOSTILE_SUMMARY
    script = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in script and ">" not in script


def test_script_json_escapes_what_could_end_a_script() -> None:
    text = metadata.script_json({"t": "</script><!-- & -->"})
    assert json.loads(text) == {"t": "</script><!-- & -->"}
    assert not set("<>&") & set(text)


@pytest.mark.parametrize(("lang", "locale"), [("nb", "nb_NO"), ("sv", "sv_SE"), ("da", "da_DK")])
def test_open_graph_locales_come_from_cldr(lang: str, locale: str) -> None:
    assert metadata.og_locale(lang) == locale


def test_alternates_need_two_languages_and_default_to_the_default_language() -> None:
    one = metadata.alternates({"sv": "https://x/sv/a/"}, ("nb", "sv", "da"), "nb")
    assert one == ()
    two = metadata.alternates(
        {"da": "https://x/da/a/", "sv": "https://x/sv/a/"}, ("nb", "sv", "da"), "nb"
    )
    assert [a.hreflang for a in two] == ["sv", "da", "x-default"]
    assert two[-1].url == "https://x/sv/a/"  # no nb version: the first in site order


def test_material_markup_is_repaired_on_every_page(site: Site) -> None:
    """Material writes autocomplete on checkboxes (invalid HTML) and an unnamed dialog."""
    pages = [*site.out.rglob("index.html"), site.out / "404.html"]
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert not re.search(r'<input[^>]*type="checkbox"[^>]*autocomplete=', html), path
        dialog = re.search(r'<div class="md-search"[^>]*role="dialog"[^>]*>', html)
        assert dialog and 'aria-label="' in dialog.group(0), path


def test_each_language_searches_its_own_index_with_its_own_stemmer(site: Site) -> None:
    for prefix, lunr, base in (("", "no", '"base": ".."'), ("sv/", "sv", '"base": "../../sv/"')):
        index = json.loads((site.out / prefix / "search" / "search_index.json").read_bytes())
        assert index["config"]["lang"] == [lunr]
        assert "stemmer" in index["config"]["pipeline"]
        locations = {doc["location"] for doc in index["docs"]}
        assert "blogg/det-lille-ekstra/" in locations  # relative to the language's root
        assert not any(loc.startswith(("sv/", "da/")) for loc in locations)
        assert base in site.html(f"{prefix}blogg/")


def test_the_sitemap_leaves_out_the_thank_you_pages(site: Site) -> None:
    sitemap = (site.out / "sitemap.xml").read_text(encoding="utf-8")
    assert "/foredrag/takk/" not in sitemap
    assert "<loc>https://godtmott.no/sv/foredrag/bestill/</loc>" in sitemap
    assert '<meta name="robots" content="noindex">' in site.html("sv/foredrag/takk/")
