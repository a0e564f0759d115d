"""What theme tagging adds to a build, measured in one run.

    .venv/bin/python benchmarks/theme_cost.py [ESSAYS_PER_LANGUAGE] [RUNS]

Generates a site of N essays per language (default 300) whose paragraphs are
drawn from the labelled essays in tests/themes/ (real Scandinavian prose, with
the real theme vocabulary in it), then builds it in-process with the real
mkdocs.yml and hooks RUNS times (default 3). Each build is timed as a whole,
and the time spent in tagging (`main._tag_essays`: building the vocabularies
and tagging every essay, with a fresh tagger so nothing is cached) is timed
inside the same build. It reports the medians and their ratio; the target is
tagging < 5 % of a build. Not part of `make test`: it takes about a minute.
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


def main() -> None:
    per_language = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    workdir = Path(tempfile.mkdtemp(prefix="theme-cost-"))
    try:
        make_site(workdir / "site-root", per_language)
        builds, tagging = [], []
        for _ in range(runs):
            config = load_config(
                config_file=str(workdir / "site-root" / "mkdocs.yml"),
                site_dir=str(workdir / "out"),
            )
            main_module = next(m for n, m in config.plugins.items() if n.endswith("main.py"))
            timed = main_module.__dict__.setdefault("_untimed_tag_essays", main_module._tag_essays)
            spent: list[float] = []

            def timed_tag(content, data, timed=timed, spent=spent, module=main_module):
                module._taggers.clear()  # measure the full cost, as in a fresh build
                started = time.perf_counter()
                result = timed(content, data)
                spent.append(time.perf_counter() - started)
                return result

            main_module._tag_essays = timed_tag
            config.plugins.on_startup(command="build", dirty=False)
            started = time.perf_counter()
            build(config)
            builds.append(time.perf_counter() - started)
            tagging.append(sum(spent))
            main_module._tag_essays = timed
        build_s, tag_s = statistics.median(builds), statistics.median(tagging)
        print(f"essays: {per_language} per language, {3 * per_language} in all; runs: {runs}")
        print(f"build (median):   {build_s:7.2f} s")
        print(f"tagging (median): {tag_s:7.2f} s  ({tag_s / build_s:.1%} of the build)")
        print(f"per essay:        {tag_s / (3 * per_language) * 1000:7.2f} ms")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
