"""The two consoles: results on stdout, diagnostics on stderr (Rich honours NO_COLOR)."""

from __future__ import annotations

from functools import cache

from rich.console import Console
from rich.markup import escape


@cache
def out() -> Console:
    return Console(highlight=False)


@cache
def err() -> Console:
    return Console(stderr=True, highlight=False)


def print_error(message: str) -> None:
    """Each line of `message` as its own `error: ...` line on stderr."""
    for line in message.splitlines() or [message]:
        err().print(f"[bold red]error:[/] {escape(line)}", soft_wrap=True)


__all__ = ["err", "out", "print_error"]
