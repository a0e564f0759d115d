"""A company books a talk, in a real browser (Debian's Chromium, see conftest.browser).

Two fixture sites: one with a form service configured (its POSTs are caught by
Playwright, never sent), one with only an e-mail address (the mailto: route).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import new_site, post, serve, talk

pytestmark = pytest.mark.browser

ENDPOINT = "https://skjema.example.test/f/godtmott"
NASTY = 'Kunden sa \\"nei\\" <script>alert(1)</script> & gikk'
NASTY_SHOWN = 'Kunden sa "nei" <script>alert(1)</script> & gikk'

TALKS = {
    "talks/holdning.nb.md": talk("Holdning som merkes", themes="[attitude]"),
    "talks/holdning.sv.md": talk("Bemötande som märks", themes="[attitude]"),
    "talks/holdning.da.md": talk("Holdning, der kan mærkes", themes="[attitude]"),
    "talks/klager.nb.md": talk("Når det går galt", themes="[recovery]", formats="[workshop]"),
    "talks/skummel.nb.md": talk(f'"{NASTY}"'),
    "posts/smilet.nb.md": post(
        "Smilet",
        "2025-02-01",
        "Hun møtte hver kunde med et smil og lyttet ferdig. Holdningen smittet.\n\n" * 3
        + "Det lille ekstra og stoltheten over jobben.\n",
        themes="[attitude]",
    ),
    "posts/priser.nb.md": post("Priser", "2025-03-01", "Om prislister.\n"),
}
WITH_ENDPOINT = {
    "    email: hilde@godtmott.no": f"    endpoint: {ENDPOINT}\n    email: hilde@example.no"
}

# What a visitor types, per language; the form's labels differ, its field names do not.
FILLED = {
    "nb": {"talk": "Holdning som merkes", "format": "Foredrag", "language": "Norsk bokmål"},
    "sv": {"talk": "Bemötande som märks", "format": "Föreläsning", "language": "Svenska"},
    "da": {"talk": "Holdning, der kan mærkes", "format": "Foredrag", "language": "Dansk"},
}
TYPED = {
    "organisation": "Fjordbanken",
    "name": "Kari Nordmann",
    "email": "kari@fjordbanken.example",
    "phone": "+47 900 00 000",
    "date": "uke 11, 2027",
    "location": "Bergen",
    "audience_size": "120",
    "audience": "Alle i kundesenteret",
    "message": 'Gjerne med eksempler fra bank & "finans".',
}
PREFIX = {"nb": "", "sv": "/sv", "da": "/da"}


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = new_site(tmp_path_factory.mktemp("inquiry") / "root", TALKS, WITH_ENDPOINT)
    site.build()
    with serve(site.out) as url:
        yield url


@pytest.fixture(scope="module")
def mail_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = new_site(tmp_path_factory.mktemp("inquiry-mail") / "root", TALKS)
    site.build()
    with serve(site.out) as url:
        yield url


class Visit:
    """One browser tab on a site, recording what it tried to send to the form service."""

    def __init__(self, browser, base_url: str, javascript: bool = True, status: int = 200):
        self.context = browser.new_context(base_url=base_url, java_script_enabled=javascript)
        self.sent: list[dict[str, list[str]]] = []
        self.errors: list[str] = []

        def answer(route) -> None:
            request = route.request
            if request.method == "POST":
                self.sent.append(parse_qs(request.post_data or "", keep_blank_values=True))
            route.fulfill(status=status, content_type="application/json", body='{"ok": true}')

        self.context.route(f"{ENDPOINT}**", answer)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def fill(self, lang: str, **changes: str) -> None:
        page = self.page
        chosen = {**FILLED[lang], **TYPED, **changes}
        for name in ("talk", "format", "language"):
            page.locator(f"select[name={name}]").select_option(label=chosen[name])
        for name in TYPED:
            page.locator(f"[name={name}]").fill(chosen[name])
        page.locator("input[name=where]").first.check()
        page.locator("input[name=consent]").check()

    def submit(self) -> None:
        self.page.locator("button[type=submit]").click()

    def close(self) -> None:
        self.context.close()
        assert self.errors == []


@pytest.fixture
def visit(browser, site_url) -> Iterator[Visit]:
    tab = Visit(browser, site_url)
    yield tab
    tab.close()


@pytest.mark.parametrize("lang", ["nb", "sv", "da"])
def test_a_filled_form_posts_every_field_and_thanks_in_the_same_language(
    visit: Visit, lang: str
) -> None:
    page = visit.page
    page.goto(f"{PREFIX[lang]}/foredrag/bestill/")
    visit.fill(lang)
    visit.submit()
    page.wait_for_url(f"**{PREFIX[lang]}/foredrag/takk/")
    assert page.locator("html").get_attribute("lang") == lang
    [fields] = visit.sent
    expected = {**FILLED[lang], **TYPED, "form_language": lang, "_gotcha": ""}
    for name, value in expected.items():
        assert fields[name] == [value], name
    assert fields["where"][0] and fields["consent"][0] == "Ja"
    assert FILLED[lang]["talk"] in fields["_subject"][0]


def test_the_form_offers_exactly_the_talks_of_its_language_plus_a_tailored_one(visit) -> None:
    visit.page.goto("/foredrag/bestill/")
    options = visit.page.locator("select[name=talk] option").all_inner_texts()
    assert options == [
        "Velg …",
        "Holdning som merkes",
        NASTY_SHOWN,
        "Når det går galt",
        "Et skreddersydd foredrag",
    ]
    visit.page.goto("/da/foredrag/bestill/")
    assert visit.page.locator("select[name=talk] option").all_inner_texts() == [
        "Vælg …",
        "Holdning, der kan mærkes",
        "Et skræddersyet foredrag",
    ]


def test_request_this_talk_opens_the_form_with_the_talk_chosen(visit) -> None:
    page = visit.page
    page.goto("/sv/foredrag/holdning/")
    page.get_by_role("link", name="Fråga efter den här föreläsningen").first.click()
    page.wait_for_url("**/sv/foredrag/bestill/?talk=holdning")
    assert page.locator("select[name=talk]").input_value() == "Bemötande som märks"


def test_a_talk_with_markup_in_its_title_is_chosen_as_text(visit) -> None:
    page = visit.page
    page.goto("/foredrag/skummel/")
    assert page.locator("h1").inner_text() == NASTY_SHOWN
    page.get_by_role("link", name="Be om dette foredraget").first.click()
    page.wait_for_url("**/foredrag/bestill/?talk=skummel")
    assert page.locator("select[name=talk]").input_value() == NASTY_SHOWN


def test_nothing_from_the_address_becomes_markup(visit) -> None:
    page = visit.page
    page.goto('/foredrag/bestill/?talk="><img id=injected src=x onerror=alert(1)>')
    assert page.locator("#injected").count() == 0
    assert page.locator("select[name=talk]").input_value() == ""


def test_an_empty_form_sends_nothing_and_says_what_is_missing(visit) -> None:
    page = visit.page
    page.goto("/foredrag/bestill/")
    visit.submit()
    summary = page.locator("#inquiry-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "inquiry-summary"
    assert page.locator("#inquiry-summary-title").inner_text() == "9 felt må rettes:"
    items = summary.locator("li").all_inner_texts()
    assert items[0] == "Foredrag: Velg ett av alternativene."
    assert "E-post: Fyll ut dette feltet." in items
    assert "Hvor skal det være? Velg ett av alternativene." in items
    assert items[-1].endswith("Kryss av her, ellers kan jeg ikke svare deg.")
    # Each message sits at its field, and the field is marked invalid for screen readers.
    email = page.locator("#inquiry-email")
    assert email.get_attribute("aria-invalid") == "true"
    assert page.locator("#inquiry-email-error").inner_text() == "Fyll ut dette feltet."
    assert "inquiry-email-error" in email.get_attribute("aria-describedby")
    # A link in the summary takes the visitor to the field.
    summary.get_by_role("link", name="E-post: Fyll ut dette feltet.").click()
    assert page.evaluate("document.activeElement.id") == "inquiry-email"
    # Fixing a field clears its message at once.
    email.fill("kari@fjordbanken.example")
    assert page.locator("#inquiry-email-error").is_hidden()
    assert email.get_attribute("aria-invalid") is None
    assert visit.sent == []
    assert page.url.endswith("/foredrag/bestill/")


def test_a_bad_email_or_audience_size_is_refused_with_its_own_message(visit) -> None:
    page = visit.page
    page.goto("/sv/foredrag/bestill/")
    visit.fill("sv", email="kari-at-fjordbanken", audience_size="0")
    visit.submit()
    assert page.locator("#inquiry-summary-title").inner_text() == "2 fält behöver rättas:"
    assert page.locator("#inquiry-email-error").inner_text() == (
        "Skriv en e-postadress som namn@foretag.se."
    )
    assert page.locator("#inquiry-audience_size-error").inner_text() == (
        "Skriv ett heltal från 1 och uppåt."
    )
    assert visit.sent == []


def test_a_filled_honeypot_sends_nothing(visit) -> None:
    page = visit.page
    page.goto("/foredrag/bestill/")
    visit.fill("nb")
    page.locator("input[name=_gotcha]").fill("http://spam.example", force=True)
    visit.submit()
    page.wait_for_url("**/foredrag/takk/")
    assert visit.sent == []


def test_when_sending_fails_the_input_stays_and_email_is_offered(browser, site_url) -> None:
    visit = Visit(browser, site_url, status=500)
    try:
        page = visit.page
        page.goto("/da/foredrag/bestill/")
        visit.fill("da")
        visit.submit()
        status = page.locator("#inquiry-status")
        status.get_by_role("link").wait_for()
        assert "Forespørgslen kom ikke frem" in status.inner_text()
        assert len(visit.sent) == 1  # it was tried
        assert page.url.endswith("/da/foredrag/bestill/")
        for name, value in TYPED.items():
            assert page.locator(f"[name={name}]").input_value() == value
        link = status.get_by_role("link", name="Send den på e-mail i stedet")
        mail = _mailto(link.get_attribute("href"))
        assert mail["to"] == "hilde@example.no"
        assert mail["subject"] == "Forespørgsel om foredrag: Holdning, der kan mærkes"
        assert "Virksomhed: Fjordbanken" in mail["body"]
    finally:
        visit.close()


def test_without_a_form_service_the_email_carries_every_field(browser, mail_site_url) -> None:
    visit = Visit(browser, mail_site_url)
    try:
        page = visit.page
        page.goto("/foredrag/bestill/?talk=klager")
        assert (
            page.locator("form#inquiry")
            .get_attribute("action")
            .startswith("mailto:hilde@godtmott.no?subject=")
        )
        visit.fill("nb", talk="Når det går galt")
        visit.submit()
        link = page.locator("#inquiry-status a")
        link.wait_for()
        mail = _mailto(link.get_attribute("href"))
        assert mail["to"] == "hilde@godtmott.no"
        assert mail["subject"] == "Forespørsel om foredrag: Når det går galt"
        lines = mail["body"].split("\r\n")
        assert lines[:3] == [
            "Foredrag: Når det går galt",
            "Form: Foredrag",
            "Virksomhet: Fjordbanken",
        ]
        for value in TYPED.values():
            assert any(line.endswith(value) for line in lines), value
        assert "Hvor skal det være? På stedet" in lines
        assert lines[-1].startswith("Jeg samtykker") and lines[-1].endswith(": Ja")
        assert visit.sent == []
    finally:
        visit.close()


@pytest.mark.parametrize("lang", ["nb", "sv"])
def test_without_javascript_the_form_still_posts(browser, site_url, lang) -> None:
    visit = Visit(browser, site_url, javascript=False)
    try:
        page = visit.page
        page.goto(f"{PREFIX[lang]}/foredrag/bestill/")
        visit.fill(lang)
        visit.submit()
        page.wait_for_load_state()
        [fields] = visit.sent
        for name, value in {**FILLED[lang], **TYPED}.items():
            assert fields[name] == [value], name
        assert fields["_next"] == [f"https://godtmott.no{PREFIX[lang]}/foredrag/takk/"]
    finally:
        visit.close()


AXE = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"


@pytest.mark.parametrize("lang", ["nb", "sv", "da"])
@pytest.mark.parametrize("path", ["/foredrag/", "/foredrag/holdning/", "/foredrag/bestill/"])
def test_axe_finds_no_violations(visit: Visit, lang: str, path: str) -> None:
    page = visit.page
    page.goto(PREFIX[lang] + path)
    if path.endswith("bestill/"):  # also with every error message showing
        visit.submit()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    violations = {v["id"]: [node["target"] for node in v["nodes"]] for v in result["violations"]}
    assert violations == {}


def _mailto(href: str) -> dict[str, str]:
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query)
    return {"to": unquote(parts.path), "subject": query["subject"][0], "body": query["body"][0]}


@pytest.mark.parametrize(
    ("path", "to_light"),
    [
        ("/blogg/smilet/", "Bytt til lyst tema"),
        ("/sv/foredrag/bestill/", "Byt till ljust tema"),
        ("/da/foredrag/", "Skift til lyst tema"),
    ],
)
def test_dark_mode_follows_the_system_and_passes_axe(browser, site_url, path, to_light) -> None:
    context = browser.new_context(base_url=site_url, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(path)
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        if path.endswith("bestill/"):
            page.locator("button[type=submit]").click()  # with every error message showing
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in result["violations"]] == []
        # The switch back to light speaks the page's language.
        assert page.locator("label[for='__palette_0']").get_attribute("title") == to_light
    finally:
        context.close()
