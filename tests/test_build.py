"""In-process builds of a small fixture site, asserting on the HTML a reader gets."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import SAME_AS_ENGLISH, Site, material_strings, new_site, post, talk

HOSTILE_TITLE = 'Tom & "Jerry" </title><script>alert(1)</script>'
HOSTILE_SUMMARY = "Et 'sammendrag' med </script><b onmouseover=\"x()\">fet</b> & mer"


def quoted(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


FILES = {
    # A translated pair: nb original, sv translation.
    "posts/det-lille-ekstra.nb.md": post(
        "Det lille ekstra",
        "2025-03-14",
        "Fem ekstra skritt i en jernvarehandel.\n\n<!-- more -->\n\n## Hva skjedde\n\n"
        + "Ord " * 700,
        summary="Hvorfor fem skritt ble husket.",
    ),
    "posts/det-lille-ekstra.sv.md": post(
        "Det lilla extra", "2025-03-15", "Fem extra steg i en järnhandel.\n"
    ),
    # nb only, older, with an update date.
    "posts/lederen-gar-foran.nb.md": post(
        "Lederen går foran", "2024-10-06", "Butikksjefen sto i kassa.\n", updated="2024-11-01"
    ),
    # da only.
    "posts/klagen-er-en-gave.da.md": post("Klagen er en gave", "2025-01-23", "En cykel.\n"),
    # Hostile front-matter: must come out escaped everywhere.
    "posts/fiendtlig.nb.md": post(
        quoted(HOSTILE_TITLE), "2023-05-01", "Tekst.\n", summary=quoted(HOSTILE_SUMMARY)
    ),
    # Not to be published by a build.
    "posts/kladd.nb.md": post("Hemmelig kladd", "2024-01-01", "Ikke ferdig.\n", draft="true"),
    "posts/fremtid.nb.md": post("Fra fremtiden", "2099-01-01", "Kommer senere.\n"),
    # A talk in two languages.
    "talks/holdning.nb.md": talk(
        "Holdning som merkes", formats="[keynote, webinar]", audience="[Alle med kundekontakt]"
    ),
    "talks/holdning.sv.md": talk("Attityd som märks", summary="En föreläsning om bemötande."),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = new_site(tmp_path_factory.mktemp("build") / "site-root", FILES)
    built.build()
    return built


def pages(site: Site) -> list[Path]:
    return sorted(site.out.rglob("*.html"))


class _Doc(HTMLParser):
    """Collects links, the language switcher and visible text of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.html_lang = ""
        self.links: list[dict[str, str]] = []
        self.texts: list[str] = []
        self.attribute_texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = a.get("lang", "")
        if tag == "a":
            self.links.append(a)
        if tag in ("script", "style", "svg", "code"):
            self._skip += 1
        for name in ("aria-label", "title", "placeholder", "alt"):
            if a.get(name):
                self.attribute_texts.append(a[name])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "svg", "code"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def doc(site: Site, url_path: str) -> _Doc:
    parsed = _Doc()
    parsed.feed(site.html(url_path))
    return parsed


def essay_urls(html: str) -> list[str]:
    return re.findall(r'class="essay-card__title"><a href="([^"]+)"', html)


def switcher(parsed: _Doc) -> dict[str, str]:
    return {
        a["hreflang"]: a["href"] for a in parsed.links if "md-select__link" in a.get("class", "")
    }


def test_each_language_lives_under_its_own_prefix_with_the_right_html_lang(site: Site) -> None:
    expected = {
        "": "nb",
        "blogg/": "nb",
        "blogg/arkiv/": "nb",
        "blogg/det-lille-ekstra/": "nb",
        "foredrag/": "nb",
        "foredrag/holdning/": "nb",
        "om/": "nb",
        "sv/": "sv",
        "sv/blogg/": "sv",
        "sv/blogg/det-lille-ekstra/": "sv",
        "sv/foredrag/holdning/": "sv",
        "da/": "da",
        "da/blogg/klagen-er-en-gave/": "da",
        "da/om/": "da",
    }
    assert {path: doc(site, path).html_lang for path in expected} == expected


