"""The interface's own strings in ru / zh / en.

`t(key, lang, **values)` returns the string for `lang` (English when the language is unknown).
Every key exists in every language; a test fails when one is missing.
"""

from __future__ import annotations

UI_LANGS = ("ru", "zh", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "answer": {"en": "Answer", "ru": "Ответ", "zh": "答案"},
    "explanation": {"en": "Explanation", "ru": "Пояснение", "zh": "解析"},
    "sources": {"en": "Sources", "ru": "Источники", "zh": "出处"},
    "demo": {"en": "Demo", "ru": "Демо", "zh": "演示"},
    "myth": {"en": "Myth", "ru": "Миф", "zh": "误区"},
    "key_points": {"en": "Key points", "ru": "Ключевые пункты", "zh": "要点"},
    "difficulty": {"en": "difficulty", "ru": "сложность", "zh": "难度"},
    "true": {"en": "true", "ru": "верно", "zh": "对"},
    "false": {"en": "false", "ru": "неверно", "zh": "错"},
    "hint.choice": {"en": "one letter", "ru": "одна буква", "zh": "填一个字母"},
    "hint.multi": {"en": "all letters that apply, e.g. A C", "ru": "все подходящие буквы, например A C", "zh": "所有正确选项的字母，例如 A C"},
    "hint.bool": {"en": "true or false", "ru": "верно или неверно", "zh": "对或错"},
    "hint.numeric": {"en": "a number", "ru": "число", "zh": "一个数字"},
    "hint.cloze": {"en": "one answer per blank, separated by ;", "ru": "по ответу на каждый пропуск, через ;", "zh": "每个空一个答案，用 ; 分隔"},
    "hint.order": {"en": "the step numbers in the right order, e.g. 3 1 2", "ru": "номера шагов в правильном порядке, например 3 1 2", "zh": "按正确顺序写出步骤编号，例如 3 1 2"},
    "hint.open": {"en": "answer in your own words", "ru": "ответьте своими словами", "zh": "用自己的话回答"},
    "type.choice": {"en": "single choice", "ru": "один вариант", "zh": "单选"},
    "type.multi": {"en": "multiple choice", "ru": "несколько вариантов", "zh": "多选"},
    "type.bool": {"en": "true / false", "ru": "верно / неверно", "zh": "判断"},
    "type.numeric": {"en": "number", "ru": "число", "zh": "数值"},
    "type.cloze": {"en": "fill in the blanks", "ru": "заполните пропуски", "zh": "填空"},
    "type.order": {"en": "put in order", "ru": "расставьте по порядку", "zh": "排序"},
    "type.open": {"en": "open answer", "ru": "открытый ответ", "zh": "简答"},
    "verdict.correct": {"en": "Correct.", "ru": "Верно.", "zh": "正确。"},
    "verdict.partial": {"en": "Partly right.", "ru": "Частично верно.", "zh": "部分正确。"},
    "verdict.wrong": {"en": "Not right.", "ru": "Неверно.", "zh": "不正确。"},
    "grade.right": {"en": "Right: {items}.", "ru": "Верно: {items}.", "zh": "答对：{items}。"},
    "grade.missing": {"en": "Missing: {items}.", "ru": "Не хватает: {items}.", "zh": "缺少：{items}。"},
    "grade.expected": {"en": "The answer is {items}.", "ru": "Правильный ответ: {items}.", "zh": "正确答案：{items}。"},
    "grade.picked": {"en": "Wrong pick: {items}.", "ru": "Неверный выбор: {items}.", "zh": "选错：{items}。"},
    "grade.claim": {"en": "Wrong claim: {items}.", "ru": "Ошибочное утверждение: {items}.", "zh": "错误说法：{items}。"},
    "grade.negated": {"en": "Says the opposite of: {items}.", "ru": "Утверждает обратное: {items}.", "zh": "说反了：{items}。"},
    "grade.number": {"en": "Wrong number in: {items}.", "ru": "Неверное число: {items}.", "zh": "数字不对：{items}。"},
    "note.empty": {"en": "The answer is empty.", "ru": "Ответ пустой.", "zh": "答案为空。"},
    "note.other-language": {
        "en": "The answer is not in English; answer in the language of the question.",
        "ru": "Ответ не на русском; отвечайте на языке вопроса.",
        "zh": "答案不是中文；请用题目的语言作答。",
    },
    "note.off-topic": {"en": "The answer does not address the question.", "ru": "Ответ не относится к вопросу.", "zh": "答案与题目无关。"},
    "note.keyword-list": {
        "en": "A list of keywords is not an answer: say what happens and why.",
        "ru": "Список ключевых слов — ещё не ответ: объясните, что происходит и почему.",
        "zh": "只列关键词不算回答：请说明发生了什么以及原因。",
    },
    "note.unparsed": {"en": "Could not read the answer ({hint}).", "ru": "Не удалось разобрать ответ ({hint}).", "zh": "无法识别答案（{hint}）。"},
    "note.several-numbers": {"en": "Give one number.", "ru": "Укажите одно число.", "zh": "请只给一个数字。"},
    "note.blank-count": {
        "en": "Expected {n} answers separated by ;",
        "ru": "Нужно {n} ответа(ов) через ;",
        "zh": "需要 {n} 个答案，用 ; 分隔",
    },
}


def t(key: str, lang: str | None, /, **values: object) -> str:
    """The string `key` in `lang`, with `{name}` fields filled from `values`."""
    forms = MESSAGES[key]
    text = forms.get(lang or "en") or forms["en"]
    return text.format(**values) if values else text


__all__ = ["MESSAGES", "UI_LANGS", "t"]
