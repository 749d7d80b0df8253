"""The loaded question bank: every entry, looked up by id and language."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import Path

from bertquiz.bank.constants import LANGS
from bertquiz.bank.entry import Entry
from bertquiz.bank.problem import Problem
from bertquiz.errors import BertquizError
from bertquiz.paths import shipped_bank_dir


class BankError(BertquizError):
    """The bank did not load; `problems` holds one `FILE:LINE: message` per problem."""

    def __init__(self, problems: Sequence[object]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class Bank:
    """Questions by id and language. Build it with `load_bank`."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self._by_key = {(e.id, e.lang): e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)

    def ids(self, lang: str | None = None) -> list[str]:
        return list(dict.fromkeys(e.id for e in self.entries if lang is None or e.lang == lang))

    def langs(self) -> list[str]:
        present = {e.lang for e in self.entries}
        return [lang for lang in LANGS if lang in present]

    def topics(self, lang: str | None = None) -> list[str]:
        return sorted({e.topic for e in self.entries if lang is None or e.lang == lang})

    def get(self, qid: str, lang: str) -> Entry:
        """The entry of `qid` in `lang`; BertquizError names close ids when there is none."""
        entry = self._by_key.get((qid, lang))
        if entry is not None:
            return entry
        if any(e.id == qid for e in self.entries):
            have = ", ".join(lang for lang in LANGS if (qid, lang) in self._by_key)
            raise BertquizError(f"question '{qid}' has no '{lang}' version (it has: {have})")
        close = difflib.get_close_matches(qid, self.ids(), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise BertquizError(f"no question with id '{qid}'{hint}", key="error.unknown_id", qid=qid, hint=hint)

    def select(
        self,
        lang: str | None = None,
        topics: Sequence[str] = (),
        types: Sequence[str] = (),
    ) -> list[Entry]:
        """Entries in `lang` (all languages if None), restricted to `topics` and `types`."""
        return [
            e
            for e in self.entries
            if (lang is None or e.lang == lang) and (not topics or e.topic in topics) and (not types or e.type in types)
        ]


def load_bank(extra: Sequence[Path] = (), *, shipped: bool = True) -> Bank:
    """The shipped banks (unless `shipped=False`) plus the user's banks at `extra`.

    Raises BankError listing every problem; a bank that does not load completely is not used.
    The shipped banks must hold every question in every language; a user's bank need not.
    """
    from bertquiz.bank import cache
    from bertquiz.bank.files import discover

    paths = ([shipped_bank_dir()] if shipped else []) + list(extra)
    files, problems = discover(paths)
    for path in paths:
        if not path.exists():
            raise BertquizError(f"{path}: no such bank file or folder", key="error.no_bank_path", path=path)
    flags = f"shipped={shipped}"
    if not problems:
        cached = cache.load(files, flags)
        if cached is not None:
            return Bank(cached)
    from bertquiz.bank.loader import check_parity, load_entries

    entries, problems = load_entries(paths)
    if shipped:
        problems += check_parity([e for e in entries if e.path.is_relative_to(shipped_bank_dir())], LANGS)
    if problems:
        raise BankError(problems)
    cache.save(files, flags, entries)
    return Bank(entries)




def validate(paths: Sequence[Path] = ()) -> list[Problem]:
    """Every problem in the bank files at `paths`, or in the shipped banks when none is given
    (the shipped banks must also have every question in every language)."""
    from bertquiz.bank.loader import check_parity, load_entries

    if paths:
        return load_entries(paths)[1]
    entries, problems = load_entries([shipped_bank_dir()])
    return problems + check_parity(entries, LANGS)


__all__ = ["Bank", "BankError", "load_bank", "validate"]
