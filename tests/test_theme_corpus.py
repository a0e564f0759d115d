"""How well the tagger agrees with labelled original essays.

tests/themes/ holds 90 essays written for this purpose by other writers than
the vocabulary's author, with their themes in labels.*.yml. Among them are
essays that touch a theme only in passing and essays about none of the themes.

- corpus/ (30 essays, 10 per language): the labelled corpus the vocabulary and
  thresholds were chosen on. The target, F1 ≥ 0.95, is asserted here (0.985).
- holdout/ (15): set aside, tagged once the choice was made (F1 0.929); general
  Danish attitude words were added after that, so it is no longer unseen.
- holdout2/ (15): written later by a writer who saw none of the essays nor the
  vocabulary; first tagged at F1 0.857; the vocabulary was then broadened with
  general words (its essays were not read), giving 0.929.
- holdout3/ (15): written next, tagged once with the vocabulary and thresholds
  of then: F1 0.867; attitude as a second theme is where it erred most.
- holdout4/ (15): written last by three writers who saw neither the essays nor
  the vocabulary; tagged once: F1 0.938 (precision 0.882, recall 1.0, exact-set
  0.867). Its two errors came from words that only look like theme words
  (Danish 'love' = promise and 'tale' = speak stem like 'lov' and 'tal';
  Swedish 'kön kunde sträcka sig' = the queue stretched), which were then
  narrowed in themes.yml, so it is no longer unseen. holdout3 and holdout4 are
  the honest estimates for essays the tagger has never seen: 0.87 to 0.94.

The report is printed with every test run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sitedata
import sourcefile
import themes
from conftest import ROOT

CORPUS = Path(__file__).resolve().parent / "themes"
LANGUAGES = ("nb", "sv", "da")
TARGET_F1 = 0.95
HELD_OUT_FLOOR = 0.90


def labelled() -> list[tuple[str, str, frozenset[str]]]:
    """(path relative to tests/themes, language, expected themes) for every essay."""
    rows = []
    for labels_file in sorted(CORPUS.glob("labels.*.yml")):
        labels = sourcefile.load_yaml(labels_file.read_text(encoding="utf-8"))
        for path, expected in labels.items():
            lang = path.rsplit(".", 2)[-2]
            rows.append((path, lang, frozenset(expected)))
    return sorted(rows)


def tag_all() -> list[tuple[str, str, frozenset[str], frozenset[str]]]:
    data, problems = sitedata.load(LANGUAGES, ROOT / "hooks")
    assert problems == []
    tagger = themes.Tagger.from_terms(data.themes)
    rows = []
    for path, lang, expected in labelled():
        source, problems = sourcefile.parse((CORPUS / path).read_bytes(), path)
        assert source is not None, problems
        title = source.front_matter["title"].value
        found = frozenset(tagger.tag(source.body, lang, title).themes)
        rows.append((path, lang, expected, found))
    return rows


def metrics(rows) -> dict[str, float]:
    tp = sum(len(e & f) for _, _, e, f in rows)
    fp = sum(len(f - e) for _, _, e, f in rows)
    fn = sum(len(e - f) for _, _, e, f in rows)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact = sum(e == f for _, _, e, f in rows) / len(rows)
    return {"precision": precision, "recall": recall, "f1": f1, "exact": exact, "n": len(rows)}


@pytest.fixture(scope="module")
def results():
    return tag_all()


def test_the_corpus_is_large_enough_and_varied(results) -> None:
    for lang in LANGUAGES:
        mine = [r for r in results if r[1] == lang]
        assert len(mine) >= 10
        assert any(not expected for _, _, expected, _ in mine)  # essays about no theme
        assert any(len(expected) == 2 for _, _, expected, _ in mine)  # essays with two


def test_tagger_meets_the_target_on_the_labelled_corpus(results, capsys) -> None:
    report = ["", "Theme tagger against tests/themes (micro-averaged over essay-theme pairs):"]
    splits = {
        "all": results,
        **{
            split: [r for r in results if r[0].startswith(f"{split}/")]
            for split in ("corpus", "holdout", "holdout2", "holdout3", "holdout4")
        },
        **{lang: [r for r in results if r[1] == lang] for lang in LANGUAGES},
    }
    for name, rows in splits.items():
        m = metrics(rows)
        report.append(
            f"  {name:8} n={m['n']:3}  precision {m['precision']:.3f}  recall {m['recall']:.3f}"
            f"  F1 {m['f1']:.3f}  exact-set {m['exact']:.3f}"
        )
    misses = [
        f"  {path}: expected {sorted(e)}, got {sorted(f)}" for path, _, e, f in results if e != f
    ]
    report += ["Disagreements:", *misses] if misses else ["Disagreements: none"]
    with capsys.disabled():
        print("\n".join(report))
    assert metrics(splits["corpus"])["f1"] >= TARGET_F1


def test_tagger_does_not_get_worse_on_essays_it_was_not_tuned_on(results) -> None:
    """Not the target: a floor under what the held-out essays measure now (F1 0.92).

    A change of vocabulary or thresholds that helps the corpus but costs essays
    it was not tuned on fails here.
    """
    held_out = [r for r in results if not r[0].startswith("corpus/")]
    assert len(held_out) == 60
    assert metrics(held_out)["f1"] >= HELD_OUT_FLOOR
