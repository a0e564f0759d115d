"""The theme tagger: matching, decisions, its command line, and themes on the site."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import sitedata
import themes
from conftest import HOOKS, ROOT, Site, new_site, post

DATA, _ = sitedata.load(("nb", "sv", "da"))
TAGGER = themes.Tagger.from_terms(DATA.themes)


@pytest.mark.parametrize("lang", ["nb", "sv", "da"])
def test_a_words_stem_begins_it(lang: str) -> None:
    """The tagger skips stemming words that begin with no entry's stem (Vocabulary's
    candidate test); that is only right if a stem always begins its word, as
    Snowball's Scandinavian stemmers promise. Checked on every word of the essays."""
    import re

    stemmer = themes.Vocabulary(lang, ())._stemmer
    words = {
        word
        for path in (ROOT / "tests" / "themes").rglob(f"*.{lang}.md")
        for word in re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8").lower())
    }
    assert len(words) > 2000
    assert [w for w in sorted(words) if not w.startswith(stemmer.stemWord(w))] == []


def evidence(text: str, lang: str) -> dict[str, list[str]]:
    return {t: words for t, words in TAGGER.tag(text, lang).evidence.items() if words}


@pytest.mark.parametrize(
    ("lang", "word", "theme"),
    [
        # Inflections, through Snowball's stemmers.
        ("nb", "klagene", "recovery"),
        ("sv", "klagomålen", "recovery"),
        ("da", "undskyldningen", "recovery"),
        ("nb", "lederne", "leadership"),
        ("sv", "cheferna", "leadership"),
        # Compounds Snowball does not split: the entry inside a longer word.
        ("nb", "kundeklagen", "recovery"),
        ("nb", "klagebehandlingen", "recovery"),
        ("nb", "ledergruppen", "leadership"),
        ("nb", "butikklederen", "leadership"),
        ("nb", "serviceinnstillingen", "attitude"),
        ("sv", "reklamationshanteringen", "recovery"),
        ("sv", "butikschefen", "leadership"),
        ("da", "afdelingslederen", "leadership"),
        ("da", "kundeklager", "recovery"),
    ],
)
def test_a_word_counts_for_its_theme_in_any_form(lang: str, word: str, theme: str) -> None:
    assert word in evidence(f"Her står {word} midt i en setning.", lang).get(theme, [])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Hun var tilfreds med svaret."),  # 'utilfreds' is an entry; 'tilfreds' is not
        ("nb", "Det var en konkurs."),  # '=kurs' only matches its own inflections
        ("nb", "Et ekstremt godt tilbud."),  # 'ekstra' does not start 'ekstremt'
    ],
)
def test_look_alike_words_do_not_count(lang: str, text: str) -> None:
    assert evidence(text, lang) == {}


def test_a_phrase_matches_word_by_word() -> None:
    found = evidence("Det handler om det lille ekstra, hver dag.", "nb")
    assert "det lille ekstra" in found["attitude"]


def test_a_word_counts_alike_in_any_case_and_between_any_punctuation() -> None:
    bare = TAGGER.tag("kundeklagen kom og lederen svarte\n\n" * 4, "nb", explain=False)
    dressed = TAGGER.tag("«Kundeklagen», kom og LEDEREN svarte!\n\n" * 4, "nb", explain=False)
    assert dressed.scores == bare.scores
    assert dressed.scores["recovery"] > 0 and dressed.scores["leadership"] > 0


def test_words_joined_by_a_hyphen_count_as_two_and_a_dash_as_none() -> None:
    text = "kunden klaget og vi rettet feilen " * 20  # 120 words: a score's divisor is 150
    one = TAGGER.tag(text * 2, "nb").scores["recovery"]
    assert TAGGER.tag(text * 2 + "– – – –", "nb").scores["recovery"] == one
    assert TAGGER.tag(text * 2 + "kaffe-kopp " * 30, "nb").scores["recovery"] < one
    joined = TAGGER.tag(text * 2 + "kaffekopp " * 60, "nb").scores["recovery"]
    assert TAGGER.tag(text * 2 + "kaffe-kopp " * 30, "nb").scores["recovery"] == joined


def small_tagger(vocabulary: dict[str, list[str]]) -> themes.Tagger:
    term = sitedata.Term("x", {"nb": "X"}, {}, {"vocabulary": {"nb": vocabulary}})
    return themes.Tagger.from_terms({"x": term})


def test_a_phrase_matches_whatever_else_its_words_count_for() -> None:
    """'leder' holds the entry 'lede', 'ledig' does not, yet Snowball gives both the
    stem 'led': the phrase 'god leder' is found with either, across punctuation."""
    tagger = small_tagger({"strong": ["lede", "god leder"]})
    # Three phrases (3 each) and one 'leder' (3), per 150 words: 12 * 100 / 150.
    text = "En god leder.\n\nEn god ledig stol.\n\nGod, ledig."
    assert tagger.tag(text, "nb").scores["x"] == 8.0
    assert tagger.tag("god ledig", "nb").evidence["x"] == ["god leder"]
    # Not across a paragraph break.
    assert tagger.tag("god\n\nledig", "nb").scores["x"] == 0.0


