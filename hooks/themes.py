"""Theme tagging: which of the site's themes an essay is about, from its text.

Pure: no MkDocs imports. The themes and their vocabulary per language live in
``themes.yml``; adding a theme is a data change. As a script it explains its
choices:

    python hooks/themes.py posts/det-lille-ekstra.nb.md posts/lyssna-fardigt.sv.md

prints one JSON object per file: path, language, themes (strongest first),
scores and the words that were evidence for each theme.

How a word counts (see `Vocabulary`):

- Every vocabulary entry and every word of the essay is reduced to its stem with
  Snowball's Norwegian, Swedish or Danish stemmer, so ``klagen``, ``klager`` and
  ``klage`` are one word. Where Snowball cuts two words to one short stem
  (``ledig`` and ``lede`` both become ``led``), the letter after the stem must
  agree too.
- Snowball does not split compounds, which carry much of the meaning in these
  languages (``kundeklagen``, ``ledergruppen``, ``reklamationshantering``). An
  entry of four letters or more therefore also counts where it begins a word
  (``klagebehandling``) or stands inside it after at least three letters
  (``kundeklagen``); a four-letter entry inside a word must end its stem, as
  the last part of a compound does (``butikksjefen``, but not ``ekte`` in
  ``direkte``). An entry written with a leading ``=`` only matches its own
  inflections, and words listed under ``ignore:`` never count (``billeder``
  is Danish for pictures, not leaders).
- An entry with spaces is a phrase, matched stem by stem (``det lille ekstra``).

How a theme is chosen (see `Tagger.tag`): each entry adds its weight (strong 3,
normal 1) per occurrence, at most `MAX_REPEATS` times; words in the title count
`TITLE_FACTOR` times; the sum is divided by the essay's length (per 100 words).
A theme is given when that density reaches `MIN_DENSITY`, at least
`MIN_DISTINCT` different entries matched (one word repeated is a mention, not a
subject), strong words occur in at least `MIN_SPREAD` paragraphs (a subject runs
through an essay; a passing mention stays in one place), and it has at least
`MIN_SHARE` of the strongest theme's density. A theme touched in passing thus
stays below the line, and an essay about something else gets none.

The thresholds were chosen on tests/themes/corpus and checked on essays held
out from that choice (see tests/test_theme_corpus.py).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, filterfalse, repeat
from pathlib import Path
from typing import Any, NamedTuple

import snowballstemmer

import sitedata
import sourcefile

STEMMERS = {"nb": "norwegian", "no": "norwegian", "sv": "swedish", "da": "danish"}
WEIGHTS = {"strong": 3, "normal": 1}
MAX_REPEATS = 4
MIN_DENSITY = 2.0
MIN_DISTINCT = 3
MIN_SHARE = 0.4
MIN_SPREAD = 2
TITLE_FACTOR = 2
MIN_COMPOUND_ENTRY = 4
MIN_COMPOUND_PREFIX = 3

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
# A paragraph break becomes a token of its own; it never occurs in a text (see _clean).
_BREAK = "\x00"
_BREAK_SPACED = f" {_BREAK} "
# What a token adds to an essay's word count besides itself: 'kunde-klagen' is two
# words ('_MORE' once), '–' none ('_LESS'). Counted along with the entries.
_MORE = "\x01more"
_LESS = "\x01less"
_WORD = re.compile(r"[^\W\d_]+")
_CODE = re.compile(r"```.*?```|`[^`]*`", re.DOTALL)
# Not prose either: HTML tags, link targets and bare addresses. Three patterns, each
# starting with a literal, which the regex engine finds much faster than one
# alternation of them; tags go first, so '<https://…>' goes as a whole.
_NOT_PROSE = (
    (re.compile(r"<[^>]+>"), "<"),
    (re.compile(r"\]\([^)]*\)"), "]("),
    (re.compile(r"https?://\S+"), "http"),
)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: each entry is unique
class Entry:
    """One vocabulary entry of one theme in one language."""

    theme: str
    text: str  # as written in themes.yml, lowercased, without a leading '='
    weight: int
    stems: tuple[str, ...]  # one stem per word; more than one for a phrase
    compound: bool  # may match inside compounds


@dataclass(frozen=True)
class Result:
    """The tagger's answer for one text."""

    lang: str
    themes: tuple[str, ...]  # strongest first
    scores: dict[str, float]  # density per theme, every theme
    evidence: dict[str, list[str]]  # words that matched, most frequent first
    # Paragraphs with a strong word, counted only for themes that pass the other tests.
    spread: dict[str, int] = field(default_factory=dict)

    def as_json(self, path: str) -> str:
        return json.dumps(
            {
                "path": path,
                "lang": self.lang,
                "themes": list(self.themes),
                "scores": self.scores,
                "evidence": self.evidence,
            },
            ensure_ascii=False,
        )


