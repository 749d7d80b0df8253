"""The question types of a bank, as pydantic models (one per `type:`).

A bank file holds questions of one language and one topic. Fields that do not depend on the
language (the answer of a choice, a numeric value, key-point ids, ...) must agree across the
languages of a question; each model says which in `neutral()`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, field_validator, model_validator

from bertquiz.bank.constants import CLOZE_BLANK, DEMO_NAMES, LANGS, MYTH_TAG, letter
from bertquiz.bank.shuffle import shown_order

# YAML folds a line break inside a `>-` block into a space, which is wrong between two Chinese
# characters; such a space is never meant, so prose fields drop it.
_CJK_SPACE = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")


def _join_cjk(text: str) -> str:
    return _CJK_SPACE.sub("", text)


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=8000), AfterValidator(_join_cjk)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=400), AfterValidator(_join_cjk)]
Letter = Annotated[str, StringConstraints(pattern=r"^[A-H]$")]
DemoName = Literal[DEMO_NAMES]  # type: ignore[valid-type]
Lang = Literal[LANGS]  # type: ignore[valid-type]

_BLANK_RE = re.compile(re.escape(CLOZE_BLANK) + "+")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Option(_Strict):
    """An option of a choice/multi question; `why` says why a distractor is wrong (or right)."""

    text: Short
    why: Text | None = None


def _options_from_strings(value: Any) -> Any:
    # options may be written as plain strings or as {text, why} mappings
    if isinstance(value, list):
        return [{"text": v} if isinstance(v, str) else v for v in value]
    return value


class Pattern(_Strict):
    """How a key point (or a wrong claim) shows up in a free-text answer.

    `match` lists alternatives; one matching alternative is enough. An alternative is a
    string of terms separated by spaces, all of which must occur in the same sentence:
      - a term is one or more variants separated by `|` (`mask|маск`); a variant matches a
        word that starts with it once both are normalised and stemmed, with typo tolerance;
      - `_` joins words into one multi-word variant (`next_sentence`);
      - a number (`15`, `15%`, `0.15`) matches the same value written in any form
        (`15 %`, `fifteen percent`, `пятнадцать процентов`, `百分之十五`);
      - in Chinese, variants are matched as substrings (`掩码|遮盖`);
      - a term preceded by a negation in the answer ("not", «не», 不/没) does not match,
        unless the alternative itself contains the negation.
    """

    id: Slug
    text: Text
    match: list[Annotated[str, StringConstraints(min_length=1, max_length=300)]] = Field(min_length=1)
    weight: float = Field(default=1.0, gt=0, le=10)


class KeyPoint(Pattern):
    """A point a good answer makes; `text` is shown as what was right or missing."""


class Contradiction(Pattern):
    """A wrong claim; an answer that makes it is marked down and told why (`text`)."""


class _Question(_Strict):
    id: Slug
    difficulty: int = Field(ge=1, le=3, description="1 basic, 2 intermediate, 3 advanced")
    tags: list[Slug] = Field(default_factory=list)
    prompt: Text
    explanation: Text
    sources: list[Short] = Field(min_length=1, description="paper sections, code files")
    demo: DemoName | None = None
    myth: Text | None = Field(default=None, description="the circulating error this question refutes")
    covers: list[Slug] = Field(default_factory=list, description="ids in docs/seed-questions.yaml")

    @model_validator(mode="after")
    def _myth_needs_statement(self) -> _Question:
        if (MYTH_TAG in self.tags) != (self.myth is not None):
            raise ValueError(f"a question tagged '{MYTH_TAG}' must state the myth in 'myth', and only such a one")
        return self

    def neutral(self) -> dict[str, Any]:
        """Fields that must be equal in every language of this question."""
        return {
            "type": self.type,  # type: ignore[attr-defined]
            "difficulty": self.difficulty,
            "tags": sorted(self.tags),
            "demo": self.demo,
            "covers": sorted(self.covers),
        }

    def reference_answer(self) -> str:
        """The answer as a person would write it, for display."""
        raise NotImplementedError


class ChoiceQuestion(_Question):
    """One right option among several; distractors are real misconceptions."""

    type: Literal["choice"]
    options: list[Option] = Field(min_length=2, max_length=8)
    answer: Letter

    _split_options = field_validator("options", mode="before")(_options_from_strings)

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> ChoiceQuestion:
        if ord(self.answer) - ord("A") >= len(self.options):
            raise ValueError(f"answer '{self.answer}' is not one of the {len(self.options)} options")
        return self

    def neutral(self) -> dict[str, Any]:
        return super().neutral() | {"answer": self.answer, "options": len(self.options)}

    def reference_answer(self) -> str:
        return f"{self.answer}. {self.options[ord(self.answer) - 65].text}"


class MultiQuestion(_Question):
    """Select all options that apply."""

    type: Literal["multi"]
    options: list[Option] = Field(min_length=3, max_length=8)
    answer: list[Letter] = Field(min_length=1)

    _split_options = field_validator("options", mode="before")(_options_from_strings)

    @model_validator(mode="after")
    def _answers_are_options(self) -> MultiQuestion:
        for a in self.answer:
            if ord(a) - ord("A") >= len(self.options):
                raise ValueError(f"answer '{a}' is not one of the {len(self.options)} options")
        if len(set(self.answer)) != len(self.answer):
            raise ValueError("answer lists an option twice")
        return self

    def neutral(self) -> dict[str, Any]:
        return super().neutral() | {"answer": sorted(self.answer), "options": len(self.options)}

    def reference_answer(self) -> str:
        return "; ".join(f"{a}. {self.options[ord(a) - 65].text}" for a in sorted(self.answer))


class BoolQuestion(_Question):
    """A statement that is true or false."""

    type: Literal["bool"]
    answer: bool

    def neutral(self) -> dict[str, Any]:
        return super().neutral() | {"answer": self.answer}

    def reference_answer(self) -> str:
        return "true" if self.answer else "false"


class NumericQuestion(_Question):
    """A number, right within `tolerance`; `unit` is shown after the input ("%", "tokens")."""

    type: Literal["numeric"]
    answer: float
    tolerance: float = Field(default=0.0, ge=0)
    unit: Annotated[str, StringConstraints(max_length=40)] | None = None

    def neutral(self) -> dict[str, Any]:
        return super().neutral() | {"answer": self.answer, "tolerance": self.tolerance}

    def reference_answer(self) -> str:
        value = f"{self.answer:g}"
        return f"{value} {self.unit}".strip() if self.unit else value


class ClozeQuestion(_Question):
    """A prompt with blanks (`___`); `answer` lists the accepted fillings of each blank."""

    type: Literal["cloze"]
    answer: list[list[Short]] = Field(min_length=1)

    @field_validator("answer", mode="before")
    @classmethod
    def _single_strings(cls, value: Any) -> Any:
        # a blank with a single accepted answer may be written as a plain string or number
        if isinstance(value, list):
            return [[str(x) for x in v] if isinstance(v, list) else [str(v)] for v in value]
        return value

    @model_validator(mode="after")
    def _one_answer_per_blank(self) -> ClozeQuestion:
        blanks = len(_BLANK_RE.findall(self.prompt))
        if blanks != len(self.answer):
            raise ValueError(f"prompt has {blanks} blank(s) '{CLOZE_BLANK}' but answer lists {len(self.answer)}")
        for i, accepted in enumerate(self.answer, 1):
            if not accepted:
                raise ValueError(f"blank {i} has no accepted answer")
        return self

    @property
    def blanks(self) -> int:
        return len(self.answer)

    def neutral(self) -> dict[str, Any]:
        return super().neutral() | {"blanks": self.blanks}

    def reference_answer(self) -> str:
        return " / ".join(accepted[0] for accepted in self.answer)


class OrderQuestion(_Question):
    """Steps to put in order; `answer` lists them in the right order (shown shuffled)."""

    type: Literal["order"]
    answer: list[Short] = Field(min_length=3, max_length=10)

    @model_validator(mode="after")
    def _distinct_steps(self) -> OrderQuestion:
        if len(set(self.answer)) != len(self.answer):
            raise ValueError("two steps have the same text")
        return self

    def neutral(self) -> dict[str, Any]:
        return super().neutral() | {"steps": len(self.answer)}

    def shown_order(self) -> list[int]:
        """The permutation in which the steps are shown (see `shuffle.shown_order`)."""
        return shown_order(self.id, len(self.answer))

    def shown_steps(self) -> list[str]:
        return [self.answer[i] for i in self.shown_order()]

    def reference_answer(self) -> str:
        return " → ".join(self.answer)


class OpenQuestion(_Question):
    """A free-text answer, graded against key points and known wrong claims."""

    type: Literal["open"]
    answer: Text
    key_points: list[KeyPoint] = Field(min_length=1, max_length=12)
    contradictions: list[Contradiction] = Field(default_factory=list, max_length=12)

    @model_validator(mode="after")
    def _unique_pattern_ids(self) -> OpenQuestion:
        ids = [p.id for p in [*self.key_points, *self.contradictions]]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"key point / contradiction id used twice: {', '.join(dupes)}")
        return self

    def neutral(self) -> dict[str, Any]:
        return super().neutral() | {
            "key_points": [(k.id, k.weight) for k in self.key_points],
            "contradictions": sorted(c.id for c in self.contradictions),
        }

    def reference_answer(self) -> str:
        return self.answer


Question = Annotated[
    Union[ChoiceQuestion, MultiQuestion, BoolQuestion, NumericQuestion, ClozeQuestion, OrderQuestion, OpenQuestion],
    Field(discriminator="type"),
]


@cache
def question_adapter() -> TypeAdapter[Question]:
    """Validates one question given as plain data (any of the seven types)."""
    return TypeAdapter(Question)


class BankFile(_Strict):
    """One YAML file: the questions of one language on one topic."""

    lang: Lang = Field(description="ru, zh or en")
    topic: Slug
    questions: list[Question] = Field(min_length=1)


__all__ = [
    "BankFile",
    "BoolQuestion",
    "ChoiceQuestion",
    "ClozeQuestion",
    "Contradiction",
    "KeyPoint",
    "MultiQuestion",
    "NumericQuestion",
    "OpenQuestion",
    "Option",
    "OrderQuestion",
    "Pattern",
    "Question",
    "letter",
    "question_adapter",
]
