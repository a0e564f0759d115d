"""A build over an earlier site/ writes it in place and ends as a build into an empty one.

See hooks/inplace.py. Each test builds a fixture site twice into the same folder,
with changes between, and compares the result with the same sources built into
a new folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import mkdocs.utils
import pytest
from click import ClickException

from conftest import Site, build_into, differing_files, post, talk

FILES = {
    "posts/det-lille-ekstra.nb.md": post("Det lille ekstra", "2025-01-10"),
    "posts/det-lille-ekstra.sv.md": post("Det lilla extra", "2025-01-10"),
    "posts/lytt-ferdig.nb.md": post("Lytt ferdig", "2025-02-01"),
    "posts/klagen.da.md": post("Klagen er en gave", "2025-03-01"),
    "talks/service-i-praksis.nb.md": talk("Service i praksis"),
}


@pytest.fixture
def site(make_site, monkeypatch: pytest.MonkeyPatch) -> Site:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1760000000")  # 2025-10-09
    site = make_site(FILES)
    site.build()
    return site


def fresh_build(site: Site, tmp_path: Path) -> Path:
    """The same sources built into a folder that did not exist."""
    out = tmp_path / "fresh"
    build_into(site.root, out)
    return out


def test_a_build_over_an_earlier_one_keeps_its_files_and_ends_as_a_new_build(
    site: Site, tmp_path: Path
) -> None:
    kept_page = site.out / "blogg" / "lytt-ferdig" / "index.html"
    inode = kept_page.stat().st_ino
    # Between the builds: one essay gone, one renamed, one new; and things no build wrote.
    (site.root / "posts" / "klagen.da.md").unlink()
    (site.root / "posts" / "det-lille-ekstra.sv.md").rename(
        site.root / "posts" / "det-lilla-extra.sv.md"
    )
    site.write({"posts/svar-raskt.nb.md": post("Svar raskt", "2025-04-01")})
    (site.out / "stray.txt").write_text("left by hand")
    (site.out / "blogg" / "empty" / "deeper").mkdir(parents=True)
    (site.out / "feed.xml.link").symlink_to(site.out / "sitemap.xml")
    (site.out / ".deploy").mkdir()
    (site.out / ".deploy" / "last").write_text("pushed 2025-10-08\n")

    site.build()

    # Written over, not deleted and created again (what makes it quick).
    assert kept_page.stat().st_ino == inode
    # Nothing left of the earlier build or of the hand: the same files, byte for byte,
    # as the same sources built into a new folder. Hidden entries at the top stay, as
    # with MkDocs' own clean.
    assert differing_files(site.out, fresh_build(site, tmp_path)) == [".deploy"]
    assert (site.out / ".deploy" / "last").read_text() == "pushed 2025-10-08\n"
    assert not (site.out / "da" / "blogg" / "klagen").exists()
    assert not (site.out / "sv" / "blogg" / "det-lille-ekstra").exists()
    assert (site.out / "blogg" / "svar-raskt" / "index.html").is_file()
    # MkDocs gets its own clean back for whatever runs next in this process.
    assert mkdocs.utils.clean_directory.__module__ == "mkdocs.utils"


def test_a_page_where_an_earlier_build_left_a_file_or_a_folder(site: Site, tmp_path: Path) -> None:
    essays = site.out / "blogg"
    shutil.rmtree(essays / "lytt-ferdig")
    (essays / "lytt-ferdig").write_text("a file where the page's folder goes")
    (essays / "det-lille-ekstra" / "index.html").unlink()
    (essays / "det-lille-ekstra" / "index.html" / "inside").mkdir(parents=True)

    site.build()

    assert differing_files(site.out, fresh_build(site, tmp_path)) == []


def test_a_fixed_file_blocked_by_a_folder_stops_the_build_with_a_message(
    site: Site, tmp_path: Path
) -> None:
    # 404.html is not a page or static file of the build (MkDocs writes it from the
    # theme), so nothing moves the folder out of its way: the build says what to do.
    (site.out / "404.html").unlink()
    (site.out / "404.html" / "old").mkdir(parents=True)
    (site.out / ".deploy").mkdir()

    with pytest.raises(ClickException) as stopped:
        site.build()

    message = stopped.value.format_message()
    assert message.startswith(f"{site.out / '404.html'}: a file or folder left by an earlier")
    assert message.endswith(
        f"expected {site.out}/ to hold only builds of this site. It has been emptied: build again."
    )
    assert [p.name for p in site.out.iterdir()] == [".deploy"]
    assert mkdocs.utils.clean_directory.__module__ == "mkdocs.utils"
    site.build()
    assert differing_files(site.out, fresh_build(site, tmp_path)) == [".deploy"]
