"""``make new-post`` and ``make new-talk``: start an essay or a talk outline.

    python hooks/scaffold.py post "Når kunden klager" nb
    python hooks/scaffold.py talk "Service i praksis" sv

Writes ``posts/<slug>.<lang>.md`` (or ``talks/…``) with valid front-matter, today's
date (Norwegian time) and a few lines in the file's language to write over; the
slug comes from the title (æ→ae, ø→o, å→a, ä→a, ö→o, é→e, then only a-z, 0-9 and
hyphens). It never overwrites a file. The new file passes ``make check`` as it is.
Pure: no MkDocs imports.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

from contenttypes import slugify
from library import POSTS_DIR, TALKS_DIR, TIMEZONE
from routes import RESERVED
from sitecheck import read_config, site_languages

# What a new file says, per language, until the author writes over it.
POST_BODY = {
    "nb": "Skriv artikkelen her. Det første avsnittet blir sammendraget i oversikter og "
    "forhåndsvisninger, med mindre du skriver et eget `summary:` øverst.\n",
    "sv": "Skriv artikeln här. Första stycket blir sammanfattningen i översikter och "
    "förhandsvisningar, om du inte skriver en egen `summary:` överst.\n",
    "da": "Skriv artiklen her. Det første afsnit bliver resuméet i oversigter og "
    "forhåndsvisninger, medmindre du skriver et eget `summary:` øverst.\n",
}
TALK_SUMMARY = {
    "nb": "Én eller to setninger om hva foredraget handler om.",
    "sv": "En eller två meningar om vad föreläsningen handlar om.",
    "da": "En eller to sætninger om, hvad foredraget handler om.",
}
TALK_BODY = {
    "nb": "## Dette får deltakerne\n\n- Det de kan gjøre annerledes dagen etter\n\n"
    "## Innhold\n\n1. Første del\n2. Andre del\n",
    "sv": "## Det här får deltagarna\n\n- Det de kan göra annorlunda dagen efter\n\n"
    "## Innehåll\n\n1. Första delen\n2. Andra delen\n",
    "da": "## Det får deltagerne\n\n- Det, de kan gøre anderledes dagen efter\n\n"
    "## Indhold\n\n1. Første del\n2. Anden del\n",
}


def text(kind: str, title: str, lang: str, today: str) -> str:
    """The new file's text. Titles are written as JSON strings, which YAML reads as is."""
    if kind == "post":
        front = [f"title: {json.dumps(title, ensure_ascii=False)}", f"date: {today}"]
        return "---\n" + "\n".join(front) + "\n---\n\n" + POST_BODY[lang]
    front = [
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"summary: {TALK_SUMMARY[lang]}",
        "durations: [60]",
        "formats: [keynote]",
        f"languages: [{lang}]",
    ]
    return "---\n" + "\n".join(front) + "\n---\n\n" + TALK_BODY[lang]


def main(argv: list[str], root: Path) -> int:
    usage = 'usage: make new-post TITLE="…" LANG=sv   (or make new-talk)'
    if len(argv) != 3 or argv[0] not in ("post", "talk"):
        print(usage, file=sys.stderr)
        return 2
    kind, title, lang = argv[0], argv[1].strip(), argv[2].strip()
    languages = site_languages(read_config(root))
    if lang not in languages:
        print(f"error: LANG={lang!r}: expected one of {', '.join(languages)}", file=sys.stderr)
        return 2
    slug = slugify(title)
    if not slug:
        print(f"error: TITLE={title!r}: expected a title with letters or digits", file=sys.stderr)
        return 2
    folder = POSTS_DIR if kind == "post" else TALKS_DIR
    if slug in RESERVED[folder]:
        print(
            f"error: the slug {slug!r} is used by a page the site generates; choose another title",
            file=sys.stderr,
        )
        return 1
    path = root / folder / f"{slug}.{lang}.md"
    rel = path.relative_to(root).as_posix()
    if path.exists():
        print(f"error: {rel} already exists; edit it, or choose another title", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    today = datetime.now(TIMEZONE).date().isoformat()
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite, even in a race
        file.write(text(kind, title, lang, today))
    print(f"Wrote {rel}. Write your text, then: make check")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], Path.cwd()))
