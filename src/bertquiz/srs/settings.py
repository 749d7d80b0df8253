"""The user's settings, kept in the history database (`bertquiz config KEY VALUE`)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from bertquiz.errors import BertquizError

LANGS = ("ru", "zh", "en")


@dataclass(frozen=True)
class Settings:
    """Attributes:
    desired_retention: the probability of recall FSRS schedules for (0.70-0.99); higher means
        more reviews.
    new_per_day: how many new questions a day practice introduces.
    lang: the language practice uses when --lang is not given.
    day_starts_at: the hour (0-23, local time) a new day starts, as in Anki.
    """

    desired_retention: float = 0.9
    new_per_day: int = 20
    lang: str = "en"
    day_starts_at: int = 4

    def with_value(self, key: str, raw: str) -> Settings:
        """A copy with `key` set from the text `raw`; ValueError naming the key and the range."""
        if key not in KEYS:
            raise BertquizError(f"unknown setting '{key}' (one of: {', '.join(KEYS)})")
        try:
            value = _parse(key, raw)
        except ValueError as e:
            raise BertquizError(f"{key}: {e}") from None
        return replace(self, **{key: value})

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


KEYS = tuple(f.name for f in fields(Settings))


def _parse(key: str, raw: str) -> Any:
    if key == "desired_retention":
        value = float(raw)
        if not 0.7 <= value <= 0.99:
            raise ValueError(f"{raw!r} is outside 0.70-0.99")
        return value
    if key == "new_per_day":
        n = int(raw)
        if not 0 <= n <= 1000:
            raise ValueError(f"{raw!r} is outside 0-1000")
        return n
    if key == "lang":
        if raw not in LANGS:
            raise ValueError(f"{raw!r} is not one of {', '.join(LANGS)}")
        return raw
    if key == "day_starts_at":
        hour = int(raw)
        if not 0 <= hour <= 23:
            raise ValueError(f"{raw!r} is outside 0-23")
        return hour
    raise ValueError(f"unknown setting {key}")  # pragma: no cover


def settings_from_rows(rows: dict[str, str]) -> Settings:
    s = Settings()
    for key, raw in rows.items():
        if key in KEYS:
            try:
                s = replace(s, **{key: _parse(key, raw)})
            except ValueError:
                pass  # a value written by a newer version: keep the default
    return s


__all__ = ["KEYS", "Settings", "settings_from_rows"]
