"""Parts of pages rendered once and reused (hooks/rendering.py, and Material's UI
strings looked up in Python by hooks/main.py) give the same pages, byte for byte,
as rendering every part of every page with Material's templates."""

from __future__ import annotations

import sys
from pathlib import Path

import rendering
from conftest import HOOKS, ROOT, build_into, differing_files, post, talk


def build_both(root: Path, tmp_path: Path, monkeypatch) -> tuple[Path, Path]:
    """The site in *root* built with the reuse (first) and without it (second)."""
    reused, plain = tmp_path / "reused", tmp_path / "plain"
    calls: list[object] = []
    cache_partials = rendering.cache_partials
    monkeypatch.setattr(
        rendering, "cache_partials", lambda env: calls.append(env) or cache_partials(env)
    )
    build_into(root, reused)
    assert len(calls) == 3  # once per language
    monkeypatch.setattr(rendering, "cache_partials", lambda env: None)
    # MkDocs loads hooks/main.py under the name mkdocs.yml gives it (one module per name).
    hook_modules = [
        m
        for m in list(sys.modules.values())
        if getattr(m, "__file__", None) == str(HOOKS / "main.py")
    ]
    assert hook_modules
    for main in hook_modules:
        monkeypatch.setattr(main, "_material_strings", lambda env, config, corrections: None)
    build_into(root, plain)
    return reused, plain


def test_the_sample_site_is_the_same_with_parts_rendered_once(tmp_path, monkeypatch) -> None:
    reused, plain = build_both(ROOT, tmp_path, monkeypatch)
    assert len(list(reused.rglob("index.html"))) > 50
    assert differing_files(reused, plain) == []


def test_titles_with_markup_characters_and_translations(make_site, tmp_path, monkeypatch) -> None:
    # The header is rendered once per set of language links with the title filled
    # in per page; titles that need escaping, pages with and without translations,
    # at different depths, must come out as Material writes them.
    site = make_site(
        {
            "posts/kunder.nb.md": post('Kunder & «svar» <b>"sitat"</b>', "2024-01-02"),
            "posts/kunder.sv.md": post("Kunder & svar", "2024-01-02"),
            "posts/alene.nb.md": post("Alene på norsk", "2024-01-03", "## Del {#del}\n\nTekst.\n"),
            "posts/ensam.sv.md": post("Ensam <på> svenska", "2024-01-04"),
            "talks/holdning.nb.md": talk("Holdning & ledelse"),
            "docs/om.md": "# Om meg & deg\n\nLitt om meg.\n",
        }
    )
    reused, plain = build_both(site.root, tmp_path, monkeypatch)
    page = (reused / "blogg" / "kunder" / "index.html").read_text(encoding="utf-8")
    assert "Kunder &amp; «svar» &lt;b&gt;&#34;sitat&#34;&lt;/b&gt;" in page  # in the header
    assert differing_files(reused, plain) == []


