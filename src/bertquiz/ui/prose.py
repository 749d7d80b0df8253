"""Prose that wraps well in Chinese too.

Rich wraps text at spaces only, so a Chinese sentence (no spaces) is pushed whole onto the
next line and then cut at the edge. `Prose` may break a line after any CJK character and
between words elsewhere, measuring in terminal cells.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_CLOSING = "。，、；：！？）」』】》,.;:!?)"  # never at the start of a line: they stay with what precedes
# a CJK character (with the closing punctuation after it), a word, or spaces
_TOKEN = re.compile(rf"[{_CJK}][{_CLOSING}]*|[^\s{_CJK}]+[{_CLOSING}]*|[ \t]+|\n")


class Prose:
    """Styled pieces of text, wrapped at word boundaries and after any CJK character.

    `Prose(("Answer: ", "bold green"), "the text")`: each piece is a string or (string, style).
    """

    def __init__(self, *pieces: str | tuple[str, str], style: str = "", indent: int = 0) -> None:
        self.pieces = [(p, "") if isinstance(p, str) else p for p in pieces]
        self.style = style
        self.indent = indent

    def lines(self, width: int) -> list[Text]:
        width = max(width, 8)
        lines = [Text(style=self.style)]
        used = 0
        for chunk, style in self.pieces:
            for token in _TOKEN.findall(chunk):
                if token == "\n":
                    lines.append(Text(" " * self.indent, style=self.style))
                    used = self.indent
                    continue
                size = cell_len(token)
                if token.isspace():
                    if (used or len(lines) == 1) and used + size <= width:  # keep a first line's indent
                        lines[-1].append(token, style)
                        used += size
                    continue
                if used + size > width and used > self.indent:
                    lines[-1].rstrip()
                    lines.append(Text(" " * self.indent, style=self.style))
                    used = self.indent
                while size > width - used:  # a word longer than a line: fold it
                    cut = _fit(token, width - used)
                    lines[-1].append(token[:cut], style)
                    lines.append(Text(" " * self.indent, style=self.style))
                    token, used = token[cut:], self.indent
                    size = cell_len(token)
                lines[-1].append(token, style)
                used += size
        return lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        text = "".join(p for p, _ in self.pieces)
        longest = max((cell_len(line) for line in text.splitlines() or [""]), default=0)
        return Measurement(min(8, longest), min(options.max_width, longest))


def _fit(token: str, room: int) -> int:
    """How many characters of `token` fit in `room` cells (at least one)."""
    used = 0
    for i, ch in enumerate(token):
        used += cell_len(ch)
        if used > room:
            return max(i, 1)
    return len(token)


__all__ = ["Prose"]
