"""The author's tools: ``make new-post`` / ``make new-talk`` (hooks/scaffold.py) and
``make check`` (hooks/sitecheck.py), run as the Makefile runs them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime

from conftest import FIXTURES, HOOKS, new_site, post
from library import TIMEZONE
from test_bad_input import failed_build_errors


def run(tool: str, *args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(HOOKS / tool), *args], cwd=cwd, capture_output=True, text=True
    )


def test_new_post_writes_a_valid_essay_with_a_transliterated_slug(tmp_path) -> None:
    site = new_site(tmp_path / "root")
    result = run("scaffold.py", "post", "Både ærlig og rød – café", "sv", cwd=site.root)
    assert result.returncode == 0, result.stderr
    path = site.root / "posts" / "bade-aerlig-og-rod-cafe.sv.md"
    assert result.stdout == f"Wrote posts/{path.name}. Write your text, then: make check\n"
    today = datetime.now(TIMEZONE).date().isoformat()
    assert path.read_text(encoding="utf-8").startswith(
        f'---\ntitle: "Både ærlig og rød – café"\ndate: {today}\n---\n\nSkriv artikeln här.'
    )
    assert run("sitecheck.py", cwd=site.root).returncode == 0
    site.build()
    assert "<h1>Både ærlig og rød – café</h1>" in site.html("sv/blogg/bade-aerlig-og-rod-cafe/")


def test_new_talk_writes_a_valid_outline(tmp_path) -> None:
    site = new_site(tmp_path / "root")
    assert run("scaffold.py", "talk", 'Service "i praksis"', "da", cwd=site.root).returncode == 0
    assert (site.root / "talks" / "service-i-praksis.da.md").exists()
    check = run("sitecheck.py", cwd=site.root)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("Checked 0 essays and 1 talks in ")


def test_new_post_never_overwrites(tmp_path) -> None:
    site = new_site(tmp_path / "root", {"posts/klagen.nb.md": post("Klagen", "2025-01-01")})
    before = (site.root / "posts" / "klagen.nb.md").read_bytes()
    result = run("scaffold.py", "post", "Klagen", "nb", cwd=site.root)
    assert result.returncode == 1
    assert result.stderr == (
        "error: posts/klagen.nb.md already exists; edit it, or choose another title\n"
    )
    assert (site.root / "posts" / "klagen.nb.md").read_bytes() == before


def test_new_post_refuses_unknown_languages_empty_titles_and_reserved_slugs(tmp_path) -> None:
    site = new_site(tmp_path / "root")
    wrong_lang = run("scaffold.py", "post", "Hei", "en", cwd=site.root)
    assert (wrong_lang.returncode, wrong_lang.stderr) == (
        2,
        "error: LANG='en': expected one of nb, sv, da\n",
    )
    assert run("scaffold.py", "post", "–?!", "nb", cwd=site.root).returncode == 2
    reserved = run("scaffold.py", "post", "Arkiv", "nb", cwd=site.root)
    assert reserved.returncode == 1 and "'arkiv' is used by a page the site generates" in (
        reserved.stderr
    )
    assert list((site.root / "posts").iterdir()) == []


def test_check_reports_what_the_build_reports(tmp_path, content_log) -> None:
    site = new_site(tmp_path / "root", {"posts/god.nb.md": post("God", "2025-01-01")})
    for name in ("not-a-date.sv.md", "unknown-key.nb.md"):
        shutil.copyfile(FIXTURES / "bad" / name, site.root / "posts" / name)
    check = run("sitecheck.py", cwd=site.root)
    assert check.returncode == 1
    *lines, summary = check.stderr.splitlines()
    build_errors = failed_build_errors(site, content_log)
    assert lines == build_errors[:-1]  # the same problems, in the same words
    assert summary == "3 problems in 2 files (listed above)."