def test_tables_of_contents_of_every_shape(make_site, tmp_path, monkeypatch) -> None:
    # Material's table of contents is rendered once per nesting of headings, with
    # each heading's link and text put in per page (and, for a heading with
    # subheadings, its text without tags as a label): nested, flat, one h1 first
    # (left out of the list), markup and characters that need escaping in headings.
    site = make_site(
        {
            "posts/dyp.nb.md": post(
                "Dyp",
                "2024-01-02",
                "## En *viktig* del\n\nTekst.\n\n### Under & over\n\nTekst.\n\n"
                "#### Enda dypere\n\nTekst.\n\n### `kode` <i>her</i>\n\nTekst.\n\n"
                "## Neste del\n\nTekst.\n",
            ),
            "posts/flat.nb.md": post(
                "Flat", "2024-01-03", "## A\n\nx\n\n## B\n\ny\n\n## C «sitat»\n\nz\n"
            ),
            "posts/flat2.nb.md": post(
                "Flat 2", "2024-01-04", "## D\n\nx\n\n## E\n\ny\n\n## F\n\nz\n"
            ),
            "posts/tittel.nb.md": post(
                "Tittel", "2024-01-05", "# Overskrift\n\n## Første\n\nx\n\n## Andre\n\ny\n"
            ),
            "posts/ingen.nb.md": post("Ingen", "2024-01-06", "Bare tekst.\n"),
            # The shape of tittel's headings, without an h1 first; a quote in a label.
            "posts/nivaa.nb.md": post(
                "Nivå", "2024-01-07", '## Han sa "ja"\n\nx\n\n### a\n\ny\n\n### b\n\nz\n'
            ),
            # As many headings as dyp, none nested.
            "posts/to.nb.md": post("To", "2024-01-08", "## G\n\nx\n\n## H\n\ny\n"),
            "posts/dyp.sv.md": post(
                "Djup", "2024-01-02", "## Ett\n\nx\n\n### Två\n\ny\n\n## Tre\n\nz\n"
            ),
        }
    )
    reused, plain = build_both(site.root, tmp_path, monkeypatch)
    page = (reused / "blogg" / "dyp" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="En viktig del"' in page  # the label of a heading with subheadings
    assert "Under &amp; over" in page
    # Two pages of the same shape: each shows its own headings.
    flat2 = (reused / "blogg" / "flat2" / "index.html").read_text(encoding="utf-8")
    assert '<a href="#f" class="md-nav__link">' in flat2
    assert "«sitat»" not in flat2
    nivaa = (reused / "blogg" / "nivaa" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Han sa &#34;ja&#34;"' in nivaa
    assert differing_files(reused, plain) == []


class _Heading:
    def __init__(self, title: str, anchor: str, level: int = 2, children=()) -> None:
        self.title, self.url, self.level, self.children = title, f"#{anchor}", level, list(children)


class _Page:
    def __init__(self, toc: list[_Heading]) -> None:
        self.toc, self.meta, self.title = toc, {}, "Side"


def test_a_table_of_contents_template_that_changes_its_holes_is_rendered_whole() -> None:
    # An override that transforms a heading's text would leave a hole in the cached
    # rendering: then each page is rendered by the template itself.
    from jinja2 import Environment

    env = Environment()
    template = env.from_string(
        "{% for item in page.toc %}<a href='{{ item.url }}'>{{ item.title | upper }}</a>"
        "{% endfor %}"
    )
    cached = rendering._toc_by_shape(template.root_render_func, env)
    for page in (_Page([_Heading("en del", "en")]), _Page([_Heading("to deler", "to")])):
        html = "".join(cached(template.new_context({"page": page})))
        assert html == template.render(page=page)
    assert "TO DELER" in html


def test_a_header_that_changes_its_holes_is_rendered_whole() -> None:
    # A language link or the title changed on its way (here by filters) would leave a
    # hole in the cached rendering: then each page is rendered by the template itself.
    from jinja2 import Environment

    env = Environment()

    class Config:
        def __init__(self, link: str) -> None:
            self.extra = type("Extra", (), {})()
            self.extra.alternate = [{"link": link, "lang": "sv", "name": "Svenska"}]

    for source in (
        "{% for alt in config.extra.alternate %}<a href='{{ alt.link | replace('#', '/') }}'>"
        "{{ alt.name }}</a>{% endfor %}<h1>{{ page.title }}</h1>",
        "{% for alt in config.extra.alternate %}<a href='{{ alt.link }}'>{{ alt.name }}</a>"
        "{% endfor %}<h1>{{ page.title | upper }}</h1>",
    ):
        template = env.from_string(source)
        cached = rendering._cached_but_title(template.root_render_func)
        for link, title in (("#sv/a/", "En side"), ("#sv/b/", "Neste side")):
            page = _Page([])
            page.title = title
            values = {"page": page, "config": Config(link), "base_url": ".."}
            html = "".join(cached(template.new_context(values)))
            assert html == template.render(**values)
        assert "sv/b/" in html
        assert "este side" in html or "ESTE SIDE" in html