def test_a_tagger_answers_alike_whatever_it_has_seen_before() -> None:
    """The tagger learns each new word once per build; what it learnt from one essay
    must not change its answer for another."""
    texts = [
        (path.name.split(".")[-2], path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "tests" / "themes").rglob("*.md"))[:12]
    ]
    first = themes.Tagger.from_terms(DATA.themes)
    forward = [first.tag(text, lang) for lang, text in texts]
    second = themes.Tagger.from_terms(DATA.themes)
    backward = [second.tag(text, lang) for lang, text in reversed(texts)][::-1]
    assert [(r.themes, r.scores, r.evidence) for r in forward] == [
        (r.themes, r.scores, r.evidence) for r in backward
    ]
    assert any(r.themes for r in forward)


def test_a_theme_mentioned_in_passing_is_not_given() -> None:
    text = (
        "Vi snakket lenge om prisene på kafeen, om hvorfor kaffen koster det den gjør, "
        "og om åpningstidene som ble endret i fjor. Eieren viste meg regnskapet. "
        "En gjest hadde klaget på prisen en gang. Resten av kvelden handlet om bønner, "
        "brenning og hvordan en god espresso skal smake. " * 3
    )
    result = TAGGER.tag(text, "nb")
    assert result.themes == ()
    assert result.evidence["recovery"]  # it saw the complaint, and still said no


def test_themes_come_strongest_first_with_scores_for_every_theme() -> None:
    text = (
        "Kunden klaget. Vi beklaget feilen, ga en unnskyldning og full erstatning. "
        "Lederen hadde gitt oss fullmakt i retningslinjene.\n\n"
    ) * 4
    result = TAGGER.tag(text, "nb")
    assert result.themes[0] == "recovery"
    assert set(result.scores) == {"attitude", "leadership", "recovery"}
    assert result.scores["recovery"] > result.scores["attitude"]


# --- command line ------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(HOOKS / "themes.py"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_cli_prints_one_json_object_per_file() -> None:
    result = run_cli("posts/ett-forlat-som-betyder-nagot.sv.md", "posts/forste-dag-pa-jobbet.da.md")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["path"], d["lang"]) for d in lines] == [
        ("posts/ett-forlat-som-betyder-nagot.sv.md", "sv"),
        ("posts/forste-dag-pa-jobbet.da.md", "da"),
    ]
    first = lines[0]
    assert set(first) == {"path", "lang", "themes", "scores", "evidence"}
    assert first["themes"][0] == "recovery"
    assert set(first["scores"]) == set(first["evidence"]) == {"attitude", "leadership", "recovery"}
    assert "ursäkt" in first["evidence"]["recovery"]


def test_cli_takes_the_language_from_front_matter_when_the_name_has_none(tmp_path) -> None:
    essay = tmp_path / "utkast.md"
    essay.write_text("---\ntitle: Klagen\nlang: da\n---\nEn kunde klagede.\n", encoding="utf-8")
    result = run_cli(str(essay))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["lang"] == "da"


def test_cli_stops_quietly_when_its_reader_stops_reading() -> None:
    """`python hooks/themes.py posts/*.md | head -1` prints one line and no traceback."""
    paths = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "posts").glob("*.md"))
    with subprocess.Popen(
        [sys.executable, str(HOOKS / "themes.py"), *paths * 20],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as cli:
        assert cli.stdout is not None and cli.stderr is not None
        assert json.loads(cli.stdout.readline())["path"] == paths[0]
        cli.stdout.close()
        assert cli.wait(timeout=60) == 0
        assert cli.stderr.read() == ""


def test_cli_fails_clearly_on_unknown_language_and_unreadable_files(tmp_path) -> None:
    essay = tmp_path / "essay.fi.md"
    essay.write_text("---\ntitle: Moi\n---\nTeksti.\n", encoding="utf-8")
    missing = tmp_path / "finnes-ikke.nb.md"
    good = ROOT / "posts" / "det-lille-ekstra.nb.md"
    result = run_cli(str(essay), str(missing), str(good))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: {essay}: unknown language; expected a file name like <slug>.<lang>.md "
        "or a front-matter 'lang:' with one of nb, sv, da",
        f"error: {missing}: cannot be read: No such file or directory",
    ]
    assert json.loads(result.stdout)["path"] == str(good)  # the good file is still tagged
    assert "Traceback" not in result.stderr


# --- on the site -------------------------------------------------------------------------

