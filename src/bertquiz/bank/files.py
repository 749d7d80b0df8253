"""Finding bank files (cheap: used before deciding whether the cache can be used)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from bertquiz.bank.problem import Problem

BANK_SUFFIXES = (".yaml", ".yml")


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Bank files named by `paths` (files, or folders searched recursively), sorted."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in BANK_SUFFIXES and p.is_file())
            if not found:
                problems.append(Problem(path, None, "no bank files (*.yaml) in this folder"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(path, None, "no such file or folder"))
    unique = {f.resolve(): f for f in reversed(files)}  # the same file named twice is read once
    return [f for f in files if unique.get(f.resolve()) is f], problems


__all__ = ["BANK_SUFFIXES", "discover"]
