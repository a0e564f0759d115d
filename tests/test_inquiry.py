"""The talk catalog and the inquiry page, as built HTML (the browser tests are in
test_inquiry_browser.py)."""

from __future__ import annotations

import pytest

from conftest import Site, new_site, post, talk
from test_bad_input import failed_build_errors

NASTY = 'Kunden sa \\"nei\\" <script>alert(1)</script> & gikk'

FILES = {
    "talks/holdning.nb.md": talk("Holdning som merkes", themes="[attitude]"),
    "talks/holdning.sv.md": talk("Bemötande som märks", themes="[attitude]"),
    "talks/klager.nb.md": talk("Når det går galt", themes="[recovery, attitude]"),
    "talks/skummel.nb.md": talk(f'"{NASTY}"', audience='["<b>ledere</b>"]'),
    "posts/smilet.nb.md": post("Smilet", "2025-02-01", "Et smil.\n", themes="[attitude]"),
    "posts/klagen.nb.md": post("Klagen", "2025-03-01", "En klage.\n", themes="[recovery]"),
    "posts/priser.nb.md": post("Priser", "2025-04-01", "Om priser.\n", themes="[]"),
}
EMAIL_LINE = "    email: hilde@godtmott.no"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = new_site(tmp_path_factory.mktemp("inquiry") / "root", FILES)
    built.build()
    return built


def options(html: str, name: str) -> list[str]:
    select = html.split(f'<select id="inquiry-{name}"')[1].split("</select>")[0]
    return [part.split("</option>")[0].split(">", 1)[1] for part in select.split("<option")[1:]]


def test_the_form_is_made_from_the_talks_and_formats_of_each_language(site: Site) -> None:
    nb = site.html("foredrag/bestill/")
    assert options(nb, "talk") == [
        "Velg …",
        "Holdning som merkes",
        "Kunden sa &#34;nei&#34; &lt;script&gt;alert(1)&lt;/script&gt; &amp; gikk",
        "Når det går galt",
        "Et skreddersydd foredrag",
    ]
    assert options(nb, "format") == [
        "Velg …",
        "Foredrag",
        "Workshop",
        "Halvdagskurs",
        "Heldagskurs",
        "Webinar",
    ]
    # Every language some talk can be given in, the page's own chosen.
    assert options(nb, "language") == ["Velg …", "Norsk bokmål", "Svensk", "Dansk"]
    assert '<option value="Norsk bokmål" selected>' in nb
    sv = site.html("sv/foredrag/bestill/")
    assert options(sv, "talk") == ["Välj …", "Bemötande som märks", "En skräddarsydd föreläsning"]
    assert '<option value="Svenska" selected>' in sv


def test_a_talk_title_with_markup_stays_text_in_every_place(site: Site) -> None:
    escaped = "Kunden sa &#34;nei&#34; &lt;script&gt;alert(1)&lt;/script&gt; &amp; gikk"
    form = site.html("foredrag/bestill/")
    assert f'<option value="{escaped}" data-slug="skummel">{escaped}</option>' in form
    catalog = site.html("foredrag/")
    page = site.html("foredrag/skummel/")
    for html in (form, catalog, page):
        assert "<script>alert(1)" not in html
    assert f"<h1>{escaped}</h1>" in page
    assert "&lt;b&gt;ledere&lt;/b&gt;" in page


def test_catalog_cards_show_summary_durations_formats_languages_and_themes(site: Site) -> None:
    catalog = site.html("foredrag/")
    card = catalog.split('<article class="talk-card">')[1].split("</article>")[0]
    assert "Holdning som merkes" in card
    assert "Et foredrag om service." in card
    assert "Foredrag · 45 eller 60 minutter · norsk bokmål, svensk og dansk" in card
    assert '<a href="../tema/attitude/" class="theme-link">Holdning</a>' in card


def test_each_talk_page_has_a_request_action_choosing_that_talk(site: Site) -> None:
    page = site.html("foredrag/holdning/")
    assert 'href="../bestill/?talk=holdning"' in page
    assert 'href="../bestill/?talk=holdning"' in site.html("sv/foredrag/holdning/")