class Vocabulary:
    """The entries of every theme in one language, indexed for fast matching.

    Everything about one token (``«kundeklagen»,``) is worked out once and
    cached: a site repeats its words, so a build meets most tokens many times.
    """

    def __init__(self, lang: str, entries: Iterable[Entry], ignore: Iterable[str] = ()) -> None:
        self.lang = lang
        # Words that look like entries but never are ('billeder' is not a 'leder').
        self._ignore = tuple(w.lower() for w in ignore)
        self._stemmer = snowballstemmer.stemmer(STEMMERS[lang])
        self._by_stem: dict[str, list[Entry]] = {}
        self.phrases: list[Entry] = []
        compound: list[Entry] = []
        for entry in entries:
            if len(entry.stems) > 1:
                self.phrases.append(entry)
                continue
            self._by_stem.setdefault(entry.stems[0], []).append(entry)
            if entry.compound:
                compound.append(entry)
        # Phrases are found in C: each stem used by a phrase gets a one-character
        # code, a paragraph becomes a string of codes (one per token, a space for
        # any other token) and a phrase is a substring of that (str.find).
        phrase_stems = sorted({stem for p in self.phrases for stem in p.stems})
        self._stem_code = {stem: chr(0x4E00 + i) for i, stem in enumerate(phrase_stems)}
        self.phrase_codes = [
            (p, code, frozenset(code))
            for p in self.phrases
            for code in ["".join(self._stem_code[stem] for stem in p.stems)]
        ]
        self._compound = {e.text: e for e in compound}
        self._compound_re = (
            re.compile(f"(?=({_trie_pattern(list(self._compound))}))") if compound else None
        )
        # Which words can count at all, decided in C before anything is stemmed: a
        # word that begins with the stem of an entry or of a phrase's word, or holds
        # a compound entry after at least three letters. (Snowball's Norwegian,
        # Swedish and Danish stemmers only ever cut letters off a word's end, so a
        # word's stem always begins it; tests/test_themes.py checks that on every
        # word of the labelled essays.) Most words of an essay are none of these.
        starts = _trie_pattern(sorted({*self._by_stem, *phrase_stems}))
        candidate = f"(?:{starts})"
        if compound:
            inside = _trie_pattern(sorted(self._compound))
            candidate += f"|\\w{{{MIN_COMPOUND_PREFIX},}}?(?:{inside})"
        self._candidate = re.compile(candidate)
        # The same over many words at once, one per line: each match is a whole line.
        self._candidate_lines = re.compile(f"^(?:{candidate})[^\\n]*", re.MULTILINE)
        self._stem_cache: dict[str, str] = {}
        self._match_cache: dict[str, tuple[Entry, ...]] = {}  # candidate word -> its entries
        self.token_cache: dict[str, TokenInfo] = {}  # tokens that count anything
        self.analysed: set[str] = {_BREAK}  # every token seen, and _BREAK
        # What an essay counts per token, for the tokens that count anything: its
        # entries, its phrase code, _MORE or _LESS (see Tagger._tag).
        self.counted: dict[str, tuple[object, ...]] = {}
        self.code_of: dict[str, str] = {_BREAK: "|"}  # token -> phrase code; '|' ends a paragraph
        self.strong: dict[str, set[str]] = {}  # theme -> tokens with one of its strong entries

    def stem(self, word: str) -> str:
        cached = self._stem_cache.get(word)
        if cached is None:
            cached = self._stem_cache[word] = self._stemmer.stemWord(word)
        return cached

    def matches(self, word: str) -> tuple[Entry, ...]:
        """The single-word entries that *word* (lowercase) is a form or compound of."""
        if not self._candidate.match(word) or word.startswith(self._ignore):
            return ()
        cached = self._match_cache.get(word)
        if cached is not None:
            return cached
        found: dict[int, Entry] = {}
        stem = self.stem(word)
        for entry in self._by_stem.get(stem, ()):
            # Snowball may cut two words to one short stem ('ledig' and 'lede'
            # to 'led'): the letter after the stem must agree as well.
            if word.startswith(entry.text[: len(entry.stems[0]) + 1]):
                found[id(entry)] = entry
        if self._compound_re is not None and len(word) >= MIN_COMPOUND_ENTRY:
            for match in self._compound_re.finditer(word):
                entry = self._compound[match.group(1)]
                if _compound_part(entry, word, stem, match.start()):
                    found[id(entry)] = entry
        cached = self._match_cache[word] = tuple(found.values())
        return cached

    def learn(self, tokens: set[str]) -> None:
        """Work out what tokens the build has not seen yet hold (see `analyse`).

        A token of letters only that no entry or phrase can use (the candidate
        test, over all of them at once in C) is only remembered as seen.
        """
        self.analysed.update(tokens)
        plain = "\n".join(token for token in tokens if token.isalpha())
        for match in self._candidate_lines.finditer(plain):
            self.analyse(match.group())
        for token in tokens:
            if not token.isalpha():
                self.analyse(token)

    def analyse(self, token: str) -> None:
        """Work out what a whitespace-separated token holds, for `Tagger._tag`.

        The token gets its `TokenInfo` (for explanations), its items in `counted`,
        its phrase code and its strong themes, if it has any of them.
        """
        words = (token,) if token.isalpha() else tuple(_WORD.findall(token))
        found = [(entry, word) for word in words for entry in self.matches(word)]
        code = None
        if len(words) == 1 and self._candidate.match(words[0]):
            code = self._stem_code.get(self.stem(words[0]))
        if not found and len(words) == 1 and code is None:
            return  # nothing to count
        self.token_cache[token] = TokenInfo(words, tuple(found))
        counted: list[object] = [entry for entry, _ in found]
        for entry, _ in found:
            if entry.weight >= WEIGHTS["strong"]:
                self.strong.setdefault(entry.theme, set()).add(token)
        if code:
            self.code_of[token] = code
            counted.append(code)
        elif len(words) != 1:
            counted += [_MORE] * (len(words) - 1) if words else [_LESS]
        self.counted[token] = tuple(counted)


