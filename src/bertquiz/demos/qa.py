"""Extractive question answering, SQuAD style: `[CLS] question [SEP] passage [SEP]` goes through
the encoder; a new layer gives each token a start logit S·T_i and an end logit E·T_i (S and E,
two H-vectors, are the only new weights). The answer is the span i..j of the passage with
j >= i that maximises S·T_i + E·T_j. A question without an answer is trained to point at [CLS]
(start = end = 0), and, as for SQuAD 2.0, the model answers "no answer" when the [CLS] score
s_null = S·C + E·C beats the best span's score by more than tau.

The set is `corpus/tasks/<lang>/qa.jsonl`: 50 passages per language made from templates (a
person's birthplace, birth year, job and sport), each with three answerable questions and one
without an answer. Every 5th passage is held out, with all its questions.

    bertquiz demo qa --lang ru
    bertquiz demo qa "Where was Ada born?" "Ada Lovelace was born in London in 1815."
"""

from __future__ import annotations

import re
from typing import Any

from bertquiz.demos.common import TokenGrid, one_thread, seed_everything
from bertquiz.demos.finetune import LANGS, TrainConfig, loss_view, pct, sizes, split, task_model, task_rows, train, training_report
from bertquiz.errors import BertquizError
from bertquiz.i18n import t
from bertquiz.ui.prose import Prose

MAX_LEN = 128  # this model's position table; question + passage here take ~30-60 tokens
MAX_ANSWER = 10  # tokens; longer spans are never considered (run_squad: max_answer_length=30; ours need <= 8)
TAU = 0.0  # predict "no answer" when s_null > best span + TAU (the paper tunes tau on dev)
CONFIG = TrainConfig(steps=140, batch_size=16, lr=1.5e-3, warmup_steps=14)  # 4.7 epochs over 480 questions


def questions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One example per question: passages with several questions are flattened."""
    return [{**qa, "context": r["context"], "lang": r["lang"], "heldout": r["heldout"]} for r in rows for qa in r["qas"]]


def encode(tokenizer: Any, batch: list[dict[str, Any]]) -> tuple[Any, Any]:
    """Tokenize question/passage pairs; return (model inputs, extra) where extra holds the
    character offsets of each token, which tokens are passage tokens, and the gold start/end
    token positions (0 = [CLS] when there is no answer)."""
    import torch

    questions, passages = [q["question"] for q in batch], [q["context"] for q in batch]
    # [CLS] question [SEP] passage [SEP]: segment 0, then 1; a long passage is cut, never the question
    enc = tokenizer(questions, passages, padding=True, truncation="only_second", max_length=MAX_LEN, return_offsets_mapping=True, return_tensors="pt")
    offsets = enc.pop("offset_mapping")  # (B, T, 2): characters of its own text that each token covers
    passage = torch.tensor([[s == 1 for s in enc.sequence_ids(b)] for b in range(len(batch))])  # (B, T)
    starts, ends = [], []
    for b, q in enumerate(batch):
        start = end = 0  # [CLS]: no answer (or the answer was cut off by MAX_LEN)
        if q.get("answer") is not None:
            a, z = q["answer_start"], q["answer_start"] + len(q["answer"])
            inside = [i for i in range(offsets.shape[1]) if passage[b, i] and offsets[b, i, 0] < z and offsets[b, i, 1] > a]
            if inside:
                start, end = inside[0], inside[-1]
        starts.append(start)
        ends.append(end)
    return enc, {"offsets": offsets, "passage": passage, "start": torch.tensor(starts), "end": torch.tensor(ends)}


def best_span(start_logits: list[float], end_logits: list[float], passage: list[bool]) -> dict[str, Any]:
    """The passage span i <= j < i + MAX_ANSWER with the highest start_i + end_j, and s_null."""
    best = (float("-inf"), 0, 0)
    positions = [i for i, p in enumerate(passage) if p]
    for i in positions:
        for j in positions:
            if i <= j < i + MAX_ANSWER and start_logits[i] + end_logits[j] > best[0]:
                best = (start_logits[i] + end_logits[j], i, j)
    s_null = start_logits[0] + end_logits[0]  # the span [CLS]..[CLS]
    return {"score": best[0], "start": best[1], "end": best[2], "null_score": s_null, "no_answer": s_null > best[0] + TAU}


def answer_all(model: Any, tokenizer: Any, batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The model's answer to each question (text None = no answer), with its logits."""
    import torch

    out = []
    for k in range(0, len(batch), 64):
        chunk = batch[k : k + 64]
        enc, extra = encode(tokenizer, chunk)
        with torch.inference_mode():
            logits = model(**enc)
        for b, q in enumerate(chunk):
            n = int(enc["attention_mask"][b].sum())
            starts, ends = logits.start_logits[b, :n].tolist(), logits.end_logits[b, :n].tolist()  # (T,) each
            span = best_span(starts, ends, extra["passage"][b, :n].tolist())
            chars = extra["offsets"][b].tolist()
            span_text = q["context"][chars[span["start"]][0] : chars[span["end"]][1]]
            out.append(
                {
                    **span,
                    "span_text": span_text,
                    "text": None if span["no_answer"] else span_text,
                    "start_logits": starts,
                    "end_logits": ends,
                    "ids": enc["input_ids"][b, :n].tolist(),
                    "passage": extra["passage"][b, :n].tolist(),
                    "gold_start": int(extra["start"][b]),
                    "gold_end": int(extra["end"][b]),
                }
            )
    return out