def test_essays_invite_to_the_talks_that_share_their_themes(site: Site) -> None:
    def invitation(url: str) -> str:
        return site.html(url).split('id="essay-talks"')[1].split("</section>")[0]

    smilet = invitation("blogg/smilet/")
    # Both talks share 'attitude'; neither shares more, so catalog order.
    assert smilet.index("Holdning som merkes") < smilet.index("Når det går galt")
    assert "skummel" not in smilet
    klagen = invitation("blogg/klagen/")
    assert "Når det går galt" in klagen and "Holdning som merkes" not in klagen
    priser = invitation("blogg/priser/")
    assert '<a href="../../foredrag/bestill/">Send en forespørsel →</a>' in priser


def test_with_an_endpoint_the_form_posts_there_and_without_it_opens_an_email(tmp_path) -> None:
    site_a = new_site(tmp_path / "a", FILES)
    site_a.build()
    mail = site_a.html("foredrag/bestill/")
    assert (
        'action="mailto:hilde@godtmott.no?subject=Foresp%C3%B8rsel%20om%20foredrag%3A%20'
        'Bestill%20foredrag" method="post" enctype="text/plain"'
    ) in mail
    assert 'name="_next"' not in mail

    site_b = new_site(
        tmp_path / "b",
        FILES,
        {EMAIL_LINE: "    endpoint: https://formspree.io/f/abcd1234\n    email: hilde@godtmott.no"},
    )
    site_b.build()
    site_html = site_b.html("sv/foredrag/bestill/")
    assert 'action="https://formspree.io/f/abcd1234" method="post"' in site_html
    assert '<input type="hidden" name="_next" value="https://godtmott.no/sv/foredrag/takk/">' in (
        site_html
    )
    thanks = site_b.html("sv/foredrag/takk/")
    assert "<h1>Tack för din förfrågan</h1>" in thanks
    assert '<meta name="robots" content="noindex">' in thanks


def test_a_new_talk_file_is_in_the_form_on_the_next_build(tmp_path) -> None:
    site = new_site(tmp_path / "root", {"talks/holdning.da.md": talk("Holdning, der kan mærkes")})
    site.build()
    assert options(site.html("da/foredrag/bestill/"), "talk")[1:-1] == ["Holdning, der kan mærkes"]
    site.write({"talks/ny.da.md": talk("Når kunden klager")})
    site.build()
    assert options(site.html("da/foredrag/bestill/"), "talk")[1:-1] == [
        "Holdning, der kan mærkes",
        "Når kunden klager",
    ]
    (site.root / "talks" / "holdning.da.md").unlink()
    site.build()
    assert options(site.html("da/foredrag/bestill/"), "talk")[1:-1] == ["Når kunden klager"]


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "    endpoint: http://formspree.io/f/abcd1234",
            "mkdocs.yml: 'extra.inquiry.endpoint': expected the https:// address of a form "
            "service (e.g. https://formspree.io/f/abcdwxyz), got 'http://formspree.io/f/abcd1234'",
        ),
        (
            "    email: hilde(at)godtmott.no",
            "mkdocs.yml: 'extra.inquiry.email': expected an e-mail address like "
            "hilde@example.no, got 'hilde(at)godtmott.no'",
        ),
        (
            "    emial: hilde@godtmott.no",
            "mkdocs.yml: 'extra.inquiry.emial': unknown key; expected 'endpoint' or 'email'",
        ),
    ],
)
def test_a_bad_inquiry_setting_stops_the_build_with_a_clear_message(
    tmp_path, content_log, setting, message
) -> None:
    site = new_site(tmp_path / "root", {}, {EMAIL_LINE: setting})
    assert message in failed_build_errors(site, content_log)


def test_the_inquiry_page_needs_an_endpoint_or_an_email(tmp_path, content_log) -> None:
    site = new_site(tmp_path / "root", {}, {EMAIL_LINE: "    endpoint: ''"})
    assert failed_build_errors(site, content_log)[0] == (
        "mkdocs.yml: 'extra.inquiry': expected an 'endpoint' (a form service's https:// "
        "address) or an 'email' (inquiries then open the visitor's e-mail program); "
        "the inquiry page needs one of them"
    )


def test_a_talk_cannot_take_the_inquiry_pages_slug(tmp_path, content_log) -> None:
    site = new_site(tmp_path / "root", {"talks/bestill.nb.md": talk("Bestill")})
    assert failed_build_errors(site, content_log)[0] == (
        "talks/bestill.nb.md: the slug 'bestill' is used by a page the site generates; "
        "expected another name"
    )
