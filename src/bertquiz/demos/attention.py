"""Padding and the attention mask: the same sentence with 0, 5 and 20 [PAD] tokens.

The attention mask (1 real, 0 padding) becomes an additive mask: 0 for real keys, the most
negative float32 for padding, added to the scores before the softmax. So padding gets weight 0
and the outputs of the real tokens do not change, whatever the amount of padding; without the
mask they do. Layer 0, head 0 is recomputed by hand to show where the mask goes.

    bertquiz demo attention
    bertquiz demo attention "your sentence"
"""

from __future__ import annotations

import math
from typing import Any

from bertquiz.demos.common import TokenGrid, heatmap, load, one_thread, pick, seed_everything, shade_legend
from bertquiz.errors import BertquizError
from bertquiz.i18n import t
from bertquiz.ui.prose import Prose

EXAMPLES = {
    "en": "Padding must not change what BERT computes.",
    "ru": "Паддинг не должен менять то, что считает BERT.",
    "zh": "填充不应改变 BERT 的计算结果。",
}
PADS = (0, 5, 20)
SHOWN_PADS = 5  # the case drawn: its additive mask and one head's weights
TOLERANCE = 1e-5


def _set_attention(model: Any, implementation: str) -> None:
    if hasattr(model, "set_attn_implementation"):  # transformers >= 4.56
        model.set_attn_implementation(implementation)
    else:
        model.config._attn_implementation = implementation


@one_thread()
def run(*, lang: str, seed: int, texts: list[str]) -> dict[str, Any]:
    import torch

    from bertquiz.tinybert.data import PAD

    model, tokenizer = load()
    seed_everything(seed)  # nothing here is random (eval mode: no dropout)
    text = " ".join(texts).strip() if texts else pick(EXAMPLES, lang)
    if not text:
        raise BertquizError("the text is empty: give a sentence in quotes")
    ids = torch.tensor([tokenizer.backend_tokenizer.encode(text).ids])  # (1, T) [CLS] ... [SEP]
    T = ids.shape[1]
    limit = model.config.max_position_embeddings
    if T + max(PADS) > limit:
        raise BertquizError(f"the sentence is {T} tokens long; with {max(PADS)} [PAD] it must fit in {limit}: shorten it")

    def forward(pads: int, *, masked: bool = True) -> Any:
        input_ids = torch.cat([ids, torch.full((1, pads), PAD)], dim=1)  # (1, T + pads)
        mask = torch.cat([torch.ones(1, T, dtype=torch.long), torch.full((1, pads), 0 if masked else 1)], dim=1)
        with torch.inference_mode():
            return model.bert(input_ids=input_ids, attention_mask=mask, token_type_ids=torch.zeros_like(input_ids), output_attentions=True, output_hidden_states=True)

    # the fused (sdpa) kernel returns no attention weights; the plain ("eager") one does, same maths
    previous = model.config._attn_implementation
    _set_attention(model, "eager")
    try:
        outs = {p: forward(p) for p in PADS}
        unmasked = forward(SHOWN_PADS, masked=False)  # the same padding, but the mask says "attend to it"
    finally:
        _set_attention(model, previous)

    reference = outs[0].last_hidden_state[0]  # (T, H) no padding at all
    runs = []
    for p in PADS:
        out = outs[p]
        weights = torch.stack(out.attentions)[:, 0]  # (L, heads, T+p, T+p)
        on_pad = weights[..., T:]  # (L, heads, T+p, p): every query's weight on every [PAD] key
        runs.append(
            {
                "pads": p,
                "max_weight_on_padding": float(on_pad.max()) if p else None,
                "max_abs_diff_real_outputs": float((out.last_hidden_state[0, :T] - reference).abs().max()),  # (T, H)
                "max_abs_diff_pooled": float((out.pooler_output - outs[0].pooler_output).abs().max()),
            }
        )
    no_mask_weights = torch.stack(unmasked.attentions)[:, 0, :, :T, T:]  # (L, heads, T, p): real queries -> [PAD]
    no_mask = {
        "pads": SHOWN_PADS,
        "max_weight_on_padding": float(no_mask_weights.max()),
        "max_abs_diff_real_outputs": float((unmasked.last_hidden_state[0, :T] - reference).abs().max()),
    }

    # layer 0, head 0 by hand: softmax(Q K^T / sqrt(d) + additive mask)
    shown = outs[SHOWN_PADS]
    mask = torch.cat([torch.ones(T), torch.zeros(SHOWN_PADS)])  # (T')
    neg = torch.finfo(torch.float32).min
    additive = (1.0 - mask) * neg  # (T') 0 for real keys, the float32 minimum for padding
    attn = model.bert.encoder.layer[0].attention.self
    heads = model.config.num_attention_heads
    d = model.config.hidden_size // heads
    h0 = shown.hidden_states[0][0]  # (T', H) the embeddings, the input of layer 0
    with torch.inference_mode():
        q = attn.query(h0)[:, :d]  # (T', d) head 0 is the first d features
        k = attn.key(h0)[:, :d]  # (T', d)
        scores = q @ k.T / math.sqrt(d) + additive  # (T', T') the mask is added to every query's row
        by_hand = scores.softmax(dim=-1)
    model_w = shown.attentions[0][0, 0]  # (T', T')

    layers = len(shown.attentions)
    tokens = tokenizer.convert_ids_to_tokens(ids[0].tolist())
    drawn = shown.attentions[-1][0, 0]  # (T', T') last layer, head 0
    return {
        "demo": "attention",
        "lang": lang,
        "seed": seed,
        "text": text,
        "tokens": tokens,
        "n_real": T,
        "pads": list(PADS),
        "tolerance": TOLERANCE,
        "additive_mask": {"pads": SHOWN_PADS, "attention_mask": mask.long().tolist(), "values": additive.tolist(), "min": neg},
        "runs": runs,
        "no_mask": no_mask,
        "by_hand": {"layer": 0, "head": 0, "max_abs_diff": float((by_hand - model_w).abs().max()), "weights_on_padding_max": float(by_hand[:, T:].max())},
        "heatmap": {
            "layer": layers - 1,
            "head": 0,
            "pads": SHOWN_PADS,
            "tokens": [*tokens, *(["[PAD]"] * SHOWN_PADS)],
            "weights": [[round(float(w), 4) for w in row] for row in drawn],
        },
    }


