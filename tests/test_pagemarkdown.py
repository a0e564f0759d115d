"""One Markdown converter per build (hooks/pagemarkdown.py) gives the pages MkDocs'
own ``Page.render`` gives: the same site, byte for byte, and the same warnings."""

from __future__ import annotations

import filecmp
import logging
from pathlib import Path

import pytest
from click import ClickException

import pagemarkdown
from conftest import post

# Pages that use what the converter keeps between pages: headings and their ids
# (toc), titles from a first heading, anchors MkDocs checks links against, raw
# HTML with ids, tables, attribute lists, Markdown inside HTML, reference links.
FILES = {
    "posts/forste.nb.md": post(
        "Første",
        "2024-01-02",
        "## Et avsnitt {#eget-anker}\n\nSe [den andre][andre] og [avsnittet](andre.nb.md#mer).\n\n"
        '<div class="boks" id="boksen" markdown>\n*Inni* en boks.\n</div>\n\n'
        "| Kolonne | Verdi |\n| --- | --- |\n| a | 1 |\n\n[andre]: andre.nb.md\n",
    ),
    "posts/andre.nb.md": post(
        "Andre", "2024-01-03", "## Mer\n\nTekst.\n\n## Et avsnitt\n\nSamme overskrift som i første.\n"
    ),
    "posts/forste.sv.md": post(
        "Första", "2024-01-02", "## Ett avsnitt\n\nSe [den norska][n].\n\n[n]: forste.nb.md\n"
    ),
    "docs/om.md": "# Om meg\n\n## Bakgrunn\n\nSe [hjem](index.md#velkommen).\n",
    "docs/index.md": "---\ntitle: Godt møtt\ntemplate: home.html\n---\n## Velkommen\n\nHei.\n",
}


def build(site, out: Path, strict: bool = True) -> list[str]:
    """Build *site* into *out*; the warnings it logged."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    records: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        config = load_config(
            config_file=str(site.root / "mkdocs.yml"), site_dir=str(out), strict=strict
        )
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return records


def same_tree(a: Path, b: Path) -> list[str]:
    """Files that differ or exist on one side only (empty when the trees are equal)."""
    compared = filecmp.dircmp(a, b)
    found = [*compared.left_only, *compared.right_only, *compared.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(a, b, compared.common_files, shallow=False)
    found += mismatch + errors
    for sub in compared.common_dirs:
        found += [f"{sub}/{name}" for name in same_tree(a / sub, b / sub)]
    return found


def test_the_site_is_the_same_as_with_a_new_converter_per_page(
    make_site, monkeypatch, tmp_path
) -> None:
    site = make_site(FILES)
    calls = []
    render = pagemarkdown.render
    monkeypatch.setattr(pagemarkdown, "render", lambda *a: calls.append(a[0]) or render(*a))
    build(site, tmp_path / "shared")
    assert len(calls) >= 20  # every page of every language went through the shared converter
    monkeypatch.setattr(pagemarkdown, "use_for", lambda page: None)  # MkDocs' Page.render
    build(site, tmp_path / "mkdocs")
    assert same_tree(tmp_path / "shared", tmp_path / "mkdocs") == []


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
        build(site, tmp_path / "shared")
    shared = build(site, tmp_path / "shared", strict=False)
    monkeypatch.setattr(pagemarkdown, "use_for", lambda page: None)
    own = build(site, tmp_path / "mkdocs", strict=False)
    assert shared == own
    assert any("'#velkommen'" in w and "om.md" in w for w in shared), shared
    assert any("index.md#borte" in w for w in shared), shared
    assert same_tree(tmp_path / "shared", tmp_path / "mkdocs") == []