class TokenInfo(NamedTuple):
    """What one whitespace-separated token holds, for one language."""

    words: tuple[str, ...]  # letters only: '«kundeklagen»,' -> ('kundeklagen',)
    entries: tuple[tuple[Entry, str], ...]  # single-word entries it matches, with the word


@dataclass
class Tagger:
    """Tags texts with the themes of a `sitedata.SiteData`."""

    theme_ids: tuple[str, ...]
    vocabularies: dict[str, Vocabulary]
    fingerprint: str = ""
    _cache: dict[tuple[str, str, str, bool], Result] = field(default_factory=dict, repr=False)

    @classmethod
    def from_terms(cls, themes: dict[str, sitedata.Term]) -> Tagger:
        """Build the vocabularies from the ``vocabulary`` entries of themes.yml."""
        per_lang: dict[str, list[Entry]] = {}
        ignore: dict[str, list[str]] = {}
        for theme in themes.values():
            for lang, words in (theme.data.get("ignore") or {}).items():
                ignore.setdefault(lang, []).extend(str(w) for w in words)
            for lang, tiers in (theme.data.get("vocabulary") or {}).items():
                if lang not in STEMMERS:
                    continue
                stemmer = snowballstemmer.stemmer(STEMMERS[lang])
                for tier, words in tiers.items():
                    for raw in words:
                        text = str(raw).strip().lower()
                        compound = not text.startswith("=")
                        text = text.lstrip("=")
                        stems = tuple(stemmer.stemWord(w) for w in text.split())
                        compound = compound and " " not in text and len(text) >= MIN_COMPOUND_ENTRY
                        per_lang.setdefault(lang, []).append(
                            Entry(theme.id, text, WEIGHTS[tier], stems, compound)
                        )
        return cls(
            tuple(themes),
            {
                lang: Vocabulary(lang, entries, ignore.get(lang, ()))
                for lang, entries in per_lang.items()
            },
            cls.fingerprint_of(themes),
        )

    @staticmethod
    def fingerprint_of(themes: dict[str, sitedata.Term]) -> str:
        """A digest of everything that decides tagging, to know when to rebuild a tagger."""
        return hashlib.sha256(
            json.dumps(
                {t.id: [t.data.get("vocabulary"), t.data.get("ignore")] for t in themes.values()},
                sort_keys=True,
            ).encode()
        ).hexdigest()

    @cached_property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.vocabularies)

    def tag(self, text: str, lang: str, title: str = "", explain: bool = True) -> Result:
        """The themes of an essay, strongest first, with scores and evidence.

        With ``explain=False`` (as in a build) the evidence is left empty, which
        saves its bookkeeping; themes and scores are the same.
        """
        key = (lang, title, text, explain)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._tag(text, self.vocabularies[lang], title, explain)
        return cached

    def _tag(self, text: str, vocabulary: Vocabulary, title: str, explain: bool) -> Result:
        # This runs for every essay of every build. Python looks at each distinct
        # token (whitespace-separated: 'kundeklagen,') once per build, when it is
        # first seen (Vocabulary.learn), and per essay only at the few distinct
        # tokens that count something; splitting and counting every token, and
        # finding the tokens that count, is left to C (str.split, Counter, set &).
        tokens = _PARAGRAPH.sub(_BREAK_SPACED, _clean(text.lower())).split()
        title_tokens = title.lower().split()
        counts = Counter(tokens)
        breaks = counts.pop(_BREAK, 0)
        new = set(filterfalse(vocabulary.analysed.__contains__, chain(counts, title_tokens)))
        if new:
            vocabulary.learn(new)
        counted = vocabulary.counted
        found: Counter[object] = Counter()
        for token in counts.keys() & counted.keys():
            n = counts[token]
            for item in counted[token]:
                found[item] += n
        words = len(tokens) - breaks + found.pop(_MORE, 0) - found.pop(_LESS, 0)
        for token in title_tokens:
            for item in counted.get(token, ()):
                if item is not _MORE and item is not _LESS:
                    found[item] += TITLE_FACTOR

        entry_hits: dict[str, Counter[Entry]] = {t: Counter() for t in self.theme_ids}
        for item, n in found.items():
            if type(item) is Entry:
                entry_hits[item.theme][item] = n
        hits: dict[str, Counter[str]] = {t: Counter() for t in self.theme_ids}
        if explain:  # the words behind the entries, for people; a build does not need them
            for token in chain(tokens, title_tokens * TITLE_FACTOR):
                info = vocabulary.token_cache.get(token)
                for entry, word in info.entries if info else ():
                    hits[entry.theme][word] += 1

        # Phrases need word order (see Vocabulary.phrase_codes); most essays lack a
        # word of most phrases, and those are not looked for. The codes string has
        # one character per token: the title, then the paragraphs, '|' after each.
        candidates = [pc for pc in vocabulary.phrase_codes if found.keys() >= pc[2]]
        strong_phrases: dict[str, set[int]] = {t: set() for t in self.theme_ids}
        if candidates:
            code_of = vocabulary.code_of
            codes = "".join(map(code_of.get, chain(title_tokens, [_BREAK], tokens), repeat(" ")))
            for phrase, code, _ in candidates:
                at = codes.find(code)
                while at >= 0:
                    number = codes.count("|", 0, at)  # 0 is the title
                    entry_hits[phrase.theme][phrase] += TITLE_FACTOR if number == 0 else 1
                    hits[phrase.theme][phrase.text] += 1
                    if phrase.weight >= WEIGHTS["strong"] and number > 0:
                        strong_phrases[phrase.theme].add(number)
                    at = codes.find(code, at + len(code))

        scores: dict[str, float] = {}
        for theme in self.theme_ids:
            raw = sum(min(n, MAX_REPEATS) * e.weight for e, n in entry_hits[theme].items())
            scores[theme] = round(raw * 100 / max(words, 150), 2)
        top = max(scores.values(), default=0.0)
        # In how many paragraphs a theme has a strong word: a subject runs through
        # an essay, a passing mention stays in one place. Only counted for themes
        # that pass the other tests.
        spread = {t: 0 for t in self.theme_ids}
        paragraphs: list[list[str]] = []
        for t in self.theme_ids:
            if (
                scores[t] >= MIN_DENSITY
                and len(entry_hits[t]) >= MIN_DISTINCT
                and scores[t] >= MIN_SHARE * top
            ):
                if not paragraphs:
                    paragraphs = _split_at_breaks(tokens, breaks)
                strong = vocabulary.strong.get(t, set())
                # Paragraphs with a strong word (isdisjoint is False), found in C,
                # plus those with only a strong phrase (numbered from 1).
                without = list(map(strong.isdisjoint, paragraphs))
                spread[t] = without.count(False) + sum(
                    without[number - 1] for number in strong_phrases[t]
                )
        chosen = sorted(
            (t for t in self.theme_ids if spread[t] >= MIN_SPREAD),
            key=lambda t: (-scores[t], self.theme_ids.index(t)),
        )
        return Result(
            vocabulary.lang,
            tuple(chosen),
            scores,
            {t: [w for w, _ in hits[t].most_common()] for t in self.theme_ids} if explain else {},
            spread,
        )


