"""Where the app finds its shipped data (banks, tiny-BERT checkpoint) and the user's data."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    # in a wheel the folder sits inside the package; in a source checkout (editable install,
    # or tests run from the repo) it sits at the repo root
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parents[1] / name


def shipped_bank_dir() -> Path:
    """The folder of the banks that ship with bertquiz (`questions/<lang>/<topic>.yaml`)."""
    return _shipped("questions")


def corpus_dir() -> Path:
    """The tiny BERT's pre-training corpus (`corpus/<lang>/*.txt`: a sentence per line, a blank line between documents)."""
    return _shipped("corpus")


def user_data_dir() -> Path:
    """Where bertquiz keeps the user's history; `BERTQUIZ_HOME` overrides the platform default."""
    override = os.environ.get("BERTQUIZ_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("bertquiz", appauthor=False)


__all__ = ["corpus_dir", "shipped_bank_dir", "user_data_dir"]
