"""Spaced repetition: the SQLite history, FSRS scheduling, the queue, statistics."""
