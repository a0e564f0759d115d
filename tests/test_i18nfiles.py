"""hooks/i18nfiles.py makes the same File as mkdocs-static-i18n's own function."""

from __future__ import annotations

import copy
import itertools
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs_static_i18n import suffix
from mkdocs_static_i18n.plugin import I18n
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

import i18nfiles
from conftest import ROOT, build_into

LANGUAGES = ["nb", "sv", "da"]

# Page and asset names like the site's, and the shapes pathlib treats specially:
# several dots, a trailing dot in the stem, README, index folders, a locale-like
# suffix that is not a site language, one that is no locale, spaces and non-ASCII.
NAMES = [
    "index.md",
    "index.sv.md",
    "om.md",
    "om.da.md",
    "blogg/hei.sv.md",
    "blogg/index.nb.md",
    "blogg/side/2.da.md",
    "tema/ledelse.sv.md",
    "README.md",
    "README.sv.md",
    "sub/README.da.md",
    "index/index.sv.md",
    "README/x.sv.md",
    "a.b/c.sv.md",
    "a.b/c.md",
    "x.y.z.md",
    "x..sv.md",
    "x..md",
    "x.en-US.md",
    "x.fr.md",
    "x.zz_ZZ.md",
    "x.v2.md",
    "x.SV.md",
    "img/logo.sv.png",
    "img/logo.png",
    "file.tar.gz",
    "noext",
    "a b/ø å.sv.md",
    "blogg/kunden.nb.md",
    # Not clean: these go to the original function, and must come out the same.
    ".hidden/x.sv.md",
    "_a/.x.md",
    "x.sv..md",
]


def _state(file: File) -> dict[str, Any]:
    """Everything a File holds, with its alternates as language -> source path."""
    state = dict(vars(file))
    alternates = state.pop("alternates", {})
    state["alternates"] = {lang: (alt is file, alt.src_uri) for lang, alt in alternates.items()}
    return state


@pytest.fixture(scope="module")
def configs(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Any]:
    """The site's config, with and without directory URLs."""
    found = {}
    for directory_urls in (True, False):
        config = load_config(
            config_file=str(ROOT / "mkdocs.yml"),
            site_dir=str(tmp_path_factory.mktemp("site")),
            use_directory_urls=directory_urls,
        )
        found[directory_urls] = config
    return found


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_same_file_as_mkdocs_static_i18n(name: str, directory_urls: bool, configs: dict) -> None:
    config = configs[directory_urls]
    for current, default in itertools.product(LANGUAGES, ["nb", "sv"]):
        original = File(name, config.docs_dir, config.site_dir, directory_urls)
        ours = i18nfiles.create_i18n_file(original, current, default, LANGUAGES, config)
        theirs = i18nfiles._original(original, current, default, LANGUAGES, config)
        assert _state(ours) == _state(theirs), (name, current, default)
        # i18n also remakes its own files for the other languages (alternates).
        for other in LANGUAGES:
            again_ours = i18nfiles.create_i18n_file(theirs, other, default, LANGUAGES, config)
            again_theirs = i18nfiles._original(theirs, other, default, LANGUAGES, config)
            assert _state(again_ours) == _state(again_theirs), (name, current, other)


def test_clean_paths_take_the_fast_way(configs: dict) -> None:
    """The test above compares something: site paths do not all fall back."""
    config = configs[True]
    calls = []
    original = i18nfiles._original
    i18nfiles._original = lambda *a: calls.append(a) or original(*a)  # type: ignore[assignment]
    try:
        for name in ("blogg/hei.sv.md", "index.md", ".hidden/x.md"):
            i18nfiles.create_i18n_file(
                File(name, config.docs_dir, config.site_dir, True), "sv", "nb", LANGUAGES, config
            )
    finally:
        i18nfiles._original = original  # type: ignore[assignment]
    assert [a[0].src_uri for a in calls] == [".hidden/x.md"]


