"""What theme tagging adds to a build, measured in one run.

    .venv/bin/python benchmarks/theme_cost.py [ESSAYS_PER_LANGUAGE] [RUNS]

Generates a site of N essays per language (default 300) whose paragraphs are
drawn from the labelled essays in tests/themes/ (real Scandinavian prose, with
the real theme vocabulary in it), then builds it in-process with the real
mkdocs.yml and hooks RUNS times (default 3). Each build is timed as a whole,
and the time spent in tagging (`main._tag_essays`: building the vocabularies
and tagging every essay, with a fresh tagger so nothing is cached) is timed
inside the same build. Taking turns with those builds, it also builds the
site with tagging switched off (every essay without themes), for the
end-to-end difference. It reports the medians and their ratios; the target is
tagging < 5 % of a build. Not part of `make test`: it takes about two minutes.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))

from conftest import new_site, post  # noqa: E402


def paragraphs_by_language() -> dict[str, list[str]]:
    import sourcefile

    found: dict[str, list[str]] = {"nb": [], "sv": [], "da": []}
    for path in sorted((ROOT / "tests" / "themes").glob("*/*.md")):
        lang = path.name.rsplit(".", 2)[-2]
        source, _ = sourcefile.parse(path.read_bytes(), path.name)
        if source is not None:
            found[lang] += [p.strip() for p in source.body.split("\n\n") if len(p.split()) > 20]
    return found


def make_site(root: Path, per_language: int) -> None:
    rng = random.Random(2026)
    files = {}
    for lang, paragraphs in paragraphs_by_language().items():
        for i in range(per_language):
            body: list[str] = []
            while sum(len(p.split()) for p in body) < rng.randint(800, 1500):
                body.append(rng.choice(paragraphs))
            day = f"20{20 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            files[f"posts/essay-{i:04d}.{lang}.md"] = post(f"Essay {i}", day, "\n\n".join(body))
    new_site(root, files)


def _no_themes(content, data):
    return {(post.slug, post.lang): () for post in content.posts}


def build_once(root: Path, out: Path, tagging: bool) -> tuple[float, float]:
    """One build: its wall time and the time spent in tagging (0 without tagging).

    Without tagging, every essay gets no theme: the build to compare with.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out))
    main_module = next(m for n, m in config.plugins.items() if n.endswith("main.py"))
    # MkDocs keeps a hook module loaded across configs: keep the original aside once.
    untimed = main_module.__dict__.setdefault("_untimed_tag_essays", main_module._tag_essays)
    spent: list[float] = []

    def timed(content, data):
        main_module._taggers.clear()  # measure the full cost, as in a fresh build
        started = time.perf_counter()
        result = untimed(content, data)
        spent.append(time.perf_counter() - started)
        return result

    main_module._tag_essays = timed if tagging else _no_themes
    config.plugins.on_startup(command="build", dirty=False)
    started = time.perf_counter()
    build(config)
    wall = time.perf_counter() - started
    main_module._tag_essays = untimed
    return wall, sum(spent)


def main() -> None:
    per_language = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    workdir = Path(tempfile.mkdtemp(prefix="theme-cost-"))
    try:
        make_site(workdir / "site-root", per_language)
        with_tags: list[tuple[float, float]] = []
        without: list[float] = []
        for _ in range(runs):  # the two builds take turns, so drift in the machine hits both
            with_tags.append(build_once(workdir / "site-root", workdir / "out", True))
            without.append(build_once(workdir / "site-root", workdir / "out", False)[0])
        build_s = statistics.median(wall for wall, _ in with_tags)
        tag_s = statistics.median(spent for _, spent in with_tags)
        bare_s = statistics.median(without)
        print(f"essays: {per_language} per language, {3 * per_language} in all; runs: {runs}")
        print(f"build (median):                  {build_s:7.2f} s")
        print(
            f"tagging inside it (median):      {tag_s:7.2f} s  ({tag_s / build_s:.1%} of the build)"
        )
        print(f"per essay:                       {tag_s / (3 * per_language) * 1000:7.2f} ms")
        print(
            f"build without tagging (median):  {bare_s:7.2f} s  "
            f"(the build with tagging takes {build_s / bare_s - 1:+.1%})"
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