def _split_at_breaks(tokens: list[str], breaks: int) -> list[list[str]]:
    """The paragraphs of a token list with `_BREAK` between them (found in C: list.index)."""
    paragraphs, start = [], 0
    for _ in range(breaks):
        end = tokens.index(_BREAK, start)
        paragraphs.append(tokens[start:end])
        start = end + 1
    paragraphs.append(tokens[start:])
    return paragraphs


def _trie_pattern(words: list[str]) -> str:
    """One regular expression for many words, as a trie: at each letter only one
    branch is tried, so it is several times faster than a plain alternation.
    Where one word is a prefix of another, the longest one matches."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(k) + pattern(v) for k, v in sorted(node.items()) if k]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


def _compound_part(entry: Entry, word: str, stem: str, at: int) -> bool:
    """Whether *entry*, found at index *at* of *word*, is a part of it rather than chance.

    At the start it is the first part or the word inflected (``klagen``,
    ``klagebehandling``). Further in it must follow at least three letters, and a
    four-letter entry must moreover end the word's stem, as the last part of a
    compound does (``butikksjefen``, not ``direkte`` for ``ekte``).
    """
    if at == 0:
        return True
    if at < MIN_COMPOUND_PREFIX:
        return False
    return len(entry.text) > MIN_COMPOUND_ENTRY or stem.endswith(entry.stems[0])


def _clean(text: str) -> str:
    """The text without code, link targets and HTML tags, which are not prose."""
    if _BREAK in text:  # reserved for paragraph breaks
        text = text.replace(_BREAK, " ")
    if "`" in text:
        text = _CODE.sub(" ", text)
    for pattern, start in _NOT_PROSE:
        if start in text:
            text = pattern.sub(" ", text)
    return text


# --- command line ---------------------------------------------------------------------


def _language_of(path: Path, front_matter: dict[str, Any], known: Iterable[str]) -> str | None:
    parts = path.name.split(".")
    if len(parts) >= 3 and parts[-1] == "md" and parts[-2] in known:
        return parts[-2]
    lang = front_matter.get("lang")
    return lang if isinstance(lang, str) and lang in known else None


def main(argv: list[str]) -> int:
    """``python hooks/themes.py FILE...``: one JSON line per file; 1 if any file failed."""
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.split("\n\n")[1].strip(), file=sys.stderr)
        print("\nusage: python hooks/themes.py FILE...", file=sys.stderr)
        return 0 if argv else 2
    data, problems = sitedata.load(("nb", "sv", "da"))
    if problems:
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1
    tagger = Tagger.from_terms(data.themes)
    failed = False
    for name in argv:
        path = Path(name)
        try:
            raw = path.read_bytes()
        except OSError as e:
            print(f"error: {name}: cannot be read: {e.strerror or e}", file=sys.stderr)
            failed = True
            continue
        source, file_problems = sourcefile.parse(raw, name)
        if source is None and raw.lstrip().startswith(b"---"):
            for problem in file_problems:
                print(f"error: {problem}", file=sys.stderr)
            failed = True
            continue
        if source is None:  # no front-matter: the whole file is the text
            try:
                front, body = {}, raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                print(f"error: {name}: not valid UTF-8", file=sys.stderr)
                failed = True
                continue
        else:
            front = {k: e.value for k, e in source.front_matter.items()}
            body = source.body
        lang = _language_of(path, front, tagger.languages)
        if lang is None:
            print(
                f"error: {name}: unknown language; expected a file name like <slug>.<lang>.md "
                f"or a front-matter 'lang:' with one of {', '.join(tagger.languages)}",
                file=sys.stderr,
            )
            failed = True
            continue
        title = front.get("title") if isinstance(front.get("title"), str) else ""
        print(tagger.tag(body, lang, title).as_json(name), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
