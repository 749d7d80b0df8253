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
    "prompt.answer": {"en": "Your answer: ", "ru": "Ваш ответ: ", "zh": "你的答案："},
    "prompt.multiline": {
        "en": "(several lines are fine; an empty line ends the answer)",
        "ru": "(можно в несколько строк; пустая строка завершает ответ)",
        "zh": "（可以多行；空行结束作答）",
    },
    "prompt.rate": {
        "en": "Enter = {rating} · 1 Again · 2 Hard · 3 Good · 4 Easy · q quit ",
        "ru": "Enter = {rating} · 1 Снова · 2 Трудно · 3 Хорошо · 4 Легко · q выход ",
        "zh": "回车 = {rating} · 1 重来 · 2 困难 · 3 良好 · 4 简单 · q 退出 ",
    },
    "prompt.invalid": {"en": "Press Enter, 1-4 or q.", "ru": "Нажмите Enter, 1-4 или q.", "zh": "请按回车、1-4 或 q。"},
    "rating.1": {"en": "Again", "ru": "Снова", "zh": "重来"},
    "rating.2": {"en": "Hard", "ru": "Трудно", "zh": "困难"},
    "rating.3": {"en": "Good", "ru": "Хорошо", "zh": "良好"},
    "rating.4": {"en": "Easy", "ru": "Легко", "zh": "简单"},
    "session.saved": {"en": "saved · rated {rating}", "ru": "сохранено · оценка {rating}", "zh": "已保存 · 评分 {rating}"},
    "session.empty": {
        "en": "Nothing is due and no new questions are left for today. Come back later, or raise the daily limit: --new N.",
        "ru": "Сейчас нечего повторять и новых вопросов на сегодня не осталось. Вернитесь позже или увеличьте лимит: --new N.",
        "zh": "现在没有需要复习的题目，今天的新题也已用完。稍后再来，或用 --new N 提高每日上限。",
    },
    "summary.title": {"en": "Session summary", "ru": "Итоги сессии", "zh": "本次练习小结"},
    "summary.answered": {"en": "answered", "ru": "отвечено", "zh": "已作答"},
    "summary.score": {"en": "mean score", "ru": "средний балл", "zh": "平均得分"},
    "summary.time": {"en": "time", "ru": "время", "zh": "用时"},
    "summary.ratings": {"en": "ratings", "ru": "оценки", "zh": "评分"},
    "summary.next_due": {"en": "next review", "ru": "следующее повторение", "zh": "下次复习"},
    "summary.interrupted": {"en": "Session ended early; every answer given is saved.", "ru": "Сессия прервана; все данные ответы сохранены.", "zh": "练习提前结束；已作答的内容都已保存。"},
    "error.unknown_lang": {
        "en": "unknown language '{lang}' (choose one of: ru, zh, en)",
        "ru": "неизвестный язык '{lang}' (выберите один из: ru, zh, en)",
        "zh": "未知语言 '{lang}'（可选：ru、zh、en）",
    },
    "error.unknown_topic": {
        "en": "unknown topic '{topic}' (topics: {topics})",
        "ru": "неизвестная тема '{topic}' (темы: {topics})",
        "zh": "未知主题 '{topic}'（主题：{topics}）",
    },
    "error.unknown_type": {
        "en": "unknown question type '{qtype}' (types: {types})",
        "ru": "неизвестный тип вопроса '{qtype}' (типы: {types})",
        "zh": "未知题型 '{qtype}'（题型：{types}）",
    },
    "error.no_bank_path": {
        "en": "{path}: no such bank file or folder",
        "ru": "{path}: нет такого файла или папки с вопросами",
        "zh": "{path}：题库文件或文件夹不存在",
    },
    "error.not_writable": {
        "en": "{path}: cannot write here ({reason})",
        "ru": "{path}: сюда нельзя записать ({reason})",
        "zh": "{path}：无法写入（{reason}）",
    },
    "error.is_folder": {
        "en": "{path}: is a folder; give a file name",
        "ru": "{path}: это папка; укажите имя файла",
        "zh": "{path}：这是一个文件夹，请给出文件名",
    },
    "error.unknown_demo": {
        "en": "no demo named '{name}' (demos: {names})",
        "ru": "нет демо с именем '{name}' (демо: {names})",
        "zh": "没有名为 '{name}' 的演示（可选：{names}）",
    },
    "error.unknown_id": {
        "en": "no question with id '{qid}'{hint}",
        "ru": "нет вопроса с id '{qid}'{hint}",
        "zh": "没有 id 为 '{qid}' 的题目{hint}",
    },
    "stats.cards": {"en": "cards", "ru": "карточки", "zh": "卡片"},
    "stats.state.new": {"en": "new", "ru": "новые", "zh": "新"},
    "stats.state.learning": {"en": "learning", "ru": "изучаются", "zh": "学习中"},
    "stats.state.review": {"en": "review", "ru": "повторение", "zh": "复习"},
    "stats.state.relearning": {"en": "relearning", "ru": "переучиваются", "zh": "重学"},
    "stats.state.total": {"en": "total", "ru": "всего", "zh": "合计"},
    "stats.reviews": {"en": "reviews", "ru": "ответы", "zh": "复习次数"},
    "stats.today": {"en": "today {n}", "ru": "сегодня {n}", "zh": "今天 {n}"},
    "stats.due_today": {"en": "due today", "ru": "к повторению сегодня", "zh": "今天到期"},
    "stats.retention": {"en": "true retention", "ru": "реальное удержание", "zh": "真实保留率"},
    "stats.last_30": {"en": "30 days: {value}", "ru": "за 30 дней: {value}", "zh": "近 30 天：{value}"},
    "stats.streak": {"en": "streak", "ru": "серия", "zh": "连续天数"},
    "stats.days": {"en": "{n} day(s)", "ru": "{n} дн.", "zh": "{n} 天"},
    "stats.topic": {"en": "topic", "ru": "тема", "zh": "主题"},
    "stats.questions": {"en": "questions", "ru": "вопросов", "zh": "题数"},
    "stats.seen": {"en": "seen", "ru": "видели", "zh": "已练"},
    "stats.due": {"en": "due", "ru": "к повторению", "zh": "到期"},
    "stats.mastery": {"en": "mastery", "ru": "освоение", "zh": "掌握度"},
    "stats.forecast": {"en": "due in the next 14 days", "ru": "к повторению в ближайшие 14 дней", "zh": "未来 14 天到期"},
    "demo.column.name": {"en": "demo", "ru": "демо", "zh": "演示"},
    "demo.column.shows": {"en": "what it shows", "ru": "что показывает", "zh": "展示内容"},
    "demo.column.text": {"en": "your TEXT", "ru": "ваш TEXT", "zh": "可输入的 TEXT"},
    "demo.loading": {
        "en": "Loading torch, transformers and the tiny BERT…",
        "ru": "Загружаю torch, transformers и маленький BERT…",
        "zh": "正在加载 torch、transformers 和小型 BERT……",
    },
    "exam.title": {"en": "Mock interview", "ru": "Пробное собеседование", "zh": "模拟面试"},
    "exam.time_left": {"en": "time left {time}", "ru": "осталось {time}", "zh": "剩余 {time}"},
    "exam.time_up": {"en": "Time is up.", "ru": "Время вышло.", "zh": "时间到。"},
    "exam.report": {"en": "Exam report", "ru": "Отчёт об экзамене", "zh": "考试报告"},
    "exam.topic": {"en": "topic", "ru": "тема", "zh": "主题"},
    "exam.questions": {"en": "questions", "ru": "вопросов", "zh": "题数"},
    "exam.score": {"en": "score", "ru": "балл", "zh": "得分"},
    "exam.weakest": {"en": "Weakest areas", "ru": "Слабые места", "zh": "薄弱环节"},
    "exam.study": {"en": "What to study", "ru": "Что повторить", "zh": "建议复习"},
    "exam.unanswered": {"en": "unanswered", "ru": "без ответа", "zh": "未作答"},
    "exam.history_empty": {"en": "No exams yet: run bertquiz exam --lang L.", "ru": "Экзаменов пока не было: bertquiz exam --lang L.", "zh": "还没有考试记录：运行 bertquiz exam --lang L。"},
}


_ui_lang: str | None = None


def set_ui_lang(lang: str | None) -> None:
    """Make every interface string use `lang` (`--ui-lang`); None: each caller's own language."""
    global _ui_lang
    _ui_lang = lang


def explicit_ui_lang() -> str | None:
    return _ui_lang


def system_lang() -> str:
    """ru or zh when the locale says so ($LC_ALL, $LC_MESSAGES, $LANG), else en."""
    import os

    locale = (os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or "").lower()
    return next((code for code in ("ru", "zh") if locale.startswith(code)), "en")


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The string `key` in the interface language: `--ui-lang` if given, else `lang` (usually
    the language being practised), else the system's; `{name}` fields filled from `values`."""
    forms = MESSAGES[key]
    text = forms.get(_ui_lang or lang or system_lang()) or forms["en"]
    return text.format(**values) if values else text


__all__ = ["MESSAGES", "UI_LANGS", "set_ui_lang", "system_lang", "t"]