# --- the terminal view, from the dict alone ---


def render(result: dict[str, Any], lang: str) -> Any:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    T, tol = result["n_real"], result["tolerance"]
    parts: list[Any] = [Text(t("demo.att.title", lang), style="bold"), Prose(("« " + result["text"] + " »", "italic")), Text("")]

    am = result["additive_mask"]
    parts.append(Prose((t("demo.att.additive", lang, n=am["pads"]), "bold")))
    tokens = [*result["tokens"], *(["[PAD]"] * am["pads"])]
    parts.append(
        TokenGrid(
            [
                (t("demo.col.token", lang), [(tok, "dim") if tok == "[PAD]" else tok for tok in tokens]),
                ("attention_mask", [str(m) for m in am["attention_mask"]]),
                ("+ " + t("demo.att.to_scores", lang), ["0" if v == 0 else f"{v:.1e}" for v in am["values"]]),
            ]
        )
    )

    table = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    table.add_column("[PAD]", justify="right")
    table.add_column(t("demo.att.col.weight", lang), justify="right")
    table.add_column(t("demo.att.col.diff", lang, n=T), justify="right")
    table.add_column("")
    for r in result["runs"]:
        w = "—" if r["max_weight_on_padding"] is None else f"{r['max_weight_on_padding']:.1e}"
        ok = "" if r["pads"] == 0 else ("✓" if r["max_abs_diff_real_outputs"] <= tol else "✗")
        table.add_row(str(r["pads"]), w, f"{r['max_abs_diff_real_outputs']:.1e}", ok)
    nm = result["no_mask"]
    table.add_row(f"{nm['pads']} " + t("demo.att.no_mask", lang), f"{nm['max_weight_on_padding']:.3f}", f"{nm['max_abs_diff_real_outputs']:.3f}", t("demo.att.changed", lang))
    parts += [Text(""), table, Text("")]

    bh = result["by_hand"]
    parts.append(Prose(t("demo.att.by_hand", lang, diff=f"{bh['max_abs_diff']:.1e}", pad=f"{bh['weights_on_padding_max']:.1e}")))

    hm = result["heatmap"]
    hi = max(max(row) for row in hm["weights"])
    labels = [f"{i:>2} {tok[:8]}" for i, tok in enumerate(hm["tokens"])]
    parts += [
        Text(""),
        Prose((t("demo.att.heatmap", lang, layer=hm["layer"], head=hm["head"], n=hm["pads"]), "bold")),
        heatmap(hm["weights"], labels, lo=0.0, hi=hi),
        Text(shade_legend(0.0, hi), style="dim"),
        Text(""),
    ]
    parts += [Prose(("• ", "dim"), t(key, lang), indent=2) for key in ("demo.att.explain.1", "demo.att.explain.2", "demo.att.explain.3")]
    return Group(*parts)


__all__ = ["EXAMPLES", "render", "run"]