def _normalise(text: str | None) -> str | None:
    # SQuAD's exact match: lower case, no punctuation, no articles, single spaces
    if text is None:
        return None
    text = re.sub(r"[^\w\s]", " ", text.lower())
    return " ".join(w for w in text.split() if w not in ("a", "an", "the"))


def exact_match(batch: list[dict[str, Any]], predicted: list[str | None]) -> dict[str, dict[str, float]]:
    """EM per language and overall; also over the answerable and the unanswerable questions apart."""
    out = {}
    for key in (*LANGS, "all"):
        idx = [i for i, q in enumerate(batch) if key in ("all", q["lang"])]
        hits = [_normalise(batch[i]["answer"]) == _normalise(predicted[i]) for i in idx]
        has = [h for i, h in zip(idx, hits, strict=True) if batch[i]["answer"] is not None]
        none = [h for i, h in zip(idx, hits, strict=True) if batch[i]["answer"] is None]
        out[key] = {
            "em": sum(hits) / len(hits),
            "has_answer": sum(has) / max(1, len(has)),
            "no_answer": sum(none) / max(1, len(none)),
            "n": len(hits),
        }
    return out


def _shown(tokenizer: Any, q: dict[str, Any], a: dict[str, Any], *, yours: bool = False) -> dict[str, Any]:
    return {
        "question": q["question"],
        "context": q["context"],
        "yours": yours,  # then there is no gold answer
        "gold": q["answer"],
        "tokens": tokenizer.convert_ids_to_tokens(a["ids"]),
        **{k: v for k, v in a.items() if k != "ids"},
    }


@one_thread()  # tiny matrices: see common.one_thread
def run(*, lang: str, seed: int, texts: list[str]) -> dict[str, Any]:
    if texts and (len(texts) != 2 or not all(x.strip() for x in texts)):
        raise BertquizError(f"qa takes two texts, a question and a passage, each in quotes (got {len(texts)})")
    rows = task_rows("qa")
    train_rows, heldout_rows = split(rows)
    train_q, heldout = questions(train_rows), questions(heldout_rows)

    seed_everything(seed)
    model, tokenizer = task_model("BertForQuestionAnswering")  # qa_outputs: Linear(H, 2) = the vectors S and E
    model.eval()
    before = exact_match(heldout, [a["text"] for a in answer_all(model, tokenizer, heldout)])

    def batch_loss(batch: list[dict[str, Any]]) -> Any:
        enc, extra = encode(tokenizer, batch)  # (B, T) each
        # (cross-entropy of the start over T + cross-entropy of the end over T) / 2, as run_squad.py
        return model(**enc, start_positions=extra["start"], end_positions=extra["end"]).loss

    log = train(model, train_q, batch_loss, CONFIG, seed=seed, title=t("demo.ft.training", lang))

    answers = answer_all(model, tokenizer, heldout)
    after = exact_match(heldout, [a["text"] for a in answers])
    no_answer = exact_match(heldout, [None] * len(heldout))  # the baseline: always "no answer"

    if texts:
        mine = [{"question": texts[0].strip(), "context": texts[1].strip(), "answer": None, "lang": lang}]
        shown = [_shown(tokenizer, mine[0], answer_all(model, tokenizer, mine)[0], yours=True)]
    else:  # the first held-out passage of `lang`: one question with an answer, one without
        first = next(i for i, q in enumerate(heldout) if q["lang"] == lang)
        group = [i for i, q in enumerate(heldout) if q["context"] == heldout[first]["context"]]
        pair = [  # one with an answer, one without
            next(i for i in group if heldout[i]["answer"] is not None),
            next(i for i in group if heldout[i]["answer"] is None),
        ]
        shown = [_shown(tokenizer, heldout[i], answers[i]) for i in pair]
    return {
        "demo": "qa",
        "lang": lang,
        "seed": seed,
        "sizes": sizes(rows, count=lambda r: len(r["qas"])),
        "passages": sizes(rows),
        "config": {**vars(CONFIG), "max_len": MAX_LEN, "max_answer": MAX_ANSWER, "tau": TAU},
        **training_report(model, model.qa_outputs, log),
        "heldout": {"before": before, "after": after, "always_no_answer": no_answer},
        "shown": shown,
    }


