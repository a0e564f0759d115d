"""Plain-text summaries and reading time, computed from an essay's Markdown.

Pure functions. Rendering a whole essay just to find its first paragraph would
double the Markdown work of a build, so only the chosen excerpt is rendered,
and only if it has anything Markdown could read as markup (`plain_text`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from itertools import filterfalse

import markdown

MORE_MARKER = re.compile(r"^[ \t]*<!--\s*more\s*-->[ \t]*$", re.MULTILINE | re.IGNORECASE)

#: Silent reading speed for Scandinavian non-fiction. Studies put adult readers
#: at 200-260 words per minute; essays with stories in them read at the low end.
WORDS_PER_MINUTE = 220

_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")
_FENCED_CODE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
# Blocks that are never a summary: headings, rules, lone images, raw HTML,
# tables, quotes, lists and indented code.
_NOT_PROSE = re.compile(r"^(#|<|!\[|\||>|[-*+][ \t]|\d+[.)][ \t]|( {4}|\t)|([-*_][ \t]*){3,}$)")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


# One converter for every summary: ``markdown.markdown()`` builds a new one per call
# (its processors and patterns, 0.1 ms, a third of a summary's cost). Python-Markdown's
# ``reset()`` between documents is how it is meant to be reused.
_MARKDOWN = markdown.Markdown()


# What Markdown (Python-Markdown with no extensions, as `_MARKDOWN`) can read as
# markup or escapes in its output: a character that starts inline markup, an
# entity, raw HTML, a heading or a quote anywhere in a block, or control
# characters (it uses two itself); a line that starts like a list item, or one
# of only '-', '=' and spaces (a rule, or a heading's underline). Text with none
# of these is rendered as paragraphs of the same text: its plain text is the
# source with whitespace collapsed (tests/test_excerpt.py compares the two on
# random texts).
_MAY_BE_MARKUP = re.compile(
    r"[\\`*_\[\]!<>&#\x00-\x08\x0b-\x1f\x7f]|^[ \t]*(?:[-+]|\d+[.)])(?:[ \t]|$)|^[-= \t]+$",
    re.MULTILINE,
)


def plain_text(markdown_source: str) -> str:
    """Render Markdown and keep only its text, whitespace collapsed.

    Most summaries are a paragraph of plain prose: for those the text is the
    source, and no Markdown is rendered (0.15 -> 0.02 ms for such a paragraph).
    """
    if _MAY_BE_MARKUP.search(markdown_source) is None:
        return " ".join(markdown_source.split())
    return _rendered_text(markdown_source)


def _rendered_text(markdown_source: str) -> str:
    """`plain_text` the long way: rendered by Markdown, then its text kept."""
    html = _MARKDOWN.reset().convert(markdown_source)
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def first_paragraph(body: str) -> str:
    """The Markdown of the first prose paragraph, or ``""`` if there is none."""
    text = _HTML_COMMENT.sub("", body) if "<!--" in body else body
    if "```" in text or "~~~" in text:
        text = _FENCED_CODE.sub("", text)
    for block in _blocks(text):
        block = block.strip("\n")
        if block.strip() and not _NOT_PROSE.match(block):
            return block.strip()
    return ""


def _blocks(text: str) -> Iterator[str]:
    """``_BLOCK_SPLIT.split(text)``, one block at a time: the first paragraph is
    usually near the top, and splitting a whole essay cost more than the rest."""
    start = 0
    for gap in _BLOCK_SPLIT.finditer(text):
        yield text[start : gap.start()]
        start = gap.end()
    yield text[start:]


def summary(body: str) -> str:
    """The teaser of an essay without a ``summary`` key, as plain text.

    The text before ``<!-- more -->`` when the author marked one, otherwise the
    first prose paragraph.
    """
    marker = MORE_MARKER.search(body) if "<!--" in body else None  # the test is quicker
    if marker:
        teaser = plain_text(_HTML_COMMENT.sub("", body[: marker.start()]))
        if teaser:
            return teaser
    paragraph = first_paragraph(body)
    return plain_text(paragraph) if paragraph else ""


def word_count(body: str) -> int:
    """Words a reader reads: link targets, comments and markup do not count.

    The number of matches of `_WORD`, found faster (a build counts every essay):
    no word spans whitespace, and a whitespace-separated token of letters only is
    one word, so only the other tokens (punctuation, digits, hyphens) are matched,
    all at once. That is most of an essay done in C, 2.4 times faster than
    matching the whole text.
    """
    tokens = _LINK_TARGET.sub("]", _HTML_COMMENT.sub(" ", body)).split()
    others = list(filterfalse(str.isalpha, tokens))
    return len(tokens) - len(others) + len(_WORD.findall(" ".join(others)))


def reading_minutes(words: int) -> int:
    """Whole minutes, rounded up, never less than one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
