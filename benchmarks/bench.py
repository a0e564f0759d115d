"""Build speed at scale, against the Markdown lower bound, measured in one run.

    make bench                       # N = 30, 300, 1000 essays per language, 3 runs each
    make bench BENCH_ARGS="--content prose"   # real paragraphs without markup instead
    make bench BENCH_ARGS="--stock"   # and stock MkDocs + Material on the same essays
    .venv/bin/python benchmarks/bench.py --sizes 300 --runs 5

For each N it generates a site: the repository's mkdocs.yml, hooks/, overrides/,
docs/ and talks/, plus N synthetic essays per language (800-1500 words of
Scandinavian-looking text with headings, lists, quotes, emphasis and links,
front-matter like real essays, a fifth of them translated into all three
languages). Then, in rounds of every N (so that drift in a shared machine hits
all of them alike), each build between two runs of the lower bound:

- the build: ``mkdocs build --strict`` of that site in a fresh process, as
  ``make build`` runs it (wall time, peak memory of the process), over the
  site/ of the build before it, as a repeated build runs (the first build of
  each N writes into an empty folder);
- the lower bound: python-markdown alone converting the same bodies with the
  same extensions (MkDocs' resolved ``markdown_extensions``), one reused
  ``Markdown`` instance, in a fresh process. No build can beat it: a build
  converts the same text and does more.

It reports medians, ms per essay, peak memory, output size, page count, the
size of the same essay pages at every N, the ratio build / lower bound (for each
build, against the mean of the lower-bound runs just before and after it; the
median of those) and the growth from 300 to 1000 (for each round, the build at
1000 against the build at 300 of that round; the median of those); then checks
the targets (issue 7) and exits 1 if one is missed. Not part of ``make test``:
at the default sizes it takes minutes.

With ``--stock`` each round also builds the same essays as a stock MkDocs +
Material site (`stock_site`: no hooks, one language, only the search plugin),
followed by one more run of the lower bound, and reports its ratio the same way:
what the stack alone costs on the content, without any of the site's features.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # the site's own slugs and data files
BIN = Path(sys.executable).parent

# Targets of issue 7, each a ratio of quantities measured in the same run.
MAX_RATIO = 2.0  # build / Markdown lower bound, at the largest N
MAX_GROWTH = 3.5  # build time at 1000 / at 300 essays per language (linear: 3.33)
MAX_MEMORY_MB = 300  # peak memory of the build at the largest N
MAX_PAGE_SIZE_SPREAD = 0.02  # an essay page may differ by 2 % between N (related essays)

LANGUAGES = ("nb", "sv", "da")
TRANSLATED_EVERY = 5  # essay i with i % 5 == 0 exists in all three languages
SAMPLE_ESSAYS = (0, 7, 13, 29)  # exist at every N >= 30: their page sizes are compared

# --- synthetic Scandinavian text ------------------------------------------------------
# Short real function words per language and made-up content words from each
# language's letters and typical syllables, inflected with its endings and joined
# into compounds. The words are not meant to make sense, only to look and stem
# like the language (and to reach the tagger, some real theme words are mixed in).

FUNCTION_WORDS = {
    "nb": "og i det som en på er til at av for med har de ikke den vi jeg om et men så kan "
    "var fra hun han når også eller hvis bare må skal vil noe mer alle hva der her ble "
    "blir etter over under mot uten hos mellom fordi mens enn helt litt mye",
    "sv": "och i det som en på är till att av för med har de inte den vi jag om ett men så "
    "kan var från hon han när också eller bara måste ska vill något mer alla vad där här "
    "blev blir efter över under mot utan hos mellan eftersom medan än helt lite mycket",
    "da": "og i det som en på er til at af for med har de ikke den vi jeg om et men så kan "
    "var fra hun han når også eller hvis bare skal vil noget mere alle hvad der her blev "
    "bliver efter over under mod uden hos mellem fordi mens end helt lidt meget",
}
ONSETS = {
    "nb": "b d f g h j k l m n p r s t v br bl dr fl fr gl gr kl kr pl pr sk sl sm sn sp st "
    "str sv tr kj skj",
    "sv": "b d f g h j k l m n p r s t v br bl dr fl fr gl gr kl kr pl pr sk sl sm sn sp st "
    "str sv tr sj tj hj",
    "da": "b d f g h j k l m n p r s t v br bl dr fl fr gl gr kl kr pl pr sk sl sm sn sp st "
    "str sv tr",
}
VOWELS = {"nb": "aaeeiioouyæøå", "sv": "aaeeiioouyåäö", "da": "aaeeiioouyæøå"}
CODAS = ["", "n", "r", "s", "t", "l", "k", "g", "m", "nd", "ng", "nk", "st", "rt", "ll", "nn"]
CODAS += ["kk", "tt", "ft", "kt"]
ENDINGS = {
    "nb": ["", "", "", "en", "et", "ene", "er", "te", "ing", "het", "lig"],
    "sv": ["", "", "", "en", "et", "arna", "ade", "ning", "het", "lig", "or"],
    "da": ["", "", "", "en", "et", "erne", "ede", "ning", "hed", "lig", "er"],
}
LEMMAS_PER_LANGUAGE = 6000


@dataclass
class Language:
    code: str
    function_words: list[str]
    lemmas: list[str]
    weights: list[float]  # cumulative, Zipf-like
    theme_words: list[list[str]]  # per theme, its single words from themes.yml

    @classmethod
    def make(cls, code: str, rng: random.Random, theme_words: list[list[str]]) -> Language:
        onsets = ONSETS[code].split()
        lemmas: set[str] = set()
        while len(lemmas) < LEMMAS_PER_LANGUAGE:
            syllables = rng.choice((1, 2, 2, 2, 3))
            word = "".join(
                rng.choice(onsets) + rng.choice(VOWELS[code]) + rng.choice(CODAS)
                for _ in range(syllables)
            )
            if rng.random() < 0.15:  # a compound of two words
                word += rng.choice(("", "s", "e")) + rng.choice(onsets) + rng.choice(VOWELS[code])
            lemmas.add(word)
        ordered = sorted(lemmas)
        rng.shuffle(ordered)
        total, cumulative = 0.0, []
        for rank in range(len(ordered)):
            total += 1 / (rank + 10) ** 1.05  # Zipf, with a flatter head
            cumulative.append(total)
        return cls(code, FUNCTION_WORDS[code].split(), ordered, cumulative, theme_words)

    def word(self, rng: random.Random, topics: list[int]) -> str:
        draw = rng.random()
        if draw < 0.42:
            return rng.choice(self.function_words)
        if topics and draw < 0.42 + 0.02 * len(topics):
            return rng.choice(self.theme_words[rng.choice(topics)])
        lemma = rng.choices(self.lemmas, cum_weights=self.weights)[0]
        return lemma + rng.choice(ENDINGS[self.code])

    def sentence(self, rng: random.Random, topics: list[int]) -> str:
        words = [self.word(rng, topics) for _ in range(rng.randint(6, 18))]
        if rng.random() < 0.3:
            words[rng.randrange(len(words) - 1)] += ","
        if rng.random() < 0.08:
            at = rng.randrange(len(words))
            words[at] = f"*{words[at]}*"
        elif rng.random() < 0.04:
            at = rng.randrange(len(words))
            words[at] = f"**{words[at]}**"
        text = " ".join(words)
        return text[0].upper() + text[1:] + rng.choice(".....?")

    def paragraph(self, rng: random.Random, topics: list[int], words: int) -> str:
        sentences: list[str] = []
        while sum(s.count(" ") + 1 for s in sentences) < words:
            sentences.append(self.sentence(rng, topics))
        return " ".join(sentences)

    def phrase(self, rng: random.Random, low: int, high: int) -> str:
        text = " ".join(self.word(rng, []) for _ in range(rng.randint(low, high)))
        return text[0].upper() + text[1:]


def theme_words_by_language() -> dict[str, list[list[str]]]:
    """Per language, each theme's single words from hooks/themes.yml."""
    import sitedata

    data, _ = sitedata.load(LANGUAGES, ROOT / "hooks")
    found: dict[str, list[list[str]]] = {lang: [] for lang in LANGUAGES}
    for term in data.themes.values():
        for lang in LANGUAGES:
            tiers = (term.data.get("vocabulary") or {}).get(lang) or {}
            words = [
                str(w).lstrip("=")
                for tier in tiers.values()
                for w in tier
                if " " not in str(w) and str(w).isalpha()
            ]
            found[lang].append(words)
    return found


