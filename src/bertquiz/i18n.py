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
    # --- demos mlm, nsp, embeddings, tokenize, attention ---
    "demo.col.token": {"en": "token", "ru": "токен", "zh": "词元"},
    "demo.mlm.title": {"en": "Masked LM on the tiny BERT · seed {seed}", "ru": "Masked LM на маленьком BERT · seed {seed}", "zh": "小型 BERT 上的遮蔽语言模型 · seed {seed}"},
    "demo.mlm.col.chosen": {"en": "chosen", "ru": "выбран", "zh": "是否选中"},
    "demo.mlm.col.sees": {"en": "model sees", "ru": "видит модель", "zh": "模型看到"},
    "demo.mlm.col.label": {"en": "label", "ru": "метка", "zh": "标签"},
    "demo.mlm.action.mask": {"en": "[MASK]", "ru": "[MASK]", "zh": "[MASK]"},
    "demo.mlm.action.random": {"en": "random", "ru": "случайный", "zh": "随机词元"},
    "demo.mlm.action.kept": {"en": "kept", "ru": "оставлен", "zh": "保持不变"},
    "demo.mlm.redrawn": {
        "en": "No position was chosen in {n} draw(s) on this short sentence, so the mask was drawn again.",
        "ru": "В {n} розыгрыше(ах) на этом коротком предложении не выбралось ни одной позиции, поэтому маску разыграли заново.",
        "zh": "这个短句在前 {n} 次抽取中没有选中任何位置，所以重新抽取了遮蔽。",
    },
    "demo.mlm.predictions": {
        "en": "The model's top-{k} at the chosen positions",
        "ru": "Top-{k} предсказаний модели на выбранных позициях",
        "zh": "模型在被选位置上的 top-{k} 预测",
    },
    "demo.mlm.col.top": {"en": "top-{k} (probability)", "ru": "top-{k} (вероятность)", "zh": "top-{k}（概率）"},
    "demo.mlm.loss_chosen": {
        "en": "MLM loss over the {n} chosen positions = mean of −log p(label) above = {loss}",
        "ru": "Лосс MLM по {n} выбранным позициям = среднее −log p(метки) выше = {loss}",
        "zh": "{n} 个被选位置上的 MLM 损失 = 上表 −log p(标签) 的平均值 = {loss}",
    },
    "demo.mlm.loss_all": {
        "en": "Were the loss taken over all {n} token positions (label = the input token everywhere), it would be {loss}; over the {m} unchosen ones alone, {rest}.",
        "ru": "Если бы лосс считали по всем {n} позициям токенов (метка — входной токен везде), он был бы {loss}; только по {m} невыбранным — {rest}.",
        "zh": "如果在全部 {n} 个词元位置上算损失（标签处处等于输入词元），结果是 {loss}；只算 {m} 个未选位置则是 {rest}。",
    },
    "demo.mlm.no_loss": {
        "en": "Your [MASK] positions have no true token, so there is no label and no loss: only predictions.",
        "ru": "У ваших [MASK] нет истинного токена, значит нет ни метки, ни лосса — только предсказания.",
        "zh": "你给的 [MASK] 位置没有真实词元，所以没有标签也没有损失，只有预测。",
    },
    "demo.mlm.stats.title": {
        "en": "The same sentence masked {n} times over (independent draws)",
        "ru": "То же предложение, замаскированное {n} раз (независимые розыгрыши)",
        "zh": "同一句子独立遮蔽 {n} 次的统计",
    },
    "demo.mlm.stats.count": {"en": "count", "ru": "число", "zh": "数量"},
    "demo.mlm.stats.share": {"en": "share", "ru": "доля", "zh": "比例"},
    "demo.mlm.stats.expected": {"en": "expected", "ru": "ожидается", "zh": "预期"},
    "demo.mlm.stats.candidates": {"en": "token positions (no [CLS]/[SEP])", "ru": "позиции токенов (без [CLS]/[SEP])", "zh": "词元位置（不含 [CLS]/[SEP]）"},
    "demo.mlm.stats.chosen": {"en": "chosen", "ru": "выбрано", "zh": "被选中"},
    "demo.mlm.stats.special": {"en": "[CLS]/[SEP] chosen", "ru": "выбрано [CLS]/[SEP]", "zh": "被选中的 [CLS]/[SEP]"},
    "demo.mlm.stats.empty": {"en": "draws with nothing chosen", "ru": "розыгрыши без выбранных позиций", "zh": "一个位置都没选中的次数"},
    "demo.mlm.explain.1": {
        "en": "15% of the token positions are chosen at random, never [CLS], [SEP] or padding; of the chosen, 80% become [MASK], 10% a random token and 10% stay unchanged.",
        "ru": "Случайно выбирают 15% позиций токенов, никогда не [CLS], [SEP] и паддинг; из выбранных 80% заменяют на [MASK], 10% — на случайный токен, 10% оставляют как есть.",
        "zh": "随机选出 15% 的词元位置，从不选 [CLS]、[SEP] 和填充；被选中的位置 80% 换成 [MASK]，10% 换成随机词元，10% 保持不变。",
    },
    "demo.mlm.explain.2": {
        "en": "The loss is the cross-entropy at every chosen position — [MASK]ed, random and unchanged alike — and nowhere else (label −100): an unchosen position shows the model its own answer.",
        "ru": "Лосс — кросс-энтропия на всех выбранных позициях (и с [MASK], и со случайным, и с неизменённым токеном) и больше нигде (метка −100): невыбранная позиция показывает модели свой же ответ.",
        "zh": "损失是所有被选位置上的交叉熵（[MASK]、随机替换、保持不变三种都算），其他位置一律不算（标签 −100）：未选位置的输入里就是答案本身。",
    },
    "demo.mlm.explain.3": {
        "en": "Why not always [MASK]: [MASK] never appears in fine-tuning, and since any token may have been replaced or be a target, the model must keep a contextual representation of every token.",
        "ru": "Почему не всегда [MASK]: при дообучении [MASK] не встречается, а раз любой токен может оказаться заменённым или целевым, модель держит контекстное представление каждого токена.",
        "zh": "为什么不全用 [MASK]：微调时不会出现 [MASK]；而且任何词元都可能被替换或被预测，模型必须为每个词元保留上下文表示。",
    },
    "demo.mlm.explain.user": {
        "en": "Several [MASK]s are predicted independently of each other, each from the whole sentence on both sides.",
        "ru": "Несколько [MASK] предсказываются независимо друг от друга, каждый — по всему предложению с обеих сторон.",
        "zh": "多个 [MASK] 彼此独立地预测，每个都利用整句左右两侧的上下文。",
    },
    "demo.mlm.predictions_user": {
        "en": "The model's top-{k} at your [MASK] positions",
        "ru": "Top-{k} предсказаний модели на ваших [MASK]",
        "zh": "模型在你给的 [MASK] 位置上的 top-{k} 预测",
    },
    "demo.nsp.title": {
        "en": "Next Sentence Prediction on the tiny BERT · seed {seed}",
        "ru": "Предсказание следующего предложения (NSP) на маленьком BERT · seed {seed}",
        "zh": "小型 BERT 上的下一句预测（NSP）· seed {seed}",
    },
    "demo.nsp.yours": {"en": "Your pair (no label: only the model's guess)", "ru": "Ваша пара (метки нет — только ответ модели)", "zh": "你的句对（没有标签，只有模型的判断）"},
    "demo.nsp.from_same": {"en": "A and B are consecutive sentences of {source}", "ru": "A и B — соседние предложения из {source}", "zh": "A 和 B 是 {source} 中相邻的两句"},
    "demo.nsp.from_other": {"en": "B comes from another document, {source}", "ru": "B взято из другого документа, {source}", "zh": "B 来自另一个文档 {source}"},
    "demo.nsp.heldout": {
        "en": "This checkpoint on {n} held-out pairs: NSP accuracy {acc} (always answering the commoner label: {base}).",
        "ru": "Этот чекпойнт на {n} отложенных парах: точность NSP {acc} (если всегда отвечать более частой меткой: {base}).",
        "zh": "该检查点在 {n} 个留出句对上的 NSP 准确率为 {acc}（总是回答较多的那个标签：{base}）。",
    },
    "demo.nsp.explain.1": {
        "en": "A pair is packed as [CLS] A [SEP] B [SEP]; the token type (segment) id is 0 for [CLS], A and the first [SEP], and 1 for B and the last [SEP].",
        "ru": "Пара упаковывается как [CLS] A [SEP] B [SEP]; token type id (сегмент) равен 0 для [CLS], A и первого [SEP] и 1 для B и последнего [SEP].",
        "zh": "句对打包成 [CLS] A [SEP] B [SEP]；[CLS]、A 和第一个 [SEP] 的段 id（token type id）为 0，B 和最后一个 [SEP] 为 1。",
    },
    "demo.nsp.explain.2": {
        "en": "In pre-training half of the pairs have the real next text as B (IsNext, label 0), the other half a B from another document (NotNext, label 1).",
        "ru": "При предобучении в половине пар B — настоящее продолжение (IsNext, метка 0), в другой половине B взят из другого документа (NotNext, метка 1).",
        "zh": "预训练时一半句对的 B 是真正的下文（IsNext，标签 0），另一半的 B 来自别的文档（NotNext，标签 1）。",
    },
    "demo.nsp.explain.3": {
        "en": "The NSP head reads only the final [CLS] vector: the pooler (dense + tanh), then a linear layer with two outputs.",
        "ru": "Голова NSP смотрит только на финальный вектор [CLS]: pooler (dense + tanh), затем линейный слой с двумя выходами.",
        "zh": "NSP 头只看最后一层 [CLS] 的向量：先过 pooler（dense + tanh），再接一个两路输出的线性层。",
    },
    "demo.nsp.explain.4": {
        "en": "RoBERTa dropped NSP and matched or improved the results; ALBERT replaced it with sentence order prediction, arguing that NotNext is often told apart by topic alone.",
        "ru": "RoBERTa убрала NSP, и результаты не ухудшились или стали лучше; ALBERT заменил его предсказанием порядка предложений (SOP): NotNext часто выдаёт одна лишь смена темы.",
        "zh": "RoBERTa 去掉 NSP 后效果持平或更好；ALBERT 认为 NotNext 往往只凭话题就能分辨，改用句序预测（SOP）。",
    },
    "demo.emb.title": {
        "en": "Input embeddings of the tiny BERT: token + segment + position",
        "ru": "Входные эмбеддинги маленького BERT: токен + сегмент + позиция",
        "zh": "小型 BERT 的输入嵌入：词元 + 段 + 位置",
    },
    "demo.emb.col.table": {"en": "table", "ru": "таблица", "zh": "嵌入表"},
    "demo.emb.col.shape": {"en": "shape", "ru": "форма", "zh": "形状"},
    "demo.emb.col.params": {"en": "parameters", "ru": "параметры", "zh": "参数量"},
    "demo.emb.col.learned": {"en": "learned", "ru": "обучается", "zh": "可学习"},
    "demo.emb.vectors": {
        "en": "{n} positions: the first coordinates of each {h}-dim vector",
        "ru": "{n} позиции: первые координаты {h}-мерных векторов",
        "zh": "{n} 个位置：每个 {h} 维向量的前几个坐标",
    },
    "demo.emb.sum": {"en": "sum", "ru": "сумма", "zh": "和"},
    "demo.emb.model": {"en": "model, before LayerNorm", "ru": "модель, до LayerNorm", "zh": "模型（LayerNorm 之前）"},
    "demo.emb.check_sum": {
        "en": "max |token + segment + position − the model's LayerNorm input| over all {n} positions × {h} dims = {diff}",
        "ru": "max |токен + сегмент + позиция − вход LayerNorm в модели| по всем {n} позициям × {h} измерениям = {diff}",
        "zh": "全部 {n} 个位置 × {h} 维上，max |词元 + 段 + 位置 − 模型 LayerNorm 的输入| = {diff}",
    },
    "demo.emb.check_ln": {
        "en": "max |LayerNorm(sum) by hand − the output of model.bert.embeddings (eval mode: no dropout)| = {diff}",
        "ru": "max |LayerNorm(суммы) вручную − выход model.bert.embeddings (режим eval, без dropout)| = {diff}",
        "zh": "max |手算 LayerNorm(和) − model.bert.embeddings 的输出（eval 模式，无 dropout）| = {diff}",
    },
    "demo.emb.check_onehot": {
        "en": "one-hot [token | segment | position] (width {w}) × the three tables stacked ({w} × {h}) = the sum: max diff {diff}",
        "ru": "one-hot [токен | сегмент | позиция] (ширина {w}) × три таблицы друг под другом ({w} × {h}) = сумма: max разница {diff}",
        "zh": "one-hot [词元 | 段 | 位置]（宽 {w}）× 三张表纵向拼接（{w} × {h}）= 三者之和：最大差 {diff}",
    },
    "demo.emb.concat": {
        "en": "Concatenating the three vectors instead would give width {w} (not {h}), or need a {w} → {h} projection with {p} more parameters; the sum keeps {h} and adds none.",
        "ru": "Конкатенация трёх векторов дала бы ширину {w} (а не {h}) или потребовала бы проекции {w} → {h} с {p} лишними параметрами; сумма сохраняет {h} и не добавляет ни одного.",
        "zh": "若改为拼接三个向量，宽度会是 {w}（而不是 {h}），或者需要一个 {w} → {h} 的投影，多出 {p} 个参数；求和保持 {h} 维，不增加参数。",
    },
    "demo.emb.heatmap": {
        "en": "Cosine similarity of the learned position vectors (positions {first}, {second}, …, {last}, across and down)",
        "ru": "Косинусная близость обучаемых векторов позиций (позиции {first}, {second}, …, {last} по строкам и столбцам)",
        "zh": "可学习位置向量之间的余弦相似度（行和列均为位置 {first}、{second}、…、{last}）",
    },
    "demo.emb.cosines": {
        "en": "Mean cosine of neighbouring positions: {near}; of positions at least a quarter of the table apart: {far}.",
        "ru": "Средний косинус соседних позиций: {near}; позиций, отстоящих хотя бы на четверть таблицы: {far}.",
        "zh": "相邻位置的平均余弦：{near}；相距至少表长四分之一的位置：{far}。",
    },
    "demo.emb.explain.1": {
        "en": "The input vector is the element-wise sum of a token, a segment and a position embedding, followed by LayerNorm and dropout.",
        "ru": "Входной вектор — поэлементная сумма эмбеддингов токена, сегмента и позиции, затем LayerNorm и dropout.",
        "zh": "输入向量是词元、段、位置三个嵌入的逐元素相加，之后接 LayerNorm 和 dropout。",
    },
    "demo.emb.explain.2": {
        "en": "Positions are a learned table of {p} rows (512 in BERT), not the fixed sinusoids of the original Transformer; the size of that table caps the input length.",
        "ru": "Позиции — обучаемая таблица из {p} строк (в BERT 512), а не фиксированные синусоиды исходного Трансформера; размер этой таблицы ограничивает длину входа.",
        "zh": "位置嵌入是一张可学习的表，这里有 {p} 行（BERT 中为 512），不是原始 Transformer 的固定正弦编码；这张表的大小限制了输入长度。",
    },
    "demo.emb.explain.3": {
        "en": "A sum keeps the width H and adds no parameters; it equals one linear layer over the concatenated one-hot inputs (checked above), and the model can learn to use partly separate subspaces.",
        "ru": "Сумма сохраняет ширину H и не добавляет параметров; она равна одному линейному слою над конкатенацией one-hot входов (проверено выше), а модель может научиться использовать частично разные подпространства.",
        "zh": "求和保持宽度 H、不增加参数；它等价于对拼接后的 one-hot 输入做一次线性变换（上面已验证），模型也可以学会使用部分分开的子空间。",
    },
    "demo.tok.title": {
        "en": "WordPiece on the tiny BERT's vocabulary ({v} tokens)",
        "ru": "WordPiece на словаре маленького BERT ({v} токенов)",
        "zh": "小型 BERT 词表（{v} 个词元）上的 WordPiece",
    },
    "demo.tok.unk": {
        "en": "No vocabulary pieces spell {words}, so such a word becomes one [UNK].",
        "ru": "{words} не собрать из кусочков словаря, поэтому такое слово целиком становится одним [UNK].",
        "zh": "{words} 无法由词表中的片段拼出，所以整个词变成一个 [UNK]。",
    },
    "demo.tok.cjk": {
        "en": "{chars} Chinese characters → {tokens} single-character tokens.",
        "ru": "{chars} китайских иероглифов → {tokens} токенов по одному иероглифу.",
        "zh": "{chars} 个汉字 → {tokens} 个单字词元。",
    },
    "demo.tok.special": {"en": "Special tokens and their ids", "ru": "Специальные токены и их id", "zh": "特殊词元及其 id"},
    "demo.tok.batch": {
        "en": "A batch of {n} texts, padded with [PAD] to {width} tokens",
        "ru": "Батч из {n} текстов, дополненный [PAD] до {width} токенов",
        "zh": "{n} 条文本组成一个批次，用 [PAD] 填充到 {width} 个词元",
    },
    "demo.tok.real": {"en": "real", "ru": "реальных", "zh": "真实词元"},
    "demo.tok.row": {"en": "Row #{i}, the most padded, in full:", "ru": "Строка #{i}, где больше всего паддинга, целиком:", "zh": "填充最多的第 #{i} 行，完整显示："},
    "demo.tok.explain.1": {
        "en": "WordPiece cuts a word greedily, longest match first; every piece after the first carries ##. Frequent words are whole vocabulary entries and stay uncut.",
        "ru": "WordPiece режет слово жадно, сначала самое длинное совпадение; все куски после первого помечены ##. Частые слова есть в словаре целиком и не режутся.",
        "zh": "WordPiece 按最长匹配优先贪心地切词，第一个片段之后的片段都带 ##；常见词本身就在词表里，不会被切开。",
    },
    "demo.tok.explain.2": {
        "en": "Before WordPiece, spaces are put around every Chinese character, so Chinese is one token per character.",
        "ru": "До WordPiece вокруг каждого китайского иероглифа ставятся пробелы, поэтому китайский текст — один токен на иероглиф.",
        "zh": "在 WordPiece 之前，每个汉字两侧都会加空格，所以中文是一字一个词元。",
    },
    "demo.tok.explain.3": {
        "en": "A word that cannot be built from vocabulary pieces becomes a single [UNK]; byte-level BPE (GPT-2, RoBERTa) has no [UNK].",
        "ru": "Слово, которое нельзя собрать из кусочков словаря, становится одним [UNK]; у byte-level BPE (GPT-2, RoBERTa) [UNK] нет.",
        "zh": "无法用词表片段拼出的词会变成一个 [UNK]；字节级 BPE（GPT-2、RoBERTa）没有 [UNK]。",
    },
    "demo.tok.explain.4": {
        "en": "A batch is padded with [PAD] (id 0) to its longest sequence; the attention mask is 1 for real tokens and 0 for padding, so attention ignores the padding.",
        "ru": "Батч дополняется [PAD] (id 0) до самой длинной последовательности; маска внимания — 1 для реальных токенов и 0 для паддинга, так что внимание паддинг игнорирует.",
        "zh": "批次用 [PAD]（id 0）填充到最长序列；注意力掩码对真实词元为 1、对填充为 0，因此注意力会忽略填充。",
    },
    "demo.att.title": {"en": "Padding and the attention mask on the tiny BERT", "ru": "Паддинг и маска внимания на маленьком BERT", "zh": "小型 BERT 上的填充与注意力掩码"},
    "demo.att.additive": {
        "en": "With {n} [PAD]: the attention mask becomes an additive mask on the scores",
        "ru": "С {n} [PAD]: маска внимания превращается в аддитивную маску к оценкам",
        "zh": "加 {n} 个 [PAD]：注意力掩码变成加到注意力分数上的加性掩码",
    },
    "demo.att.to_scores": {"en": "to scores", "ru": "к оценкам", "zh": "加到分数"},
    "demo.att.col.weight": {"en": "max weight on [PAD]", "ru": "max вес на [PAD]", "zh": "[PAD] 上的最大权重"},
    "demo.att.col.diff": {"en": "max |Δ| of the {n} real outputs", "ru": "max |Δ| выходов {n} реальных токенов", "zh": "{n} 个真实词元输出的最大 |Δ|"},
    "demo.att.no_mask": {"en": "(no mask)", "ru": "(без маски)", "zh": "（不加掩码）"},
    "demo.att.changed": {"en": "changed", "ru": "изменились", "zh": "变了"},
    "demo.att.by_hand": {
        "en": "Layer 0, head 0 by hand: softmax(QKᵀ/√d + additive mask) matches the model's weights to {diff}; its largest weight on [PAD] is {pad}.",
        "ru": "Слой 0, голова 0 вручную: softmax(QKᵀ/√d + аддитивная маска) совпадает с весами модели до {diff}; наибольший вес на [PAD] — {pad}.",
        "zh": "手算第 0 层第 0 个头：softmax(QKᵀ/√d + 加性掩码) 与模型的权重相差不超过 {diff}；[PAD] 上的最大权重为 {pad}。",
    },
    "demo.att.heatmap": {
        "en": "Attention weights of layer {layer}, head {head}, with {n} [PAD]: rows are queries, columns keys",
        "ru": "Веса внимания слоя {layer}, головы {head}, с {n} [PAD]: строки — запросы, столбцы — ключи",
        "zh": "第 {layer} 层第 {head} 个头的注意力权重（{n} 个 [PAD]）：行是查询，列是键",
    },
    "demo.att.explain.1": {
        "en": "The attention mask (1 real, 0 padding) becomes an additive mask: 0 for real keys and a huge negative number for padding (the float32 minimum here, −10000 in the original code), added to the scores before the softmax.",
        "ru": "Маска внимания (1 — реальный токен, 0 — паддинг) превращается в аддитивную: 0 для реальных ключей и огромное отрицательное число для паддинга (здесь минимум float32, в исходном коде −10000), которое прибавляют к оценкам до softmax.",
        "zh": "注意力掩码（真实词元为 1，填充为 0）会变成加性掩码：真实的键加 0，填充加一个极大的负数（这里是 float32 的最小值，原始代码中是 −10000），在 softmax 之前加到分数上。",
    },
    "demo.att.explain.2": {
        "en": "So padding gets ~0 attention weight and the real tokens' outputs do not depend on the amount of padding; without the mask they do.",
        "ru": "Поэтому паддинг получает ~0 веса внимания, и выходы реальных токенов не зависят от количества паддинга; без маски — зависят.",
        "zh": "因此填充得到的注意力权重约为 0，真实词元的输出与填充多少无关；不加掩码就会改变。",
    },
    "demo.att.explain.3": {
        "en": "The [PAD] queries still get rows of weights, but nothing uses their outputs: padding is also left out of the loss (label −100).",
        "ru": "У запросов-[PAD] строки весов тоже есть, но их выходы никто не использует: паддинг исключают и из лосса (метка −100).",
        "zh": "[PAD] 作为查询的那几行仍有权重，但没有人使用这些输出：填充也不计入损失（标签 −100）。",
    },
    # --- end of demos mlm, nsp, embeddings, tokenize, attention ---
    # --- demos cls, token, qa, features (fine-tuning) ---
    "demo.ft.training": {"en": "fine-tuning", "ru": "дообучение", "zh": "微调中"},
    "demo.ft.loss_caption": {
        "en": "Training loss per step: {steps} steps of {batch} examples ({epochs} epochs), AdamW, peak lr {lr}, {seconds} s",
        "ru": "Лосс на обучении по шагам: {steps} шагов по {batch} примеров (эпох: {epochs}), AdamW, пиковый lr {lr}, {seconds} с",
        "zh": "每步的训练损失：{steps} 步，每步 {batch} 个样本（{epochs} 轮），AdamW，峰值学习率 {lr}，用时 {seconds} 秒",
    },
    "demo.ft.heldout_title": {"en": "Held-out accuracy (examples never trained on)", "ru": "Точность на отложенных примерах (на них не обучались)", "zh": "留出集准确率（从未用于训练的样本）"},
    "demo.ft.col.lang": {"en": "language", "ru": "язык", "zh": "语言"},
    "demo.ft.col.n": {"en": "examples", "ru": "примеров", "zh": "样本数"},
    "demo.ft.col.before": {"en": "before", "ru": "до", "zh": "微调前"},
    "demo.ft.col.after": {"en": "after", "ru": "после", "zh": "微调后"},
    "demo.ft.all": {"en": "all", "ru": "все", "zh": "全部"},
    "demo.ft.baselines": {
        "en": "Chance: {chance}. Always “{label}” (the commonest training label): {majority}.",
        "ru": "Случайное угадывание: {chance}. Всегда «{label}» (самая частая метка в обучении): {majority}.",
        "zh": "随机猜测：{chance}。总是猜“{label}”（训练集中最常见的标签）：{majority}。",
    },
    "demo.cls.title": {
        "en": "Fine-tuning [CLS] + a linear layer on {train} labelled sentences ({heldout} held out) · seed {seed}",
        "ru": "Дообучение [CLS] + линейный слой на {train} размеченных предложениях ({heldout} отложено) · seed {seed}",
        "zh": "在 {train} 个标注句子上微调 [CLS] + 线性层（另留出 {heldout} 个）· seed {seed}",
    },
    "demo.cls.label.nlp": {"en": "NLP", "ru": "NLP", "zh": "NLP"},
    "demo.cls.label.food": {"en": "food", "ru": "еда", "zh": "美食"},
    "demo.cls.label.sport": {"en": "sport", "ru": "спорт", "zh": "体育"},
    "demo.cls.label.weather": {"en": "weather", "ru": "погода", "zh": "天气"},
    "demo.cls.yours": {"en": "Your sentence: ", "ru": "Ваше предложение: ", "zh": "你的句子："},
    "demo.cls.explain.1": {
        "en": "C, the final hidden state of [CLS], feeds the only new weights: a K x H layer plus K biases ({head} numbers), then softmax; all {total} parameters are updated. (run_classifier.py puts the NSP-trained pooler, dense + tanh, in between; here C goes straight in.)",
        "ru": "C — финальное скрытое состояние [CLS] — подаётся в единственные новые веса: слой K x H и K смещений (всего чисел: {head}), затем softmax; обновляются все параметры ({total}). (В run_classifier.py между ними стоит обученный на NSP пулер, dense + tanh; здесь C подаётся напрямую.)",
        "zh": "C（[CLS] 的最终隐藏状态）输入唯一新增的权重：一个 K x H 的线性层加 K 个偏置（共 {head} 个数），再做 softmax；全部 {total} 个参数都参与更新。（run_classifier.py 在两者之间还有一个为 NSP 训练的池化层 dense + tanh；这里 C 直接输入。）",
    },
    "demo.cls.explain.2": {
        "en": "Before fine-tuning the new head only guesses; the held-out sentences were never trained on, so the column “after” measures what carries over to new text, not memorisation.",
        "ru": "До дообучения новая голова лишь угадывает; на отложенных предложениях модель не обучалась, поэтому столбец «после» измеряет перенос на новый текст, а не запоминание.",
        "zh": "微调前新加的头只是在猜；留出的句子从未参与训练，所以“微调后”一列衡量的是对新文本的泛化，而不是记忆。",
    },
    "demo.cls.explain.3": {
        "en": "The paper fine-tunes with batch 16 or 32, Adam lr 2e-5 to 5e-5, for 2 to 4 epochs; this tiny model on a tiny set uses a larger rate and more epochs.",
        "ru": "В статье дообучают с батчем 16 или 32, Adam lr от 2e-5 до 5e-5, 2–4 эпохи; маленькой модели на маленьком наборе нужны больший lr и больше эпох.",
        "zh": "论文微调时用批大小 16 或 32、Adam 学习率 2e-5 到 5e-5、训练 2 到 4 轮；这个小模型在小数据集上用了更大的学习率和更多轮数。",
    },
    "demo.token.title": {
        "en": "Token classification: fine-tuning on {train} tagged sentences ({heldout} held out) · seed {seed}",
        "ru": "Классификация токенов: дообучение на {train} размеченных предложениях ({heldout} отложено) · seed {seed}",
        "zh": "词元分类：在 {train} 个标注句子上微调（另留出 {heldout} 个）· seed {seed}",
    },
    "demo.token.alignment": {
        "en": "A held-out sentence: each word's tag goes on its first sub-token; its other sub-tokens and [CLS]/[SEP] get -100, which the loss ignores.",
        "ru": "Отложенное предложение: тег слова ставится на его первый сабтокен; остальные сабтокены и [CLS]/[SEP] получают -100, и лосс их не учитывает.",
        "zh": "一个留出句子：每个词的标签放在它的第一个子词上；其余子词和 [CLS]/[SEP] 的标签是 -100，损失会忽略它们。",
    },
    "demo.token.yours": {
        "en": "Your sentence: the tag of each word is read at its first sub-token (· = not read).",
        "ru": "Ваше предложение: тег каждого слова берётся с его первого сабтокена (· — не используется).",
        "zh": "你的句子：每个词的标签取自它的第一个子词（· 表示不读取）。",
    },
    "demo.token.characters": {
        "en": "Chinese without spaces: each character is taken as a word. The training sentences have spaces between words (张伟 在 北京 工作); write yours so to tag whole words.",
        "ru": "Китайский текст без пробелов: каждый иероглиф считается словом. В обучающих предложениях слова разделены пробелами (张伟 在 北京 工作); напишите так же, чтобы размечать целые слова.",
        "zh": "中文没有空格时，每个字都被当作一个词。训练句子的词之间有空格（张伟 在 北京 工作）；这样写，才能按整词打标签。",
    },
    "demo.token.example": {"en": "A sentence not in the data:", "ru": "Предложение не из набора:", "zh": "一个不在数据集里的句子："},
    "demo.token.row.word": {"en": "word", "ru": "слово", "zh": "词"},
    "demo.token.row.label": {"en": "label", "ru": "метка", "zh": "标签"},
    "demo.token.row.predicted": {"en": "predicted", "ru": "предсказано", "zh": "预测"},
    "demo.token.heldout_title": {"en": "Held-out sentences (never trained on)", "ru": "Отложенные предложения (на них не обучались)", "zh": "留出句子（从未用于训练）"},
    "demo.token.col.words": {"en": "words / entities", "ru": "слов / сущностей", "zh": "词 / 实体"},
    "demo.token.col.acc": {"en": "word acc.", "ru": "точн. по словам", "zh": "词准确率"},
    "demo.token.col.majority": {"en": "all O: acc. / F1", "ru": "всё O: точн. / F1", "zh": "全 O：准确率 / F1"},
    "demo.token.columns": {
        "en": "F1: entities whose span and type both match. “All O” tags every word O, the commonest tag; “before”: the new head, untrained.",
        "ru": "F1 — по сущностям, у которых совпали и границы, и тип. «Всё O» ставит каждому слову самый частый тег O; «до» — новая голова без обучения.",
        "zh": "F1：按实体计算，边界和类型都对才算对。“全 O”给每个词打最常见的标签 O；“微调前”是未训练的新分类头。",
    },
    "demo.token.explain.1": {
        "en": "The new head is one linear layer applied to every token's final hidden state ({head} weights for 7 BIO tags); the whole encoder is fine-tuned with it.",
        "ru": "Новая голова — один линейный слой, применённый к финальному скрытому состоянию каждого токена (7 BIO-тегов, весов: {head}); весь энкодер дообучается вместе с ней.",
        "zh": "新加的头是一个作用在每个词元最终隐藏状态上的线性层（7 个 BIO 标签，共 {head} 个权重）；整个编码器与它一起微调。",
    },
    "demo.token.explain.2": {
        "en": "For NER the paper feeds the representation of the first sub-token of each word to the classifier, with no CRF; the label -100 keeps the other sub-tokens out of the loss.",
        "ru": "Для NER в статье в классификатор подаётся представление первого сабтокена каждого слова, без CRF; метка -100 исключает остальные сабтокены из лосса.",
        "zh": "论文做 NER 时把每个词第一个子词的表示送入分类器，不用 CRF；标签 -100 让其余子词不进入损失。",
    },
    "demo.token.explain.3": {
        "en": "Most words are O, so word accuracy looks high even for a tagger that finds nothing: compare with “all O”, and judge by entity F1.",
        "ru": "Большинство слов — O, поэтому точность по словам высока даже у разметчика, который ничего не находит: сравнивайте со «всё O» и смотрите на F1 по сущностям.",
        "zh": "大多数词是 O，所以即使什么实体都找不到，词准确率也会很高：要和“全 O”比，并以实体 F1 为准。",
    },
    "demo.qa.title": {
        "en": "Span extraction: fine-tuning on {train} questions ({heldout} held out) · seed {seed}",
        "ru": "Извлечение спана: дообучение на {train} вопросах ({heldout} отложено) · seed {seed}",
        "zh": "片段抽取：在 {train} 个问题上微调（另留出 {heldout} 个）· seed {seed}",
    },
    "demo.qa.row.start": {"en": "start", "ru": "начало", "zh": "起点"},
    "demo.qa.row.end": {"en": "end", "ru": "конец", "zh": "终点"},
    "demo.qa.best": {
        "en": "Best passage span with end >= start: {span}, score start + end = {score}. No answer (start = end = [CLS]): s_null = {null}. Rule: no answer if s_null > best + {tau}.",
        "ru": "Лучший спан отрывка с end >= start: {span}, счёт начало + конец = {score}. «Нет ответа» (начало = конец = [CLS]): s_null = {null}. Правило: нет ответа, если s_null > лучший + {tau}.",
        "zh": "满足 end >= start 的最佳段落片段：{span}，得分 起点 + 终点 = {score}。无答案（起点 = 终点 = [CLS]）：s_null = {null}。规则：若 s_null > 最佳 + {tau}，则判为无答案。",
    },
    "demo.qa.grid": {
        "en": "Start and end logits of [CLS] and the passage tokens (the question's tokens are not candidates):",
        "ru": "Логиты начала и конца для [CLS] и токенов отрывка (токены вопроса — не кандидаты):",
        "zh": "[CLS] 与段落词元的起点、终点 logits（问题中的词元不作候选）：",
    },
    "demo.qa.quoted": {"en": "“{text}”", "ru": "«{text}»", "zh": "“{text}”"},
    "demo.qa.no_answer": {"en": "no answer", "ru": "нет ответа", "zh": "无答案"},
    "demo.qa.verdict": {"en": "Model: {said} · gold: {gold}", "ru": "Модель: {said} · эталон: {gold}", "zh": "模型：{said} · 标准答案：{gold}"},
    "demo.qa.said": {"en": "Model: {said}", "ru": "Модель: {said}", "zh": "模型：{said}"},
    "demo.qa.marks": {
        "en": "In colour, reversed: the model's choice (at [CLS] for “no answer”); bold: the gold start and end ([CLS] when there is no answer).",
        "ru": "В цвете инверсией — выбор модели (на [CLS] при «нет ответа»); жирным — эталонные начало и конец ([CLS], если ответа нет).",
        "zh": "彩色显示时，反色 = 模型的选择（“无答案”时在 [CLS]）；粗体 = 标准答案的起点和终点（无答案时为 [CLS]）。",
    },
    "demo.qa.heldout_title": {"en": "Held-out exact match (passages never trained on)", "ru": "Точное совпадение на отложенных отрывках (на них не обучались)", "zh": "留出集精确匹配（从未用于训练的段落）"},
    "demo.qa.col.has": {"en": "has answer", "ru": "есть ответ", "zh": "有答案"},
    "demo.qa.col.none": {"en": "no answer", "ru": "нет ответа", "zh": "无答案"},
    "demo.qa.col.always_none": {"en": "always “no answer”", "ru": "всегда «нет ответа»", "zh": "总答“无答案”"},
    "demo.qa.columns": {
        "en": "EM: the predicted text equals the gold answer (lower case, no punctuation), or both are “no answer”. “Has answer” / “no answer”: EM over those questions alone. “Before”: the new head, untrained.",
        "ru": "EM — предсказанный текст совпал с эталоном (без регистра и пунктуации) или оба — «нет ответа». «Есть ответ» / «нет ответа» — EM только по таким вопросам. «До» — новая голова без обучения.",
        "zh": "EM：预测文本与标准答案一致（忽略大小写和标点），或两者都是“无答案”。“有答案”/“无答案”：只在这类问题上算的 EM。“微调前”：未训练的新头。",
    },
    "demo.qa.explain.1": {
        "en": "The only new weights are a start vector S and an end vector E ({head} numbers): P(start = i) is a softmax over S·T_i, and training minimises the mean of the start and end cross-entropies.",
        "ru": "Новые веса — только вектор начала S и вектор конца E (всего чисел: {head}): P(start = i) — softmax по S·T_i, а обучение минимизирует среднее кросс-энтропий начала и конца.",
        "zh": "新增的权重只有起点向量 S 和终点向量 E（共 {head} 个数）：P(start = i) 是对 S·T_i 的 softmax，训练最小化起点与终点交叉熵的平均值。",
    },
    "demo.qa.explain.2": {
        "en": "A span scores S·T_i + E·T_j and must have j >= i (and a bounded length); start and end are predicted separately, so the two best positions alone could be out of order.",
        "ru": "Спан оценивается как S·T_i + E·T_j при j >= i (и ограниченной длине); начало и конец предсказываются отдельно, поэтому две лучшие позиции сами по себе могли бы идти не по порядку.",
        "zh": "片段得分为 S·T_i + E·T_j，且要求 j >= i（长度有上限）；起点和终点是分别预测的，单独取各自最高的位置可能顺序颠倒。",
    },
    "demo.qa.explain.3": {
        "en": "SQuAD 2.0: an unanswerable question is trained to point at [CLS]; the model says “no answer” when s_null = S·C + E·C exceeds the best span's score by more than tau (tuned on dev in the paper).",
        "ru": "SQuAD 2.0: вопрос без ответа учат указывать на [CLS]; модель говорит «нет ответа», когда s_null = S·C + E·C больше счёта лучшего спана более чем на tau (в статье tau подбирают на dev).",
        "zh": "SQuAD 2.0：无答案的问题被训练成指向 [CLS]；当 s_null = S·C + E·C 比最佳片段得分高出 tau 以上时，模型回答“无答案”（论文在验证集上调 tau）。",
    },
    "demo.features.title": {
        "en": "Feature-based against fine-tuning: {train} labelled sentences ({heldout} held out), {steps} steps of {batch} for each · seed {seed}",
        "ru": "Feature-based против дообучения: {train} размеченных предложений ({heldout} отложено), по {steps} шагов по {batch} для каждого · seed {seed}",
        "zh": "基于特征对比微调：{train} 个标注句子（另留出 {heldout} 个），每种方式各训练 {steps} 步、每步 {batch} 个 · seed {seed}",
    },
    "demo.features.table": {"en": "Held-out accuracy (sentences never trained on):", "ru": "Точность на отложенных предложениях (на них не обучались):", "zh": "留出集准确率（从未用于训练的句子）："},
    "demo.features.col.setup": {"en": "setup", "ru": "вариант", "zh": "方式"},
    "demo.features.col.trainable": {"en": "trained params", "ru": "обуч. парам.", "zh": "可训练参数"},
    "demo.features.col.seconds": {"en": "s", "ru": "с", "zh": "秒"},
    "demo.features.setup.last": {"en": "frozen, last [CLS]", "ru": "заморозка, [CLS] посл.", "zh": "冻结，末层 [CLS]"},
    "demo.features.setup.last4": {"en": "frozen, last 4 [CLS]", "ru": "заморозка, [CLS] 4 посл.", "zh": "冻结，末 4 层 [CLS]"},
    "demo.features.setup.full": {"en": "fine-tuned, all", "ru": "дообучено всё", "zh": "全量微调"},
    "demo.features.losses": {"en": "Training loss, first step → last:", "ru": "Лосс на обучении, от первого шага к последнему:", "zh": "训练损失，从第一步到最后一步："},
    "demo.features.notes": {
        "en": "Frozen rows: a linear layer on {h} numbers (the last layer's [CLS]) or {d} (the last four layers' [CLS], concatenated); the encoder's {frozen} parameters are not trained. Its features take {extract} s to compute, once; that is included in both frozen times.",
        "ru": "Строки с заморозкой: линейный слой на {h} числах ([CLS] последнего слоя) или на {d} ([CLS] четырёх последних слоёв подряд); {frozen} параметров энкодера не обучаются. Признаки считаются один раз, за {extract} с; это время входит в оба времени с заморозкой.",
        "zh": "冻结的两行：线性层的输入是 {h} 个数（末层的 [CLS]）或 {d} 个数（最后四层的 [CLS] 拼接）；编码器的 {frozen} 个参数不训练。特征只算一次，用时 {extract} 秒，已计入两个冻结方式的时间。",
    },
    "demo.features.explain.1": {
        "en": "Feature-based (as with ELMo): the pre-trained weights stay fixed and only a task head is trained; fine-tuning (BERT, GPT) updates every weight with a minimal head.",
        "ru": "Feature-based (как с ELMo): предобученные веса не меняются, обучается только голова задачи; при дообучении (BERT, GPT) обновляются все веса, а голова минимальна.",
        "zh": "基于特征（如 ELMo）：预训练权重固定不变，只训练任务头；微调（BERT、GPT）则用一个极小的头更新全部权重。",
    },
    "demo.features.explain.2": {
        "en": "In §5.3 (CoNLL-2003 NER) concatenating the last four layers of a frozen BERT-BASE reached 96.1 dev F1 against 96.4 for fine-tuning, but fed a two-layer BiLSTM, not one linear layer as here.",
        "ru": "В §5.3 (NER на CoNLL-2003) конкатенация четырёх последних слоёв замороженного BERT-BASE дала 96.1 F1 на dev против 96.4 у дообучения, но поверх неё была двухслойная BiLSTM, а не один линейный слой, как здесь.",
        "zh": "论文 §5.3（CoNLL-2003 NER）中，冻结的 BERT-BASE 拼接最后四层得到 dev F1 96.1，微调为 96.4；但那里特征后面接的是两层 BiLSTM，而不是这里的单个线性层。",
    },
    "demo.features.explain.3": {
        "en": "Feature-based pays off when the task needs its own architecture, or when features computed once feed many cheap experiments; a raw [CLS] vector is not a meaningful sentence representation without fine-tuning.",
        "ru": "Feature-based оправдан, когда задаче нужна своя архитектура или когда признаки, посчитанные один раз, питают много дешёвых экспериментов; сырой вектор [CLS] без дообучения — не осмысленное представление предложения.",
        "zh": "当任务需要自己的结构，或一次算好的特征要支撑许多廉价实验时，基于特征的方法更划算；未经微调的 [CLS] 原始向量并不是有意义的句子表示。",
    },
    # --- end of demos cls, token, qa, features ---
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
