"""The front-matter schemas and file names of essays and talks: table tests."""

from __future__ import annotations

from datetime import date

import pytest

import contenttypes as ct
import sourcefile

RULES = ct.Rules(
    languages=("nb", "sv", "da"),
    themes=frozenset({"attitude", "leadership", "recovery"}),
    formats=frozenset({"keynote", "workshop", "half-day", "webinar"}),
    aliases=(("ledelse", "leadership"), ("ledarskap", "leadership"), ("foredrag", "keynote")),
)


def check(check_fn, value):
    try:
        return check_fn(value, RULES)
    except ct.FieldError as e:
        return f"error: {e}"


@pytest.mark.parametrize(
    ("check_fn", "value", "expected"),
    [
        (ct.text, "  Det  lille\nekstra ", "Det lille ekstra"),  # whitespace collapsed
        (
            ct.text,
            1984,
            "error: expected text, got the number 1984; put it in quotes if it is meant",
        ),
        (ct.text, True, "error: expected text, got true; put it in quotes if it is meant"),
        (ct.text, "", "error: expected text, got ''"),
        (ct.text, None, "error: expected text, got nothing"),
        (ct.text, ["a"], "error: expected text, got a list (1 items)"),
        (ct.iso_date, "2025-03-14", date(2025, 3, 14)),
        (ct.iso_date, "2024-02-29", date(2024, 2, 29)),  # a leap day that exists
        (ct.iso_date, "maj 2024", "error: expected a date like 2024-05-01, got 'maj 2024'"),
        (ct.iso_date, "14.03.2025", "error: expected a date like 2024-05-01, got '14.03.2025'"),
        (ct.iso_date, "2025-3-14", "error: expected a date like 2024-05-01, got '2025-3-14'"),
        (
            ct.iso_date,
            "2026-02-30",
            "error: expected a date like 2024-05-01, got '2026-02-30', which does not exist "
            "(February 2026 has 28 days)",
        ),
        (
            ct.iso_date,
            "2025-13-01",
            "error: expected a date like 2024-05-01, got '2025-13-01': there is no month 13",
        ),
        (ct.iso_date, 20250314, "error: expected a date like 2024-05-01, got the number 20250314"),
        (ct.boolean, True, True),
        (ct.boolean, "yes", "error: expected true or false, got 'yes'"),
        (ct.boolean, 1, "error: expected true or false, got the number 1"),
        (ct.site_language, "sv", "sv"),
        (
            ct.site_language,
            "no",
            "error: expected one of nb, sv, da, got 'no' (Norwegian Bokmål is 'nb')",
        ),
        (ct.site_language, "en", "error: expected one of nb, sv, da, got 'en'"),
        (ct.theme_list, ["recovery", "attitude"], ("recovery", "attitude")),  # order kept
        (ct.theme_list, [], ()),
        (
            ct.theme_list,
            "leadership",
            "error: expected a list like [leadership, recovery], got 'leadership'",
        ),
        (
            ct.theme_list,
            ["ledelse"],  # the Norwegian name of a theme points to its id
            "error: unknown theme 'ledelse'; did you mean 'leadership'? "
            "expected one of attitude, leadership, recovery",
        ),
        (
            ct.theme_list,
            ["atitude"],  # a typo
            "error: unknown theme 'atitude'; did you mean 'attitude'? "
            "expected one of attitude, leadership, recovery",
        ),
        (ct.theme_list, ["recovery", "recovery"], "error: 'recovery' is listed twice"),
        (ct.minutes_list, [60, 45, 60], (45, 60)),
        (ct.minutes_list, 45, "error: expected a list of minutes like [45, 60], got the number 45"),
        (
            ct.minutes_list,
            ["45 min"],
            "error: expected whole minutes between 5 and 1440, got '45 min'",
        ),
        (ct.format_list, ["keynote"], ("keynote",)),
        (ct.format_list, [], "error: expected at least one format, like [keynote, workshop]"),
        (ct.delivery_languages, ["nb", "en"], ("nb", "en")),
        (
            ct.delivery_languages,
            ["norsk"],
            "error: expected two-letter language codes like nb, sv, da, en; got 'norsk'",
        ),
    ],
)
def test_value_checks(check_fn, value, expected) -> None:
    assert check(check_fn, value) == expected


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Når kunden klager", "nar-kunden-klager"),
        ("Ærlighet, først og fremst!", "aerlighet-forst-og-fremst"),
        ("Smörgåsbord för kunden", "smorgasbord-for-kunden"),
        ("Café-besøket", "cafe-besoket"),
        ("  22 % fornøyde  ", "22-fornoyde"),
        ("???", ""),
    ],
)
def test_slugify_transliterates_scandinavian_letters(title: str, slug: str) -> None:
    assert ct.slugify(title) == slug


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("posts/svar-raskt.sv.md", ("svar-raskt", "sv")),
        ("posts/2024/svar-raskt.sv.md", ("svar-raskt", "sv")),  # sub-folders are allowed
        ("posts/22-prosent.nb.md", ("22-prosent", "nb")),
        (
            "posts/svar-raskt.md",
            "posts/svar-raskt.md: the file name says no language; "
            "expected svar-raskt.nb.md or svar-raskt.sv.md or svar-raskt.da.md",
        ),
        (
            "posts/steg.og.md",  # a dot in the slug reads as a language
            "posts/steg.og.md: 'og' is not a site language; expected a name like <slug>.<lang>.md, "
            "where <lang> is one of nb, sv, da (a slug cannot contain dots: use hyphens)",
        ),
        (
            "posts/Når kunden klager.nb.md",
            "posts/Når kunden klager.nb.md: the slug 'Når kunden klager' may only contain "
            "lowercase letters a-z, digits and single hyphens; expected a name like "
            "'nar-kunden-klager.nb.md'",
        ),
        (
            "posts/notater.txt",
            "posts/notater.txt: not a Markdown file; expected a name like <slug>.<lang>.md, "
            "where <lang> is one of nb, sv, da",
        ),
    ],
)
def test_file_names(path: str, expected) -> None:
    result = ct.parse_name(path, RULES.languages)
    assert (str(result) if isinstance(result, ct.Problem) else result) == expected


