"""WordPiece on the tiny BERT's own vocabulary: `##` pieces in three languages, one token per
Chinese character, [UNK], the ids, the special tokens, and a padded batch with its attention mask.

The tokenizer is the checkpoint's (BERT's normaliser: lowercase, spaces around every CJK
character, split on whitespace and punctuation; then greedy longest-match-first WordPiece).

    bertquiz demo tokenize
    bertquiz demo tokenize "first text" "a second, longer text"
"""

from __future__ import annotations

from typing import Any

from bertquiz.demos.common import TokenGrid, load, one_thread, seed_everything
from bertquiz.errors import BertquizError
from bertquiz.i18n import t
from bertquiz.ui.prose import Prose

EXAMPLES = {
    "en": "Subword units handle misspelled wrods gracefully.",
    "ru": "WordPiece делит незнакомые слова на подслова.",
    "zh": "分词器把中文切成单个汉字，把 misspelled 切成子词。",
}
UNK_EXAMPLE = "BERT 🤖"  # an emoji: no piece of the vocabulary spells it, so the word becomes [UNK]
SPECIAL = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


def _is_cjk(ch: str) -> bool:
    # the CJK Unified Ideographs blocks BERT's tokenizer puts spaces around (the main ones)
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def _example(tokenizer: Any, text: str) -> dict[str, Any]:
    """One text: its tokens and ids, and the words that WordPiece cut into pieces."""
    enc = tokenizer.backend_tokenizer.encode(text)  # [CLS] ... [SEP]
    words: dict[int, dict[str, Any]] = {}
    for token, id_, word, (start, end) in zip(enc.tokens, enc.ids, enc.word_ids, enc.offsets, strict=True):
        if word is None:  # [CLS], [SEP]
            continue
        w = words.setdefault(word, {"word": "", "start": start, "end": end, "pieces": [], "ids": []})
        w["start"], w["end"] = min(w["start"], start), max(w["end"], end)
        w["pieces"].append(token)
        w["ids"].append(id_)
    for w in words.values():
        w["word"] = text[w.pop("start") : w.pop("end")]
    cjk = [ch for ch in text if _is_cjk(ch)]
    cjk_tokens = [tok for tok in enc.tokens if len(tok) == 1 and _is_cjk(tok)]
    return {
        "text": text,
        "tokens": enc.tokens,
        "ids": enc.ids,
        "words": list(words.values()),
        "split_words": [w for w in words.values() if len(w["pieces"]) > 1],
        "unk": [w["word"] for w in words.values() if w["pieces"] == ["[UNK]"]],
        "cjk_characters": len(cjk),
        "cjk_tokens": len(cjk_tokens),
    }


@one_thread()
def run(*, lang: str, seed: int, texts: list[str]) -> dict[str, Any]:
    model, tokenizer = load()
    seed_everything(seed)  # nothing here is random
    if texts and any(not x.strip() for x in texts):
        raise BertquizError("a text is empty: give each text in quotes, e.g. \"unbelievably\" \"北京\"")
    if not texts:  # the chosen language first, then the other two, then a short one with an [UNK]
        texts = [EXAMPLES[lang], *(EXAMPLES[x] for x in EXAMPLES if x != lang), UNK_EXAMPLE]
    limit = model.config.max_position_embeddings
    examples = [_example(tokenizer, x) for x in texts]
    for x in examples:
        if len(x["ids"]) > limit:
            raise BertquizError(f"a text is {len(x['ids'])} tokens long; this model reads at most {limit} (with [CLS] and [SEP])")

    batch = tokenizer(texts, padding=True, verbose=False)  # pads every row to the longest with [PAD] = 0
    return {
        "demo": "tokenize",
        "lang": lang,
        "seed": seed,
        "vocab_size": len(tokenizer),
        "special_tokens": {tok: tokenizer.convert_tokens_to_ids(tok) for tok in SPECIAL},
        "examples": examples,
        "batch": {
            "input_ids": batch["input_ids"],
            "attention_mask": batch["attention_mask"],
            "lengths": [sum(m) for m in batch["attention_mask"]],
            "width": len(batch["input_ids"][0]),
        },
    }


# --- the terminal view, from the dict alone ---


def _cells(tokens: list[str]) -> list[Any]:
    return [(tok, "bold") if tok in SPECIAL else (tok, "cyan") if tok.startswith("##") else tok for tok in tokens]


def render(result: dict[str, Any], lang: str) -> Any:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = [Text(t("demo.tok.title", lang, v=f"{result['vocab_size']:,}"), style="bold")]
    for i, x in enumerate(result["examples"], 1):
        parts += [Text(""), Prose((f"#{i} ", "bold"), ("« " + x["text"] + " »", "italic"))]
        parts.append(TokenGrid([(t("demo.col.token", lang), _cells(x["tokens"])), ("id", [str(n) for n in x["ids"]])]))
        for w in x["split_words"]:
            parts.append(Text(f"  {w['word']} → {' '.join(w['pieces'])}", style="cyan"))
        if x["unk"]:
            parts.append(Prose(("  ", ""), t("demo.tok.unk", lang, words=", ".join(x["unk"])), indent=2))
        if x["cjk_characters"]:
            parts.append(Prose(("  ", ""), t("demo.tok.cjk", lang, chars=x["cjk_characters"], tokens=x["cjk_tokens"]), indent=2))

    special = Table(show_edge=False, pad_edge=False, box=None, header_style="bold", title=t("demo.tok.special", lang), title_justify="left")
    for tok in result["special_tokens"]:
        special.add_column(tok, justify="center")
    special.add_row(*(str(i) for i in result["special_tokens"].values()))
    parts += [Text(""), special]

    b = result["batch"]
    parts += [Text(""), Prose((t("demo.tok.batch", lang, n=len(b["input_ids"]), width=b["width"]), "bold"))]
    mask = Table(show_edge=False, pad_edge=False, box=None, show_header=True, header_style="bold")
    mask.add_column("#", style="dim")
    mask.add_column(t("demo.tok.real", lang), justify="right")
    mask.add_column("attention_mask", overflow="fold")
    for i, (m, n) in enumerate(zip(b["attention_mask"], b["lengths"], strict=True), 1):
        mask.add_row(str(i), str(n), "".join(str(v) for v in m))
    parts.append(mask)
    shortest = min(range(len(b["lengths"])), key=lambda i: b["lengths"][i])
    row_tokens = [*result["examples"][shortest]["tokens"], *(["[PAD]"] * (b["width"] - b["lengths"][shortest]))]
    parts += [
        Text(""),
        Prose(t("demo.tok.row", lang, i=shortest + 1)),
        TokenGrid(
            [
                (t("demo.col.token", lang), [(tok, "dim") if tok == "[PAD]" else tok for tok in row_tokens]),
                ("input_ids", [str(n) for n in b["input_ids"][shortest]]),
                ("attention_mask", [(str(m), "" if m else "dim") for m in b["attention_mask"][shortest]]),
            ]
        ),
        Text(""),
    ]
    parts += [Prose(("• ", "dim"), t(key, lang), indent=2) for key in ("demo.tok.explain.1", "demo.tok.explain.2", "demo.tok.explain.3", "demo.tok.explain.4")]
    return Group(*parts)


__all__ = ["EXAMPLES", "render", "run"]
