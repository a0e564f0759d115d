"""Read one Markdown content file into front-matter entries (with line numbers) and a body.

This module owns everything that can go wrong *before* the front-matter has a
meaning: size, encoding, emptiness, the ``---`` fences and YAML syntax. What the
keys mean is checked in `contenttypes`. Nothing here imports MkDocs.

Why not ``frontmatter.load()``: it returns values without line numbers, and its
YAML 1.1 loader turns ``lang: no`` into ``False``, ``12:30`` into ``750`` and
raises an uncaught ``ValueError`` on a date that does not exist (``2026-02-30``).
We keep python-frontmatter's definition of the fences (``YAMLHandler.FM_BOUNDARY``)
and parse the YAML between them with PyYAML's composer, so every key keeps its
line, and with the YAML 1.2 core schema, so only ``true``/``false`` are booleans
and dates stay text until `contenttypes` checks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from problems import Problem

#: Larger files are refused rather than handed to Markdown: a real essay is
#: 5-30 kB, and a multi-megabyte file is a mistake (a pasted PDF, a log).
MAX_BYTES = 512 * 1024

_FENCE = YAMLHandler.FM_BOUNDARY

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Yaml12Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader with the YAML 1.2 core schema's implicit types.

    Booleans are only ``true``/``false``; ``yes``, ``no``, ``on`` and ``off`` stay
    text; there are no sexagesimal numbers and no implicit timestamps.
    """


_Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$",
        "-+0123456789.",
    ),
):
    _Yaml12Loader.add_implicit_resolver(_tag, re.compile(_pattern), list(_first))


def _int_1_2(loader: Any, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    return int(text, 0) if text.startswith("0x") else int(text, 10)


_Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int_1_2)


@dataclass(frozen=True)
class Entry:
    """A front-matter value and the line its key is on."""

    value: Any
    line: int


@dataclass(frozen=True)
class SourceFile:
    """A content file split into front-matter and body.

    Attributes:
        path: Repository-relative path used in messages.
        front_matter: Keys in file order, each with its value and line.
        body: The Markdown after the closing fence.
        body_line: The line the body starts on.
        end_line: The last line of the file (for problems about missing things).
    """

    path: str
    front_matter: dict[str, Entry]
    body: str
    body_line: int
    end_line: int


def read(abs_path: Path, rel_path: str) -> tuple[SourceFile | None, list[Problem]]:
    """Read and split one file; return it, or ``None`` and the problems that stop it."""
    try:
        size = abs_path.stat().st_size
        if size > MAX_BYTES:
            return None, [
                Problem(
                    rel_path,
                    None,
                    f"file is {size / 1024 / 1024:.1f} MB; a content file may be at most "
                    f"{MAX_BYTES // 1024} kB (is something pasted into it by mistake?)",
                )
            ]
        raw = abs_path.read_bytes()
    except OSError as e:
        return None, [Problem(rel_path, None, f"cannot be read: {e.strerror or e}")]
    return parse(raw, rel_path)