def make(raw: str, slug: str = "hei", lang: str = "nb"):
    source, problems = sourcefile.parse(raw.encode(), f"posts/{slug}.{lang}.md")
    assert problems == [] and source is not None
    post, problems = ct.make_post(source, slug, lang, RULES)
    return post, [str(p) for p in problems]


def test_a_valid_post_becomes_a_model_with_derived_summary_and_words() -> None:
    post, problems = make(
        "---\ntitle: Hei\ndate: 2025-03-14\nthemes: [attitude]\n---\n\n"
        "Første *avsnitt* her.\n\n<!-- more -->\n\nResten.\n"
    )
    assert problems == []
    assert post == ct.Post(
        path="posts/hei.nb.md",
        slug="hei",
        lang="nb",
        title="Hei",
        date=date(2025, 3, 14),
        summary="Første avsnitt her.",
        body="Første *avsnitt* her.\n\n<!-- more -->\n\nResten.\n",
        themes=("attitude",),
        words=4,
        body_line=7,  # after the front-matter and the blank line
    )


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    _, problems = make("---\ntitel: Hei\ndate: 2025-02-30\ndraft: ja\nlang: sv\n---\n\nTekst.\n")
    assert problems == [
        "posts/hei.nb.md:2: unknown key 'titel'; did you mean 'title'? "
        "expected one of title, date, summary, themes, draft, updated, lang",
        "posts/hei.nb.md:3: 'date': expected a date like 2024-05-01, got '2025-02-30', "
        "which does not exist (February 2025 has 28 days)",
        "posts/hei.nb.md:4: 'draft': expected true or false, got 'ja'",
        "posts/hei.nb.md: 'title' is missing; expected a front-matter line like "
        "'title: Det lille ekstra'",
        "posts/hei.nb.md:5: 'lang': the file name says 'nb' but 'lang' says 'sv'; "
        "make them agree (the file name decides the language)",
    ]


def test_a_talk_needs_its_catalog_facts() -> None:
    source, _ = sourcefile.parse(b"---\ntitle: Foredrag\n---\n\nInnhold.\n", "talks/f.nb.md")
    assert source is not None
    talk, problems = ct.make_talk(source, "f", "nb", RULES)
    assert talk is None
    assert [str(p) for p in problems] == [
        "talks/f.nb.md: 'summary' is missing; expected a front-matter line like "
        "'summary: One or two sentences.'",
        "talks/f.nb.md: 'durations' is missing; expected a front-matter line like "
        "'durations: [45, 60]'",
        "talks/f.nb.md: 'formats' is missing; expected a front-matter line like "
        "'formats: [keynote, webinar]'",
        "talks/f.nb.md: 'languages' is missing; expected a front-matter line like "
        "'languages: [nb, sv, da]'",
    ]