RECOVERY_NB = (
    "Kunden klaget over feilen. Vi beklaget, ba om unnskyldning og ga erstatning med en gang. "
    "Etterpå gikk vi gjennom klagen for å lære av den, så det ikke skjer igjen.\n\n"
) * 3
LEADERSHIP_NB = (
    "Lederen ga de ansatte fullmakt og tydelige retningslinjer. Opplæringen av nyansatte "
    "ble lagt om, og ledergruppen gikk foran som forbilder for kulturen.\n\n"
) * 3
ATTITUDE_NB = (
    "Hun møtte hver kunde med et smil og blikkontakt, lyttet ferdig og var engasjert. "
    "Det lille ekstra kom av holdningen, og kollegaene merket stoltheten.\n\n"
) * 3


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = new_site(
        tmp_path_factory.mktemp("themes") / "root",
        {
            "posts/klagen.nb.md": post("Klagen", "2025-05-01", RECOVERY_NB),
            "posts/klagen.sv.md": post("Klagomålet", "2025-05-02", "En kund klagade.\n"),
            "posts/sjefen.nb.md": post("Sjefen", "2025-04-01", LEADERSHIP_NB),
            "posts/begge.nb.md": post("Begge deler", "2025-03-01", RECOVERY_NB + LEADERSHIP_NB),
            "posts/smilet.nb.md": post("Smilet", "2025-02-01", ATTITUDE_NB),
            # The author's word wins over the tagger's.
            "posts/overstyrt.nb.md": post(
                "Overstyrt", "2025-01-01", RECOVERY_NB, themes="[attitude]"
            ),
        },
    )
    built.build()
    return built


def test_essay_page_links_to_its_themes(site: Site, content_log) -> None:
    page = site.html("blogg/begge/")
    assert (
        '<span class="theme-links__label">Tema:</span>\n'
        '      <a href="../../tema/leadership/" class="theme-link">Ledelse</a>, '
        '<a href="../../tema/recovery/" class="theme-link">Når noe går galt</a>'
    ) in page or (
        '<a href="../../tema/recovery/" class="theme-link">Når noe går galt</a>, '
        '<a href="../../tema/leadership/" class="theme-link">Ledelse</a>'
    ) in page


def test_explicit_themes_win_over_the_tagger(site: Site) -> None:
    page = site.html("blogg/overstyrt/")
    assert '<a href="../../tema/attitude/" class="theme-link">Holdning</a>' in page
    assert "tema/recovery/" not in page.split('class="essay-footer"')[0]


def test_the_log_says_when_the_author_and_the_tagger_disagree(make_site, content_log) -> None:
    small = make_site(
        {"posts/overstyrt.nb.md": post("Overstyrt", "2025-01-01", RECOVERY_NB, themes="[attitude]")}
    )
    small.build()
    infos = [r.getMessage() for r in content_log.records if r.levelname == "INFO"]
    assert (
        "posts/overstyrt.nb.md: 'themes' says [attitude]; the tagger would choose [recovery] "
        "(the file's list is used)"
    ) in infos
    assert not [r for r in content_log.records if r.levelname == "WARNING"]


def test_theme_page_lists_its_essays_newest_first_with_name_and_description(site: Site) -> None:
    page = site.html("tema/recovery/")
    assert "<h1>Når noe går galt</h1>" in page
    assert DATA.themes["recovery"].description["nb"] in page
    titles = [line.split(">")[-1] for line in page.split("</a></h2>")[:-1]]
    assert titles == ["Klagen", "Begge deler"]
    sv = site.html("sv/tema/recovery/")
    assert "<h1>När något går fel</h1>" in sv


def test_themes_overview_and_home_list_every_theme(site: Site) -> None:
    for url, link in (("tema/", "{id}/"), ("", "tema/{id}/")):
        page = site.html(url)
        for theme_id, term in DATA.themes.items():
            href = link.format(id=theme_id)
            assert f'<a href="{href}">{term.name["nb"]}</a>' in page


def test_related_essays_share_themes_first_then_recency_never_itself(site: Site) -> None:
    page = site.html("blogg/klagen/")
    related = page.split('id="related-essays"')[1]
    order = [s.split('/"')[0] for s in related.split('class="essay-card__title"><a href="../')[1:]]
    # 'begge' shares recovery; then the newest of the rest; never 'klagen' itself.
    assert order == ["begge", "sjefen", "smilet"]
    assert "klagen" not in order


def test_a_fourth_theme_is_a_change_to_the_data_file_only(make_site) -> None:
    extra_theme = """
pricing:
  name: {nb: Pris, sv: Pris, da: Pris}
  description: {nb: Om hva service koster., sv: Om vad service kostar., da: Om hvad service koster.}
  vocabulary:
    nb: {strong: [pris, prislapp, rabattkode, kostnad], normal: [krone]}
    sv: {strong: [pris, prislapp, kostnad], normal: [krona]}
    da: {strong: [pris, prisskilt, omkostning], normal: [krone]}
"""
    text = (
        "Prisen var høy. Prislappen sa noe annet enn kassen. Kostnaden steg, pris for pris.\n\n" * 4
    )
    small = make_site({"posts/prisen.nb.md": post("Prisen", "2025-01-01", text)})
    themes_file = small.root / "hooks" / "themes.yml"
    themes_file.write_text(themes_file.read_text(encoding="utf-8") + extra_theme, encoding="utf-8")
    small.build()
    assert "<h1>Pris</h1>" in small.html("tema/pricing/")
    assert '<a href="../../tema/pricing/" class="theme-link">Pris</a>' in small.html(
        "blogg/prisen/"
    )
    assert '<a href="pricing/">Pris</a>' in small.html("sv/tema/")