def essay_body(lang: Language, rng: random.Random, links: list[str]) -> tuple[str, int]:
    """An essay of 800-1500 words about 0-2 of the themes; with its word count."""
    target = rng.randint(800, 1500)
    topics = rng.sample(range(len(lang.theme_words)), rng.choice((0, 1, 1, 1, 2)))
    parts = [lang.paragraph(rng, topics, rng.randint(40, 80)), "<!-- more -->"]
    words = len(parts[0].split())
    while words < target:
        heading = lang.phrase(rng, 2, 5)
        parts.append(f"## {heading}")
        words += len(heading.split())
        for _ in range(rng.randint(2, 4)):
            text = lang.paragraph(rng, topics, rng.randint(50, 120))
            if links and rng.random() < 0.15:
                text += f" Se [{lang.phrase(rng, 2, 4).lower()}]({rng.choice(links)})."
            if rng.random() < 0.1:
                text += f" ([kilde](https://eksempel.no/{rng.randrange(10**6)}))"
            parts.append(text)
            words += len(text.split())
        extra = rng.random()
        if extra < 0.25:
            items = [lang.phrase(rng, 3, 9) for _ in range(rng.randint(3, 5))]
            parts.append("\n".join(f"- {item}" for item in items))
            words += sum(len(i.split()) for i in items)
        elif extra < 0.4:
            quote = lang.paragraph(rng, topics, rng.randint(15, 35))
            parts.append(f"> {quote}")
            words += len(quote.split())
    return "\n\n".join(parts) + "\n", words


