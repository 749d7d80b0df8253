"""Token classification (NER-style tags): every token's final hidden state goes to a new linear
layer over the tags, and the whole model is fine-tuned. As for CoNLL-2003 in the paper, a word
split into several WordPieces is labelled on its FIRST sub-token only; the other sub-tokens
(and [CLS], [SEP], padding) get the label -100, which the cross-entropy ignores.

The set is `corpus/tasks/<lang>/ner.jsonl`: 150 sentences per language made from 15 templates
with names, cities and organisations, one word list and one BIO tag list per line (PER / LOC /
ORG). Chinese words are written with spaces between them, so a two-character name is one word
of two tokens. Every 5th sentence is held out.

    bertquiz demo token --lang zh
    bertquiz demo token "Maria Schmidt moved from Hamburg to Toronto to work for Spotify."
"""

from __future__ import annotations

import re
from typing import Any

from bertquiz.demos.common import TokenGrid, one_thread, pick, seed_everything
from bertquiz.demos.finetune import LANGS, TrainConfig, loss_view, pct, sizes, split, task_model, task_rows, train, training_report
from bertquiz.errors import BertquizError
from bertquiz.i18n import t
from bertquiz.ui.prose import Prose

TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG")
IGNORE = -100  # the label cross-entropy skips: non-first sub-tokens, [CLS], [SEP], [PAD]
MAX_LEN = 64
CONFIG = TrainConfig(steps=100, batch_size=16, lr=1e-3, warmup_steps=10)  # 4.4 epochs over 360 sentences

EXAMPLES = {  # not in the labelled set (Chinese: spaces between words)
    "en": "Maria Schmidt moved from Hamburg to Toronto to work for Spotify .",
    "ru": "Вера Морозова переехала из Томска в Самару и работает в Ростелекоме .",
    "zh": "王芳 去年 从 昆明 搬到 了 上海 ， 现在 在 百度 工作 。",
}


CHINESE_RUN = re.compile(r"[\u3400-\u9fff]{5,}")  # five or more Chinese characters without a space: not one word


def words_of(text: str) -> list[str]:
    """Your text as words: split at spaces and punctuation; Chinese has no spaces, so a long
    run of Chinese characters becomes one word per character (write spaces between words)."""
    words = []
    for chunk in re.findall(r"[\w'’-]+|[^\w\s]", text):
        words += list(chunk) if CHINESE_RUN.fullmatch(chunk) else [chunk]
    return words


def encode(tokenizer: Any, sentences: list[list[str]], tags: list[list[str]] | None = None) -> tuple[Any, Any]:
    """Tokenize word lists; return (encoding, labels). labels[b, i] is the tag id of the word that
    token i begins, IGNORE for the later sub-tokens of a word and for special tokens."""
    import torch

    enc = tokenizer(sentences, is_split_into_words=True, padding=True, truncation=True, max_length=MAX_LEN, return_tensors="pt")
    labels = torch.full(enc["input_ids"].shape, IGNORE)  # (B, T)
    for b in range(len(sentences)):
        previous = None
        for i, w in enumerate(enc.word_ids(b)):  # None for [CLS], [SEP], [PAD]
            if w is not None and w != previous:
                labels[b, i] = TAGS.index(tags[b][w]) if tags else 0  # the first sub-token of word w
            previous = w
    return enc, labels


def predict_words(model: Any, tokenizer: Any, sentences: list[list[str]]) -> list[list[str]]:
    """The predicted tag of every word: the argmax at its first sub-token."""
    import torch

    out = []
    for i in range(0, len(sentences), 64):
        chunk = sentences[i : i + 64]
        enc, labels = encode(tokenizer, chunk)
        with torch.inference_mode():
            best = model(**enc).logits.argmax(-1)  # (B, T)
        for b, words in enumerate(chunk):
            firsts = (labels[b] != IGNORE).nonzero().flatten().tolist()
            tags = [TAGS[best[b, i]] for i in firsts]
            out.append(tags + ["O"] * (len(words) - len(tags)))  # words cut off by MAX_LEN: O
    return out


