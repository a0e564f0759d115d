"""Bad input: one fixture file per odd input in tests/fixtures/bad/.

Each must give one clear message naming the file (and line where known), fail
the build before site/ is touched, and never produce a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click import ClickException

from conftest import FIXTURES, ROOT, post

BAD = FIXTURES / "bad"

EXPECTED = {
    "bad-yaml.nb.md": "posts/bad-yaml.nb.md:2: front-matter is not valid YAML: found unexpected "
    "end of stream; a quote is opened here but never closed",
    "draft-yes.nb.md": "posts/draft-yes.nb.md:4: 'draft': expected true or false, got 'yes'",
    "duplicate-key.nb.md": "posts/duplicate-key.nb.md:4: 'title' appears twice (first on line 2); "
    "keep one",
    "empty.nb.md": "posts/empty.nb.md: file is empty; expected front-matter between two '---' "
    "lines, then the text",
    "latin1.nb.md": "posts/latin1.nb.md:2: not valid UTF-8 (byte 0xE5 at column 10); save the "
    "file with UTF-8 encoding",
    "missing-title.nb.md": "posts/missing-title.nb.md: 'title' is missing; expected a "
    "front-matter line like 'title: Det lille ekstra'",
    "no-body.nb.md": "posts/no-body.nb.md:4: no text after the front-matter; expected the essay "
    "below the closing '---'",
    "no-front-matter.nb.md": "posts/no-front-matter.nb.md:1: no front-matter: expected the file "
    "to start with a '---' line, then 'title:', 'date:' and the other keys, then another '---' "
    "line",
    "no-language.md": "posts/no-language.md: the file name says no language; expected "
    "no-language.nb.md or no-language.sv.md or no-language.da.md",
    "no-such-day.da.md": "posts/no-such-day.da.md:3: 'date': expected a date like 2024-05-01, "
    "got '2026-02-30', which does not exist (February 2026 has 28 days)",
    "norway-problem.nb.md": "posts/norway-problem.nb.md:4: 'lang': expected one of nb, sv, da, "
    "got 'no' (Norwegian Bokmål is 'nb')",
    "not-a-date.sv.md": "posts/not-a-date.sv.md:3: 'date': expected a date like 2024-05-01, "
    "got 'maj 2024'",
    "number-title.nb.md": "posts/number-title.nb.md:2: 'title': expected text, got the number "
    "1984; put it in quotes if it is meant",
    "tab-indent.nb.md": "posts/tab-indent.nb.md:3: front-matter is not valid YAML: found a tab "
    "character that violates indentation; indent with spaces, not tabs",
    "themes-not-list.nb.md": "posts/themes-not-list.nb.md:4: 'themes': expected a list like "
    "[leadership, recovery], got 'leadership'",
    "unclosed-front-matter.nb.md": "posts/unclosed-front-matter.nb.md:5: front-matter is not "
    "closed: expected a '---' line after the last key",
    "unknown-key.nb.md": "posts/unknown-key.nb.md:2: unknown key 'titel'; did you mean 'title'? "
    "expected one of title, date, summary, themes, draft, updated, lang",
    "unknown-lang.fi.md": "posts/unknown-lang.fi.md: 'fi' is not a site language; expected a "
    "name like <slug>.<lang>.md, where <lang> is one of nb, sv, da (a slug cannot contain dots: "
    "use hyphens)",
    "unknown-theme.nb.md": "posts/unknown-theme.nb.md:4: 'themes': unknown theme 'ledelse'; did "
    "you mean 'leadership'? expected one of attitude, leadership, recovery",
    "updated-before-date.nb.md": "posts/updated-before-date.nb.md:4: 'updated': 2024-12-31 is "
    "before the essay's date 2025-01-10; expected the same day or later",
    "wrong-lang.nb.md": "posts/wrong-lang.nb.md:4: 'lang': the file name says 'nb' but 'lang' "
    "says 'sv'; make them agree (the file name decides the language)",
    "Min Post.nb.md": "posts/Min Post.nb.md: the slug 'Min Post' may only contain lowercase "
    "letters a-z, digits and single hyphens; expected a name like 'min-post.nb.md'",
}

# unknown-key.nb.md also lacks a title: both are reported.
ALSO = {
    "unknown-key.nb.md": [
        "posts/unknown-key.nb.md: 'title' is missing; expected a front-matter line like "
        "'title: Det lille ekstra'"
    ]
}


def failed_build_errors(site, log: pytest.LogCaptureFixture) -> list[str]:
    """Build, expect the build to stop on content problems, return the ERROR lines."""
    with pytest.raises(ClickException, match="Aborted with a BuildError"):
        site.build()
    return [r.getMessage() for r in log.records if r.levelname == "ERROR"]


def test_every_fixture_has_an_expected_message() -> None:
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_fails_the_build_with_its_message(name, make_site, content_log) -> None:
    site = make_site({"posts/god.nb.md": post("En god artikkel", "2025-01-01")})
    shutil.copyfile(BAD / name, site.root / "posts" / name)
    site.out.mkdir()
    (site.out / "earlier-build.html").write_text("the previous site")

    errors = failed_build_errors(site, content_log)
    content_errors = [e for e in errors if e.startswith("posts/")]
    assert sorted(content_errors) == sorted([EXPECTED[name], *ALSO.get(name, [])])
    total = 1 + len(ALSO.get(name, []))
    noun = "problem" if total == 1 else "problems"
    assert errors[-1] == (
        f"{total} {noun} in 1 file (listed above); nothing was built, site/ is unchanged. "
        "Fix the files and build again."
    )
    # The previous site is left exactly as it was: nothing cleaned, nothing half-written.
    assert [p.name for p in site.out.iterdir()] == ["earlier-build.html"]


def test_two_files_with_the_same_slug_and_language(make_site, content_log) -> None:
    site = make_site(
        {
            "posts/svar-raskt.sv.md": post("Svara snabbt", "2025-01-01"),
            "posts/2024/svar-raskt.sv.md": post("Svara snabbt igen", "2024-01-01"),
        }
    )
    assert failed_build_errors(site, content_log)[0] == (
        "posts/svar-raskt.sv.md: posts/2024/svar-raskt.sv.md already is the essay 'svar-raskt' in "
        "'sv'; expected one file per slug and language (rename or remove one)"
    )


def test_a_slug_taken_by_a_generated_page(make_site, content_log) -> None:
    site = make_site({"posts/arkiv.nb.md": post("Arkiv", "2025-01-01")})
    assert failed_build_errors(site, content_log)[0] == (
        "posts/arkiv.nb.md: the slug 'arkiv' is used by a page the site generates; "
        "expected another name"
    )


def test_a_two_megabyte_post_is_refused_by_its_size(make_site, content_log) -> None:
    site = make_site({"posts/stor.nb.md": post("Stor", "2025-01-01", body="ord " * 520_000)})
    # Refused by its size before it is read, so Markdown never sees it and cannot hang on it.
    assert failed_build_errors(site, content_log)[0] == (
        "posts/stor.nb.md: file is 2.0 MB; a content file may be at most 512 kB "
        "(is something pasted into it by mistake?)"
    )


def test_the_command_line_reports_every_problem_in_one_run_without_a_traceback(
    make_site,
) -> None:
    """What the author sees from `mkdocs build --strict` with every bad file at once."""
    site = make_site({"posts/god.nb.md": post("En god artikkel", "2025-01-01")})
    for path in BAD.iterdir():
        shutil.copyfile(path, site.root / "posts" / path.name)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict"],
        cwd=site.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
        check=False,
    )
    output = result.stdout
    assert result.returncode == 1
    assert "Traceback" not in output
    for message in [*EXPECTED.values(), *ALSO["unknown-key.nb.md"]]:
        assert f"ERROR   -  {message}\n" in output
    problems = len(EXPECTED) + 1
    assert f"{problems} problems in {len(EXPECTED)} files (listed above)" in output
    assert output.rstrip().endswith("Aborted with a BuildError!")
    assert not (site.root / "site").exists()


def test_root_of_repo_has_no_stray_site_from_tests() -> None:
    # Builds in tests go to temporary folders, never into the repository.
    assert not (ROOT / "tests" / "site").exists()