def parse(raw: bytes, rel_path: str) -> tuple[SourceFile | None, list[Problem]]:
    """Split the bytes of one file; see `read`."""

    def problem(line: int | None, message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(rel_path, line, message)]

    if not raw.strip():
        return problem(
            None,
            "file is empty; expected front-matter between two '---' lines, then the text",
        )
    if raw.startswith(b"\xef\xbb\xbf"):  # a byte-order mark some Windows editors write
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        column = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        return problem(
            line,
            f"not valid UTF-8 (byte 0x{raw[e.start]:02X} at column {column}); "
            "save the file with UTF-8 encoding",
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    end_line = text.count("\n") + (0 if text.endswith("\n") else 1)

    fences = _FENCE.finditer(text)
    opening = next(fences, None)
    if opening is None or opening.start() != 0:
        return problem(
            1,
            "no front-matter: expected the file to start with a '---' line, "
            "then 'title:', 'date:' and the other keys, then another '---' line",
        )
    closing = next(fences, None)
    if closing is None:
        return problem(
            end_line,
            "front-matter is not closed: expected a '---' line after the last key",
        )
    fm_line = text.count("\n", 0, opening.end()) + 1
    # The fence pattern's trailing \s*$ stops just before a newline; the body
    # starts after it (blank lines right after the fence are swallowed).
    body_start = closing.end() + (text[closing.end() : closing.end() + 1] == "\n")
    body_line = text.count("\n", 0, body_start) + 1
    front_matter, problems = _parse_yaml(text[opening.end() : closing.start()], fm_line, rel_path)
    if front_matter is None:
        return None, problems
    return SourceFile(rel_path, front_matter, text[body_start:], body_line, end_line), problems


class YamlError(Exception):
    """A YAML document that does not parse; ``line`` is 1-based within the document."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def load_yaml(source: str) -> Any:
    """Parse a whole YAML data file with the same YAML 1.2 rules as front-matter."""
    loader = _Yaml12Loader(source)
    try:
        return loader.get_single_data()
    except yaml.YAMLError as e:
        mark = _error_mark(e)
        raise YamlError(mark.line + 1 if mark else None, _yaml_message(e)) from None
    finally:
        loader.dispose()


def _error_mark(error: yaml.YAMLError) -> Any:
    if not isinstance(error, yaml.MarkedYAMLError):
        return None
    # Where an unclosed quote or bracket started helps more than where YAML gave up.
    opener = any(w in (error.context or "") for w in ("quoted", "flow"))
    return (error.context_mark if opener else None) or error.problem_mark or error.context_mark


def _parse_yaml(
    source: str, first_line: int, rel_path: str
) -> tuple[dict[str, Entry] | None, list[Problem]]:
    loader = _Yaml12Loader(source)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as e:
        mark = _error_mark(e)
        line = first_line + mark.line if mark else first_line
        return None, [Problem(rel_path, line, "front-matter " + _yaml_message(e))]
    finally:
        loader.dispose()

    if node is None:
        return {}, []
    if not isinstance(node, yaml.MappingNode):
        return None, [
            Problem(
                rel_path,
                first_line + node.start_mark.line,
                "front-matter must be 'key: value' lines, like 'title: My essay'",
            )
        ]

    entries: dict[str, Entry] = {}
    problems: list[Problem] = []
    for key_node, value_node in node.value:
        line = first_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
            problems.append(Problem(rel_path, line, "a front-matter key must be a plain word"))
            continue
        key = key_node.value
        if key in entries:
            problems.append(
                Problem(
                    rel_path,
                    line,
                    f"'{key}' appears twice (first on line {entries[key].line}); keep one",
                )
            )
            continue
        try:
            value = loader.construct_object(value_node, deep=True)
        except yaml.YAMLError as e:
            problems.append(Problem(rel_path, line, f"'{key}': the value {_yaml_message(e)}"))
            continue
        entries[key] = Entry(value, line)
    return entries, problems


def _yaml_message(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None) or ""
    hint = ""
    if "quoted scalar" in context:
        hint = "; a quote is opened here but never closed"
    elif "flow sequence" in context:
        hint = "; a list opened with '[' here is not closed with ']'"
    elif "flow mapping" in context:
        hint = "; a '{' opened here is not closed with '}'"
    elif "mapping values are not allowed" in problem:
        hint = "; a value that contains ': ' must be put in quotes"
    elif "tab" in problem:
        hint = "; indent with spaces, not tabs"
    elif "could not find expected ':'" in problem:
        hint = "; every front-matter line must look like 'key: value'"
    elif "found undefined alias" in problem or "found unhashable key" in problem:
        hint = "; a value that starts with '*', '&', '{' or '[' must be put in quotes"
    return f"is not valid YAML: {problem}{hint}"
