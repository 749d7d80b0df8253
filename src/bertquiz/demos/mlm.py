"""Masked LM: which positions are chosen, what replaces them, what the model predicts there, and
the loss over the chosen positions only.

The masking is `tinybert.data.mask_tokens`, the very function the tiny BERT was trained with
(15% of the non-special positions; of those 80% [MASK], 10% a random token, 10% unchanged).
One sentence chooses only a handful of positions, so the same sentence is also masked 2,000
times over (independent draws), where the proportions can be seen (and tested).

    bertquiz demo mlm                                   # the example sentence, masked at random
    bertquiz demo mlm "BERT masks 15% of the [MASK]."   # your [MASK]s get predictions
"""

from __future__ import annotations

import math
from typing import Any

from bertquiz.demos.common import TokenGrid, load, one_thread, pick, seed_everything
from bertquiz.errors import BertquizError
from bertquiz.i18n import t
from bertquiz.ui.prose import Prose

EXAMPLES = {
    "en": "BERT is pre-trained on unlabelled text by predicting the words that are hidden from it.",
    "ru": "BERT предобучают на неразмеченном тексте: модель предсказывает скрытые от неё слова.",
    "zh": "BERT 在无标注文本上预训练，任务是预测被遮住的词。",
}
MLM_PROBABILITY = 0.15  # the paper's 15%, as the checkpoint was trained
TOP_K = 5
STATS_DRAWS = 2000  # the sentence is masked this many times over to show the proportions
STATS_POSITIONS = 20_000  # ... or more times, for a short sentence: at least this many positions
MAX_DRAWS = 100  # a short sentence may get no chosen position; then we draw again (and say so)


@one_thread()
def run(*, lang: str, seed: int, texts: list[str]) -> dict[str, Any]:
    import torch

    from bertquiz.tinybert.data import CLS, MASK, PAD, SEP, mask_tokens

    model, tokenizer = load()
    generator = seed_everything(seed)
    text = " ".join(texts).strip() if texts else pick(EXAMPLES, lang)
    if not text:
        raise BertquizError("the text is empty: give a sentence, e.g. \"BERT masks 15% of the [MASK].\"")
    encoding = tokenizer.backend_tokenizer.encode(text)  # [CLS] ... [SEP]
    limit = model.config.max_position_embeddings
    if len(encoding.ids) > limit:
        raise BertquizError(f"the text is {len(encoding.ids)} tokens long; this model reads at most {limit} (with [CLS] and [SEP])")
    ids = torch.tensor([encoding.ids])  # (1, T)
    special = torch.isin(ids, torch.tensor([PAD, CLS, SEP]))  # never chosen, as in the original
    vocab_size = len(tokenizer)

    user_masks = bool((ids == MASK).any())
    draws = 0
    if user_masks:
        # the user's own [MASK]s: predict there; there is no true token, so no label and no loss
        inputs, labels = ids, None
        targets = (ids[0] == MASK).nonzero().flatten().tolist()
    else:
        if bool(special.all()):
            raise BertquizError("the text has no token that could be masked")
        while True:  # Bernoulli draws: a short sentence can come out with nothing chosen
            draws += 1
            inputs, labels = mask_tokens(ids, special, vocab_size=vocab_size, mlm_probability=MLM_PROBABILITY, generator=generator)
            if bool((labels != -100).any()) or draws == MAX_DRAWS:
                break
        targets = (labels[0] != -100).nonzero().flatten().tolist()

    with torch.inference_mode():
        out = model(input_ids=inputs, token_type_ids=torch.zeros_like(inputs), attention_mask=torch.ones_like(inputs))
    logits = out.prediction_logits[0]  # (T, V)
    log_probs = logits.log_softmax(dim=-1)  # (T, V)

    tokens = []
    for pos, (orig, shown) in enumerate(zip(ids[0].tolist(), inputs[0].tolist(), strict=True)):
        chosen = labels is not None and int(labels[0, pos]) != -100
        if not chosen:
            action = None
        elif shown == MASK:
            action = "mask"
        elif shown != orig:
            action = "random"
        else:
            action = "kept"  # (a random draw of the token itself, 1 in ~8,000, also lands here)
        tokens.append(
            {
                "position": pos,
                "token": tokenizer.convert_ids_to_tokens(orig),
                "id": orig,
                "special": bool(special[0, pos]),
                "chosen": chosen,
                "action": action,
                "input_token": tokenizer.convert_ids_to_tokens(shown),
                "input_id": shown,
                "label": int(labels[0, pos]) if labels is not None else -100,
            }
        )

    predictions = []
    for pos in targets:
        probs = log_probs[pos].exp()
        top = probs.topk(TOP_K)
        label = tokens[pos]["label"]
        predictions.append(
            {
                "position": pos,
                "label": label if label != -100 else None,
                "label_token": tokens[pos]["token"] if label != -100 else None,
                "top": [
                    {"token": tokenizer.convert_ids_to_tokens(i), "id": i, "probability": float(p)}
                    for p, i in zip(top.values.tolist(), top.indices.tolist(), strict=True)
                ],
                # the "hand computation": -log softmax(logits)[label], one number per chosen position
                "p_label": float(probs[label]) if label != -100 else None,
                "nll": float(-log_probs[pos, label]) if label != -100 else None,
            }
        )

    losses: dict[str, Any] = {"chosen": None, "all": None, "unchosen": None, "n_chosen": 0, "n_all": 0, "n_unchosen": 0}
    if labels is not None and targets:
        import torch.nn.functional as F

        real = ~special[0]  # (T,) the word pieces; [CLS]/[SEP] are never candidates
        unchosen = real & (labels[0] == -100)
        # what the model is trained on: cross-entropy where label != -100, i.e. at the chosen positions only
        losses["chosen"] = float(F.cross_entropy(logits, labels[0], ignore_index=-100))
        # the road not taken: labels = the original token at every position
        losses["all"] = float(F.cross_entropy(logits[real], ids[0][real]))
        losses["unchosen"] = float(F.cross_entropy(logits[unchosen], ids[0][unchosen])) if bool(unchosen.any()) else None
        losses["n_chosen"], losses["n_all"], losses["n_unchosen"] = len(targets), int(real.sum()), int(unchosen.sum())

    return {
        "demo": "mlm",
        "lang": lang,
        "seed": seed,
        "text": text,
        "mode": "user_mask" if user_masks else "random",
        "mlm_probability": MLM_PROBABILITY,
        "draws": draws,
        "k": TOP_K,
        "tokens": tokens,
        "predictions": predictions,
        "loss": losses,
        "stats": _masking_stats(ids, special, vocab_size=vocab_size, seed=seed),
    }