def test_essays_exist_only_in_the_languages_they_are_written_in(site: Site) -> None:
    built = {p.relative_to(site.out).parent.as_posix() for p in pages(site)}
    essays = sorted(b for b in built if re.fullmatch(r"(\w\w/)?blogg/[a-z0-9-]+", b))
    assert essays == [
        "blogg/arkiv",
        "blogg/det-lille-ekstra",
        "blogg/fiendtlig",
        "blogg/lederen-gar-foran",
        "da/blogg/arkiv",
        "da/blogg/klagen-er-en-gave",
        "sv/blogg/arkiv",
        "sv/blogg/det-lille-ekstra",
    ]


def test_translations_link_to_each_other_both_ways(site: Site) -> None:
    nb = site.html("blogg/det-lille-ekstra/")
    sv = site.html("sv/blogg/det-lille-ekstra/")
    assert re.search(
        r'<p class="translations">\s*Også tilgjengelig på\s*'
        r'<a href="../../sv/blogg/det-lille-ekstra/" hreflang="sv">svensk</a>',
        nb,
    )
    assert re.search(
        r'<p class="translations">\s*Finns även på\s*'
        r'<a href="../../../blogg/det-lille-ekstra/" hreflang="nb">norskt bokmål</a>',
        sv,
    )


def test_language_switcher_goes_to_the_translation_or_else_the_language_home(site: Site) -> None:
    assert switcher(doc(site, "blogg/det-lille-ekstra/")) == {
        "nb": "./",
        "sv": "../../sv/blogg/det-lille-ekstra/",
        "da": "/da/",  # no Danish translation: Danish home, never a copy of the nb text
    }
    assert switcher(doc(site, "da/blogg/klagen-er-en-gave/")) == {
        "nb": "/",
        "sv": "/sv/",
        "da": "./",
    }
    assert 'class="translations"' not in site.html("da/blogg/klagen-er-en-gave/")


def test_essay_page_shows_title_localized_date_reading_time_and_update(site: Site) -> None:
    nb = doc(site, "blogg/det-lille-ekstra/")
    assert "Det lille ekstra" in nb.texts
    assert "14. mars 2025" in nb.texts
    assert "Lesetid 4 min" in nb.texts  # 706 words at 220 per minute, rounded up
    sv = doc(site, "sv/blogg/det-lille-ekstra/")
    assert "15 mars 2025" in sv.texts
    assert "Lästid 1 min" in sv.texts
    older = site.html("blogg/lederen-gar-foran/")
    assert re.search(r'Oppdatert <time datetime="2024-11-01">1. november 2024</time>', older)


def test_essay_list_is_newest_first_per_language_with_summaries(site: Site) -> None:
    assert essay_urls(site.html("blogg/")) == [
        "det-lille-ekstra/",
        "lederen-gar-foran/",
        "fiendtlig/",
    ]
    assert essay_urls(site.html("sv/blogg/")) == ["det-lille-ekstra/"]
    assert essay_urls(site.html("da/blogg/")) == ["klagen-er-en-gave/"]
    nb = doc(site, "blogg/")
    assert "Hvorfor fem skritt ble husket." in nb.texts  # the summary key
    assert "Butikksjefen sto i kassa." in nb.texts  # derived from the first paragraph


def test_home_page_has_intro_latest_essays_and_talks(site: Site) -> None:
    home = site.html("")
    assert "Hei, jeg heter Hilde." in home
    assert essay_urls(home) == [
        "blogg/det-lille-ekstra/",
        "blogg/lederen-gar-foran/",
        "blogg/fiendtlig/",
    ]
    assert '<a href="foredrag/holdning/">Holdning som merkes</a>' in home
    sv_home = site.html("sv/")
    assert essay_urls(sv_home) == ["blogg/det-lille-ekstra/"]
    assert '<a href="foredrag/holdning/">Attityd som märks</a>' in sv_home


