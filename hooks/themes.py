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
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import Any

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
_UNKNOWN = "\x01"  # the kind of a token not seen before (see Vocabulary.kind_of)
_WORD = re.compile(r"[^\W\d_]+")
# Characters that are never part of a _WORD, often around one (see Vocabulary.learn).
_EDGES = ".,;:!?\"'«»“”„‘’()[]{}<>…–—-*_/&%+=#0123456789"
_CODE = re.compile(r"```.*?```|`[^`]*`", re.DOTALL)
# Not prose either: HTML tags, link targets and bare addresses. Three patterns, each
# starting with a literal, which the regex engine finds much faster than one
# alternation of them; tags go first, so '<https://…>' goes as a whole.
_NOT_PROSE = (
    (re.compile(r"<[^>]+>"), "<"),
    (re.compile(r"\]\([^)]*\)"), "]("),
    (re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://\S+"), "://"),
)


@dataclass(frozen=True, eq=False, slots=True)  # compared and hashed by identity: each is unique
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
        # Phrases need word order; they are found in each essay's string of kinds (see
        # `kind_of`): each stem used by a phrase gets a number, and a phrase is a run
        # of kinds whose tokens have its stems in order.
        phrase_stems = sorted({stem for p in self.phrases for stem in p.stems})
        self._phrase_stem = {stem: number for number, stem in enumerate(phrase_stems)}
        self.phrase_needs = [
            (p, frozenset(self._phrase_stem[stem] for stem in p.stems)) for p in self.phrases
        ]
        self._compound = {e.text: e for e in compound}
        inside = _trie_pattern(sorted(self._compound))
        self._compound_re = re.compile(f"(?=({inside}))") if compound else None
        # Which words can count at all, decided in C before anything is stemmed: a
        # word that begins with the stem of an entry or of a phrase's word, or holds
        # a compound entry after at least three letters. (Snowball's Norwegian,
        # Swedish and Danish stemmers only ever cut letters off a word's end, so a
        # word's stem always begins it; tests/test_themes.py checks that on every
        # word of the labelled essays.) Most words of an essay are none of these.
        starts = _trie_pattern(sorted({*self._by_stem, *phrase_stems}))
        candidate = f"(?:{starts})"
        if compound:
            candidate += f"|\\w{{{MIN_COMPOUND_PREFIX},}}?(?:{inside})"
        # Used on one word, or on many words at once, one per line (each match is a
        # whole line). One pattern for both: compiling it is a good part of the cost
        # of making a tagger.
        self._candidate = re.compile(f"^(?:{candidate})[^\\n]*", re.MULTILINE)
        self._stem_cache: dict[str, str] = {}
        self._match_cache: dict[str, tuple[Entry, ...]] = {}  # candidate word -> its entries
        # Every token seen gets one character for its kind: what it counts towards
        # (see `learn`). Tokens of one kind count alike ('klagen' and 'klagen,'), and
        # most tokens count nothing (' '); '|' is a paragraph break. An essay becomes
        # a string of kinds, one per token, and the rest is done on that string.
        self.kind_of = _KindMap({_BREAK: "|"})
        self._kinds: dict[tuple[tuple[Entry, ...], int, int | None], str] = {}
        self.kind_entries: dict[str, tuple[Entry, ...]] = {}  # the entries a kind holds
        self.kind_extra: dict[str, int] = {}  # words besides one: 'kunde-klagen' 1, '–' -1
        self.kind_stem: dict[str, int] = {}  # the phrase stem a kind's one word has
        self._stem_kinds: dict[int, str] = {}  # phrase stem -> its kinds
        self._strong_kinds: dict[str, str] = {}  # theme -> kinds with a strong entry of it
        self._phrase_plan: list[tuple[frozenset[int], Entry, str, re.Pattern[str] | None]] = []
        self._strong_finders: dict[str, re.Pattern[str]] = {}

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

    def fill(self, kinds: str, tokens: list[str]) -> str:
        """*kinds* (of *tokens*) with the kinds of the tokens not seen before filled in."""
        parts = kinds.split(_UNKNOWN)
        new, at = [], -1
        for part in parts[:-1]:
            at += len(part) + 1
            new.append(tokens[at])
        self.learn(set(new))
        filled = zip(parts, map(self.kind_of.__getitem__, new), strict=False)  # not parts[-1]
        return "".join(chain.from_iterable(filled)) + parts[-1]

    def learn(self, tokens: set[str]) -> None:
        """Work out the kinds of tokens the build has not seen yet, from their
        lowercase forms.

        A token's kind is what it counts towards: the single-word entries its words
        match, the words it adds to an essay's length besides one, and the phrase
        stem of its word if it has one word. So a token of one word ('kunden,') is
        of that word's kind, and the words are worked out first, all at once: a
        word that no entry or phrase can use (the candidate test, over all of them
        in C) is of the kind that counts nothing.
        """
        kind_of = self.kind_of
        cased = {token: low for token in tokens if (low := token.lower()) != token}
        new = {token for token in tokens if token not in cased}
        new.update(low for low in cased.values() if low not in kind_of)
        # The words of tokens that are not one word of letters; most are one word
        # between punctuation ('«kunden»,'), which str.strip finds quicker than a regex.
        words_of = {
            token: [word] if (word := token.strip(_EDGES)).isalpha() else _WORD.findall(token)
            for token in new
            if not token.isalpha()
        }
        plain = {token for token in new if token not in words_of}
        plain.update(w for words in words_of.values() for w in words if w not in kind_of)
        kind_of.update(dict.fromkeys(plain, " "))
        for match in self._candidate.finditer("\n".join(plain)):
            word = match.group()
            stem = self._phrase_stem.get(self.stem(word))
            kind_of[word] = self._kind(self.matches(word), 0, stem)
        for token, words in words_of.items():
            if len(words) == 1:
                kind_of[token] = kind_of[words[0]]
            else:
                entries = self.kind_entries.get
                found = tuple(e for word in words for e in entries(kind_of[word], ()))
                kind_of[token] = self._kind(found, len(words) - 1, None)
        for token, low in cased.items():
            kind_of[token] = kind_of[low]

    def _kind(self, entries: tuple[Entry, ...], extra: int, stem: int | None) -> str:
        kind = (entries, extra, stem)
        return " " if kind == ((), 0, None) else self._kinds.get(kind) or self._new_kind(kind)

    def _new_kind(self, kind: tuple[tuple[Entry, ...], int, int | None]) -> str:
        char = self._kinds[kind] = _kind_char(len(self._kinds))
        entries, extra, stem = kind
        if entries:
            self.kind_entries[char] = entries
        if extra:
            self.kind_extra[char] = extra
        if stem is not None:
            self.kind_stem[char] = stem
            self._stem_kinds[stem] = self._stem_kinds.get(stem, "") + char
            self._phrase_plan = []
        for theme in {e.theme for e in entries if e.weight >= WEIGHTS["strong"]}:
            self._strong_kinds[theme] = self._strong_kinds.get(theme, "") + char
            self._strong_finders.pop(theme, None)
        return char

    def phrase_plan(self) -> list[tuple[frozenset[int], Entry, str, re.Pattern[str] | None]]:
        """For each phrase: the phrase stems it needs, and how to find it in a string of
        kinds: the string of its stems' kinds or, where a stem has more than one
        kind, a pattern."""
        if not self._phrase_plan:
            for phrase, needs in self.phrase_needs:
                choices = [self._stem_kinds.get(self._phrase_stem[s], "") for s in phrase.stems]
                if all(len(c) == 1 for c in choices):  # the usual case: one string to find
                    self._phrase_plan.append((needs, phrase, "".join(choices), None))
                else:
                    classes = "".join(f"[{re.escape(c)}]" if c else "(?!)" for c in choices)
                    self._phrase_plan.append((needs, phrase, "", re.compile(classes)))
        return self._phrase_plan

    def strong_in(self, theme: str) -> re.Pattern[str]:
        """Finds the first kind with a strong entry of *theme* in each paragraph of a
        string of kinds (a match runs on to the paragraph's end)."""
        finder = self._strong_finders.get(theme)
        if finder is None:
            kinds = self._strong_kinds.get(theme)
            pattern = f"[{re.escape(kinds)}][^|]*" if kinds else "(?!)"
            finder = self._strong_finders[theme] = re.compile(pattern)
        return finder


def _kind_char(number: int) -> str:
    """The character for kind *number*: the first 252 are of Latin-1 (which Python
    keeps one object of each, so strings of them are quick to make, count and
    search); none is ' ', '|' or _UNKNOWN."""
    code = 2 + number + (number >= 0x20 - 2) + (number >= 0x7C - 3)
    return chr(code if code < 0xD800 else code + 0x800)  # no surrogates


def _find_all(text: str, part: str, at: int) -> Iterable[int]:
    """Where *part* occurs in *text* from its first place *at*, left to right, not
    overlapping (str.find, in C)."""
    while at >= 0:
        yield at
        at = text.find(part, at + len(part))


class _KindMap(dict[str, str]):
    """Token -> kind; a token not seen yet is of the kind _UNKNOWN."""

    def __missing__(self, token: str) -> str:
        return _UNKNOWN


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
        # first seen (Vocabulary.learn). Per essay, C maps every token to its kind
        # (one character each), and Python looks only at the few kinds that count.
        # Tokens keep their case (lowercasing the text costs more than knowing both
        # 'Kunden' and 'kunden'); a token's kind is that of its lowercase form.
        tokens = _PARAGRAPH.sub(_BREAK_SPACED, _clean(text)).split()
        title_tokens = title.lower().replace(_BREAK, " ").split()
        kind_of = vocabulary.kind_of.__getitem__
        kinds = "".join(map(kind_of, tokens))
        title_kinds = "".join(map(kind_of, title_tokens))
        if _UNKNOWN in kinds:
            kinds = vocabulary.fill(kinds, tokens)
        if _UNKNOWN in title_kinds:
            title_kinds = vocabulary.fill(title_kinds, title_tokens)
        present = set(kinds)
        breaks = kinds.count("|")

        # Entry (or phrase) -> how often it occurs, title words counting TITLE_FACTOR times.
        hits: dict[Entry, int] = {}
        kind_entries = vocabulary.kind_entries
        for kind in present & kind_entries.keys():
            n = kinds.count(kind)
            for entry in kind_entries[kind]:
                hits[entry] = hits.get(entry, 0) + n
        for kind in title_kinds:
            for entry in kind_entries.get(kind, ()):
                hits[entry] = hits.get(entry, 0) + TITLE_FACTOR
        words = len(tokens) - breaks
        kind_extra = vocabulary.kind_extra
        for kind in present & kind_extra.keys():
            words += kind_extra[kind] * kinds.count(kind)

        # Phrases: an essay that lacks a stem of a phrase is not searched for it. The
        # string searched is the title's kinds, '|', the text's kinds.
        kind_stem = vocabulary.kind_stem
        stems = set(map(kind_stem.__getitem__, present & kind_stem.keys()))
        stems.update(map(kind_stem.get, title_kinds))
        strong_phrases: dict[str, set[int]] = {}  # theme -> paragraphs (from 1)
        phrases_found: list[Entry] = []  # for explanations
        searched = ""
        for needs, phrase, text, pattern in vocabulary.phrase_plan():
            if needs <= stems:
                searched = searched or f"{title_kinds}|{kinds}"
                if pattern is not None:
                    starts: Iterable[int] = [m.start() for m in pattern.finditer(searched)]
                elif (at := searched.find(text)) >= 0:
                    starts = _find_all(searched, text, at)
                else:
                    continue  # most often
                for at in starts:
                    number = searched.count("|", 0, at)  # 0 is the title
                    hits[phrase] = hits.get(phrase, 0) + (TITLE_FACTOR if number == 0 else 1)
                    phrases_found.append(phrase)
                    if phrase.weight >= WEIGHTS["strong"] and number > 0:
                        strong_phrases.setdefault(phrase.theme, set()).add(number)

        raw = dict.fromkeys(self.theme_ids, 0)
        distinct = dict.fromkeys(self.theme_ids, 0)
        for entry, n in hits.items():
            raw[entry.theme] += min(n, MAX_REPEATS) * entry.weight
            distinct[entry.theme] += 1
        scores = {t: round(raw[t] * 100 / max(words, 150), 2) for t in self.theme_ids}
        top = max(scores.values(), default=0.0)
        # In how many paragraphs a theme has a strong word or phrase: a subject runs
        # through an essay, a passing mention stays in one place. Only counted for
        # themes that pass the other tests.
        spread = dict.fromkeys(self.theme_ids, 0)
        for t in self.theme_ids:
            if (
                scores[t] >= MIN_DENSITY
                and distinct[t] >= MIN_DISTINCT
                and scores[t] >= MIN_SHARE * top
            ):
                # One match per paragraph with a strong word (see Vocabulary.strong_in).
                pattern = vocabulary.strong_in(t)
                spread[t] = len(pattern.findall(kinds))
                if t in strong_phrases:
                    paragraphs = kinds.split("|")
                    spread[t] += sum(
                        not pattern.search(paragraphs[number - 1]) for number in strong_phrases[t]
                    )
        chosen = sorted(
            (t for t in self.theme_ids if spread[t] >= MIN_SPREAD),
            key=lambda t: (-scores[t], self.theme_ids.index(t)),
        )
        evidence: dict[str, list[str]] = {}
        if explain:  # the words behind the entries, for people; a build does not need them
            words_of: dict[str, Counter[str]] = {t: Counter() for t in self.theme_ids}
            for token in chain(tokens, title_tokens * TITLE_FACTOR):
                for word in _WORD.findall(token.lower()):
                    for entry in vocabulary.matches(word):
                        words_of[entry.theme][word] += 1
            for phrase in phrases_found:
                words_of[phrase.theme][phrase.text] += 1
            evidence = {t: [w for w, _ in words_of[t].most_common()] for t in self.theme_ids}
        return Result(
            vocabulary.lang,
            tuple(chosen),
            scores,
            evidence,
            spread,
        )


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
        branches = [_escape(k) + pattern(v) for k, v in sorted(node.items()) if k]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


def _escape(letter: str) -> str:
    return letter if letter.isalnum() else re.escape(letter)


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
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # the reader stopped reading (`... | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
