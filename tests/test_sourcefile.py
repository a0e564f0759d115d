"""Splitting a content file into front-matter (with lines) and body: table tests."""

from __future__ import annotations

import pytest

import sourcefile


def fm(raw: str) -> dict[str, tuple[object, int]]:
    source, problems = sourcefile.parse(raw.encode("utf-8"), "posts/x.nb.md")
    assert problems == []
    assert source is not None
    return {key: (entry.value, entry.line) for key, entry in source.front_matter.items()}


@pytest.mark.parametrize(
    ("yaml_line", "value"),
    [
        ("lang: no", "no"),  # YAML 1.1 would read False: the Norway problem
        ("draft: yes", "yes"),  # likewise True; the schema then asks for true/false
        ("draft: true", True),
        ("draft: False", False),
        ("time: 12:30", "12:30"),  # YAML 1.1 would read 750 (sexagesimal)
        ("date: 2026-02-30", "2026-02-30"),  # YAML 1.1 would raise ValueError
        ("date: 2025-03-14", "2025-03-14"),  # dates stay text until the schema checks them
        ("n: 45", 45),
        ("n: 0x1F", 31),
        ("n: 010", 10),  # YAML 1.2: decimal, not octal
        ("x: 1.5", 1.5),
        ("x: ~", None),
        ("x:", None),
        ("title: 'Sitat: «ja»'", "Sitat: «ja»"),
        ("themes: [attitude, recovery]", ["attitude", "recovery"]),
    ],
)
def test_yaml_1_2_core_schema(yaml_line: str, value: object) -> None:
    key = yaml_line.split(":", 1)[0]
    assert fm(f"---\n{yaml_line}\n---\nBody\n")[key] == (value, 2)


def test_every_key_keeps_its_line_even_after_blank_lines_and_comments() -> None:
    raw = "---\n\n# a comment\ntitle: Hei\n\ndate: 2025-01-01\nthemes:\n  - attitude\n---\nBody"
    assert fm(raw) == {"title": ("Hei", 4), "date": ("2025-01-01", 6), "themes": (["attitude"], 7)}


@pytest.mark.parametrize(
    ("raw", "body", "body_line"),
    [
        ("---\ntitle: A\n---\nBody\n", "Body\n", 4),
        ("---\ntitle: A\n---\n\n\nBody\n", "Body\n", 6),  # blank lines after the fence
        ("---\r\ntitle: A\r\n---\r\nBody\r\n", "Body\n", 4),  # Windows line endings
        ("\ufeff---\ntitle: A\n---\nBody", "Body", 4),  # byte-order mark
        ("---\ntitle: A\n---\nText\n\n---\n\nAfter a rule\n", "Text\n\n---\n\nAfter a rule\n", 4),
    ],
)
def test_body_is_everything_after_the_closing_fence(raw: str, body: str, body_line: int) -> None:
    source, problems = sourcefile.parse(raw.encode("utf-8"), "posts/x.nb.md")
    assert problems == []
    assert source is not None
    assert (source.body, source.body_line) == (body, body_line)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            b"",
            "posts/x.nb.md: file is empty; expected front-matter between two '---' lines, "
            "then the text",
        ),
        (
            b"  \n\n",
            "posts/x.nb.md: file is empty; expected front-matter between two '---' lines, "
            "then the text",
        ),
        (
            b"---\ntitle: Bl\xe5\n---\nx",
            "posts/x.nb.md:2: not valid UTF-8 (byte 0xE5 at column 10); "
            "save the file with UTF-8 encoding",
        ),
        (
            b"Hei\n---\ntitle: x\n---\n",
            "posts/x.nb.md:1: no front-matter: expected the file to start with a '---' line, "
            "then 'title:', 'date:' and the other keys, then another '---' line",
        ),
        (
            b"---\ntitle: x\n\nText\n",
            "posts/x.nb.md:4: front-matter is not closed: expected a '---' line after the last key",
        ),
        (
            b"---\ntitle: Svar: ja\n---\nx",
            "posts/x.nb.md:2: front-matter is not valid YAML: mapping values are not allowed "
            "in this context; a value that contains ': ' must be put in quotes",
        ),
        (
            b"---\ntitle: 'Hei\ndate: 2025-01-01\n---\nx",
            "posts/x.nb.md:2: front-matter is not valid YAML: found unexpected end of stream; "
            "a quote is opened here but never closed",
        ),
        (
            b"---\ntitle: x\nthemes: [attitude\n---\nx",
            "posts/x.nb.md:3: front-matter is not valid YAML: did not find expected ',' or ']'; "
            "a list opened with '[' here is not closed with ']'",
        ),
        (
            b"---\n- title\n- date\n---\nx",
            "posts/x.nb.md:2: front-matter must be 'key: value' lines, like 'title: My essay'",
        ),
        (
            b"---\ntitle: a\ntitle: b\n---\nx",
            "posts/x.nb.md:3: 'title' appears twice (first on line 2); keep one",
        ),
    ],
)
def test_problems_name_file_line_and_what_was_expected(raw: bytes, expected: str) -> None:
    _, problems = sourcefile.parse(raw, "posts/x.nb.md")
    assert [str(p) for p in problems] == [expected]


def test_oversized_file_is_refused_without_being_read(tmp_path) -> None:
    path = tmp_path / "stor.nb.md"
    path.write_bytes(b"---\ntitle: Stor\ndate: 2025-01-01\n---\n" + b"ord " * 600_000)
    source, problems = sourcefile.read(path, "posts/stor.nb.md")
    assert source is None
    assert [str(p) for p in problems] == [
        "posts/stor.nb.md: file is 2.3 MB; a content file may be at most 512 kB "
        "(is something pasted into it by mistake?)"
    ]


def test_data_files_use_the_same_yaml_rules() -> None:
    assert sourcefile.load_yaml("nb: no\nsv: yes\n") == {"nb": "no", "sv": "yes"}
    with pytest.raises(sourcefile.YamlError) as error:
        sourcefile.load_yaml("a: 1\nb: [x\n")
    assert error.value.line == 2
