"""FSRS scheduling (the `fsrs` package) configured from the user's settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bertquiz.srs.settings import Settings

if TYPE_CHECKING:
    from fsrs import Scheduler


def make_scheduler(settings: Settings, *, fuzz: bool = True) -> Scheduler:
    """An fsrs.Scheduler aiming at the user's desired retention (`fuzz=False` for tests)."""
    from fsrs import Scheduler

    return Scheduler(desired_retention=settings.desired_retention, enable_fuzzing=fuzz)


__all__ = ["make_scheduler"]
