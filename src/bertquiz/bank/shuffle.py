"""The order in which an `order` question shows its steps (cheap: no pydantic)."""

from __future__ import annotations

import hashlib


def shown_order(qid: str, n: int) -> list[int]:
    """The permutation in which the `n` steps of question `qid` are shown: indices into the
    right order. Derived from the id (not from `hash`, which changes between runs), never the
    right order itself, and the same in every language, so "3 1 2" means the same everywhere."""
    seed = int.from_bytes(hashlib.sha256(qid.encode()).digest()[:8], "big")
    order = sorted(range(n), key=lambda i: hashlib.sha256(f"{seed}:{i}".encode()).digest())
    if order == list(range(n)):
        order = order[1:] + order[:1]
    return order


__all__ = ["shown_order"]
