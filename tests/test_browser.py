"""A reader in a real browser: Debian's Chromium driven by Playwright (see conftest.browser)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import Site, new_site, post, serve

pytestmark = pytest.mark.browser

FILES = {
    "posts/det-lille-ekstra.nb.md": post("Det lille ekstra", "2025-03-14", "Fem skritt.\n"),
    "posts/det-lille-ekstra.sv.md": post("Det lilla extra", "2025-03-15", "Fem steg.\n"),
    "posts/klagen-er-en-gave.da.md": post("Klagen er en gave", "2025-01-23", "En cykel.\n"),
    # One word per language for search, in another form than the one searched for.
    "posts/ventetiden.nb.md": post("Ventetiden", "2025-02-01", "Kunden klaget på ventetiden.\n"),
    "posts/leveransen.sv.md": post("Leveransen", "2025-02-02", "Hon skrev ett klagomål.\n"),
    "posts/pakken.da.md": post("Pakken", "2025-02-03", "Han fik en undskyldning med det samme.\n"),
}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site: Site = new_site(tmp_path_factory.mktemp("browser") / "root", FILES)
    site.build()
    with serve(site.out) as url:
        yield url


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def switch_language(page, name: str) -> None:
    """Use Material's language menu as a reader does: hover the button, click a language."""
    page.hover("button.md-header__button[aria-label]:has(+ .md-select__inner)")
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_load_state()


def test_language_menu_goes_to_the_translation(page) -> None:
    page.goto("/blogg/det-lille-ekstra/")
    assert page.locator("html").get_attribute("lang") == "nb"
    switch_language(page, "Svenska")
    assert page.url.endswith("/sv/blogg/det-lille-ekstra/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text() == "Det lilla extra"


def test_language_menu_without_translation_goes_to_that_languages_home(page, base_url) -> None:
    page.goto("/da/blogg/klagen-er-en-gave/")
    switch_language(page, "Norsk")
    assert page.url == f"{base_url}/"
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.locator("h1").inner_text() == "Godt møtt"


def test_also_available_link_leads_back_to_the_original(page) -> None:
    page.goto("/sv/blogg/det-lille-ekstra/")
    page.get_by_role("link", name="norskt bokmål").click()
    page.wait_for_load_state()
    assert page.url.endswith("/blogg/det-lille-ekstra/") and "/sv/" not in page.url
    assert page.locator("h1").inner_text() == "Det lille ekstra"


def test_no_request_leaves_the_machine(page, base_url) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ("/", "/blogg/", "/sv/blogg/det-lille-ekstra/", "/da/"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert requested
    assert [url for url in requested if not url.startswith(base_url)] == []


def search(page, path: str, query: str) -> list[str]:
    """Search as a reader does on *path*; the result links, without query or anchor."""
    page.goto(path)
    page.wait_for_load_state("networkidle")
    # Type, do not fill(): Material reads the query on keyup (and once when its
    # search worker is ready); fill() fires neither when the index loads first.
    page.locator(".md-search__input").press_sequentially(query)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "el => /\\d|Ingen|Inga/.test(el.textContent)", arg=meta.element_handle(), timeout=15_000
    )
    links = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return [link.split("?")[0].split("#")[0] for link in links]


def test_search_finds_an_essay_by_a_word_in_its_text(page) -> None:
    assert search(page, "/", "skritt")[0].endswith("/blogg/det-lille-ekstra/")


@pytest.mark.parametrize(
    ("path", "query", "found"),
    [
        # An inflected form finds the essay through the language's stemmer.
        ("/", "klagene", "/blogg/ventetiden/"),
        ("/sv/", "klagomålen", "/sv/blogg/leveransen/"),
        ("/da/", "undskyldningerne", "/da/blogg/pakken/"),
    ],
)
def test_search_finds_an_inflected_word_in_the_readers_language(page, path, query, found) -> None:
    results = search(page, path, query)
    assert results and results[0].endswith(found), results


@pytest.mark.parametrize(
    ("path", "query"),
    [("/sv/", "klaget"), ("/", "klagomål"), ("/da/", "klagomål"), ("/sv/", "undskyldning")],
)
def test_search_keeps_to_the_readers_language(page, path, query) -> None:
    assert search(page, path, query) == []
