"""Graders for the closed question types: choice, multi, bool, numeric, cloze, order.

Each takes the question and the raw answer and returns (score, hit, missed, wrong, notes);
`grade.grade` turns that into a Grade with feedback. Answers are read the way people type
them: a letter, a number or the option's text; "A, C" or "ac"; да/нет, 对/错; "15 %", "0.15",
"пятнадцать процентов"; blanks separated by `;`; step numbers "3 1 2".
"""

from __future__ import annotations

import re
from rapidfuzz import fuzz

from bertquiz.bank.question import (
    BoolQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MultiQuestion,
    NumericQuestion,
    OrderQuestion,
    letter,
)
from bertquiz.grading.numbers import find_numbers
from bertquiz.grading.result import Marks as Exact
from bertquiz.grading.result import Point
from bertquiz.grading.text import normalize

# Cyrillic letters that look like Latin option letters (a Russian keyboard layout)
_HOMOGLYPHS = str.maketrans({"а": "a", "в": "b", "с": "c", "е": "e", "д": "d"})
_TRUE = ("true", "t", "yes", "y", "да", "верно", "правда", "истина", "是", "对", "正确", "真", "对的", "是的", "1", "+")
_FALSE = ("false", "f", "no", "n", "нет", "неверно", "ложь", "неправда", "不是", "否", "错", "错误", "假", "不对", "错的", "0", "-")


def _option_point(q: ChoiceQuestion | MultiQuestion, index: int) -> Point:
    option = q.options[index]
    text = f"{letter(index)}. {option.text}"
    return Point(letter(index), f"{text} — {option.why}" if option.why else text)


def parse_letters(answer: str, options: int) -> list[int] | None:
    """Option indices named by `answer` ("B", "b)", "2", "A, C", "ac", "1 3"); None if unreadable."""
    text = normalize(answer).translate(_HOMOGLYPHS).strip(" .)")
    if not text:
        return None
    tokens = re.findall(r"[a-z]+|\d+", text)
    indices: list[int] = []
    for token in tokens:
        if token.isdigit():
            indices.append(int(token) - 1)
        elif all("a" <= ch <= "h" for ch in token) and len(token) <= options:
            indices.extend(ord(ch) - ord("a") for ch in token)
        else:
            return None
    if not indices or any(not 0 <= i < options for i in indices):
        return None
    return list(dict.fromkeys(indices))


def _bare(text: str) -> str:
    return re.sub(r"[^\w%]+", " ", normalize(text)).strip()


def _option_by_text(q: ChoiceQuestion | MultiQuestion, answer: str) -> int | None:
    """The option the answer restates: nearly its text, or clearly closer to it than to any other."""
    text = _bare(answer)
    if len(text) < 2:
        return None
    exact = [fuzz.ratio(text, _bare(o.text)) for o in q.options]
    best = max(range(len(exact)), key=exact.__getitem__)
    if exact[best] >= 85:
        return best
    # a paraphrase: word overlap (characters for Chinese), and a clear margin over the rest
    loose = sorted(((fuzz.token_set_ratio(_spaced(text), _spaced(_bare(o.text))), i) for i, o in enumerate(q.options)), reverse=True)
    (top, index), (second, _) = loose[0], loose[1]
    return index if top >= 55 and top - second >= 12 else None


def _spaced(text: str) -> str:
    # Chinese has no spaces: compare characters as words
    return re.sub(r"([\u3400-\u9fff])", r" \1 ", text)


def grade_choice(q: ChoiceQuestion, answer: str) -> Exact:
    picked = parse_letters(answer, len(q.options))
    if picked is None or len(picked) != 1:
        by_text = _option_by_text(q, answer)
        if by_text is None:
            return Exact(0.0, missed=[_option_point(q, ord(q.answer) - 65)], notes=["unparsed"])
        picked = [by_text]
    right = ord(q.answer) - 65
    if picked[0] == right:
        return Exact(1.0, hit=[_option_point(q, right)])
    return Exact(0.0, missed=[_option_point(q, right)], wrong=[_option_point(q, picked[0])])


def grade_multi(q: MultiQuestion, answer: str) -> Exact:
    picked = parse_letters(answer, len(q.options))
    if picked is None:
        return Exact(0.0, missed=[_option_point(q, ord(a) - 65) for a in q.answer], notes=["unparsed"])
    right = {ord(a) - 65 for a in q.answer}
    hit = sorted(right & set(picked))
    wrong = sorted(set(picked) - right)
    missed = sorted(right - set(picked))
    # each right pick earns 1/|right|, each wrong pick costs as much
    score = max(0.0, (len(hit) - len(wrong)) / len(right))
    return Exact(
        score,
        hit=[_option_point(q, i) for i in hit],
        missed=[_option_point(q, i) for i in missed],
        wrong=[_option_point(q, i) for i in wrong],
    )