def test_archive_groups_essays_by_year_newest_first(site: Site) -> None:
    archive = site.html("blogg/arkiv/")
    years = re.findall(r'<h2 id="(\d{4})">\d{4} <span class="archive-count">\(([^)]*)\)', archive)
    assert years == [("2025", "1 artikkel"), ("2024", "1 artikkel"), ("2023", "1 artikkel")]
    assert re.search(
        r'<time datetime="2024-10-06">6. oktober 2024</time>\s*<a href="../lederen-gar-foran/">',
        archive,
    )


def test_drafts_and_future_essays_are_not_published_anywhere(site: Site) -> None:
    everything = "".join(
        p.read_text(encoding="utf-8")
        for p in site.out.rglob("*")
        if p.suffix in (".html", ".xml", ".json")
    )
    for secret in ("Hemmelig kladd", "kladd/", "Fra fremtiden", "fremtid/"):
        assert secret not in everything
    assert not (site.out / "blogg" / "kladd").exists()
    assert not (site.out / "blogg" / "fremtid").exists()


def test_talk_pages_show_the_catalog_facts_localized(site: Site) -> None:
    nb = doc(site, "foredrag/holdning/")
    assert "Holdning som merkes" in nb.texts
    assert "Foredrag og Webinar" in nb.texts
    assert "45 eller 60 minutter" in nb.texts
    assert "norsk bokmål, svensk og dansk" in nb.texts
    assert "Alle med kundekontakt" in nb.texts
    sv = doc(site, "sv/foredrag/holdning/")
    assert "45 eller 60 minuter" in sv.texts
    assert "norskt bokmål, svenska och danska" in sv.texts
    assert switcher(nb)["sv"] == "../../sv/foredrag/holdning/"


def test_front_matter_is_escaped_in_every_output(site: Site) -> None:
    escaped_title = "Tom &amp; &#34;Jerry&#34; &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    for path in site.out.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")
            assert "<script>alert(1)" not in text, path
            assert "<b onmouseover" not in text, path
            assert "</title><script>" not in text, path
    essay = site.html("blogg/fiendtlig/")
    assert f"<h1>{escaped_title}</h1>" in essay
    assert f"<title>{escaped_title} – Godt møtt</title>" in essay
    assert (
        '<meta name="description" content="Et &#39;sammendrag&#39; med &lt;/script&gt;&lt;b '
        'onmouseover=&#34;x()&#34;&gt;fet&lt;/b&gt; &amp; mer">'
    ) in essay
    # In the header's page title too (Material prints it unescaped).
    assert re.search(
        r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*'
        + re.escape(escaped_title),
        essay,
    )
    for listing in ("", "blogg/", "blogg/arkiv/"):
        assert escaped_title in site.html(listing)
    index = json.loads((site.out / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = [d["title"] for d in index["docs"] if d["location"] == "blogg/fiendtlig/"]
    assert titles == [escaped_title]  # Material's search UI renders titles as HTML


def test_sitemap_lists_published_pages_with_language_alternates(site: Site) -> None:
    sitemap = (site.out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://godtmott.no/blogg/det-lille-ekstra/</loc>" in sitemap
    assert (
        '<xhtml:link rel="alternate" hreflang="sv" href="https://godtmott.no/sv/blogg/det-lille-ekstra/"/>'
        in sitemap
    )
    assert "<loc>https://godtmott.no/da/blogg/klagen-er-en-gave/</loc>" in sitemap


def test_not_found_page_speaks_every_language(site: Site) -> None:
    page = (site.out / "404.html").read_text(encoding="utf-8")
    assert '<html lang="nb"' in page  # the default language's, not the last language built
    assert "<h1>Siden finnes ikke</h1>" in page
    assert '<p lang="sv">Adressen kan vara felstavad' in page
    assert '<p lang="da">Adressen kan være stavet forkert' in page


def test_tabs_and_menu_lead_to_the_same_pages_from_every_page(site: Site) -> None:
    """Material's tabs and menu are rendered once per language and position
    (hooks/rendering.py); from every page, at any depth, they must reach the same pages."""

    def targets(page: Path, kind: str) -> list[str]:
        html = page.read_text(encoding="utf-8")
        block = re.search(rf'<nav class="md-{kind}.*?</nav>', html, re.S)
        assert block is not None, f"{page}: no {kind}"
        hrefs = re.findall(r'class="md-(?:tabs|nav)__link[^"]*"[^>]*href="([^"]*)"', block.group())
        hrefs += re.findall(r'href="([^"]*)"[^>]*class="md-(?:tabs|nav)__link', block.group())
        return sorted(str((page.parent / h).resolve().relative_to(site.out)) for h in hrefs)

    for lang in ("", "sv/"):
        home = site.out / lang / "index.html"
        expected = {kind: targets(home, kind) for kind in ("tabs", "nav md-nav--primary")}
        assert len(expected["tabs"]) >= 5
        others = [
            "blogg/det-lille-ekstra/",
            "blogg/",
            "blogg/arkiv/",
            "tema/",
            "foredrag/",
            "foredrag/bestill/",
        ]
        others += [
            str(p.parent.relative_to(site.out / lang)) + "/"
            for p in sorted((site.out / lang / "foredrag").glob("*/index.html"))
        ]
        others += [
            str(p.parent.relative_to(site.out / lang)) + "/"
            for p in sorted((site.out / lang / "tema").glob("*/index.html"))
        ]
        for url in others:
            page = site.out / lang / url / "index.html"
            if not page.exists():
                continue
            for kind, hrefs in expected.items():
                assert targets(page, kind) == hrefs, f"{lang}{url}: {kind}"


def test_every_internal_link_resolves(site: Site) -> None:
    broken = []
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"#:?]+)(?:[?#][^"]*)?"', html):
            target = (site.out / href.lstrip("/")) if href.startswith("/") else (page.parent / href)
            target = target.resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site.out)} -> {href}")
    assert broken == []


