"""The fine-tuning demos cls, token, qa and features: their labelled data and split, the JSON
numbers each run reports, and that the fine-tuned head beats chance (and the majority
baseline) on held-out data.

Each demo trains once per test session (10-25 s each) and its result is shared by the tests.
The checks on quality are deliberately loose: they must hold on the 30-step dev checkpoint as
on the shipped one. Everything else is exact.
"""

from __future__ import annotations

import io
import json
import math
import os
from functools import cache

import pytest

pytestmark = pytest.mark.torch


def result(name: str, lang: str = "en", seed: int = 0) -> dict:
    """A demo's JSON, as `--json` prints it (a round trip through json proves it serialises);
    each demo trains once per (name, lang, seed) in a session."""
    return _result(name, lang, seed)


@cache
def _result(name: str, lang: str, seed: int) -> dict:
    from bertquiz.demos.runner import run_demo

    return json.loads(json.dumps(run_demo(name, lang=lang, seed=seed, texts=[]), ensure_ascii=False))


def screen(name: str, r: dict, lang: str) -> str:
    """What `render(r, lang)` prints on an 80-column terminal without colour."""
    import importlib

    from rich.console import Console

    console = Console(file=io.StringIO(), width=80, no_color=True, highlight=False)
    module = importlib.import_module(f"bertquiz.demos.{name}")
    console.print(module.render(r, lang), soft_wrap=True)
    return console.file.getvalue()


def fits(text: str, width: int = 80) -> bool:
    from rich.cells import cell_len

    return all(cell_len(line) <= width for line in text.splitlines())


def r_hidden() -> int:
    """H of the model the demos load."""
    from bertquiz.demos.common import load

    return load()[0].config.hidden_size


def check_losses(r: dict) -> None:
    losses = r["losses"]
    assert len(losses) == r["config"]["steps"] and all(math.isfinite(x) and x >= 0 for x in losses)
    assert sum(losses[-10:]) < sum(losses[:10])  # training lowers the loss


# --- the data and the split ---


def test_labelled_sets_sizes_and_a_deterministic_disjoint_split():
    from bertquiz.demos.finetune import LANGS, sizes, split, task_rows

    topics, ner, qa = task_rows("topics"), task_rows("ner"), task_rows("qa")
    assert len(topics) >= 300  # the issue: >= 300 examples across the three languages
    for rows in (topics, ner, qa):
        assert {r["lang"] for r in rows} == set(LANGS)
        train, held = split(rows)
        for lang in LANGS:
            mine = [r for r in rows if r["lang"] == lang]
            # every 5th row of each file, whatever the seed
            assert [r["heldout"] for r in mine] == [i % 5 == 4 for i in range(len(mine))]
        assert len(train) + len(held) == len(rows) and held and train
    assert sizes(topics) == {lang: {"train": 192, "heldout": 48} for lang in LANGS}
    assert sizes(ner) == {lang: {"train": 120, "heldout": 30} for lang in LANGS}
    assert sizes(qa, count=lambda r: len(r["qas"])) == {lang: {"train": 160, "heldout": 40} for lang in LANGS}
    assert not {r["text"] for r in split(topics)[0]} & {r["text"] for r in split(topics)[1]}
    assert all(len(r["words"]) == len(r["tags"]) for r in ner)
    for r in qa:  # each answer is where answer_start says, once in its passage
        for q in r["qas"]:
            if q["answer"] is not None:
                assert r["context"][q["answer_start"] : q["answer_start"] + len(q["answer"])] == q["answer"]
                assert r["context"].count(q["answer"]) == 1
            else:
                assert q["answer_start"] == -1
        assert sum(q["answer"] is None for q in r["qas"]) == 1


def test_no_unknown_tokens_in_the_labelled_sets():
    from bertquiz.demos.common import load
    from bertquiz.demos.finetune import task_rows

    _, tokenizer = load()
    texts = [" ".join(r["words"]) for r in task_rows("ner")]
    texts += [s for r in task_rows("qa") for s in (r["context"], *(q["question"] for q in r["qas"]))]
    unknown = [s for s in texts if "[UNK]" in tokenizer.tokenize(s)]
    assert not unknown, unknown[:3]


