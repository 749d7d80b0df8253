"""Small, valid bank texts that tests mutate to produce each kind of error."""

from __future__ import annotations

CHOICE_EN = """\
lang: en
topic: sample
questions:
  - id: sample-choice
    type: choice
    difficulty: 1
    prompt: Which token starts every BERT input?
    options: ["[SEP]", "[CLS]", "[MASK]"]
    answer: B
    explanation: The final hidden state of [CLS] is the aggregate representation.
    sources: ["BERT paper §3"]
    demo: cls
"""

CHOICE_RU = CHOICE_EN.replace("lang: en", "lang: ru").replace(
    "Which token starts every BERT input?", "С какого токена начинается любой вход BERT?"
)
