"""Links inside essays and talks: they resolve on the built site, across languages
too, and a broken one is reported at its line in the author's file."""

from __future__ import annotations

import posixpath
import re

import pytest
from click import ClickException

import sitecheck
from conftest import post, talk

ESSAYS = {
    "posts/forste.nb.md": post(
        "Første",
        "2024-01-02",
        "Se [den andre](andre.nb.md), [på svensk](forste.sv.md#ett-avsnitt),\n"
        "[foredraget](../talks/holdning.nb.md) og [avsnittet](andre.nb.md#et-avsnitt).\n",
    ),
    "posts/andre.nb.md": post(
        "Andre", "2024-01-03", "## Et avsnitt\n\nIkke en lenke: `[x](finnes-ikke.nb.md)`.\n"
    ),
    "posts/forste.sv.md": post(
        "Första", "2024-01-02", "## Ett avsnitt\n\nSe [den norska](forste.nb.md).\n"
    ),
    "talks/holdning.nb.md": talk("Holdning")
    + "\nLes [essayet](../posts/andre.nb.md#et-avsnitt).\n",
}


def href_of(html: str, text: str) -> str:
    match = re.search(rf'<a href="([^"]*)"[^>]*>{re.escape(text)}</a>', html)
    assert match, f"no link '{text}'"
    return match[1]


def target_exists(site, page: str, href: str) -> bool:
    """Whether *href* on the page at URL path *page* leads to a built page (and heading)."""
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(page, path))
    file = site.out / target / "index.html"
    return file.is_file() and (not anchor or f'id="{anchor}"' in file.read_text())


def test_links_to_essays_translations_and_talks_resolve(make_site) -> None:
    site = make_site(ESSAYS)
    site.build()
    pages = {
        "blogg/forste/": ["den andre", "på svensk", "foredraget", "avsnittet"],
        "sv/blogg/forste/": ["den norska"],
        "foredrag/holdning/": ["essayet"],
    }
    for page, texts in pages.items():
        html = site.html(page)
        for text in texts:
            href = href_of(html, text)
            assert target_exists(site, page, href), (page, text, href)
    assert href_of(site.html("blogg/forste/"), "på svensk") == "../../sv/blogg/forste/#ett-avsnitt"
    assert href_of(site.html("sv/blogg/forste/"), "den norska") == "../../../blogg/forste/"


def failed_errors(site, log) -> list[str]:
    with pytest.raises(ClickException, match="Aborted with a BuildError"):
        site.build()
    return [r.getMessage() for r in log.records if r.levelname == "ERROR"]


EXPECTED = (
    "expected the file name of an essay as it lies in posts/ ('svar-raskt.nb.md'), "
    "'../talks/<name>.<lang>.md' for a talk, or a web address (https://…)"
)


def test_a_broken_link_fails_the_build_at_its_line(make_site, content_log) -> None:
    body = "Første linje.\n\nSe [dette](finnes-ikke.nb.md)\nog [bildet](../bilder/x.png).\n"
    site = make_site({**ESSAYS, "posts/brutt.nb.md": post("Brutt", "2024-02-01", body)})
    site.out.mkdir()
    (site.out / "earlier-build.html").write_text("the previous site")
    errors = failed_errors(site, content_log)
    assert errors[:2] == [
        "posts/brutt.nb.md:8: the link 'finnes-ikke.nb.md' points to posts/finnes-ikke.nb.md, "
        f"which does not exist; {EXPECTED}",
        "posts/brutt.nb.md:9: the link '../bilder/x.png' points to 'bilder/x.png', which is not "
        f"an essay or a talk; {EXPECTED}",
    ]
    assert [p.name for p in site.out.iterdir()] == ["earlier-build.html"]


def test_a_link_to_a_missing_translation_names_the_ones_there_are(make_site, content_log) -> None:
    body = "Se [dansk](forste.da.md).\n"
    site = make_site({**ESSAYS, "posts/tredje.nb.md": post("Tredje", "2024-02-01", body)})
    assert failed_errors(site, content_log)[0] == (
        "posts/tredje.nb.md:6: the link 'forste.da.md' points to posts/forste.da.md, which does "
        f"not exist (there is posts/forste.nb.md, posts/forste.sv.md); {EXPECTED}"
    )


def test_make_check_reports_the_same_problem(make_site, capsys) -> None:
    site = make_site({"posts/brutt.nb.md": post("Brutt", "2024-02-01", "[x](borte.nb.md)\n")})
    assert sitecheck.main(site.root) == 1
    assert (
        "posts/brutt.nb.md:6: the link 'borte.nb.md' points to posts/borte.nb.md, which does "
        f"not exist; {EXPECTED}"
    ) in capsys.readouterr().err.splitlines()


def test_a_link_to_a_missing_heading_names_the_file_and_line(make_site, content_log) -> None:
    files = dict(ESSAYS)
    files["posts/forste.nb.md"] = files["posts/forste.nb.md"].replace("#et-avsnitt", "#intet")
    site = make_site(files)
    with pytest.raises(ClickException, match="strict mode"):
        site.build()
    warnings = [r.getMessage() for r in content_log.records if r.levelname == "WARNING"]
    assert warnings == [
        "posts/forste.nb.md:7: the link 'andre.nb.md#intet': posts/andre.nb.md has no heading "
        "with the anchor '#intet'; expected the anchor of one of its headings ('## Et avsnitt' "
        "has '#et-avsnitt')"
    ]
    assert not any("blogg/" in r.getMessage() for r in content_log.records)


def test_a_link_to_a_draft_fails_the_build_but_works_in_the_preview(make_site, content_log) -> None:
    files = {
        **ESSAYS,
        "posts/utkast.nb.md": post("Utkast", "2024-02-01", draft="true"),
        "posts/lenker.nb.md": post("Lenker", "2024-02-02", "Se [utkastet](utkast.nb.md).\n"),
    }
    site = make_site(files)
    assert failed_errors(site, content_log)[0] == (
        "posts/lenker.nb.md:6: the link 'utkast.nb.md' points to posts/utkast.nb.md, which is a "
        "draft and not published yet; expected a link to a published essay or talk (or publish "
        "that one first)"
    )
    content_log.clear()
    site.build(command="serve", strict=False)
    assert target_exists(site, "blogg/lenker/", href_of(site.html("blogg/lenker/"), "utkastet"))
    assert not [r for r in content_log.records if r.levelname in ("WARNING", "ERROR")]


def test_links_are_found_outside_code_only() -> None:
    import links

    body = (
        "Se [en](a.nb.md) og ![bilde](b.png).\n\n"
        "```\n[ikke](c.nb.md)\n```\n\n"
        "~~~\n[heller ikke](d.nb.md)\n~~~\n\n"
        "Kode: `[nei](e.nb.md)`, men [ja](<f.nb.md>).\n\n"
        "[ref]: g.nb.md\n"
    )
    assert [link.target for link in links.links_in(body)] == [
        "a.nb.md",
        "b.png",
        "<f.nb.md>",
        "g.nb.md",
    ]
    tilde_only = "~~~\n[ikke](c.nb.md)\n~~~\n\n[ja](d.nb.md)\n"
    assert [link.target for link in links.links_in(tilde_only)] == ["d.nb.md"]
    assert links.links_in("Ingen lenker her, bare [klammer] og (parenteser).") == ()