def parse_bool(answer: str) -> bool | None:
    text = normalize(answer).strip(" .!")
    for words, value in ((_FALSE, False), (_TRUE, True)):  # false first: "неверно" contains "верно"
        if text in words or any(text.startswith(w + " ") or text.startswith(w + ",") for w in words if len(w) > 1):
            return value
    return None


def grade_bool(q: BoolQuestion, answer: str) -> Exact:
    value = parse_bool(answer)
    point = Point("answer", "true" if q.answer else "false")
    if value is None:
        return Exact(0.0, missed=[point], notes=["unparsed"])
    return Exact(1.0, hit=[point]) if value == q.answer else Exact(0.0, missed=[point])


def grade_numeric(q: NumericQuestion, answer: str) -> Exact:
    point = Point("answer", q.reference_answer())
    numbers = find_numbers(normalize(answer))
    if not numbers:
        return Exact(0.0, missed=[point], notes=["unparsed"])
    percent = q.unit == "%"

    def right(n) -> bool:
        candidates = [n.value]
        if percent and not n.percent and n.value < 1:
            candidates.append(n.value * 100)  # 0.15 for 15 %
        if not percent and n.percent:
            candidates.append(n.value / 100)
        return any(abs(c - q.answer) <= q.tolerance + 1e-9 for c in candidates)

    if len({n.value for n in numbers}) > 1:
        # "97-98%": a range is right when all of it lies within the tolerance
        if all(right(n) for n in numbers):
            return Exact(1.0, hit=[point])
        return Exact(0.0, missed=[point], notes=["several-numbers"])
    n = numbers[0]
    return Exact(1.0, hit=[point]) if right(n) else Exact(0.0, missed=[point], wrong=[Point("given", f"{n.value:g}")])


def _blank_ok(given: str, accepted: list[str]) -> bool:
    g = normalize(given).strip(" .[]\"'")
    for a in accepted:
        a_norm = normalize(a).strip(" .[]\"'")
        if g == a_norm:
            return True
        a_num, g_num = find_numbers(a_norm), find_numbers(g)
        if a_num and g_num and len(a_num) == len(g_num) == 1 and abs(a_num[0].value - g_num[0].value) < 1e-9:
            return True
        if not a_num and len(a_norm) >= 5 and fuzz.ratio(g, a_norm) >= 85:
            return True
    return False


def grade_cloze(q: ClozeQuestion, answer: str) -> Exact:
    parts = [p.strip() for p in re.split(r"[;；\n]", answer)]
    parts = [p for p in parts if p]
    if len(parts) != q.blanks and q.blanks > 1:
        alt = [p.strip() for p in re.split(r"[,，、/]|\s+", answer) if p.strip()]
        if len(alt) == q.blanks:
            parts = alt
    result = Exact(0.0)
    if len(parts) != q.blanks:
        result.notes.append("blank-count")
    for i, accepted in enumerate(q.answer):
        point = Point(f"blank-{i + 1}", f"{i + 1}: {accepted[0]}")
        if i < len(parts) and _blank_ok(parts[i], accepted):
            result.hit.append(point)
        else:
            result.missed.append(point)
    result.score = len(result.hit) / q.blanks
    return result


def grade_order(q: OrderQuestion, answer: str) -> Exact:
    n = len(q.answer)
    numbers = [int(x) for x in re.findall(r"\d+", normalize(answer))]
    if sorted(numbers) != list(range(1, n + 1)):
        return Exact(0.0, missed=[Point("order", " → ".join(q.answer))], notes=["unparsed"])
    shown = q.shown_order()
    given = [shown[k - 1] for k in numbers]  # indices into the right order
    # the fraction of step pairs in the right relative order (Kendall's tau mapped to 0..1)
    pairs = [(a, b) for i, a in enumerate(given) for b in given[i + 1 :]]
    concordant = sum(a < b for a, b in pairs)
    score = concordant / len(pairs)
    hit = [Point(f"step-{i + 1}", q.answer[i]) for pos, i in enumerate(given) if i == pos]
    missed = [Point(f"step-{i + 1}", q.answer[i]) for pos, i in enumerate(given) if i != pos]
    return Exact(score, hit=hit, missed=missed)


__all__ = ["grade_bool", "grade_choice", "grade_cloze", "grade_multi", "grade_numeric", "grade_order", "parse_bool", "parse_letters"]
