"""The one exception type that core code raises for the CLI to print as a clean error."""

from __future__ import annotations


class BertquizError(Exception):
    """A problem the user can fix: bad input, a missing file, an unknown id.

    The CLI prints `str(error)` on stderr (one line per problem) and exits with code 1;
    it never shows a traceback for it.
    """


__all__ = ["BertquizError"]