def test_a_body_that_starts_like_metadata_or_a_rule_is_shown_whole(make_site) -> None:
    # MkDocs takes 'Key: value' lines at the top of a page as metadata (MultiMarkdown)
    # and '---' as the start of YAML; an essay's body is neither.
    site = make_site(
        {
            "posts/kort.nb.md": post(
                "Kort sagt",
                "2024-01-02",
                "Kort sagt: kundene merker det.\nTitle: ikke en tittel\n\nMer tekst.\n",
            ),
            "posts/strek.nb.md": post("Strek", "2024-01-03", "---\n\nEtter streken.\n"),
            "talks/svar.nb.md": talk("Svar").replace(
                "## Innhold", "Merk: dette er en del.\n\n## Innhold"
            ),
        }
    )
    site.build()
    kort = site.html("blogg/kort/")
    assert "<p>Kort sagt: kundene merker det.\nTitle: ikke en tittel</p>" in kort
    assert "<h1>Kort sagt</h1>" in kort and "ikke en tittel –" not in kort
    assert "<hr />\n<p>Etter streken.</p>" in site.html("blogg/strek/")
    assert "<p>Merk: dette er en del.</p>" in site.html("foredrag/svar/")


def test_pagination_splits_the_list_and_links_newer_and_older(make_site) -> None:
    files = {
        f"posts/essay-{i:02d}.nb.md": post(f"Essay {i}", f"2025-01-{i:02d}") for i in range(1, 6)
    }
    small = make_site(files, settings={"  essays_per_page: 10": "  essays_per_page: 2"})
    small.build()
    assert essay_urls(small.html("blogg/")) == ["essay-05/", "essay-04/"]
    assert essay_urls(small.html("blogg/side/2/")) == ["../../essay-03/", "../../essay-02/"]
    assert essay_urls(small.html("blogg/side/3/")) == ["../../essay-01/"]
    second = small.html("blogg/side/2/")
    assert '<a href="../../" rel="prev">← Nyere artikler</a>' in second
    assert '<a href="../3/" rel="next">Eldre artikler →</a>' in second
    assert "<span>Side 2 av 3</span>" in second
    assert "<title>Artikler – side 2 av 3 – Godt møtt</title>" in second
    assert not (small.out / "sv" / "blogg" / "side").exists()  # no Swedish essays: one page