def _masking_stats(ids: Any, special: Any, *, vocab_size: int, seed: int) -> dict[str, Any]:
    """Mask the same sentence many times over, in one batch of independent draws, and count what happened."""
    import torch

    from bertquiz.tinybert.data import MASK, mask_tokens

    # a [MASK] the user typed is not a candidate here: once chosen it would fit no category
    excluded = special | (ids == MASK)  # (1, T)
    per_draw = int((~excluded).sum())
    if per_draw == 0:  # e.g. a text of [MASK]s only: nothing to draw
        counts = dict.fromkeys(("draws", "candidates", "chosen", "masked", "random", "kept", "special_chosen", "no_position_chosen"), 0)
        return counts | dict.fromkeys(("no_position_expected", "chosen_share", "masked_share", "random_share", "kept_share"))
    n = max(STATS_DRAWS, math.ceil(STATS_POSITIONS / per_draw))  # enough positions for the shares to settle
    many, excluded = ids.expand(n, -1), excluded.expand(n, -1)  # (n, T)
    generator = torch.Generator().manual_seed(seed + 1)
    inputs, labels = mask_tokens(many, excluded, vocab_size=vocab_size, mlm_probability=MLM_PROBABILITY, generator=generator)
    chosen = labels != -100  # (n, T)
    masked = chosen & (inputs == MASK)
    replaced = chosen & (inputs != many) & ~masked
    kept = chosen & (inputs == many)
    n_chosen = max(int(chosen.sum()), 1)
    return {
        "draws": n,
        "candidates": n * per_draw,  # token positions other than [CLS], [SEP] (and a typed [MASK])
        "chosen": int(chosen.sum()),
        "masked": int(masked.sum()),
        "random": int(replaced.sum()),
        "kept": int(kept.sum()),
        "special_chosen": int((chosen & special.expand(n, -1)).sum()),  # must be 0
        "no_position_chosen": int((~chosen.any(dim=1)).sum()),  # draws with nothing to predict
        "no_position_expected": (1 - MLM_PROBABILITY) ** per_draw,
        "chosen_share": int(chosen.sum()) / (n * per_draw),
        "masked_share": int(masked.sum()) / n_chosen,
        "random_share": int(replaced.sum()) / n_chosen,
        "kept_share": int(kept.sum()) / n_chosen,
    }


