"""The preview's rebuilds (`make serve`, i.e. ``mkdocs serve --dirty``) render only
what an edit changed, and the result is the site a full preview build makes.

Each test edits a fixture site step by step. After each step the site is rebuilt
the way `make serve` rebuilds it (into the same folder, keeping what it knows),
and built again from nothing the way a fresh ``mkdocs serve`` would; the two
folders must hold the same files with the same bytes.
"""

from __future__ import annotations

import contextlib
import filecmp
import json
import logging
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import Site, post, serve, talk

SERVE_URL = "http://127.0.0.1:8000/"

ESSAYS = {
    "posts/forste.nb.md": post(
        "Første", "2024-01-02", "## Et avsnitt\n\nSe [den andre](andre.nb.md).\n"
    ),
    "posts/andre.nb.md": post("Andre", "2024-02-03", "Kunden klaget.\n\nVi lyttet.\n"),
    "posts/tredje.nb.md": post("Tredje", "2024-03-04", "Ledelse handler om holdning.\n"),
    "posts/forste.sv.md": post("Första", "2024-01-02", "## Ett avsnitt\n\nKunden först.\n"),
    "posts/andra.sv.md": post("Andra", "2024-02-05", "Se [den första](forste.sv.md).\n"),
    "posts/forste.da.md": post("Første", "2024-01-02", "Kunden først.\n"),
    "talks/holdning.nb.md": talk("Holdning", themes="[attitude]"),
}


class Preview:
    """A fixture site previewed as `make serve` does, and built afresh to compare."""

    def __init__(self, site: Site, tmp_path: Path) -> None:
        self.site = site
        self.out = tmp_path / "preview"
        self.fresh = tmp_path / "fresh"

    def _build(self, site_dir: Path, changes_only: bool) -> None:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(
            config_file=str(self.site.root / "mkdocs.yml"), site_dir=str(site_dir), strict=False
        )
        config.site_url = SERVE_URL  # as mkdocs serve sets it
        config.plugins.on_startup(command="serve", dirty=changes_only)
        build(config, serve_url=SERVE_URL, dirty=changes_only)

    def rebuild(self) -> None:
        """Rebuild as `make serve` does after an edit."""
        self._build(self.out, changes_only=True)

    def assert_same_as_fresh_build(self) -> None:
        self._build(self.fresh, changes_only=False)
        differ = _differences(self.out, self.fresh)
        assert differ == [], f"the preview's rebuild differs from a full build: {differ}"


def _differences(one: Path, other: Path) -> list[str]:
    files = {p.relative_to(one) for p in one.rglob("*") if p.is_file()}
    others = {p.relative_to(other) for p in other.rglob("*") if p.is_file()}
    found = [f"only in the rebuild: {p}" for p in sorted(files - others)]
    found += [f"missing in the rebuild: {p}" for p in sorted(others - files)]
    for rel in sorted(files & others):
        if not filecmp.cmp(one / rel, other / rel, shallow=False):
            found.append(f"differs: {rel}")
    return found


@pytest.fixture
def preview(make_site, tmp_path: Path) -> Preview:
    site = make_site(ESSAYS)
    previewed = Preview(site, tmp_path)
    previewed.rebuild()
    return previewed


@pytest.fixture
def rendered(caplog: pytest.LogCaptureFixture):
    """The pages rendered by the builds since the test started, by source path."""
    caplog.set_level(logging.DEBUG, logger="mkdocs.commands.build")

    seen = 0

    def pages() -> list[str]:
        nonlocal seen
        records, seen = caplog.records[seen:], len(caplog.records)
        prefix = "Building page "
        return [
            r.getMessage().removeprefix(prefix)
            for r in records
            if r.getMessage().startswith(prefix)
        ]

    return pages


def test_saving_an_essay_renders_that_essay_only(preview, rendered) -> None:
    """A new sentence that leaves the essay's card (title, date, summary, themes) as it
    was changes no other page but the lists in the navigation, which are always read."""
    rendered()
    edited = post("Andre", "2024-02-03", "Kunden klaget.\n\nVi lyttet. Nå med ny tekst.\n")
    preview.site.write({"posts/andre.nb.md": edited})
    preview.rebuild()
    pages = rendered()
    in_nav = ["blogg/index.nb.md", "blogg/arkiv.nb.md", "foredrag/index.nb.md"]
    in_nav += ["foredrag/bestill.nb.md", "tema/index.nb.md"]
    assert sorted(pages) == sorted(["index.md", "om.md", "blogg/andre.nb.md", *in_nav])
    assert "Nå med ny tekst." in (preview.out / "blogg/andre/index.html").read_text()
    preview.assert_same_as_fresh_build()


