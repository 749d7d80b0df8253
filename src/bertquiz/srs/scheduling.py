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


class LazyScheduler:
    """Builds the fsrs.Scheduler on the first review, so that a session shows its first
    question before fsrs is imported. Has the one method the store calls."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._scheduler: Scheduler | None = None

    def review_card(self, *args, **kwargs):
        if self._scheduler is None:
            self._scheduler = make_scheduler(self.settings)
        return self._scheduler.review_card(*args, **kwargs)


__all__ = ["LazyScheduler", "make_scheduler"]
