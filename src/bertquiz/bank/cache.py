"""A cache of validated banks, so that a session starts without parsing YAML or importing
pydantic. The key covers every bank file's path, size and modification time and the version
of bertquiz; anything else (a new file, an edit, an upgrade) misses and the banks are read anew."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from bertquiz import __version__
from bertquiz.bank.entry import Entry

FORMAT = 1


def cache_dir() -> Path:
    override = os.environ.get("BERTQUIZ_CACHE")
    if override:
        return Path(override).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if os.name == "posix" and "darwin" not in os.sys.platform:
        return Path(xdg or Path.home() / ".cache") / "bertquiz"
    from platformdirs import user_cache_path

    return user_cache_path("bertquiz", appauthor=False)


def _key(files: Sequence[Path], flags: str) -> str:
    h = hashlib.sha256(f"{FORMAT}|{__version__}|{flags}".encode())
    for f in files:
        st = f.stat()
        h.update(f"|{f.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
    return h.hexdigest()[:32]


def load(files: Sequence[Path], flags: str) -> list[Entry] | None:
    """The cached entries of exactly these files, or None."""
    try:
        path = cache_dir() / f"bank-{_key(files, flags)}.json"
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return [Entry(data, lang, topic, Path(p), line) for data, lang, topic, p, line in rows]


def save(files: Sequence[Path], flags: str, entries: Sequence[Entry]) -> None:
    """Write the cache; a cache that cannot be written is simply not used."""
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        key = _key(files, flags)
        rows = [[e.data, e.lang, e.topic, str(e.path), e.line] for e in entries]
        tmp = folder / f".bank-{key}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        tmp.replace(folder / f"bank-{key}.json")
        stale = sorted(folder.glob("bank-*.json"), key=lambda f: f.stat().st_mtime)[:-8]
        for old in stale:  # keep the last eight (several user banks, several versions)
            old.unlink(missing_ok=True)
    except OSError:
        pass


__all__ = ["cache_dir", "load", "save"]