# --- the terminal view, from the dict alone ---


def _logit_cells(values: list[float], best: int | None, gold: int | None) -> list[tuple[str, str]]:
    cells = []
    for i, v in enumerate(values):
        style = "bold reverse" if i == best else "bold" if i == gold else "dim" if v < 0 else ""
        cells.append((f"{v:.1f}", style))
    return cells


def render(result: dict[str, Any], lang: str) -> Any:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    s, h = result["sizes"], result["heldout"]
    n_train, n_heldout = sum(v["train"] for v in s.values()), sum(v["heldout"] for v in s.values())
    parts: list[Any] = [
        Prose((t("demo.qa.title", lang, train=n_train, heldout=n_heldout, seed=result["seed"]), "bold")),
        Text(""),
    ]
    for ex in result["shown"]:
        parts += [Prose(("Q: ", "bold"), ex["question"], indent=3), Prose(("P: ", "bold"), ex["context"], indent=3)]
        best_s = 0 if ex["no_answer"] else ex["start"]  # the chosen span: [CLS] when the answer is "no answer"
        best_e = 0 if ex["no_answer"] else ex["end"]
        keep = [0] + [i for i, p in enumerate(ex["passage"]) if p]  # [CLS] and the passage: answers come from there
        parts.append(Prose((t("demo.qa.grid", lang), "dim")))
        parts.append(
            TokenGrid(
                [
                    (t("demo.col.token", lang), [(ex["tokens"][i], "bold") if i == 0 else ex["tokens"][i] for i in keep]),
                    (t("demo.qa.row.start", lang), [_logit_cells(ex["start_logits"], best_s, ex["gold_start"])[i] for i in keep]),
                    (t("demo.qa.row.end", lang), [_logit_cells(ex["end_logits"], best_e, ex["gold_end"])[i] for i in keep]),
                ]
            )
        )
        span = t("demo.qa.quoted", lang, text=ex["span_text"])
        parts.append(Prose(t("demo.qa.best", lang, span=span, score=f"{ex['score']:.2f}", null=f"{ex['null_score']:.2f}", tau=result["config"]["tau"])))
        said = t("demo.qa.no_answer", lang) if ex["no_answer"] else t("demo.qa.quoted", lang, text=ex["text"])
        if ex["yours"]:
            parts += [Prose((t("demo.qa.said", lang, said=said), "bold")), Text("")]
        else:
            gold = t("demo.qa.no_answer", lang) if ex["gold"] is None else t("demo.qa.quoted", lang, text=ex["gold"])
            parts += [Prose((t("demo.qa.verdict", lang, said=said, gold=gold), "bold")), Text("")]
    parts.append(Prose((t("demo.qa.marks", lang), "dim")))
    parts += [Text(""), *loss_view(result, lang, height=4), Text("")]

    parts.append(Prose(t("demo.qa.heldout_title", lang)))
    table = Table(show_edge=False)
    table.add_column(t("demo.ft.col.lang", lang))
    table.add_column(t("demo.ft.col.n", lang), justify="right")
    table.add_column("EM", justify="right")
    table.add_column(t("demo.qa.col.has", lang), justify="right")
    table.add_column(t("demo.qa.col.none", lang), justify="right")
    table.add_column(t("demo.qa.col.always_none", lang), justify="right")
    table.add_column(t("demo.ft.col.before", lang), justify="right")
    for key in (*LANGS, "all"):
        a = h["after"][key]
        table.add_row(
            t("demo.ft.all", lang) if key == "all" else key,
            str(a["n"]),
            pct(a["em"]),
            pct(a["has_answer"]),
            pct(a["no_answer"]),
            pct(h["always_no_answer"][key]["em"]),
            pct(h["before"][key]["em"]),
            style="bold" if key == "all" else "",
        )
    parts += [table, Prose((t("demo.qa.columns", lang), "dim")), Text("")]
    head = result["parameters"]["head"]
    parts += [Prose(("• ", "dim"), t(f"demo.qa.explain.{i}", lang, head=head), indent=2) for i in (1, 2, 3)]
    return Group(*parts)


__all__ = ["best_span", "exact_match", "render", "run"]