# --- cls ---


def test_cls_beats_chance_and_the_majority_label_on_held_out_sentences():
    r = result("cls", "ru")
    h = r["heldout"]
    assert h["n"] == {"en": 48, "ru": 48, "zh": 48, "all": 144}
    assert h["chance"] == 0.25
    check_losses(r)
    # on 144 sentences chance is 25% +- 3.6%; any pre-trained model should clear it widely
    assert h["after"]["all"] >= h["chance"] + 0.2
    assert h["after"]["all"] > h["majority"] + 0.2
    if not os.environ.get("BERTQUIZ_MODEL"):  # the shipped checkpoint: the demo's goal (it reaches 95.1 %)
        assert h["after"]["all"] >= 0.85
    per_lang = [h["after"][lang] * h["n"][lang] for lang in ("en", "ru", "zh")]
    assert sum(per_lang) / 144 == pytest.approx(h["after"]["all"])
    assert r["parameters"]["head"] == 4 * r_hidden() + 4  # K x H weights + K biases


def test_cls_classifies_the_users_sentence_with_probabilities():
    r = result("cls", "ru")
    assert r["text"].startswith("Ночью")  # the Russian example
    probs = r["probabilities"]
    assert set(probs) == set(r["labels"]) and sum(probs.values()) == pytest.approx(1, abs=1e-5)
    assert r["predicted"] == max(probs, key=probs.get)
    out = screen("cls", r, "ru")
    assert fits(out) and r["text"] in out and "█" in out  # the loss plot and the bars
    assert f"{100 * r['heldout']['after']['all']:.1f}%" in out


# --- token ---


def test_token_labels_sit_on_the_first_sub_token_of_each_word():
    r = result("token", "zh")
    s = r["shown"]
    assert s["gold"] is not None and len(s["gold"]) == len(s["words"])
    firsts = [i for i, w in enumerate(s["word_ids"]) if w is not None and s["word_ids"][i - 1] != w]
    labelled = [i for i, lab in enumerate(s["labels"]) if lab != r["ignore_index"]]
    assert labelled == firsts and len(firsts) == len(s["words"])
    assert [r["tags"][s["labels"][i]] for i in firsts] == s["gold"]
    assert len(s["tokens"]) > len(s["words"]) + 2  # a word split into several tokens
    assert s["labels"][0] == s["labels"][-1] == -100  # [CLS], [SEP]


def test_token_tagger_beats_the_all_o_baseline_on_held_out_sentences():
    r = result("token", "zh")
    check_losses(r)
    after, majority = r["heldout"]["after"]["all"], r["heldout"]["majority"]["all"]
    assert majority["f1"] == 0 and 0.5 < majority["accuracy"] < 0.8
    assert after["f1"] > 0.2  # the dev model reaches 0.48
    assert after["accuracy"] > majority["accuracy"]
    out = screen("token", r, "zh")
    assert fits(out) and "-100" in out and "B-PER" in out


def test_entities_and_f1_follow_conlleval():
    from bertquiz.demos.token import entities, score, words_of

    assert entities(["B-PER", "I-PER", "O", "B-LOC", "I-ORG", "I-ORG"]) == {(0, 1, "PER"), (3, 3, "LOC"), (4, 5, "ORG")}
    s = score([["B-PER", "I-PER", "O", "B-LOC"]], [["B-PER", "O", "O", "B-LOC"]])
    assert s["accuracy"] == 0.75 and s["precision"] == 0.5 and s["recall"] == 0.5 and s["f1"] == 0.5
    assert words_of("Anna moved to Oslo.") == ["Anna", "moved", "to", "Oslo", "."]
    assert words_of("王芳 在 北京") == ["王芳", "在", "北京"]


