"""Problems found in the author's files, reported compiler style.

Pure modules return lists of `Problem`; only the MkDocs switchboard (`main.py`)
logs them and decides whether the build stops.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, phrased for the person who wrote it.

    Attributes:
        path: The file as the author knows it, relative to the repository root
            (``posts/svar-raskt.sv.md``), never an internal virtual path.
        line: 1-based line number, or ``None`` when the problem is about the whole file.
        message: What is wrong and what was expected.
    """

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def summary(problems: list[Problem]) -> str:
    """One closing line for a list of problems: how many, in how many files."""
    files = len({p.path for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    where = "1 file" if files == 1 else f"{files} files"
    return f"{len(problems)} {noun} in {where} (listed above)"
