"""Next Sentence Prediction: an IsNext and a NotNext pair built from the corpus, packed as
`[CLS] A [SEP] B [SEP]` with their token type (segment) ids, and the NSP head's probability.

The pairs are built as the pre-training data was: A is a sentence of a document, B either the
sentence that follows it (IsNext, label 0) or a sentence of another document in the same
language (NotNext, label 1). The document comes from the held-out part of the corpus, which
the model never trained on.

    bertquiz demo nsp --lang ru
    bertquiz demo nsp "BERT reads the whole input at once." "Each token attends to every other token."
"""

from __future__ import annotations

import random
from typing import Any

from bertquiz.demos.common import TokenGrid, load, model_dir, one_thread, seed_everything
from bertquiz.errors import BertquizError
from bertquiz.i18n import t
from bertquiz.ui.prose import Prose

IS_NEXT, NOT_NEXT = 0, 1  # the convention of the original code and of transformers


def _corpus_pairs(lang: str, seed: int) -> list[dict[str, Any]]:
    """An IsNext and a NotNext pair sharing the same A, drawn with `seed`."""
    from bertquiz.paths import corpus_dir
    from bertquiz.tinybert.checkpoint import read_info
    from bertquiz.tinybert.corpus import read_documents, split_documents

    docs = read_documents(corpus_dir())
    fraction = (read_info(model_dir()).get("config") or {}).get("heldout_fraction", 0.1)
    _, heldout = split_documents(docs, fraction)
    mine = [d for d in heldout if d.lang == lang and len(d.sentences) >= 2] or [d for d in docs if d.lang == lang and len(d.sentences) >= 2]
    rng = random.Random(seed)
    doc = rng.choice(mine)
    i = rng.randrange(len(doc.sentences) - 1)
    # NotNext: another document of the same language, as the tiny BERT was trained (across
    # languages the task would be language identification)
    other = rng.choice([d for d in docs if d.lang == lang and d is not doc and d.sentences != doc.sentences])
    return [
        {"kind": "IsNext", "label": IS_NEXT, "a": doc.sentences[i], "b": doc.sentences[i + 1], "source_a": doc.source, "source_b": doc.source},
        {"kind": "NotNext", "label": NOT_NEXT, "a": doc.sentences[i], "b": rng.choice(other.sentences), "source_a": doc.source, "source_b": other.source},
    ]


@one_thread()
def run(*, lang: str, seed: int, texts: list[str]) -> dict[str, Any]:
    import torch

    from bertquiz.tinybert.checkpoint import read_info

    model, tokenizer = load()
    seed_everything(seed)
    if texts:
        if len(texts) != 2 or not all(x.strip() for x in texts):
            raise BertquizError(f"nsp takes two sentences, A and B, each in quotes (got {len(texts)} text(s))")
        pairs = [{"kind": "yours", "label": None, "a": texts[0].strip(), "b": texts[1].strip(), "source_a": None, "source_b": None}]
    else:
        pairs = _corpus_pairs(lang, seed)

    limit = model.config.max_position_embeddings
    batch = tokenizer([p["a"] for p in pairs], [p["b"] for p in pairs], padding=True, return_tensors="pt", verbose=False)  # (P, T) each
    lengths = batch["attention_mask"].sum(dim=1).tolist()
    if max(lengths) > limit:
        raise BertquizError(f"the pair is {max(lengths)} tokens long; this model reads at most {limit} ([CLS] A [SEP] B [SEP])")
    with torch.inference_mode():
        out = model(**batch)
    logits = out.seq_relationship_logits  # (P, 2): the pooler (dense + tanh over [CLS]) -> a 2-way linear layer
    probs = logits.softmax(dim=-1)
    for row, (p, n) in enumerate(zip(pairs, lengths, strict=True)):
        ids = batch["input_ids"][row, :n].tolist()
        p["tokens"] = tokenizer.convert_ids_to_tokens(ids)
        p["input_ids"] = ids
        p["token_type_ids"] = batch["token_type_ids"][row, :n].tolist()
        p["logits"] = logits[row].tolist()
        p["p_is_next"] = float(probs[row, IS_NEXT])
        p["p_not_next"] = float(probs[row, NOT_NEXT])
        p["predicted"] = "IsNext" if p["p_is_next"] >= 0.5 else "NotNext"

    # what `bertquiz model pretrain` measured on the held-out documents (training_info.json)
    metrics = read_info(model_dir()).get("metrics")
    heldout = {"nsp_accuracy": metrics["nsp_accuracy"], "baseline": metrics["baseline_nsp_accuracy"], "pairs": metrics["pairs"]} if metrics else None
    return {"demo": "nsp", "lang": lang, "seed": seed, "pairs": pairs, "heldout": heldout}


# --- the terminal view, from the dict alone ---


def _bar(p: float, width: int = 24) -> str:
    full = round(p * width)
    return "█" * full + "░" * (width - full)


def render(result: dict[str, Any], lang: str) -> Any:
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = [Text(t("demo.nsp.title", lang, seed=result["seed"]), style="bold")]
    for p in result["pairs"]:
        if p["label"] is None:
            head = t("demo.nsp.yours", lang)
        else:
            head = f"{p['kind']} · label {p['label']} · " + (t("demo.nsp.from_same", lang, source=p["source_a"]) if p["label"] == IS_NEXT else t("demo.nsp.from_other", lang, source=p["source_b"]))
        parts += [Text(""), Prose((head, "bold")), Prose(("A: ", "bold"), p["a"], indent=3), Prose(("B: ", "bold"), p["b"], indent=3)]
        cells = [(tok, "bold") if tok in ("[CLS]", "[SEP]") else tok for tok in p["tokens"]]
        types = [(str(x), "bold" if x else "dim") for x in p["token_type_ids"]]
        parts.append(TokenGrid([(t("demo.col.token", lang), cells), ("type id", types)]))
        parts.append(Text(f"P(IsNext) = {100 * p['p_is_next']:5.1f}%  {_bar(p['p_is_next'])}  → {p['predicted']}"))
    h = result["heldout"]
    if h:
        parts += [Text(""), Prose((t("demo.nsp.heldout", lang, acc=f"{100 * h['nsp_accuracy']:.1f}%", base=f"{100 * h['baseline']:.1f}%", n=h["pairs"]), "dim"))]
    parts.append(Text(""))
    parts += [Prose(("• ", "dim"), t(key, lang), indent=2) for key in ("demo.nsp.explain.1", "demo.nsp.explain.2", "demo.nsp.explain.3", "demo.nsp.explain.4")]
    return Group(*parts)


__all__ = ["IS_NEXT", "NOT_NEXT", "render", "run"]
