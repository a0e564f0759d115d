"""What theme tagging adds to a build, measured in one run.

    .venv/bin/python benchmarks/theme_cost.py [ESSAYS_PER_LANGUAGE] [RUNS]

Generates a site of N essays per language (default 300) whose paragraphs are
drawn from the labelled essays in tests/themes/ (real Scandinavian prose, with
the real theme vocabulary in it), then builds it with the real mkdocs.yml and
hooks RUNS times (default 3), each build in a fresh process, as `mkdocs build`
is. Each build is timed as a whole, and the time spent in tagging
(`main._tag_essays`: making the tagger and tagging every essay) is timed inside
it. Taking turns with those builds, it builds the same site with the themes
given (the first build's answers, handed over at no cost, as if every essay
had `themes:` in its front-matter): the same pages, without the tagging. It
reports the medians and their ratios; the target is tagging < 5 % of a build.
Not part of `make test`: it takes a few minutes.
"""

from __future__ import annotations

import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "hooks"))

from bench import prose_paragraphs  # noqa: E402

from conftest import new_site, post  # noqa: E402


def make_site(root: Path, per_language: int) -> None:
    rng = random.Random(2026)
    files = {}
    for lang, paragraphs in prose_paragraphs().items():
        for i in range(per_language):
            body: list[str] = []
            while sum(len(p.split()) for p in body) < rng.randint(800, 1500):
                body.append(rng.choice(paragraphs))
            day = f"20{20 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            files[f"posts/essay-{i:04d}.{lang}.md"] = post(f"Essay {i}", day, "\n\n".join(body))
    new_site(root, files)


def build_once(root: Path, out: Path, mode: str, given: Path) -> list[float]:
    """One build in a fresh process: the wall time and CPU time of the build and of
    the tagging inside it.

    *mode* is "tag" (the real build; its themes are written to *given*) or "given"
    (the themes read back from *given* instead of tagging: 0 s of tagging).
    """
    result = subprocess.run(
        [sys.executable, __file__, "--build-one", str(root), str(out), mode, str(given)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _build_one(root: Path, out: Path, mode: str, given: Path) -> None:
    """The child process of `build_once`: prints the four times, in seconds."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out))
    main_module = next(m for n, m in config.plugins.items() if n.endswith("main.py"))
    tag_essays = main_module._tag_essays
    spent = [0.0, 0.0]

    def timed(content, data):
        started, cpu = time.perf_counter(), time.process_time()
        result = tag_essays(content, data)
        spent[0] += time.perf_counter() - started
        spent[1] += time.process_time() - cpu
        given.write_text(json.dumps([[*key, list(themes)] for key, themes in result.items()]))
        return result

    def read_back(content, data):
        return {(slug, lang): tuple(themes) for slug, lang, themes in json.loads(given.read_text())}

    main_module._tag_essays = timed if mode == "tag" else read_back
    config.plugins.on_startup(command="build", dirty=False)
    started, cpu = time.perf_counter(), time.process_time()
    build(config)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps([wall, cpu, *spent]))


def main() -> None:
    per_language = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    workdir = Path(tempfile.mkdtemp(prefix="theme-cost-"))
    try:
        make_site(workdir / "site-root", per_language)
        given = workdir / "themes.json"
        tagged: list[list[float]] = []
        given_runs: list[list[float]] = []
        for _ in range(runs):  # the two builds take turns, so drift in the machine hits both
            tagged.append(build_once(workdir / "site-root", workdir / "out", "tag", given))
            given_runs.append(build_once(workdir / "site-root", workdir / "out", "given", given))
            print(
                f"run {len(tagged)}: build {tagged[-1][0]:.2f} s, tagging {tagged[-1][2]:.2f} s; "
                f"with themes given {given_runs[-1][0]:.2f} s (wall)",
                flush=True,
            )
        print(f"essays: {per_language} per language, {3 * per_language} in all; runs: {runs}")
        for clock, at in (("wall", 0), ("CPU", 1)):
            build_s = statistics.median(run[at] for run in tagged)
            tag_s = statistics.median(run[2 + at] for run in tagged)
            share = statistics.median(run[2 + at] / run[at] for run in tagged)
            bare_s = statistics.median(run[at] for run in given_runs)
            print(f"{clock} time, medians:")
            print(f"  build:                   {build_s:7.2f} s")
            print(
                f"  tagging inside it:       {tag_s:7.2f} s  ({share:.1%} of the build, "
                f"per essay {tag_s / (3 * per_language) * 1000:.2f} ms)"
            )
            print(
                f"  build with themes given: {bare_s:7.2f} s  "
                f"(the build with tagging takes {build_s / bare_s - 1:+.1%})"
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--build-one"]:
        _build_one(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4], Path(sys.argv[5]))
    else:
        main()