def prose_paragraphs() -> dict[str, list[str]]:
    """Per language, the paragraphs (over 20 words) of the labelled essays in
    tests/themes/: real prose, written for the tagger's tests."""
    import sourcefile

    found: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    for path in sorted((ROOT / "tests" / "themes").glob("*/*.md")):
        source, _ = sourcefile.parse(path.read_bytes(), path.name)
        if source is not None:
            paragraphs = [p.strip() for p in source.body.split("\n\n") if len(p.split()) > 20]
            found[path.name.rsplit(".", 2)[-2]] += paragraphs
    return found


def prose_body(paragraphs: list[str], rng: random.Random) -> tuple[str, int]:
    """An essay of 800-1500 words of real paragraphs and nothing else: no headings,
    links or emphasis, so Markdown alone has little to do."""
    target, parts, words = rng.randint(800, 1500), [], 0
    while words < target:
        parts.append(rng.choice(paragraphs))
        words += len(parts[-1].split())
    return "\n\n".join(parts) + "\n", words


def slugify(title: str, number: int) -> str:
    """The slug the site's own `make new-post` would give, shortened and numbered."""
    import contenttypes

    return contenttypes.slugify(title)[:40].strip("-") + f"-{number}"


def generate(root: Path, per_language: int, content: str = "synthetic") -> dict[str, object]:
    """The bench site for N essays per language in *root*; returns what it holds.
    With *content* "prose" the essays are real paragraphs without any markup or a
    ``summary`` (see `prose_body`)."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("docs", "talks", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "posts").mkdir()
    theme_words = theme_words_by_language()
    langs = {
        code: Language.make(code, random.Random(f"words-{code}"), theme_words[code])
        for code in LANGUAGES
    }
    # Titles and slugs first: essays link to each other (within the first 30, so the
    # same links exist at every N and an essay's page does not change with N). A
    # translated essay has its own title in each language and the slug of the nb one.
    titles = {
        (code, i): lang.phrase(random.Random(f"title-{code}-{i}"), 3, 7)
        for code, lang in langs.items()
        for i in range(per_language)
    }
    slugs = {
        (code, i): slugify(titles["nb" if i % TRANSLATED_EVERY == 0 else code, i], i)
        for code, i in titles
    }
    prose = prose_paragraphs() if content == "prose" else {}
    words = 0
    start = time.mktime((2016, 1, 4, 12, 0, 0, 0, 0, -1))
    for code, lang in langs.items():
        for i in range(per_language):
            rng = random.Random(f"essay-{code}-{i}")
            candidates = [slugs[code, j] for j in range(min(30, per_language)) if j != i]
            chosen = rng.sample(candidates, min(3, len(candidates)))
            links = [f"{slug}.{code}.md" for slug in chosen]
            if prose:  # the summary is then the first paragraph, as for an essay without one
                body, count = prose_body(prose[code], rng)
                front = []
            else:
                body, count = essay_body(lang, rng, links)
                front = [f"summary: {lang.phrase(rng, 15, 25)}."]
            words += count
            day = time.strftime("%Y-%m-%d", time.localtime(start + i * 3 * 86400))
            front = [f"title: {titles[code, i]}", f"date: {day}", *front]
            if i % 8 == 3:  # some essays are tagged by the author
                front.append("themes: [attitude]")
            text = "---\n" + "\n".join(front) + "\n---\n\n" + body
            (root / "posts" / f"{slugs[code, i]}.{code}.md").write_text(text, encoding="utf-8")
    return {"essays": per_language * len(LANGUAGES), "words": words}


# --- measuring --------------------------------------------------------------------------


def run_measured(argv: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run a process; its wall time (s), peak memory (MB, its own) and standard output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000"}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own resource usage
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            sys.exit(f"{' '.join(argv)} failed in {cwd}:\n{err.read()[-3000:]}")
        return wall, usage.ru_maxrss / 1024, out.read()


def build_once(root: Path) -> tuple[float, float]:
    # Over the site/ of the build before (the first build of each N has none), as a
    # repeated `mkdocs build` runs. Deleting it here, just before, would charge the
    # build for the deletion: on this project's disks, files created in the half
    # minute after deleting a site are written up to 7 times slower (README, item 24).
    wall, peak, _ = run_measured([str(BIN / "mkdocs"), "build", "--strict", "-q"], root)
    return wall, peak


def markdown_once(root: Path) -> tuple[float, float]:
    _, peak, out = run_measured([sys.executable, __file__, "--lower-bound", str(root)], root)
    return json.loads(out)["seconds"], peak


def essays(root: Path) -> list[tuple[Path, str, str]]:
    """The generated essays of *root*: each file, its front-matter and its body."""
    found = []
    for path in sorted((root / "posts").glob("*.md")):
        front, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        found.append((path, front, body))
    return found


def lower_bound(root: Path) -> None:
    """Child process: convert every essay body with MkDocs' extensions; print the time."""
    import markdown
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"))
    bodies = [body for _, _, body in essays(root)]
    md = markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
    )
    started = time.perf_counter()
    for body in bodies:
        md.reset().convert(body)
    print(json.dumps({"seconds": time.perf_counter() - started, "bodies": len(bodies)}))


