"""Each grader and each trap a keyword grader falls into, in the three languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bertquiz.bank.bank import Bank
from bertquiz.bank.loader import load_entries
from bertquiz.bank.question import (
    BoolQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    MultiQuestion,
    NumericQuestion,
    OrderQuestion,
)
from bertquiz.grading.grade import grade, suggested_rating
from bertquiz.grading.result import Grade, Verdict

DATA = Path(__file__).parent / "data"
COMMON = dict(difficulty=1, prompt="p", explanation="e", sources=["s"])


@pytest.fixture(scope="module")
def bank() -> Bank:
    entries, problems = load_entries(sorted(DATA.glob("grading_bank*.yaml")))
    assert not problems
    return Bank(entries)


def verdict(bank: Bank, qid: str, lang: str, answer: str) -> Grade:
    return grade(bank.get(qid, lang).question, answer, lang)


# ---- closed types ---------------------------------------------------------------------------

CHOICE = ChoiceQuestion(id="c", type="choice", options=["[SEP]", "[CLS]", "[MASK]"], answer="B", **COMMON)


@pytest.mark.parametrize("answer", ["B", "b", "b)", " B. ", "2", "[CLS]", "cls", "в"])
def test_choice_accepts_letter_number_text_and_cyrillic_homoglyph(answer):
    assert grade(CHOICE, answer, "en").verdict is Verdict.CORRECT


@pytest.mark.parametrize("answer", ["A", "3", "[MASK]", "A B"])
def test_choice_wrong(answer):
    g = grade(CHOICE, answer, "en")
    assert g.verdict is Verdict.WRONG and g.missed[0].id == "B"


def test_choice_unreadable_says_so():
    g = grade(CHOICE, "the first one I guess", "en")
    assert g.verdict is Verdict.WRONG and "unparsed" in g.notes and "one letter" in g.feedback


MULTI = MultiQuestion(id="m", type="multi", options=["a", "b", "c", "d"], answer=["A", "C"], **COMMON)


@pytest.mark.parametrize(
    ("answer", "score"),
    [("A C", 1.0), ("c,a", 1.0), ("ac", 1.0), ("1 3", 1.0), ("A", 0.5), ("A B C", 0.5), ("A B", 0.0), ("B D", 0.0), ("A B C D", 0.0)],
)
def test_multi_partial_credit_and_wrong_picks_cost(answer, score):
    assert grade(MULTI, answer, "en").score == pytest.approx(score)


BOOL = BoolQuestion(id="b", type="bool", answer=False, **COMMON)


@pytest.mark.parametrize(("answer", "lang"), [("false", "en"), ("No", "en"), ("нет", "ru"), ("Неверно", "ru"), ("错", "zh"), ("不对", "zh"), ("否", "zh")])
def test_bool_false_in_every_language(answer, lang):
    assert grade(BOOL, answer, lang).verdict is Verdict.CORRECT


@pytest.mark.parametrize(("answer", "lang"), [("true", "en"), ("да", "ru"), ("верно", "ru"), ("对", "zh"), ("是", "zh")])
def test_bool_true_is_wrong_here(answer, lang):
    g = grade(BOOL, answer, lang)
    assert g.verdict is Verdict.WRONG
    assert {"en": "false", "ru": "неверно", "zh": "错"}[lang] in g.feedback


NUMERIC = NumericQuestion(id="n", type="numeric", answer=15, unit="%", **COMMON)


@pytest.mark.parametrize(
    ("answer", "lang"), [("15", "en"), ("15%", "en"), ("15 %", "en"), ("0.15", "en"), ("fifteen percent", "en"), ("15 процентов", "ru"), ("пятнадцать процентов", "ru"), ("0,15", "ru"), ("百分之十五", "zh"), ("15％", "zh")]
)
def test_numeric_accepts_the_forms_people_write(answer, lang):
    assert grade(NUMERIC, answer, lang).verdict is Verdict.CORRECT


@pytest.mark.parametrize("answer", ["80", "12%", "15 or 80", "many"])
def test_numeric_wrong_or_ambiguous(answer):
    assert grade(NUMERIC, answer, "en").verdict is Verdict.WRONG


def test_numeric_tolerance():
    q = NumericQuestion(id="n2", type="numeric", answer=110, tolerance=5, **COMMON)
    assert grade(q, "about 110 million", "en").verdict is Verdict.CORRECT
    assert grade(q, "114", "en").verdict is Verdict.CORRECT
    assert grade(q, "340", "en").verdict is Verdict.WRONG


CLOZE = ClozeQuestion(id="z", type="cloze", prompt="___% get [MASK], ___ is the first token", answer=[["80"], ["[CLS]", "CLS"]], **{k: v for k, v in COMMON.items() if k != "prompt"})


@pytest.mark.parametrize(("answer", "score"), [("80; [CLS]", 1.0), ("80 ; cls", 1.0), ("80%；CLS", 1.0), ("80 CLS", 1.0), ("80; SEP", 0.5), ("15; [CLS]", 0.5), ("", 0.0)])
def test_cloze_blanks_normalised_with_partial_credit(answer, score):
    assert grade(CLOZE, answer, "en").score == pytest.approx(score)


ORDER = OrderQuestion(id="o", type="order", answer=["first", "second", "third", "fourth"], **COMMON)


def _numbers_for(order: list[int]) -> str:
    shown = ORDER.shown_order()
    return " ".join(str(shown.index(i) + 1) for i in order)


def test_order_right_order_is_correct():
    assert grade(ORDER, _numbers_for([0, 1, 2, 3]), "en").score == 1.0


def test_order_partial_credit_by_pairs():
    g = grade(ORDER, _numbers_for([1, 0, 2, 3]), "en")  # one swapped pair of six
    assert g.score == pytest.approx(5 / 6) and g.verdict is Verdict.PARTIAL  # right only when all in order
    assert grade(ORDER, _numbers_for([3, 2, 1, 0]), "en").score == 0.0


@pytest.mark.parametrize("answer", ["1 2 3", "1 1 2 3", "a b c d", "1 2 3 4 5"])
def test_order_needs_each_number_once(answer):
    g = grade(ORDER, answer, "en")
    assert g.verdict is Verdict.WRONG and "unparsed" in g.notes


# ---- free text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("en", "BERT uses learned position embeddings: a trainable vector for each of the 512 positions, added to the token and segment embeddings."),
        ("en", "Positions are learnd parametres (typos), 512 of them, summed with token embedings."),
        ("ru", "В BERT позиционные эмбеддинги обучаемые: для каждой из 512 позиций свой вектор, он складывается с эмбеддингами токена и сегмента."),
        ("ru", "Позиционные эмбединги учатся вместе с моделью, их 512, и они суммируются с токенными."),
        ("zh", "BERT 使用可学习的位置嵌入，每个位置一个向量，最多 512 个，和词嵌入、段嵌入相加。"),
    ],
)
def test_open_correct_answers_in_three_languages(bank, lang, answer):
    g = verdict(bank, "g-position", lang, answer)
    assert g.verdict is Verdict.CORRECT, g.feedback


@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("en", "Position embeddings are not learned; they are fixed. They are added to token embeddings, up to 512."),
        ("ru", "Позиционные эмбеддинги не обучаемые, они фиксированные; складываются с токенными, максимум 512."),
        ("ru", "Позиционные эмбеддинги необучаемые, складываются с токенными, их 512."),
        ("zh", "位置嵌入不是可学习的，和词嵌入相加，最多 512 个。"),
    ],
)
def test_open_negation_is_not_the_key_point(bank, lang, answer):
    g = verdict(bank, "g-position", lang, answer)
    assert g.verdict is not Verdict.CORRECT
    assert any(c.id == "not-learned" for c in g.contradictions), g.contradictions


@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("en", "BERT does not use sinusoidal encodings; its 512 position embeddings are learned and added to the token embeddings."),
        ("ru", "Не синусоидальные, а обучаемые позиционные эмбеддинги, 512 штук, складываются с токенными."),
        ("zh", "BERT 不用正弦编码，位置嵌入是可学习的，共 512 个，与词嵌入相加。"),
    ],
)
def test_open_negated_myth_is_not_a_contradiction(bank, lang, answer):
    g = verdict(bank, "g-position", lang, answer)
    assert g.verdict is Verdict.CORRECT, g.feedback
    assert not g.contradictions


@pytest.mark.parametrize(
    ("lang", "answer"),
    [
        ("en", "Like the original Transformer, BERT uses sinusoidal position encodings added to the token embeddings, 512 positions."),
        ("ru", "Позиции кодируются синусами и косинусами, как в трансформере, и складываются с эмбеддингами токенов."),
        ("zh", "BERT 使用正弦和余弦位置编码，与词嵌入相加。"),
    ],
)
def test_open_myth_is_a_contradiction(bank, lang, answer):
    g = verdict(bank, "g-position", lang, answer)
    assert g.verdict is not Verdict.CORRECT
    assert "sinusoidal" in [c.id for c in g.contradictions]


def test_open_wrong_number_in_the_role(bank):
    g = verdict(bank, "g-rate", "en", "BERT masks 80% of the tokens, and of those 10% are random and 10% unchanged.")
    assert g.verdict is not Verdict.CORRECT
    assert any(c.id == "number-rate" for c in g.contradictions)
    assert "Wrong number" in g.feedback


def test_open_right_numbers_in_the_right_roles(bank):
    g = verdict(bank, "g-rate", "en", "15% of the token positions are chosen; 80% of those get [MASK], 10% a random token and 10% stay the same.")
    assert g.verdict is Verdict.CORRECT, g.feedback


def test_open_swapped_roles_are_contradictions(bank):
    g = verdict(bank, "g-roles", "en", "In the feature-based approach we train all the weights, and fine-tuning keeps them frozen.")
    assert g.verdict is Verdict.WRONG
    assert {c.id for c in g.contradictions} >= {"swapped-feature", "swapped-finetune"}
    right = verdict(bank, "g-roles", "en", "The feature-based approach keeps BERT frozen and trains a separate model on its features, while fine-tuning updates all weights end to end.")
    assert right.verdict is Verdict.CORRECT, right.feedback


@pytest.mark.parametrize(
    ("lang", "answer"),
    [("en", "learned, position, embeddings, 512, added"), ("ru", "обучаемые, позиционные, 512, сумма"), ("zh", "可学习、位置、512、相加"), ("en", "learned")],
)
def test_open_bare_keyword_list_is_not_an_answer(bank, lang, answer):
    g = verdict(bank, "g-position", lang, answer)
    assert g.verdict is Verdict.WRONG
    assert "keyword-list" in g.notes


@pytest.mark.parametrize(("lang", "answer", "note"), [
    ("en", "", "empty"), ("ru", "   \n ", "empty"), ("zh", "。。", "empty"),
    ("en", "I had pasta for lunch and then went for a long walk in the park.", "off-topic"),
    ("ru", "Сегодня хорошая погода, и мы пошли гулять в парк.", "off-topic"),
    ("zh", "今天天气很好，我们去公园散步了。", "off-topic"),
    ("ru", "BERT uses learned position embeddings added to token embeddings.", "other-language"),
    ("en", "Позиционные эмбеддинги обучаемые.", "other-language"),
    ("zh", "Position embeddings are learned.", "other-language"),
])  # fmt: skip
def test_open_empty_off_topic_and_other_language_say_so(bank, lang, answer, note):
    g = verdict(bank, "g-position", lang, answer)
    assert g.verdict is Verdict.WRONG
    assert note in g.notes
    from bertquiz.i18n import t

    assert t(f"note.{note}", lang) in g.feedback


def test_feedback_names_hits_and_misses_in_the_answer_language(bank):
    g = verdict(bank, "g-position", "ru", "Позиционные эмбеддинги обучаемые и складываются с эмбеддингами токенов.")
    assert g.verdict is Verdict.PARTIAL
    assert [p.id for p in g.hit] == ["learned", "added"] and [p.id for p in g.missed] == ["max-len"]
    assert g.feedback.startswith("Частично верно.") and "Не хватает: их 512" in g.feedback


def test_huge_paste_is_graded_without_crashing(bank):
    g = verdict(bank, "g-position", "en", "position embeddings are learned. " * 40_000 + "🙂" * 1000)
    assert g.verdict in set(Verdict)


def test_grade_round_trips_through_dict(bank):
    g = verdict(bank, "g-position", "en", "They are sinusoidal and learned, 512 of them.")
    assert Grade.from_dict(json.loads(json.dumps(g.to_dict()))) == Grade.from_dict(g.to_dict())
    assert Grade.from_dict(g.to_dict()).verdict is g.verdict


@pytest.mark.parametrize(("v", "rating"), [(Verdict.WRONG, 1), (Verdict.PARTIAL, 2), (Verdict.CORRECT, 3)])
def test_suggested_rating(v, rating):
    assert suggested_rating(Grade(score=0.5, verdict=v)) == rating


# ---- the command ----------------------------------------------------------------------------


def test_grade_command_json(invoke):
    result = invoke("grade", "mlm-mask-rate", "--lang", "ru", "--answer", "пятнадцать процентов", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["verdict"] == "correct" and data["score"] == 1.0 and data["lang"] == "ru"


def test_grade_command_panel(invoke):
    result = invoke("grade", "mlm-mask-rate", "--lang", "en", "--answer", "80")
    assert result.exit_code == 0
    assert "Not right" in result.stdout


def test_grade_file_grades_good_lines_and_reports_bad_ones(invoke, tmp_path):
    path = tmp_path / "answers.jsonl"
    lines = [
        {"id": "mlm-mask-rate", "lang": "en", "answer": "15%"},
        {"id": "no-such-id", "lang": "en", "answer": "x"},
        "not json",
        {"id": "mlm-mask-rate", "lang": "fr", "answer": "15"},
        {"id": "mlm-mask-rate", "lang": "zh", "answer": "百分之八十"},
    ]
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    result = invoke("grade", "--file", str(path), "--json")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(o["id"], o["verdict"]) for o in out] == [("mlm-mask-rate", "correct"), ("mlm-mask-rate", "wrong")]
    assert {"score", "verdict", "hit", "missed", "contradictions"} <= set(out[0])
    err = result.stderr
    assert f"{path}:2: no question with id 'no-such-id'" in err
    assert f"{path}:3: " in err and f"{path}:4: unknown language 'fr'" in err


def test_grade_command_needs_an_answer(invoke):
    result = invoke("grade", "mlm-mask-rate")
    assert result.exit_code == 1 and "--answer" in result.stderr