def test_preview_shows_drafts_and_scheduled_essays_marked(make_site) -> None:
    preview = make_site(
        {
            "posts/kladd.nb.md": post("Kladd", "2024-01-01", draft="true"),
            "posts/fremtid.nb.md": post("Fremtid", "2099-01-01"),
        }
    )
    preview.build(command="serve", strict=False)
    assert essay_urls(preview.html("blogg/")) == ["fremtid/", "kladd/"]
    assert '<p class="status-badge">Utkast – ikke publisert</p>' in preview.html("blogg/kladd/")
    assert '<p class="status-badge">Planlagt – publiseres 1. januar 2099</p>' in preview.html(
        "blogg/fremtid/"
    )


def test_preview_keeps_running_with_bad_files_and_shows_the_problems(
    make_site, content_log
) -> None:
    preview = make_site(
        {
            "posts/god.nb.md": post("God", "2025-01-01"),
            "posts/ugyldig.nb.md": post("Ugyldig", "2025-02-30"),
        }
    )
    preview.build(command="serve", strict=False)
    assert essay_urls(preview.html("blogg/")) == ["god/"]
    message = (
        "posts/ugyldig.nb.md:3: 'date': expected a date like 2024-05-01, got '2025-02-30', "
        "which does not exist (February 2025 has 28 days)"
    )
    # Every page shows them (test_preview.py: in a browser), from one file.
    for url in ("", "blogg/god/", "sv/"):
        assert '<div class="site-problems" role="alert" hidden></div>' in preview.html(url)
    shown = json.loads((preview.out / "preview-problems.json").read_text(encoding="utf-8"))
    assert shown["problems"] == [message]
    assert shown["titles"]["nb"].startswith("1 feil i innholdet")
    assert shown["titles"]["sv"].startswith("1 fel i innehållet")
    errors = [r.getMessage() for r in content_log.records if r.levelname == "ERROR"]
    assert errors == [
        "posts/ugyldig.nb.md:3: 'date': expected a date like 2024-05-01, got '2025-02-30', "
        "which does not exist (February 2025 has 28 days)",
        "1 problem in 1 file (listed above); the preview leaves those files out.",
    ]


def test_no_page_shows_english_ui_text(site: Site) -> None:
    en = material_strings("en")
    english = {v for k, v in en.items() if not k.startswith("search.config")}
    english |= {"Made with", "Material for MkDocs", "404 - Not found", "Not found"}
    same = {
        lang: {en[k] for code, k in SAME_AS_ENGLISH if code == lang} for lang in ("nb", "sv", "da")
    }
    leftovers = []
    for page in pages(site):
        parsed = _Doc()
        parsed.feed(page.read_text(encoding="utf-8"))
        same_words = same[parsed.html_lang]  # "Navigation" is Swedish and Danish too
        for text in parsed.texts + parsed.attribute_texts:
            if text in english and text not in same_words:
                leftovers.append(f"{page.relative_to(site.out)}: {text!r}")
    assert leftovers == []


def test_two_builds_of_the_same_sources_are_byte_identical(make_site, monkeypatch) -> None:
    site = make_site(FILES)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    site.build()
    first = {p.relative_to(site.out): p.read_bytes() for p in site.out.rglob("*") if p.is_file()}
    site.build()
    second = {p.relative_to(site.out): p.read_bytes() for p in site.out.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []
    # The only build time in the output, the sitemap's, comes from SOURCE_DATE_EPOCH;
    # and "today" does too: an essay dated after it is not published.
    assert "<lastmod>2023-11-14</lastmod>" in (site.out / "sitemap.xml").read_text()
    assert not (site.out / "blogg" / "det-lille-ekstra").exists()  # dated 2025-03-14