def stock_site(root: Path) -> Path:
    """A stock MkDocs + Material site of the same essays, beside *root*'s: every
    essay body a page of one ``docs/`` (the title its only front-matter), the same
    Markdown extensions, Material with its search plugin and nothing else: no
    hooks, no i18n, no listings, feeds, themes or metadata. Essays are left out
    of the nav, as on the real site. What the stack itself costs on this content."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"))
    stock = root / "stock"
    if stock.exists():
        shutil.rmtree(stock)
    (stock / "docs").mkdir(parents=True)
    (stock / "docs" / "index.md").write_text("# Hjem\n\nEssays.\n", encoding="utf-8")
    for path, front, body in essays(root):
        title = next(line[6:].strip() for line in front.splitlines() if line.startswith("title:"))
        page = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n{body}"
        (stock / "docs" / path.name).write_text(page, encoding="utf-8")
    settings = {
        "site_name": "Stock",
        "theme": {"name": "material", "language": "nb", "font": False},
        "markdown_extensions": list(config["markdown_extensions"]),
        "plugins": ["search"],
        "nav": ["index.md"],
        "validation": {"nav": {"omitted_files": "info"}, "links": {"not_found": "info"}},
    }
    (stock / "mkdocs.yml").write_text(json.dumps(settings, indent=1), encoding="utf-8")
    return stock


def stock_once(stock: Path, run: int) -> tuple[float, float]:
    # MkDocs empties its site_dir before a build, and deleting a site slows the file
    # writes after it on this project's disks (README, item 24): each stock build gets
    # a new, empty folder; they go with the generated sites (--keep: at the next run).
    argv = [str(BIN / "mkdocs"), "build", "-q", "--site-dir", f"site-{run}"]
    wall, peak, _ = run_measured(argv, stock)
    return wall, peak


def ratios(builds: list[tuple[float, float]], pairs: list[tuple[float, float]]) -> list[float]:
    """Each build's time against the mean of the lower-bound runs just before and after it."""
    return [b / ((x + y) / 2) for (b, _), (x, y) in zip(builds, pairs, strict=True)]