# --- the terminal view, from the dict alone ---


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def render(result: dict[str, Any], lang: str) -> Any:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    k = result["k"]
    parts: list[Any] = [Text(t("demo.mlm.title", lang, seed=result["seed"]), style="bold"), Prose(("« " + result["text"] + " »", "italic"))]

    if result["mode"] == "random":
        action = {"mask": "[MASK]", "random": t("demo.mlm.action.random", lang), "kept": t("demo.mlm.action.kept", lang)}
        table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
        table.add_column("#", justify="right", style="dim")
        table.add_column(t("demo.col.token", lang))
        table.add_column(t("demo.mlm.col.chosen", lang))
        table.add_column(t("demo.mlm.col.sees", lang))
        table.add_column(t("demo.mlm.col.label", lang), justify="right")
        for tok in result["tokens"]:
            chosen = f"✓ {action[tok['action']]}" if tok["chosen"] else "·"
            label = f"{tok['label']} {tok['token']}" if tok["chosen"] else "-100"
            table.add_row(
                str(tok["position"]),
                tok["token"],
                chosen,
                Text(tok["input_token"], style="bold" if tok["chosen"] else ""),
                Text(label, style="" if tok["chosen"] else "dim"),
            )
        parts += [Text(""), table]
    else:  # the user's [MASK]s: just the tokens and their ids
        cells = [(tok["token"], "bold") if tok["token"] == "[MASK]" else tok["token"] for tok in result["tokens"]]
        parts += [Text(""), TokenGrid([(t("demo.col.token", lang), cells), ("id", [str(tok["id"]) for tok in result["tokens"]])])]
    if result["draws"] > 1:
        parts.append(Prose((t("demo.mlm.redrawn", lang, n=result["draws"] - 1), "dim")))

    labelled = result["mode"] == "random"
    preds = Table(title=t("demo.mlm.predictions" if labelled else "demo.mlm.predictions_user", lang, k=k), show_edge=False, pad_edge=False, box=None, header_style="bold", title_justify="left")
    preds.add_column("#", justify="right", style="dim")
    if labelled:
        preds.add_column(t("demo.mlm.col.label", lang))
    preds.add_column(t("demo.mlm.col.top", lang, k=k), overflow="fold")
    if labelled:
        preds.add_column("p(label)", justify="right")
        preds.add_column("−log p", justify="right")
    for p in result["predictions"]:
        top = "  ".join(f"{c['token']} {_pct(c['probability'])}" for c in p["top"])
        if not labelled:
            preds.add_row(str(p["position"]), top)
            continue
        hit = any(c["id"] == p["label"] for c in p["top"])
        preds.add_row(str(p["position"]), p["label_token"], Text(top, style="green" if hit else ""), _pct(p["p_label"]), f"{p['nll']:.3f}")
    parts += [Text(""), preds]

    loss = result["loss"]
    if loss["chosen"] is not None:
        parts.append(Text(""))
        parts.append(Prose(t("demo.mlm.loss_chosen", lang, n=loss["n_chosen"], loss=f"{loss['chosen']:.3f}"), style="bold"))
        rest = f"{loss['unchosen']:.3f}" if loss["unchosen"] is not None else "—"
        parts.append(Prose(t("demo.mlm.loss_all", lang, n=loss["n_all"], loss=f"{loss['all']:.3f}", m=loss["n_unchosen"], rest=rest)))
    else:
        parts += [Text(""), Prose((t("demo.mlm.no_loss", lang), "dim"))]

    s = result["stats"]
    if s["draws"]:
        stats = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
        stats.add_column("")
        stats.add_column(t("demo.mlm.stats.count", lang), justify="right")
        stats.add_column(t("demo.mlm.stats.share", lang), justify="right")
        stats.add_column(t("demo.mlm.stats.expected", lang), justify="right", style="dim")
        stats.add_row(t("demo.mlm.stats.candidates", lang), f"{s['candidates']:,}", "", "")
        stats.add_row(t("demo.mlm.stats.chosen", lang), f"{s['chosen']:,}", _pct(s["chosen_share"]), "15%")
        stats.add_row("  → [MASK]", f"{s['masked']:,}", _pct(s["masked_share"]), "80%")
        stats.add_row("  → " + t("demo.mlm.action.random", lang), f"{s['random']:,}", _pct(s["random_share"]), "10%")
        stats.add_row("  → " + t("demo.mlm.action.kept", lang), f"{s['kept']:,}", _pct(s["kept_share"]), "10%")
        stats.add_row(t("demo.mlm.stats.special", lang), f"{s['special_chosen']:,}", "", "0")
        stats.add_row(t("demo.mlm.stats.empty", lang), f"{s['no_position_chosen']:,}", _pct(s["no_position_chosen"] / s["draws"]), _pct(s["no_position_expected"]))
        parts += [Text(""), Prose((t("demo.mlm.stats.title", lang, n=f"{s['draws']:,}"), "bold")), stats]
    parts.append(Text(""))

    keys = ("demo.mlm.explain.1", "demo.mlm.explain.2", "demo.mlm.explain.3") if result["mode"] == "random" else ("demo.mlm.explain.user", "demo.mlm.explain.1", "demo.mlm.explain.3")
    parts += [Prose(("• ", "dim"), t(key, lang), indent=2) for key in keys]
    return Group(*parts)


__all__ = ["EXAMPLES", "run", "render"]