# --- qa ---


def test_qa_best_span_has_end_at_or_after_start_and_null_is_cls():
    from bertquiz.demos.qa import MAX_ANSWER, TAU, best_span

    # the best start (index 3) comes after the best end (index 1): the pair is not a valid span
    starts = [0.0, -1.0, 0.0, 5.0, 0.0]
    ends = [0.0, 6.0, 0.0, 0.0, 1.0]
    span = best_span(starts, ends, [False, True, True, True, True])
    assert (span["start"], span["end"]) == (3, 4) and span["score"] == 6.0
    assert span["null_score"] == 0.0 and span["no_answer"] is False
    span = best_span([9.0, 0, 0], [9.0, 0, 0], [False, True, True])
    assert span["no_answer"] is True  # s_null = 18 > best 0 + TAU
    long = best_span([0.0] + [5.0] + [0.0] * 30, [0.0] * 31 + [5.0], [False] + [True] * 31)
    assert long["end"] - long["start"] < MAX_ANSWER
    assert TAU >= 0


def test_qa_beats_chance_on_held_out_passages_and_reports_consistent_spans():
    r = result("qa")
    check_losses(r)
    h = r["heldout"]
    assert h["after"]["all"]["n"] == 120
    assert h["always_no_answer"]["all"]["em"] == pytest.approx(0.25)  # one question in four has no answer
    # a random head never picks the exact answer nor prefers [CLS]: chance EM is ~0
    assert h["before"]["all"]["em"] < 0.1
    assert h["after"]["all"]["em"] > h["before"]["all"]["em"] + 0.1
    assert h["after"]["all"]["has_answer"] > 0.05  # it extracts some right spans, not only "no answer"
    assert h["after"]["all"]["em"] > h["always_no_answer"]["all"]["em"]  # the dev model: 40% against 25%
    for ex in r["shown"]:
        assert ex["start"] <= ex["end"] < ex["start"] + r["config"]["max_answer"]
        assert ex["passage"][ex["start"]] and ex["passage"][ex["end"]]
        assert ex["score"] == pytest.approx(ex["start_logits"][ex["start"]] + ex["end_logits"][ex["end"]])
        assert ex["null_score"] == pytest.approx(ex["start_logits"][0] + ex["end_logits"][0])
        assert ex["no_answer"] == (ex["null_score"] > ex["score"] + r["config"]["tau"])
        assert (ex["text"] is None) == ex["no_answer"]
    assert [ex["gold"] is None for ex in r["shown"]] == [False, True]
    assert fits(screen("qa", r, "en")) and fits(screen("qa", r, "zh"))


def test_bad_texts_give_a_one_line_error(invoke):
    res = invoke("demo", "qa", "just one text")
    assert res.exit_code == 1 and "qa takes two texts" in res.output and "Traceback" not in res.output
    res = invoke("demo", "features", "some text")
    assert res.exit_code == 1 and "takes no text" in res.output


# --- features ---


def test_features_compares_frozen_heads_with_full_fine_tuning():
    r = result("features")
    h = r_hidden()
    by = {x["name"]: x for x in r["setups"]}
    assert by["last"]["trainable"] == 4 * h + 4 and by["last4"]["trainable"] == 4 * 4 * h + 4
    # the same encoder, frozen or trained, under the same K x H head on the last [CLS]
    assert by["last"]["frozen"] == by["last4"]["frozen"] == by["full"]["trainable"] - by["last"]["trainable"]
    assert by["full"]["frozen"] == 0
    assert all(len(x["losses"]) == r["steps"] for x in r["setups"])
    assert by["full"]["accuracy"]["all"] >= r["heldout"]["chance"] + 0.2
    # the full fine-tuning is the cls demo's: same data, steps and seed give the same numbers
    assert by["full"]["accuracy"] == result("cls", "ru")["heldout"]["after"]
    out = screen("features", r, "zh")
    assert fits(out) and f"{by['full']['trainable']:,}" in out