def output_facts(out: Path, root: Path) -> dict[str, object]:
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    pages = sum(1 for _ in out.rglob("index.html"))
    samples = {}
    for code in LANGUAGES:
        prefix = "" if code == "nb" else f"{code}/"
        for i in SAMPLE_ESSAYS:
            matches = sorted((root / "posts").glob(f"*-{i}.{code}.md"))
            if matches:
                slug = matches[0].name.split(".")[0]
                page = out / prefix / "blogg" / slug / "index.html"
                samples[f"{prefix}blogg/{slug}/"] = page.stat().st_size
    return {"bytes": size, "pages": pages, "samples": samples}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="30,300,1000", help="essays per language")
    parser.add_argument("--runs", type=int, default=3, help="builds per size (median)")
    parser.add_argument("--keep", type=Path, help="generate the sites here and keep them")
    parser.add_argument(
        "--content",
        choices=("synthetic", "prose"),
        default="synthetic",
        help="synthetic essays with Markdown (default), or real paragraphs without markup",
    )
    parser.add_argument(
        "--stock",
        action="store_true",
        help="also build the same essays as a stock MkDocs + Material site (no hooks, one"
        " language, only search) in each round, against the same lower bound",
    )
    parser.add_argument("--lower-bound", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.lower_bound:
        lower_bound(args.lower_bound)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-"))
    results: dict[int, dict[str, object]] = {}
    try:
        roots = {n: work / f"n{n}" for n in sizes}
        for n, root in roots.items():
            facts = generate(root, n, args.content)
            results[n] = {**facts, "builds": [], "pairs": [], "stock": [], "stock_pairs": []}
            if args.stock:
                stock_site(root)
            print(f"N={n}: {facts['essays']} essays, {facts['words']} words")
        # Rounds of every size, each build between two runs of the lower bound:
        # L B L for N=30, then for 300, then for 1000, again and again. The shared
        # VM's speed drifts over minutes: a build is compared with the mean of the
        # runs just before and after it, and the growth from 300 to 1000 with the
        # build at 300 of the same round, a minute apart, so a steady drift cancels.
        # With --stock the stock site's build follows, before one more lower bound.
        for run in range(args.runs):
            for n, root in roots.items():
                before = markdown_once(root)
                build = build_once(root)
                after = markdown_once(root)
                results[n]["builds"].append(build)  # type: ignore[attr-defined]
                results[n]["pairs"].append((before[0], after[0]))  # type: ignore[attr-defined]
                if args.stock:
                    stock = stock_once(root / "stock", run)
                    last = markdown_once(root)
                    results[n]["stock"].append(stock)  # type: ignore[attr-defined]
                    results[n]["stock_pairs"].append((after[0], last[0]))  # type: ignore[attr-defined]
                print(".", end="", flush=True)
        print()
        for n, r in results.items():
            builds, pairs = r["builds"], r["pairs"]
            r["ratios"] = ratios(builds, pairs)
            r["stock_ratios"] = ratios(r["stock"], r["stock_pairs"])
            r.update(
                build=statistics.median(w for w, _ in builds),
                bound=statistics.median(t for pair in pairs for t in pair),
                ratio=statistics.median(r["ratios"]),
                peak=max(p for _, p in builds),
                **output_facts(roots[n] / "site", roots[n]),
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return report(results, args.runs)


def report(results: dict[int, dict], runs: int) -> int:
    print(
        f"\nMedians of {runs} builds and {2 * runs} runs of Markdown alone per N, in"
        " rounds of every N; build = mkdocs build --strict in a fresh process; ratio ="
        " median over the builds of build ÷ the mean of the Markdown runs just before"
        " and after it; growth = median over the rounds of the build at 1000 ÷ the"
        " build at 300 of the same round.\n"
    )
    print(
        "| essays/lang | build | ms/essay | Markdown alone | ratio | peak memory | output | pages |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n, r in results.items():
        print(
            f"| {n} | {r['build']:.2f} s | {r['build'] * 1000 / r['essays']:.2f} | "
            f"{r['bound']:.2f} s | {r['ratio']:.2f}× | {r['peak']:.0f} MB | "
            f"{r['bytes'] / 2**20:.1f} MB | {r['pages']} |"
        )
    failed = []
    largest = max(results)
    for n, r in results.items():
        print(f"ratio of each build at N={n}: {', '.join(f'{x:.2f}×' for x in r['ratios'])}")
    for n, r in results.items():
        if r["stock_ratios"]:
            print(
                f"stock MkDocs + Material (no hooks, one language, only search) at N={n}: "
                f"{statistics.median(w for w, _ in r['stock']):.2f} s, "
                f"{statistics.median(r['stock_ratios']):.2f}× the lower bound (each build: "
                f"{', '.join(f'{x:.2f}×' for x in r['stock_ratios'])}; peak "
                f"{max(p for _, p in r['stock']):.0f} MB)"
            )
    ratio = results[largest]["ratio"]
    print(f"\nbuild / Markdown lower bound at N={largest}: {ratio:.2f}× (target ≤ {MAX_RATIO}×)")
    if ratio > MAX_RATIO:
        failed.append("ratio")
    if 300 in results and 1000 in results:
        small, large = results[300], results[1000]
        rounds = list(zip(small["builds"], large["builds"], strict=True))
        growths = [b1000 / b300 for (b300, _), (b1000, _) in rounds]
        pairs = zip(small["pairs"], large["pairs"], strict=True)
        bound_growths = [sum(p1000) / sum(p300) for p300, p1000 in pairs]
        growth = statistics.median(growths)
        print(
            f"growth 300 → 1000: {growth:.2f}× (target ≤ {MAX_GROWTH}×; each round: "
            f"{', '.join(f'{g:.2f}×' for g in growths)}; Markdown alone "
            f"{statistics.median(bound_growths):.2f}×)"
        )
        if growth > MAX_GROWTH:
            failed.append("growth")
    peak = results[largest]["peak"]
    print(f"peak memory at N={largest}: {peak:.0f} MB (target ≤ {MAX_MEMORY_MB} MB)")
    if peak > MAX_MEMORY_MB:
        failed.append("memory")
    print("size of the same essay pages at each N (bytes):")
    smallest = min(results)
    for url in results[smallest]["samples"]:
        sizes = [results[n]["samples"].get(url) for n in results]
        known = [s for s in sizes if s]
        spread = (max(known) - min(known)) / min(known)
        print(f"  {url:48} {' '.join(f'{s:>7}' for s in known)}  ({spread:+.1%})")
        if spread > MAX_PAGE_SIZE_SPREAD:
            failed.append(f"page size of {url}")
    print("\n" + ("all targets met" if not failed else "missed: " + ", ".join(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
