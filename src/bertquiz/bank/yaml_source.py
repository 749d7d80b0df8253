"""Safe YAML reading that remembers the line of every value.

PyYAML's safe loader already refuses to construct Python objects; on top of it this module
refuses every tag it does not know, duplicate keys, alias bombs, absurd nesting, huge or
binary files, and tabs in indentation, each with a message that names the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is ~10x faster at composing; the pure-Python loader behaves the same
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024  # a bank of a few hundred questions is ~200 KB
MAX_DEPTH = 32  # the format nests 5 levels; anything deeper is a mistake or an attack
MAX_VALUES = 200_000  # scalars + collections after alias expansion (a "billion laughs" stops here)

Loc = tuple[str | int, ...]

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_AS_TEXT_TAGS = {"tag:yaml.org,2002:timestamp"}  # `2019-05-31` stays the text the author wrote


class YamlError(Exception):
    """A file that is not a usable YAML document; `line` is 1-based, or None."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass
class YamlDocument:
    """Plain data (dict / list / str / int / float / bool / None) and the line of each value."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of the value at `loc`, or of its nearest enclosing value."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


def read_text(path: Path) -> str:
    """The file's text, or YamlError for a file that is not small UTF-8 text."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise YamlError(f"file too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        raw = path.read_bytes()
    except OSError as e:
        raise YamlError(f"cannot read file: {e.strerror or e}") from None
    if b"\0" in raw:
        raise YamlError("binary file (contains NUL bytes), not YAML text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise YamlError(f"not UTF-8 text (byte 0x{raw[e.start]:02x})", line) from None
    if not text.strip():
        raise YamlError("file is empty")
    return text


def parse(text: str) -> YamlDocument:
    """Parse one YAML document into plain data with line numbers."""
    for number, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise YamlError("tab character in indentation (YAML indents with spaces)", number)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = e.problem or e.context or "invalid YAML"
        if "another document" in problem:
            raise YamlError("a second document starts here; a bank holds one YAML document per file", mark.line + 1 if mark else None) from None
        raise YamlError(f"YAML syntax error: {problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as e:  # e.g. a second document in the stream
        raise YamlError(f"YAML error: {e}".splitlines()[0]) from None
    except RecursionError:
        raise YamlError(f"nesting too deep (more than {MAX_DEPTH} levels)") from None
    if node is None:
        raise YamlError("file holds no YAML document")
    doc = YamlDocument(data=None)
    doc.data = _Builder(doc.lines, text.splitlines()).build(node, (), 0)
    return doc


class _Builder:
    """Turns a composed node tree into plain data, enforcing the limits above."""

    def __init__(self, lines: dict[Loc, int], source: list[str]) -> None:
        self.lines = lines
        self.source = source
        self.values = 0
        self._constructor = yaml.SafeLoader("")  # only to resolve scalar values

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.values += 1
        line = node.start_mark.line + 1
        if self.values > MAX_VALUES:
            raise YamlError(f"too many values (over {MAX_VALUES:,}; an alias bomb?)", line)
        if depth > MAX_DEPTH:
            raise YamlError(f"nesting too deep (more than {MAX_DEPTH} levels)", line)
        self.lines.setdefault(loc, line)
        if isinstance(node, yaml.ScalarNode):
            if not node.style and self._cut_by_comment(node):  # plain: None (Python) or "" (libyaml)
                raise YamlError("' ##' in an unquoted value starts a YAML comment and cuts the text: quote the value", node.end_mark.line + 1)
            if node.tag in _AS_TEXT_TAGS:
                return node.value
            if node.tag not in _SCALAR_TAGS:
                raise YamlError(f"unsupported tag '{node.tag}' (only plain YAML values are allowed)", line)
            return self._constructor.construct_object(node, deep=True)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise YamlError(f"unsupported tag '{node.tag}' (only plain YAML values are allowed)", line)
            return [self.build(child, (*loc, i), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                raise YamlError(f"unsupported tag '{node.tag}' (only plain YAML values are allowed)", line)
            result: dict[Any, Any] = {}
            first_line: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise YamlError("merge keys ('<<') are not allowed", key_node.start_mark.line + 1)
                key = self.build(key_node, (*loc, "<key>"), depth + 1)
                key_line = key_node.start_mark.line + 1
                if not isinstance(key, (str, int)):
                    raise YamlError(f"a mapping key must be text, not {type(key).__name__}", key_line)
                if key in result:
                    raise YamlError(f"duplicate key '{key}' (first at line {first_line[key]})", key_line)
                first_line[key] = key_line
                result[key] = self.build(value_node, (*loc, key), depth + 1)
            return result
        raise YamlError(f"unsupported YAML node {type(node).__name__}", line)  # pragma: no cover

    def _cut_by_comment(self, node: yaml.ScalarNode) -> bool:
        # a plain value followed by "##...": YAML took the WordPiece marker for a comment
        # ("gets ##ing pieces" became "gets"), which quotes would have kept
        end = node.end_mark
        if end.line >= len(self.source):
            return False
        return self.source[end.line][end.column :].lstrip().startswith("##")


__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_VALUES", "YamlDocument", "YamlError", "parse", "read_text"]
