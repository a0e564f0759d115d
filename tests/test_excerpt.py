"""Summaries and reading time from an essay's Markdown: table tests."""

from __future__ import annotations

import pytest

import excerpt


@pytest.mark.parametrize(
    ("body", "summary"),
    [
        # The text before <!-- more --> wins, rendered to plain text.
        (
            "Kort *innledning* med [lenke](https://x.no).\n\n<!-- more -->\n\nResten.",
            "Kort innledning med lenke.",
        ),
        ("Første.\n\nAndre.\n\n<!--more-->\n\nResten.", "Første. Andre."),
        # Otherwise the first prose paragraph; headings, images, code and lists are skipped.
        (
            "# Overskrift\n\n![Bilde](b.jpg)\n\n```\nkode\n\nmer kode\n```\n\n"
            "- punkt\n\nEndelig &amp; tekst.\n\nMer.",
            "Endelig & tekst.",
        ),
        ("    innrykket kode\n\n> sitat\n\nTekst.", "Tekst."),
        ("En linje\nsom fortsetter.\n\nNeste.", "En linje som fortsetter."),
        ("## Bare overskrifter\n\n### Og mer", ""),
        ("<!-- more -->\n\nTekst etter markøren.", "Tekst etter markøren."),  # empty teaser
    ],
)
def test_summary(body: str, summary: str) -> None:
    assert excerpt.summary(body) == summary


def test_summaries_do_not_share_link_definitions() -> None:
    # One converter makes every summary: what one essay defines must not reach the next.
    teaser = "Les [her][kilde].\n\n[kilde]: https://x.no\n\n<!-- more -->\n\nResten."
    assert excerpt.summary(teaser) == "Les her."
    assert excerpt.summary("Ingen [her][kilde] i denne.") == "Ingen [her][kilde] i denne."


def test_the_first_paragraph_skips_comments_and_code_with_blank_lines_in_them() -> None:
    body = "<!--\nnotat\n\n-->\n```\nkode\n\nmer\n```\n\n~~~\nx\n~~~\n\nFørste avsnitt.\n\nAndre."
    assert excerpt.first_paragraph(body) == "Første avsnitt."


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("Hei på deg.", 3),
        ("Se [denne lenken](https://eksempel.no/en/lang/adresse) her.", 4),
        ("Kundeservice-sjefen sa: «Det er greit.»", 5),  # a hyphenated compound is one word
        ("<!-- en kommentar med mange ord -->Tekst.", 1),
        ("", 0),
        ("12 kunder, 3½ time og 2024-tallene", 6),  # digits are words, like letters
        ("kunde--klage – «svar» … _under_ vi’er", 5),  # a lone dash is no word
        ("sidan\u00a0kunden\u2003ringde\u200bigen", 4),  # no-break and em spaces split
    ],
)
def test_word_count(body: str, words: int) -> None:
    assert excerpt.word_count(body) == words
    # As many as the plain pattern finds in the whole text (the count is made faster).
    text = excerpt._LINK_TARGET.sub("]", excerpt._HTML_COMMENT.sub(" ", body))
    assert len(excerpt._WORD.findall(text)) == words


@pytest.mark.parametrize(("words", "minutes"), [(0, 1), (1, 1), (220, 1), (221, 2), (1100, 5)])
def test_reading_minutes_round_up_and_never_zero(words: int, minutes: int) -> None:
    assert excerpt.reading_minutes(words) == minutes


# Pieces of text for random summaries: mostly words and spaces, now and then
# something Markdown may read as markup (or a place where a line could start as one).
_PLAIN_PIECES = ["kunden", "Svar", "på", "æøå", "vi’er", "12", ",", ".", "?", ":", ";", "(", ")"]
_PLAIN_PIECES += ['"', "'", "«", "»", "/", "%", "~", "|", "{", "}", "^", "$", "@", "=", "-", "+"]
_SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "  \n", "\r\n", "\u00a0", "\u2028", "\n    "]
_MARKUP_PIECES = ["*", "_", "**", "`", "\\", "[", "]", "![", "](", "<", ">", "&", "&amp;"]
_MARKUP_PIECES += ["#", "\n#", "\n- ", "\n+ ", "\n1. ", "\n2) ", "\n---", "\n===", "\n> ", "\x02"]
_MARKUP_PIECES += ["\n- - -", "\n* * *", "\n-", "<b>", "<!-- x -->", "\x0c", "\n=", "\n  1. "]


def _random_texts(count: int) -> list[str]:
    import random

    rng = random.Random(7)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 30)):
            draw = rng.random()
            if draw < 0.02:
                parts.append(rng.choice(_MARKUP_PIECES))
            elif draw < 0.6:
                parts.append(rng.choice(_PLAIN_PIECES))
            else:
                parts.append(rng.choice(_SPACES))
        texts.append("".join(parts))
    return texts


def test_plain_text_without_markup_is_the_text_markdown_renders() -> None:
    # plain_text skips Markdown for text it cannot read as markup: the result must
    # be what rendering it gives, for every text (and most take the short way here,
    # so the comparison is not only of the long way with itself).
    texts = _random_texts(6000)
    short = [t for t in texts if excerpt._MAY_BE_MARKUP.search(t) is None]
    assert len(short) > len(texts) / 3
    assert len(short) < len(texts) * 0.9  # and the pattern does catch markup
    for text in texts:
        assert excerpt.plain_text(text) == excerpt._rendered_text(text), repr(text)
