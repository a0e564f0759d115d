"""Shared helpers: import the hook modules, and build small fixture sites in-process.

A fixture site is the real mkdocs.yml (so the tests exercise the real
configuration) copied into a temporary folder beside fixture posts/, talks/ and
docs/, with its paths to hooks/ and overrides/ made absolute.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "hooks"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(HOOKS))

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# Hand-written pages every fixture site needs: a home page and an about page per language.
BASE_DOCS = {
    "docs/index.md": "---\ntitle: Godt møtt\ntemplate: home.html\n---\nHei, jeg heter Hilde.\n",
    "docs/index.sv.md": "---\ntitle: Väl bemött\ntemplate: home.html\n---\nHej, jag heter Hilde.\n",
    "docs/index.da.md": "---\ntitle: Godt mødt\ntemplate: home.html\n---\nHej, jeg hedder Hilde.\n",
    "docs/om.md": "---\ntitle: Om meg\n---\nLitt om meg.\n",
    "docs/om.sv.md": "---\ntitle: Om mig\n---\nLite om mig.\n",
    "docs/om.da.md": "---\ntitle: Om mig\n---\nLidt om mig.\n",
}


def post(title: str, date: str, body: str = "Et avsnitt med tekst.\n", **keys: str) -> str:
    """The text of an essay file with the given front-matter."""
    lines = [f"title: {title}", f"date: {date}", *(f"{k}: {v}" for k, v in keys.items())]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def talk(title: str, **keys: str) -> str:
    """The text of a talk outline file; required keys get defaults."""
    values = {
        "summary": "Et foredrag om service.",
        "durations": "[45, 60]",
        "formats": "[keynote]",
        "languages": "[nb, sv, da]",
        **keys,
    }
    lines = [f"title: {title}", *(f"{k}: {v}" for k, v in values.items())]
    return "---\n" + "\n".join(lines) + "\n---\n\n## Innhold\n\n- Første del\n"


def make_config(root: Path, settings: dict[str, str] | None = None) -> Path:
    """Copy the real mkdocs.yml into *root*, pointing at the repository's hooks and templates.

    *settings* replaces whole lines of the real file, e.g.
    ``{"  essays_per_page: 10": "  essays_per_page: 2"}``.
    """
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    replacements = {
        "  - hooks/main.py\n": f"  - {HOOKS / 'main.py'}\n",
        "custom_dir: overrides\n": f"custom_dir: {ROOT / 'overrides'}\n",
        "  - hooks\n": f"  - {HOOKS}\n",
        "  - overrides\n": f"  - {ROOT / 'overrides'}\n",
        **{f"{old}\n": f"{new}\n" for old, new in (settings or {}).items()},
    }
    for old, new in replacements.items():
        assert old in text, f"mkdocs.yml no longer contains {old!r}; update tests/conftest.py"
        text = text.replace(old, new)
    path = root / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Site:
    """A fixture site on disk and what building it produced."""

    root: Path

    @property
    def out(self) -> Path:
        return self.root / "site"

    def write(self, files: dict[str, str | bytes]) -> None:
        for rel, content in files.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")

    def build(self, command: str = "build", strict: bool = True) -> None:
        """Build in-process as `mkdocs build --strict` (or as `serve` for the preview)."""
        build_into(self.root, self.out, strict, command)

    def html(self, url_path: str) -> str:
        """The HTML of a built page by its URL path, e.g. ``sv/blogg/hei/``."""
        return (self.out / url_path / "index.html").read_text(encoding="utf-8")


def build_into(root: Path, out: Path, strict: bool = True, command: str = "build") -> list[str]:
    """Build the site in *root* into *out* in-process, as `mkdocs build` (or as
    `serve` for the preview); the warnings MkDocs logged."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    records: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out), strict=strict)
        config.plugins.on_startup(command=command, dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return records


def differing_files(a: Path, b: Path) -> list[str]:
    """Files that differ between two folders or exist in one only (empty: the same)."""
    import filecmp

    compared = filecmp.dircmp(a, b)
    found = [*compared.left_only, *compared.right_only, *compared.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(a, b, compared.common_files, shallow=False)
    found += mismatch + errors
    for sub in compared.common_dirs:
        found += [f"{sub}/{name}" for name in differing_files(a / sub, b / sub)]
    return found


def new_site(
    root: Path, files: dict[str, str | bytes] | None = None, settings: dict[str, str] | None = None
) -> Site:
    """A fixture site in *root*: the base docs plus *files*, the config from the repository."""
    site = Site(root)
    root.mkdir(parents=True)
    make_config(root, settings)
    for folder in ("posts", "talks", "hooks"):
        (root / folder).mkdir()
    # The site's data files (themes, formats, UI strings) are read from its hooks/ folder.
    for data_file in HOOKS.glob("*.yml"):
        (root / "hooks" / data_file.name).write_bytes(data_file.read_bytes())
    site.write({**BASE_DOCS, **(files or {})})
    return site


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Site]:
    """Create a fixture site for one test (see `new_site`)."""

    def factory(
        files: dict[str, str | bytes] | None = None, settings: dict[str, str] | None = None
    ) -> Site:
        return new_site(tmp_path / "fixture-site", files, settings)

    return factory


@pytest.fixture
def content_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Captured MkDocs log records, at INFO and above."""
    caplog.set_level(logging.INFO, logger="mkdocs")
    return caplog


def material_strings(lang: str) -> dict[str, str]:
    """Material's own UI strings for *lang*, read from its partials/languages/<lang>.html."""
    import re

    import material

    path = Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{lang}.html"
    text = path.read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([^"]+)": "(.*)",?$', text, re.MULTILINE))


# Material strings that are the same word in English and in the language, checked by hand.
SAME_AS_ENGLISH = {
    ("nb", "blog.meta"),
    ("sv", "blog.meta"),
    ("da", "blog.meta"),  # "Metadata"
    ("sv", "nav"),
    ("da", "nav"),  # "Navigation"
}


# --- a real browser -----------------------------------------------------------------------

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium, driven by Playwright; a browser is never downloaded.

    Without /usr/bin/chromium the browser tests are skipped on a developer's
    machine and fail in CI (where CI is set), so a missing browser cannot pass
    unnoticed.
    """
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site over HTTP on a free local port; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