@pytest.mark.parametrize(
    "edit",
    [
        # A new title: on the lists, the theme pages, related essays.
        {"posts/andre.nb.md": post("Andre, på ny", "2024-02-03", "Kunden klaget.\n")},
        # A new date: the order of every list, the archive's years.
        {"posts/forste.nb.md": post("Første", "2025-06-07", "## Et avsnitt\n\nNy dato.\n")},
        # The author's themes: theme pages, related essays, talks on the same themes.
        {"posts/tredje.nb.md": post("Tredje", "2024-03-04", "Tekst.\n", themes="[recovery]")},
        # A new essay, and a new translation of an existing one (language menus).
        {"posts/fjerde.sv.md": post("Fjärde", "2024-04-01", "Ny.\n")},
        {"posts/andre.da.md": post("Anden", "2024-02-03", "Oversat.\n")},
        # A draft, and a talk.
        {"posts/kladd.nb.md": post("Kladd", "2024-05-01", "Uferdig.\n", draft="true")},
        {"talks/holdning.nb.md": talk("Holdning som merkes", themes="[attitude, recovery]")},
        # A hand-written page and a data file: everything is rendered again.
        {"docs/om.md": "---\ntitle: Om Hilde\n---\nNy tekst.\n"},
        {"hooks/ui.yml": (Path(__file__).parent.parent / "hooks/ui.yml").read_text() + "\n"},
    ],
    ids=lambda edit: next(iter(edit)),
)
def test_a_rebuild_after_an_edit_is_the_site_a_full_build_makes(preview, edit) -> None:
    preview.site.write(edit)
    preview.rebuild()
    preview.assert_same_as_fresh_build()


def test_a_deleted_essay_leaves_no_page_behind(preview) -> None:
    (preview.site.root / "posts/tredje.nb.md").unlink()
    preview.rebuild()
    assert not (preview.out / "blogg/tredje").exists()
    preview.assert_same_as_fresh_build()


def test_a_broken_essay_is_shown_as_a_problem_then_back_when_fixed(preview, rendered) -> None:
    problems = preview.out / "preview-problems.json"
    assert json.loads(problems.read_text())["problems"] == []
    preview.site.write({"posts/andre.nb.md": post("Andre", "2024-02-30", "Tekst.\n")})
    preview.rebuild()
    found = json.loads(problems.read_text())
    # The essay, and the essay that links to it.
    where = [problem.split(":")[:2] for problem in found["problems"]]
    assert where == [["posts/andre.nb.md", "3"], ["posts/forste.nb.md", "8"]]
    titles = {"nb": "2 feil i innholdet", "sv": "2 fel i innehållet", "da": "2 fejl i indholdet"}
    assert {lang: title.split(" –")[0] for lang, title in found["titles"].items()} == titles
    assert not (preview.out / "blogg/andre").exists()
    preview.assert_same_as_fresh_build()
    rendered()
    preview.site.write({"posts/andre.nb.md": post("Andre", "2024-02-03", "Tekst.\n")})
    preview.rebuild()
    assert json.loads(problems.read_text())["problems"] == []
    assert (preview.out / "blogg/andre/index.html").exists()
    assert len(rendered()) < 20  # the problem's banner is not in every page
    preview.assert_same_as_fresh_build()


def test_the_search_index_keeps_the_pages_not_rendered_again(preview) -> None:
    preview.site.write({"posts/andre.nb.md": post("Andre", "2024-02-03", "Kundeløftet.\n")})
    preview.rebuild()
    index = json.loads((preview.out / "search/search_index.json").read_text())
    texts = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert "Kundeløftet." in texts["blogg/andre/"]
    assert "blogg/forste/#et-avsnitt" in texts  # from the build before
    preview.assert_same_as_fresh_build()


def test_a_new_page_of_essays_in_one_language_shows_in_the_others_menus(make_site, tmp_path):
    site = make_site(ESSAYS, settings={"  essays_per_page: 10": "  essays_per_page: 2"})
    preview = Preview(site, tmp_path)
    preview.rebuild()
    # Swedish gets a second page of essays; the Norwegian second page links to it.
    site.write({"posts/fjerde.sv.md": post("Fjärde", "2024-04-01", "Ny.\n")})
    preview.rebuild()
    assert "sv/blogg/side/2/" in (preview.out / "blogg/side/2/index.html").read_text()
    preview.assert_same_as_fresh_build()


def test_links_to_headings_of_essays_not_rendered_again_are_still_checked(
    preview, content_log, rendered
) -> None:
    # A new paragraph: the essay's card stays the same, so forste.nb.md is not rendered again.
    text = "Ledelse handler om holdning.\n\nSe [avsnittet](forste.nb.md#et-avsnitt) og "
    text += "[dette](forste.nb.md#finnes-ikke).\n"
    preview.site.write({"posts/tredje.nb.md": post("Tredje", "2024-03-04", text)})
    rendered()
    preview.rebuild()
    assert "blogg/forste.nb.md" not in rendered()
    warnings = [r.getMessage() for r in content_log.records if r.levelno >= logging.WARNING]
    assert [w for w in warnings if "posts/tredje.nb.md" in w] == [
        "posts/tredje.nb.md:8: the link 'forste.nb.md#finnes-ikke': posts/forste.nb.md has no "
        "heading with the anchor '#finnes-ikke'; expected the anchor of one of its headings "
        "('## Et avsnitt' has '#et-avsnitt')"
    ]


