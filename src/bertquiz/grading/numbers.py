"""Numbers written any way a person writes them: `15`, `15 %`, `0,15`, `fifteen percent`,
`пятнадцать процентов`, `百分之十五`, `八十`.

`find_numbers(text)` returns each number with its value, whether it was a percentage, and
where it stood, so that graders can compare values and check what the number is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "half": 0.5,
}  # fmt: skip
_RU_UNITS = {
    "ноль": 0, "один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5,
    "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
    "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40,
    "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100,
    "половина": 0.5,
}  # fmt: skip
# inflected forms people write: "пятнадцати процентов", "восьмидесяти"
_RU_STEMS = {
    "пятнадцат": 15, "десят": 10, "двенадцат": 12, "восьмидесят": 80, "восемьдесят": 80,
    "двадцат": 20, "пятидесят": 50, "пятьдесят": 50, "пятьсот": 500, "пятисот": 500,
}  # fmt: skip
_PERCENT_WORDS = ("percent", "per cent", "процент", "%", "％")
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}

# thousands written 30,522 or 30 522 first, then plain and decimal numbers (0.15, 0,15)
_DIGITS_RE = re.compile(
    r"(?<![\w.])(?<!\d,)([1-9]\d{0,2}(?:(?:,|[ \u00a0\u202f])\d{3})+(?![\d])|\d+(?:[.,]\d+)?)"
    r"(?:\s*(%|％|percent|per cent|процент\w*|pct))?",
    re.IGNORECASE,
)
_SCI_RE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?[eе][-+−]?\d+)(?![\w])", re.IGNORECASE)  # 5e-5 (also Cyrillic е)
_THOUSANDS_RE = re.compile(r"^[1-9]\d{0,2}(?:(?:,|[ \u00a0\u202f])\d{3})+$")
_ZH_RE = re.compile(r"(百分之)?([零〇一二两三四五六七八九十百千万]+)(?:(点)([零〇一二三四五六七八九]+))?")
_WORD_RE = re.compile(r"[a-zа-яё]+", re.IGNORECASE)


@dataclass(frozen=True)
class Number:
    value: float
    percent: bool
    start: int
    end: int
    spelled: bool = False  # written in words ("fifteen", «пятнадцать»), not digits

    def equals(self, value: float, *, percent: bool | None = None, tol: float = 1e-9) -> bool:
        """Same value, reading "15 %" and "0.15" as the same number when one side is a percentage."""
        if abs(self.value - value) <= tol:
            return True
        if self.percent and abs(self.value / 100 - value) <= tol:
            return True
        if percent and not self.percent and self.value < 1 and abs(self.value * 100 - value) <= tol:
            return True
        return False


def _zh_value(text: str) -> float:
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        else:
            unit = _ZH_UNITS[ch]
            if unit == 10000:
                total += (section + digit) * unit
                section, digit = 0, 0
            else:
                section += (digit or 1) * unit
                digit = 0
    return total + section + digit


def find_numbers(text: str) -> list[Number]:
    """Every number in `text`, in order of appearance."""
    found: list[Number] = []
    lower = text.lower()
    taken: list[tuple[int, int]] = []
    for m in _SCI_RE.finditer(lower):
        found.append(Number(float(m.group(1).replace("е", "e").replace("−", "-")), False, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in _DIGITS_RE.finditer(lower):
        if any(a <= m.start() < b for a, b in taken):
            continue
        digits = m.group(1)
        if _THOUSANDS_RE.match(digits):
            value = float(re.sub(r"[, \u00a0\u202f]", "", digits))
        else:
            value = float(digits.replace(",", "."))
        found.append(Number(value, bool(m.group(2)), m.start(), m.end()))
    for m in _ZH_RE.finditer(text):
        value = _zh_value(m.group(2))
        if m.group(3):
            value = float(f"{int(value)}.{''.join(str(_ZH_DIGITS[c]) for c in m.group(4))}")
        percent = bool(m.group(1)) or text[m.end() : m.end() + 1] in ("%", "％")
        found.append(Number(value, percent, m.start(), m.end()))
    words = list(_WORD_RE.finditer(lower))
    i = 0
    while i < len(words):
        word = words[i].group(0)
        value = _word_value(word)
        if value is None:
            i += 1
            continue
        start, end = words[i].start(), words[i].end()
        # "eighty five", "восемьдесят пять"
        if value >= 20 and value % 10 == 0 and i + 1 < len(words):
            nxt = _word_value(words[i + 1].group(0))
            if nxt is not None and nxt < 10:
                value += nxt
                end = words[i + 1].end()
                i += 1
        tail = lower[end : end + 12].lstrip(" -")
        percent = tail.startswith(_PERCENT_WORDS)
        found.append(Number(float(value), percent, start, end, spelled=True))
        i += 1
    return sorted(found, key=lambda n: n.start)


def _word_value(word: str) -> float | None:
    word = word.replace("ё", "е")
    if word in _EN_UNITS:
        return _EN_UNITS[word]
    if word in _RU_UNITS:
        return _RU_UNITS[word]
    for stem, value in _RU_STEMS.items():
        if word.startswith(stem) and len(word) - len(stem) <= 3:
            return value
    return None


def parse_term_number(term: str) -> tuple[float, bool] | None:
    """A pattern term that is a number (`15`, `15%`, `0.15`) as (value, percent), else None."""
    m = re.fullmatch(r"(\d+(?:[.,]\d+)?)(%?)", term)
    if not m:
        return None
    return float(m.group(1).replace(",", ".")), bool(m.group(2))


__all__ = ["Number", "find_numbers", "parse_term_number"]
