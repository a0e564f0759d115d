"""The search index made by hooks/searchindex.py is the one Material's own parser
makes: for every page of the sample site, for hand-made edge cases and for
thousands of random documents of the elements Markdown writes."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from material.plugins.search.plugin import Parser

import searchindex
from conftest import ROOT, build_into, post

LANGUAGES = {"nb": "", "sv": "sv/", "da": "da/"}


def material(html: str) -> list[tuple]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return described(parser.data)


def described(sections) -> list[tuple]:
    return [(s.el.tag, s.el.attrs, s.depth, s.id, s.title, s.text) for s in sections]


def fast(html: str) -> list[tuple] | None:
    found = searchindex.sections(html)
    return None if found is None else described(found)


# Read by the fast path: what Markdown writes, and the quirks of Material's parser.
SAME = [
    "",
    "Bare tekst.",
    "<p>Et avsnitt med <em>vekt</em>, <strong>styrke</strong> og <code>kode</code>.</p>",
    '<h2 id="a">Først<a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>'
    "<p>Tekst</p>",
    '<h1 id="t">Tittel</h1><p>Innledning</p><h2 id="b">Del</h2><p>Mer</p>',
    "<p>Før overskriften</p><h2>Uten id</h2><p>etter</p>",
    '<h3 id="c">Overskrift med <code>kode</code> og <sup>1</sup></h3>',
    "<p>  \n  </p><p></p><p>\n</p><p>ord</p>",  # empty paragraphs are dropped
    "<ul>\n<li>en</li>\n<li></li>\n<li>tre <em>x</em></li>\n</ul>",
    "<ol><li><p>avsnitt i punkt</p></li><li>\n</li></ol>",
    "<pre><code>linje 1\n    linje 2\n\n  \n</code></pre><p>a\nb</p>",
    "<p>&amp; &lt;tag&gt; &quot;sitat&quot; &#8212; &eacute; &#x27;</p>",
    '<p><a href="x.html?a=1&amp;b=2" title="&quot;t&quot;">lenke</a></p>',
    "<p>linje<br />ny<br>linje</p><hr /><hr><p>slutt</p>",
    '<p><img alt="bilde" src="b.png" /> bilde</p>',
    "<!-- more -->\n\n<p>etter kommentaren</p><!--x-y-->",
    "<blockquote>\n<p>sitat</p>\n</blockquote>",
    '<div class="admonition"><h2 id="inni">Inni en boks</h2><p>tekst</p></div><p>ute</p>',
    '<h2 id="x">A</h2><div><h2>B uten id</h2>tekst i B</div><p>etter</p>',  # tag quirk
    '<h2 id="y">A</h2><h3 id="z">B</h3><p>C</p><h2 id="w">D</h2>',
    "<table>\n<thead>\n<tr>\n<th>K</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>"
    "\n</tbody>\n</table>",
    "<p>uavsluttet <em>element",
    "</p>tekst</em><p>x</p>",  # end tags that close nothing
    "<p><sub></sub> <sup> </sup>x</p>",
    '<p data-x="1" hidden>attributter</p><span class="a" id="b">span</span>',
    "<p>a > b</p>",
    '<h2 id="a">x</h2><h2 id="a">igjen samme id</h2>',
    "<p/>tekst<p />",
]

# Left to Material's parser: markup the fast path does not read exactly as HTMLParser.
FALLBACK = [
    "<script>var a = '<p>';</script><p>x</p>",
    "<style>p { color: red }</style>",
    "<div data-search-exclude><p>hemmelig</p></div><p>synlig</p>",
    '<table class="highlighttable"><td class="linenodiv">1</td></table>',
    "<P>store bokstaver</P>",
    "<p class='enkle'>fnutter</p>",
    "<p class=uten>fnutter</p>",
    "a < b",
    "<!DOCTYPE html><p>x</p>",
    "<!-- a -- b -->",
    "<!--> tom -->",
    "<!---->",
    "<?xml version='1.0'?>",
    "<my-element>x</my-element>",
    "<textarea><p>x</p></textarea>",
    "<p>slutt <",
]


@pytest.mark.parametrize("html", SAME)
def test_the_fast_path_gives_materials_sections(html: str) -> None:
    assert fast(html) == material(html)


@pytest.mark.parametrize("html", FALLBACK)
def test_other_markup_is_left_to_materials_parser(html: str) -> None:
    assert searchindex.sections(html) is None


def test_where_materials_parser_fails_it_is_left_to_fail() -> None:
    # Found by the random documents below: the <ol> is closed in another section than
    # the one it was opened in, and Material's parser looks for it there.
    html = '<blockquote><h3 id="b"></h3><h2 id="c"></h2></blockquote><td><ol><h1 id="c"></h1></ol>'
    with pytest.raises(ValueError):
        material(html)
    assert searchindex.sections(html) is None


WORDS = ["kunde", "Svar", "klage", "æøå", "tjeneste", "a-b", "«sitat»", "—", "1", "x_y"]
TEXT = [" ", "\n", "  \n  ", "\n\n", "&amp;", "&lt;", "&gt;", "&quot;", "&#8212;", ">", "'"]
CONTAINERS = ["p", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "div"]
CONTAINERS += ["span", "sub", "sup", "table", "tr", "td", "a", "h1", "h2", "h3", "h4"]


def random_document(rng: random.Random) -> str:
    out: list[str] = []
    open_tags: list[str] = []
    for _ in range(rng.randint(1, 60)):
        roll = rng.random()
        if roll < 0.35:
            out.append(" ".join(rng.choices(WORDS, k=rng.randint(1, 4))) + rng.choice(TEXT))
        elif roll < 0.38:
            out.append(rng.choice(TEXT))
        elif roll < 0.62:
            tag = rng.choice(CONTAINERS)
            attrs = ""
            if tag[0] == "h" and rng.random() < 0.7:
                attrs = f' id="{rng.choice(["a", "b", "c", "&amp;d"])}"'
            elif tag == "a":
                link = rng.choice(['href="#a"', 'class="headerlink" href="#a"', 'class="x"'])
                attrs = " " + link
            elif rng.random() < 0.1:
                attrs = ' class="linje"'
            out.append(f"<{tag}{attrs}{'/' if rng.random() < 0.03 else ''}>")
            open_tags.append(tag)
        elif roll < 0.88 and open_tags:
            # Mostly the innermost element, sometimes another or one never opened.
            tag = open_tags.pop() if rng.random() < 0.8 else rng.choice(CONTAINERS)
            out.append(f"</{tag}>")
        elif roll < 0.95:
            out.append(rng.choice(["<br />", "<br>", "<hr />", '<img alt="b" src="b.png" />']))
        else:
            out.append(rng.choice(["<!-- more -->", "<!-- x-y -->"]))
    return "".join(out)


def test_random_documents_give_materials_sections() -> None:
    rng = random.Random(20261123)
    read = 0
    for number in range(3000):
        html = random_document(rng)
        try:
            expected = material(html)
        except ValueError:  # Material's parser fails on some end tags; see above
            assert searchindex.sections(html) is None, html
            continue
        got = fast(html)
        if got is not None:
            read += 1
            assert got == expected, f"document {number}: {html!r}"
    assert read > 2400  # the fast path read most of them (the rest Material fails on)


# --- whole sites --------------------------------------------------------------------------


def search_indexes(root: Path, site_dir: Path) -> dict[str, object]:
    build_into(root, site_dir)
    return {
        lang: json.loads((site_dir / prefix / "search" / "search_index.json").read_bytes())
        for lang, prefix in LANGUAGES.items()
    }


def test_the_sample_site_gets_the_same_search_index(monkeypatch, tmp_path: Path) -> None:
    read: list[bool] = []
    sections = searchindex.sections
    monkeypatch.setattr(
        searchindex, "sections", lambda html: read.append((r := sections(html)) is not None) or r
    )
    fast_indexes = search_indexes(ROOT, tmp_path / "fast")
    assert len(read) >= 30 and all(read)  # every indexed page was read by the fast path
    monkeypatch.setattr(searchindex, "install", lambda config: None)  # Material's own
    assert fast_indexes == search_indexes(ROOT, tmp_path / "material")


def test_a_page_with_excluded_parts_is_indexed_by_materials_parser(
    make_site, monkeypatch, tmp_path: Path
) -> None:
    site = make_site(
        {
            "posts/hei.nb.md": post("Hei", "2024-01-02", "## Første\n\nOrd.\n\n## Andre\n\nMer.\n"),
            "docs/om.md": "# Om meg\n\nSynlig.\n\n"
            "<div data-search-exclude markdown>\n## Hemmelig\n\nSkjult tekst.\n</div>\n",
        }
    )
    fast_indexes = search_indexes(site.root, tmp_path / "fast")
    text = json.dumps(fast_indexes["nb"], ensure_ascii=False)
    assert "Synlig" in text and "Første" in text
    assert "Skjult" not in text and "Hemmelig" not in text
    page = (tmp_path / "fast" / "om" / "index.html").read_text(encoding="utf-8")
    assert "Skjult tekst" in page and "data-search-exclude" not in page
    monkeypatch.setattr(searchindex, "install", lambda config: None)
    assert fast_indexes == search_indexes(site.root, tmp_path / "material")
