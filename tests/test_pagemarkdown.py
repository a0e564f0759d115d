"""One Markdown converter per build (hooks/pagemarkdown.py) gives the pages MkDocs'
own ``Page.render`` gives: the same site, byte for byte, and the same warnings."""

from __future__ import annotations

import pytest
from click import ClickException

import pagemarkdown
from conftest import build_into, differing_files, post

# Pages that use what the converter keeps between pages: headings and their ids
# (toc), titles from a first heading, anchors MkDocs checks links against, raw
# HTML with ids, tables, attribute lists, Markdown inside HTML, reference links.
FILES = {
    "posts/forste.nb.md": post(
        "Første",
        "2024-01-02",
        "## Et avsnitt {#eget-anker}\n\nSe [den andre][andre] og [avsnittet](andre.nb.md#mer).\n\n"
        '<div class="boks" id="boksen" markdown>\n*Inni* en boks.\n</div>\n\n'
        '<p class="merke" id="merket">Rå HTML.</p>\n\n'
        "| Kolonne | Verdi |\n| --- | --- |\n| a | 1 |\n\n[andre]: andre.nb.md\n",
    ),
    "posts/andre.nb.md": post(
        "Andre",
        "2024-01-03",
        "## Mer\n\nTekst.\n\n## Et avsnitt\n\nSamme overskrift som i første, og "
        "[merket](forste.nb.md#merket) der.\n\n<!-- more -->\n\nSlutt.\n",
    ),
    "posts/forste.sv.md": post(
        "Första", "2024-01-02", "## Ett avsnitt\n\nSe [den norska][n].\n\n[n]: forste.nb.md\n"
    ),
    "docs/om.md": "# Om meg\n\n## Bakgrunn\n\nSe [hjem](index.md#velkommen).\n",
    "docs/index.md": "---\ntitle: Godt møtt\ntemplate: home.html\n---\n## Velkommen\n\nHei.\n",
}


def test_the_site_is_the_same_as_with_a_new_converter_per_page(
    make_site, monkeypatch, tmp_path
) -> None:
    site = make_site(FILES)
    calls = []
    render = pagemarkdown.render
    monkeypatch.setattr(pagemarkdown, "render", lambda *a: calls.append(a[0]) or render(*a))
    build_into(site.root, tmp_path / "shared")
    assert len(calls) >= 20  # every page of every language went through the shared converter
    monkeypatch.setattr(pagemarkdown, "use_for", lambda page: None)  # MkDocs' Page.render
    build_into(site.root, tmp_path / "mkdocs")
    assert differing_files(tmp_path / "shared", tmp_path / "mkdocs") == []


@pytest.mark.parametrize(
    ("markdown", "ids"),
    [
        ("Tekst.\n\n<!-- more -->\n\nMer tekst med 3 < 4.\n", set()),
        ('Tekst.\n\n<div id="boks" markdown>\n*Inni*\n</div>\n', {"boks"}),
        ('Se <a name="her"></a> og <SPAN ID="stor">.\n', {"her", "stor"}),
        ('<!-- <span id="bort"> -->\n', set()),
    ],
)
def test_ids_in_raw_html_are_found_as_mkdocs_finds_them(markdown: str, ids: set[str]) -> None:
    lines = markdown.split("\n")
    ours = pagemarkdown._RawHTMLAnchors()
    mkdocs = pagemarkdown.mkdocs_pages._RawHTMLPreprocessor()
    assert ours.run(lines) == mkdocs.run(lines) == lines
    assert ours.present_anchor_ids == mkdocs.present_anchor_ids == ids


def test_anchors_and_titles_do_not_carry_over_from_one_page_to_the_next(
    make_site, monkeypatch, tmp_path
) -> None:
    # om.md links to a heading only index.md has, on itself: MkDocs must still warn,
    # though index.md was converted just before with the same converter. And om.md
    # has no title of its own: it must not get index.md's first heading.
    files = {
        **FILES,
        "docs/index.md": FILES["docs/index.md"].replace("## Velkommen", "# Hei\n\n## Velkommen"),
        "docs/om.md": "Se [velkommen](#velkommen) og [hjem](index.md#borte).\n",
    }
    site = make_site(files)
    with pytest.raises(ClickException, match="strict mode"):
        build_into(site.root, tmp_path / "shared")
    shared = build_into(site.root, tmp_path / "shared", strict=False)
    monkeypatch.setattr(pagemarkdown, "use_for", lambda page: None)
    own = build_into(site.root, tmp_path / "mkdocs", strict=False)
    assert shared == own
    assert any("'#velkommen'" in w and "om.md" in w for w in shared), shared
    assert any("index.md#borte" in w for w in shared), shared
    assert differing_files(tmp_path / "shared", tmp_path / "mkdocs") == []
