"""The one exception type that core code raises for the CLI to print as a clean error."""

from __future__ import annotations


class BertquizError(Exception):
    """A problem the user can fix: bad input, a missing file, an unknown id.

    The CLI prints it on stderr (one line per problem) and exits with code 1; it never shows
    a traceback for it. An error with a `key` (an `i18n` message) is printed in the interface
    language, filled with `params`; `str(error)` is always the English text.
    """

    def __init__(self, message: str, *, key: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.key = key
        self.params = params

    def localized(self) -> str:
        if self.key is None:
            return str(self)
        from bertquiz.i18n import t

        return t(self.key, None, **self.params)


__all__ = ["BertquizError"]