def test_every_file_of_the_sample_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Building the repository's site, each file mkdocs-static-i18n remakes comes out
    of `create_i18n_file` as it would of the original."""
    compared = []

    def both(*args: Any) -> File:
        ours = i18nfiles.create_i18n_file(*args)
        assert _state(ours) == _state(i18nfiles._original(*args)), args[0].src_uri
        compared.append(args[0].src_uri)
        return ours

    monkeypatch.setattr(suffix, "create_i18n_file", both)
    monkeypatch.setattr(i18nfiles, "install", lambda: None)  # keep `both` in place
    build_into(ROOT, tmp_path / "site")
    assert any(uri.startswith("blogg/") for uri in compared)
    assert len(compared) > 100


class _Plugin:
    def __init__(self, current: str, default: str) -> None:
        self.current_language, self.default_language = current, default


def test_same_link_targets_as_mkdocs_static_i18n(configs: dict) -> None:
    """Links resolve to the same file: the page in the language being built, else in
    the default language, else the path as written."""
    config = configs[True]
    present = [
        "index.md",
        "index.sv.md",
        "blogg/hei.nb.md",
        "blogg/hei.sv.md",
        "blogg/bare.da.md",
        "tema/x.md",
        "img/logo.png",
        "img/logo.sv.png",
        "a.b/c.md",
        "noext",
        "noext.sv",
    ]
    files = [File(name, config.docs_dir, config.site_dir, True) for name in present]
    paths = [
        *present,
        "blogg/hei.md",
        "blogg/bare.md",
        "img/logo.png",
        "tema/x.sv.md",
        "missing.md",
        "index",
        "",
        ".",
        "./index.md",
        "blogg/../index.md",
        "a.b/c",
        "x..md",
    ]
    for current, default in itertools.product(LANGUAGES, ["nb", "sv"]):
        lookup = suffix.I18nFiles(_Plugin(current, default), files)
        for path in paths:
            assert i18nfiles.get_file_from_path(lookup, path) is i18nfiles._original_lookup(
                lookup, path
            ), (path, current, default)


# --- per page -------------------------------------------------------------------------

PATHS = [
    "",
    ".",
    "./",
    "sv",
    "sv/",
    "sv//",
    "blogg/hei/",
    "blogg/hei",
    "blogg/hei/index.html",
    "blogg//hei/",
    "blogg/./hei/",
    "./blogg/hei/",
    "/sv/",
    "//sv/",
    "///sv/",
    "../sv/",
    ".hidden/",
    "a b/ø å/",
]


def test_path_key_is_pathlibs_normal_form() -> None:
    for path in PATHS:
        assert i18nfiles._path_key(path) == str(PurePosixPath(path)), path
    # and so compares as pathlib does
    for a, b in itertools.product(PATHS, repeat=2):
        same = i18nfiles._path_key(a) == i18nfiles._path_key(b)
        assert same == (PurePosixPath(a) == PurePosixPath(b)), (a, b)


def test_menu_copy_is_a_deep_copy() -> None:
    menu = [{"name": "Norsk", "link": "/", "lang": "nb"}, {"name": "Svenska", "link": "/sv/"}]
    copied = i18nfiles._copy_menu(menu)
    assert copied == menu
    copied[0]["link"] = "/x/"
    assert menu[0]["link"] == "/"
    nested = [{"name": "Norsk", "extra": ["a"]}]
    copied = i18nfiles._copy_menu(nested)
    copied[0]["extra"].append("b")
    assert nested == [{"name": "Norsk", "extra": ["a"]}]


def test_same_menus_and_markdown_as_mkdocs_static_i18n_in_a_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building the repository's site, every page gets the language menu and the
    Markdown the plugin's own code would give it (and the build goes through both
    replacements, or the comparisons below would compare code it does not run)."""
    menus = []
    markdowns = []
    reconfigure, page_markdown = i18nfiles.reconfigure_page_context, i18nfiles._page_markdown

    def both_menus(self: Any, context: Any, page: Any, config: Any, nav: Any) -> Any:
        i18nfiles._original_page_context(self, context, page, config, nav)
        theirs = copy.deepcopy(config.extra.alternate)
        ours = reconfigure(self, context, page, config, nav)
        assert config.extra.alternate == theirs, page.url
        menus.append((page.url, theirs != self.extra_alternate))
        return ours

    def both_markdowns(plugin: Any, markdown: str, page: Any, config: Any, files: Any) -> str:
        ours = page_markdown(plugin, markdown, page, config, files)
        assert ours == I18n.on_page_markdown(plugin, markdown, page, config, files), page.url
        markdowns.append(page.url)
        return ours

    monkeypatch.setattr(i18nfiles, "reconfigure_page_context", both_menus)
    monkeypatch.setattr(i18nfiles, "_page_markdown", both_markdowns)
    # The build installs `both_menus` on the plugin's class: put the class back after.
    monkeypatch.setattr(
        ExtendedPlugin, "reconfigure_page_context", ExtendedPlugin.reconfigure_page_context
    )
    build_into(ROOT, tmp_path / "site")
    assert len(menus) > 50
    assert len(markdowns) == len(menus)
    assert {url.split("/")[0] for url, _ in menus} >= {"sv", "da", "blogg"}
    # pages whose menu links to their translations, and pages whose menu does not
    assert {translated for _, translated in menus} == {True, False}
    assert ("sv/", False) in menus


ADMONITIONS = (
    'Tittel\r\n\r\n!!! note\r\n    Innhold\u2028mer\n\n??? tip\n    x\n!!! warning "Egen"\n'
)


def test_same_markdown_as_mkdocs_static_i18n(configs: dict) -> None:
    config = configs[True]
    for translations in ({}, {"note": "Merk", "tip": "Tips"}):
        plugin = SimpleNamespace(
            current_language_config=SimpleNamespace(admonition_translations=translations)
        )
        for text in (ADMONITIONS, "", "\n", "ett avsnitt", "a\r\rb\x0c\x1cc\n\n"):
            ours = i18nfiles._page_markdown(plugin, text, None, config, None)  # type: ignore[arg-type]
            theirs = I18n.on_page_markdown(plugin, text, None, config, None)  # type: ignore[arg-type]
            assert ours == theirs, (text, translations)
        # the titles are given where configured (the plugin's own pass)
        given = i18nfiles._page_markdown(plugin, ADMONITIONS, None, config, None)  # type: ignore[arg-type]
        assert ('!!! note "Merk"' in given) == bool(translations)
