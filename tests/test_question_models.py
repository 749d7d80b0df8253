from __future__ import annotations

import pytest
from pydantic import ValidationError

from bertquiz.bank.question import BankFile, OrderQuestion

STEPS = ["one", "two", "three", "four"]


def order(qid: str) -> OrderQuestion:
    return OrderQuestion(id=qid, type="order", difficulty=1, prompt="p", explanation="e", sources=["s"], answer=STEPS)


@pytest.mark.parametrize("qid", ["a", "b", "order-x", "mlm-steps", "z9"])
def test_order_is_shown_shuffled_the_same_way_every_time(qid):
    shown = order(qid).shown_order()
    assert sorted(shown) == list(range(4))
    assert shown != [0, 1, 2, 3]
    assert shown == order(qid).shown_order()
    assert order(qid).shown_steps() == [STEPS[i] for i in shown]


def test_models_are_frozen_and_strict():
    q = order("a")
    with pytest.raises(ValidationError):
        q.difficulty = 2  # type: ignore[misc]
    with pytest.raises(ValidationError):
        BankFile.model_validate({"lang": "en", "topic": "t", "questions": [], "extra": 1})