def entities(tags: list[str]) -> set[tuple[int, int, str]]:
    """BIO tags -> {(first word, last word, type)}; an I-X that does not continue an X starts one (as conlleval)."""
    spans, start, kind = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if kind is not None and (prefix != "I" or typ != kind):
            spans.add((start, i - 1, kind))
            kind = None
        if prefix == "B" or (prefix == "I" and kind is None):
            start, kind = i, typ
    return spans


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, float]:
    """Word accuracy (over every word) and entity precision / recall / F1 (exact spans)."""
    words = sum(len(g) for g in gold)
    right = sum(a == b for g, p in zip(gold, pred, strict=True) for a, b in zip(g, p, strict=True))
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        eg, ep = entities(g), entities(p)
        tp, fp, fn = tp + len(eg & ep), fp + len(ep - eg), fn + len(eg - ep)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": right / words, "precision": precision, "recall": recall, "f1": f1, "words": words, "entities": tp + fn}


def _by_lang(rows: list[dict[str, Any]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    out = {}
    for lang in (*LANGS, "all"):
        idx = [i for i, r in enumerate(rows) if lang in ("all", r["lang"])]
        out[lang] = score([rows[i]["tags"] for i in idx], [pred[i] for i in idx])
    return out


def _alignment(tokenizer: Any, words: list[str], gold: list[str] | None, predicted: list[str]) -> dict[str, Any]:
    """Sub-tokens of one sentence with the word each belongs to and the label it trains on."""
    enc, labels = encode(tokenizer, [words], [gold] if gold else None)
    ids = enc["input_ids"][0].tolist()
    word_ids = enc.word_ids(0)
    return {
        "words": words,
        "gold": gold,
        "predicted": predicted,
        "tokens": tokenizer.convert_ids_to_tokens(ids),
        "word_ids": word_ids,
        "labels": labels[0].tolist() if gold else None,  # tag ids, IGNORE = -100
    }


@one_thread()  # tiny matrices: see common.one_thread
def run(*, lang: str, seed: int, texts: list[str]) -> dict[str, Any]:
    rows = task_rows("ner")
    bad = {tag for r in rows for tag in r["tags"]} - set(TAGS)
    if bad or any(len(r["words"]) != len(r["tags"]) for r in rows):
        raise BertquizError(f"ner.jsonl: unknown tags {sorted(bad)} or a line whose words and tags differ in number")
    train_rows, heldout = split(rows)
    yours = words_of(" ".join(texts)) if texts else None
    if texts and not yours:
        raise BertquizError("token: give a sentence to tag")

    seed_everything(seed)
    model, tokenizer = task_model("BertForTokenClassification", num_labels=len(TAGS))
    model.eval()
    held_words = [r["words"] for r in heldout]
    before = _by_lang(heldout, predict_words(model, tokenizer, held_words))

    def batch_loss(batch: list[dict[str, Any]]) -> Any:
        enc, labels = encode(tokenizer, [r["words"] for r in batch], [r["tags"] for r in batch])  # (B, T) each
        return model(**enc, labels=labels).loss  # cross-entropy over the positions whose label is not -100

    log = train(model, train_rows, batch_loss, CONFIG, seed=seed, title=t("demo.ft.training", lang))

    predicted = predict_words(model, tokenizer, held_words)
    after = _by_lang(heldout, predicted)
    majority = _by_lang(heldout, [["O"] * len(w) for w in held_words])  # the commonest tag everywhere

    # the sentence shown: yours, else a held-out sentence of `lang` with a word split into several tokens
    if yours:
        shown = _alignment(tokenizer, yours, None, predict_words(model, tokenizer, [yours])[0])
        shown["characters"] = bool(CHINESE_RUN.search(" ".join(texts)))  # Chinese split into characters
    else:
        example = pick(EXAMPLES, lang).split()
        mine = [i for i, r in enumerate(heldout) if r["lang"] == lang]
        split_word = next((i for i in mine if any(len(tokenizer.tokenize(w)) > 1 for w in heldout[i]["words"])), mine[0])
        shown = _alignment(tokenizer, heldout[split_word]["words"], heldout[split_word]["tags"], predicted[split_word])
        shown["example"] = {"words": example, "predicted": predict_words(model, tokenizer, [example])[0]}
    return {
        "demo": "token",
        "lang": lang,
        "seed": seed,
        "tags": list(TAGS),
        "ignore_index": IGNORE,
        "sizes": sizes(rows),
        "config": {**vars(CONFIG), "max_len": MAX_LEN},
        **training_report(model, model.classifier, log),
        "heldout": {"before": before, "after": after, "majority": majority},
        "shown": shown,
    }


# --- the terminal view, from the dict alone ---


def _tag_cell(tag: str) -> tuple[str, str]:
    return (tag, "dim") if tag == "O" else (tag, "bold")


def render(result: dict[str, Any], lang: str) -> Any:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    s, h, shown = result["sizes"], result["heldout"], result["shown"]
    n_train, n_heldout = sum(v["train"] for v in s.values()), sum(v["heldout"] for v in s.values())
    parts: list[Any] = [Prose((t("demo.token.title", lang, train=n_train, heldout=n_heldout, seed=result["seed"]), "bold")), Text("")]
    # 1. which sub-token carries the word's label
    word_row, label_row, pred_row = [], [], []
    for i, (tok, w) in enumerate(zip(shown["tokens"], shown["word_ids"], strict=True)):
        first = w is not None and (i == 0 or shown["word_ids"][i - 1] != w)
        word_row.append(("" if w is None else str(w), "dim"))
        if shown["labels"] is not None:
            lab = shown["labels"][i]
            label_row.append(("-100", "dim") if lab == result["ignore_index"] else _tag_cell(result["tags"][lab]))
        pred_row.append(_tag_cell(shown["predicted"][w]) if first else ("·", "dim"))
    tokens = [(x, "bold") if x in ("[CLS]", "[SEP]") else x for x in shown["tokens"]]
    rows = [(t("demo.col.token", lang), tokens), (t("demo.token.row.word", lang), word_row)]
    if shown["labels"] is not None:
        parts.append(Prose(t("demo.token.alignment", lang)))
        rows.append((t("demo.token.row.label", lang), label_row))
    else:
        parts.append(Prose(t("demo.token.yours", lang)))
        if shown.get("characters"):
            parts.append(Prose((t("demo.token.characters", lang), "dim")))
    rows.append((t("demo.token.row.predicted", lang), pred_row))
    parts += [TokenGrid(rows), Text("")]
    if "example" in shown:
        ex = shown["example"]
        parts.append(Prose(t("demo.token.example", lang)))
        tags = [_tag_cell(x) for x in ex["predicted"]]
        parts.append(TokenGrid([(t("demo.token.row.word", lang), list(ex["words"])), (t("demo.token.row.predicted", lang), tags)]))
        parts.append(Text(""))

    # 2. the held-out scores
    parts += [*loss_view(result, lang, height=4), Text("")]
    parts.append(Prose(t("demo.token.heldout_title", lang)))
    table = Table(show_edge=False)
    table.add_column(t("demo.ft.col.lang", lang))
    table.add_column(t("demo.token.col.words", lang), justify="right")
    table.add_column(t("demo.token.col.acc", lang), justify="right")
    table.add_column("F1", justify="right")
    table.add_column(t("demo.token.col.majority", lang), justify="right")
    table.add_column(t("demo.ft.col.before", lang), justify="right")
    for key in (*LANGS, "all"):
        a, m, b = h["after"][key], h["majority"][key], h["before"][key]
        table.add_row(
            t("demo.ft.all", lang) if key == "all" else key,
            f"{a['words']} / {a['entities']}",
            pct(a["accuracy"]),
            pct(a["f1"]),
            f"{pct(m['accuracy'])} / {pct(m['f1'])}",
            f"{pct(b['accuracy'])} / {pct(b['f1'])}",
            style="bold" if key == "all" else "",
        )
    parts += [table, Prose((t("demo.token.columns", lang), "dim")), Text("")]
    head = result["parameters"]["head"]
    parts += [Prose(("• ", "dim"), t(f"demo.token.explain.{i}", lang, head=head), indent=2) for i in (1, 2, 3)]
    return Group(*parts)


__all__ = ["TAGS", "entities", "render", "run", "score", "words_of"]
