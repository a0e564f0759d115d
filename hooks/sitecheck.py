"""Everything the site is made from, loaded and checked once: the data files, every
essay and talk, and the inquiry settings. Pure: no MkDocs imports.

The build (main.py) and ``make check`` (``python hooks/sitecheck.py``) both call
`load`, so they report the same problems with the same words; the check skips
everything after that (Markdown, templates, tagging), which is why it is quick.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import library
import links
import problems as problems_mod
import routes
import sitedata
from contenttypes import Rules
from problems import Problem

CONFIG = "mkdocs.yml"


@dataclass(frozen=True)
class Inquiry:
    """Where the inquiry form sends to (``extra.inquiry`` in mkdocs.yml)."""

    endpoint: str = ""  # a form service's https:// address
    email: str = ""  # the mailto: fallback, and the offer when the service fails


@dataclass(frozen=True)
class Loaded:
    data: sitedata.SiteData
    content: library.Library
    inquiry: Inquiry
    problems: list[Problem]


def load(
    root: Path,
    languages: tuple[str, ...],
    extra: dict[str, Any],
    preview: bool = False,
    today: date | None = None,
) -> Loaded:
    """Load and check the site under *root* for *languages* (``extra``: mkdocs.yml's).

    With *preview* (``mkdocs serve``) drafts and scheduled essays count as published,
    so links to them are not problems; *today* is the build's date (by default
    `library.build_date`).
    """
    # The data files of the site being built (in the repository: hooks/*.yml).
    data, found = sitedata.load(languages, root / "hooks")
    rules = Rules(
        languages, frozenset(data.themes), frozenset(data.formats), sitedata.aliases(data)
    )
    content, more = library.load(root, rules, routes.RESERVED)
    more += links.check(content, today or library.build_date(), preview)
    more.sort(key=lambda problem: (problem.path, problem.line or 0))
    inquiry, settings = inquiry_settings(extra)
    return Loaded(data, content, inquiry, [*found, *more, *settings])


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def inquiry_settings(extra: dict[str, Any]) -> tuple[Inquiry, list[Problem]]:
    """Read and check ``extra.inquiry``: an endpoint, an e-mail address, or both."""
    raw = extra.get("inquiry")
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        return Inquiry(), [
            Problem(CONFIG, None, "'extra.inquiry': expected keys 'endpoint' and/or 'email'")
        ]
    problems = [
        Problem(CONFIG, None, f"'extra.inquiry.{key}': unknown key; expected 'endpoint' or 'email'")
        for key in raw
        if key not in ("endpoint", "email")
    ]
    endpoint, email = raw.get("endpoint") or "", raw.get("email") or ""
    if endpoint and not (isinstance(endpoint, str) and endpoint.startswith("https://")):
        problems.append(
            Problem(
                CONFIG,
                None,
                "'extra.inquiry.endpoint': expected the https:// address of a form service "
                f"(e.g. https://formspree.io/f/abcdwxyz), got {endpoint!r}",
            )
        )
        endpoint = ""
    if email and not (isinstance(email, str) and _EMAIL.fullmatch(email)):
        problems.append(
            Problem(
                CONFIG,
                None,
                f"'extra.inquiry.email': expected an e-mail address like hilde@example.no, "
                f"got {email!r}",
            )
        )
        email = ""
    if not endpoint and not email and not problems:
        problems.append(
            Problem(
                CONFIG,
                None,
                "'extra.inquiry': expected an 'endpoint' (a form service's https:// address) "
                "or an 'email' (inquiries then open the visitor's e-mail program); "
                "the inquiry page needs one of them",
            )
        )
    return Inquiry(endpoint, email), problems


# --- command line: make check ------------------------------------------------------------


def site_languages(config: dict[str, Any]) -> tuple[str, ...]:
    """The languages mkdocs.yml builds, default first, from the i18n plugin's settings."""
    for plugin in config.get("plugins") or ():
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = (plugin["i18n"] or {}).get("languages") or ()
            chosen = [lang for lang in languages if lang.get("build", True)]
            chosen.sort(key=lambda lang: not lang.get("default", False))
            return tuple(str(lang["locale"]) for lang in chosen)
    raise SystemExit(f"error: {CONFIG}: no i18n plugin with 'languages' under 'plugins:'")


def read_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it (with its ``!ENV`` tags), without loading plugins."""
    from mkdocs.utils.yaml import yaml_load

    with (root / CONFIG).open(encoding="utf-8") as file:
        return yaml_load(file)


def main(root: Path) -> int:
    """Check every file as the build would; print its problems; 1 if there are any."""
    started = time.perf_counter()
    config = read_config(root)
    loaded = load(root, site_languages(config), config.get("extra") or {})
    for problem in loaded.problems:
        print(problem, file=sys.stderr)
    if loaded.problems:
        print(f"{problems_mod.summary(loaded.problems)}.", file=sys.stderr)
        return 1
    posts, talks = len(loaded.content.posts), len(loaded.content.talks)
    print(
        f"Checked {posts} essays and {talks} talks in "
        f"{(time.perf_counter() - started) * 1000:.0f} ms: no problems."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(Path.cwd()))
