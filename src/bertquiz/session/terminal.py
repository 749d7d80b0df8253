"""Reading answers and keys from a person at a terminal, or line by line from a pipe.

When stdin is a terminal, free text may span several lines (an empty line ends it) and the
rating prompt takes a single key. When it is not (scripts, tests), every answer and every key
is one line. Ctrl-C and Ctrl-D (or the end of the input) raise `EndSession` at any prompt.
"""

from __future__ import annotations

import sys
from collections.abc import Collection
from typing import TextIO

from rich.console import Console, RenderableType

MAX_LINES = 200  # free text: more lines than this end the answer


class EndSession(Exception):
    """The user pressed Ctrl-C / Ctrl-D, or the input ended."""


class Terminal:
    def __init__(self, console: Console, *, stdin: TextIO | None = None, interactive: bool | None = None) -> None:
        self.console = console
        self.stdin = stdin or sys.stdin
        self.interactive = self.stdin.isatty() if interactive is None else interactive

    def show(self, renderable: RenderableType = "") -> None:
        self.console.print(renderable)

    def _line(self, prompt: str = "") -> str:
        try:
            if self.interactive:
                return self.console.input(prompt)
            if prompt:
                self.console.print(prompt, end="")
            line = self.stdin.readline()
            if not line:
                raise EndSession
            line = line.rstrip("\r\n")
            self.console.print(line[:200] + ("…" if len(line) > 200 else ""), markup=False, highlight=False)  # a transcript
            return line
        except (EOFError, KeyboardInterrupt):
            if self.interactive:
                self.console.print()  # the terminal shows ^C or nothing; end that line
            raise EndSession from None

    def read_answer(self, prompt: str, *, multiline: bool) -> str:
        """One answer: a line, or (interactive, free text) lines up to an empty one."""
        first = self._line(prompt)
        if not (multiline and self.interactive) or not first.strip():
            return first
        lines = [first]
        while len(lines) < MAX_LINES:
            try:
                line = self._line("… ")
            except EndSession:
                break  # Ctrl-D ends the answer; the answer so far is kept
            if not line.strip():
                break
            lines.append(line)
        return "\n".join(lines)

    def read_key(self, prompt: str, allowed: Collection[str], *, invalid: str) -> str:
        """One of `allowed` ("" is Enter), asked again after anything else."""
        while True:
            if self.interactive:
                self.console.print(prompt, end="")
                try:
                    key = self._getch()
                except (EOFError, KeyboardInterrupt):
                    self.console.print()
                    raise EndSession from None
                if key in ("\x03", "\x04"):
                    raise EndSession
                key = "" if key in ("\r", "\n") else key.strip().lower()
                self.console.print(key)
            else:
                key = self._line(prompt).strip().lower()
            if key in allowed:
                return key
            self.console.print(invalid, style="yellow")

    def _getch(self) -> str:
        """One key press, without waiting for Enter. Keys typed before the prompt count too
        (click.getchar flushes them, and a fast typist's key would be lost)."""
        try:
            import termios
            import tty
        except ImportError:  # pragma: no cover - Windows
            import click

            return click.getchar()
        fd = self.stdin.fileno()
        old = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd, termios.TCSANOW)  # Ctrl-C still raises KeyboardInterrupt
            import os

            return os.read(fd, 8).decode("utf-8", errors="ignore")[:1]
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, old)


__all__ = ["EndSession", "Terminal"]