def test_the_published_site_has_no_problems_banner(make_site) -> None:
    site = make_site(ESSAYS)
    site.build()
    assert not (site.out / "preview-problems.json").exists()
    assert "site-problems" not in site.html("blogg/andre/")


@pytest.mark.browser
def test_the_preview_shows_its_problems_on_every_page_until_fixed(preview, browser) -> None:
    preview.site.write({"posts/andre.nb.md": post("Andre", "2024-02-30", "Tekst.\n")})
    preview.rebuild()
    with serve(preview.out) as url:
        context = browser.new_context(base_url=url)
        page = context.new_page()
        for path, title in [
            ("/blogg/tredje/", "2 feil i innholdet"),
            ("/sv/", "2 fel i innehållet"),
        ]:
            page.goto(path)
            banner = page.get_by_role("alert")
            banner.wait_for(state="visible")
            assert banner.locator("strong").inner_text().startswith(title)
            assert (
                banner.locator("li")
                .all_inner_texts()[0]
                .startswith("posts/andre.nb.md:3: 'date': expected a date like 2024-05-01")
            )
        preview.site.write({"posts/andre.nb.md": post("Andre", "2024-02-03", "Tekst.\n")})
        preview.rebuild()
        page.reload(wait_until="networkidle")
        assert page.locator(".md-banner").is_hidden()
        assert page.get_by_role("alert").count() == 0 or page.get_by_role("alert").is_hidden()
        context.close()


# --- make serve itself ----------------------------------------------------------------------


class Served:
    """``mkdocs serve --dirty`` (as `make serve` runs it) in a copy of the repository's
    configuration, hooks and templates, with fixture essays."""

    def __init__(self, root: Path) -> None:
        import shutil

        from conftest import BASE_DOCS, ROOT

        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
        for folder in ("hooks", "overrides"):
            shutil.copytree(
                ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__")
            )
        self.site = Site(root)
        self.site.write({**BASE_DOCS, **ESSAYS})
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.url = f"http://127.0.0.1:{s.getsockname()[1]}"
        mkdocs = Path(sys.executable).parent / "mkdocs"
        self.process = subprocess.Popen(
            [str(mkdocs), "serve", "--dirty", "--dev-addr", self.url.removeprefix("http://")],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.log.append(line.rstrip())

    def page(self, path: str) -> str | None:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.read().decode()
        except urllib.error.HTTPError:
            return None

    def wait_for(self, path: str, text: str, timeout: float = 60) -> None:
        """Until the page at *path* exists and contains *text*."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "\n".join(self.log)
            with contextlib.suppress(OSError):
                if text in (self.page(path) or ""):
                    return
            time.sleep(0.1)
        raise AssertionError(f"{path} never showed {text!r}:\n" + "\n".join(self.log[-30:]))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        assert self.process.stdout is not None
        self.process.stdout.close()

    def edit(self, rel: str, old: str, new: str) -> None:
        path = self.site.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_make_serve_picks_up_essays_templates_data_and_hook_code(tmp_path: Path) -> None:
    from conftest import ROOT

    assert "mkdocs serve --dirty " in (ROOT / "Makefile").read_text()  # as Served runs it
    served = Served(tmp_path)
    try:
        served.wait_for("/blogg/andre/", "Vi lyttet.")
        # An essay.
        served.edit("posts/andre.nb.md", "Vi lyttet.", "Vi lyttet nøye.")
        served.wait_for("/blogg/andre/", "Vi lyttet nøye.")
        # A template and a data file.
        served.edit("overrides/main.html", 'class="site-problems"', 'class="site-problems endret"')
        served.wait_for("/blogg/andre/", 'class="site-problems endret"')
        served.edit("hooks/ui.yml", '{nb: "Lesetid {duration}"', '{nb: "Lesetid: {duration}"')
        served.wait_for("/blogg/andre/", "Lesetid: 1 min")
        # The hooks' code: essays move to /innlegg/, and nothing is left at /blogg/.
        served.edit("hooks/routes.py", 'ESSAYS = "blogg"', 'ESSAYS = "innlegg"')
        served.wait_for("/innlegg/andre/", "Vi lyttet nøye.")
        assert served.page("/blogg/andre/") is None
        assert "The hooks' code changed" in "\n".join(served.log)
        assert "Traceback" not in "\n".join(served.log)
    finally:
        served.stop()
