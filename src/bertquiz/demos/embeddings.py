"""The input embeddings: token + segment + position, summed, then LayerNorm.

We look the three vectors up in the model's own tables by hand, add them, and compare with what
`model.bert.embeddings` feeds its LayerNorm (caught with a forward hook); then LayerNorm by
hand against the module's output (eval mode, so dropout is off). The position table is a
learned parameter; its cosine similarities are drawn as a heatmap. Finally, why a sum is
not a loss of generality: one-hot [token | segment | position] times the stacked tables is
the same vector.

    bertquiz demo embeddings
    bertquiz demo embeddings "first segment" "second segment"
"""

from __future__ import annotations

from typing import Any

from bertquiz.demos.common import heatmap, load, one_thread, pick, seed_everything, shade_legend
from bertquiz.errors import BertquizError
from bertquiz.i18n import t
from bertquiz.ui.prose import Prose

EXAMPLES = {
    "en": ("The input is a sum.", "Then comes LayerNorm."),
    "ru": ("Вход — это сумма.", "Потом идёт LayerNorm."),
    "zh": ("输入是三个向量的和。", "然后做层归一化。"),
}
SHOWN_DIMS = 4  # coordinates printed per vector (of H)
HEATMAP_SIZE = 16  # positions drawn in the cosine heatmap, evenly spaced over the table
TOLERANCE = 1e-5


@one_thread()
def run(*, lang: str, seed: int, texts: list[str]) -> dict[str, Any]:
    import torch
    import torch.nn.functional as F

    model, tokenizer = load()
    seed_everything(seed)  # nothing here is random; kept for a uniform interface
    if len(texts) > 2 or any(not x.strip() for x in texts):
        raise BertquizError(f"embeddings takes one sentence, or two (segments A and B), each in quotes (got {len(texts)})")
    segments = tuple(x.strip() for x in texts) if texts else pick(EXAMPLES, lang)
    enc = tokenizer(*segments, return_tensors="pt", verbose=False)  # [CLS] A [SEP] (B [SEP])
    ids, types = enc["input_ids"], enc["token_type_ids"]  # (1, T)
    T = ids.shape[1]
    emb = model.bert.embeddings
    if T > emb.position_embeddings.num_embeddings:
        raise BertquizError(f"the text is {T} tokens long; this model reads at most {emb.position_embeddings.num_embeddings}")

    # the model's own numbers: its LayerNorm input (hook) and its embedding output
    caught: dict[str, torch.Tensor] = {}
    hook = emb.LayerNorm.register_forward_hook(lambda _m, inputs, _out: caught.update(pre=inputs[0].detach().clone()))
    try:
        with torch.inference_mode():
            out = model.bert(input_ids=ids, token_type_ids=types, attention_mask=torch.ones_like(ids), output_hidden_states=True)
    finally:
        hook.remove()
    model_pre = caught["pre"][0]  # (T, H) token + segment + position, as the model summed it
    model_out = out.hidden_states[0][0]  # (T, H) after LayerNorm (and dropout, off in eval mode)

    # the same by hand, from the three tables
    W_tok = emb.word_embeddings.weight.detach()  # (V, H)
    W_seg = emb.token_type_embeddings.weight.detach()  # (2, H)
    W_pos = emb.position_embeddings.weight.detach()  # (P, H)
    V, H = W_tok.shape
    P = W_pos.shape[0]
    positions = torch.arange(T)
    tok_v, seg_v, pos_v = W_tok[ids[0]], W_seg[types[0]], W_pos[positions]  # (T, H) each
    summed = tok_v + seg_v + pos_v  # (T, H)
    ln = emb.LayerNorm
    mean = summed.mean(dim=-1, keepdim=True)
    var = summed.var(dim=-1, unbiased=False, keepdim=True)  # LayerNorm uses the biased variance
    normed = (summed - mean) / torch.sqrt(var + ln.eps) * ln.weight.detach() + ln.bias.detach()  # (T, H)

    # why a sum: one-hot [token | segment | position] (T, V+2+P) @ the stacked tables (V+2+P, H)
    one_hot = torch.zeros(T, V + 2 + P)
    one_hot[positions, ids[0]] = 1.0
    one_hot[positions, V + types[0]] = 1.0
    one_hot[positions, V + 2 + positions] = 1.0
    stacked = torch.cat([W_tok, W_seg, W_pos])  # (V+2+P, H)
    via_one_hot = one_hot @ stacked  # (T, H)

    # the learned positions: cosine similarity between rows of the table
    unit = F.normalize(W_pos, dim=-1)
    cos = unit @ unit.T  # (P, P)
    step = max(1, P // HEATMAP_SIZE)
    sampled = list(range(0, P, step))[:HEATMAP_SIZE]
    idx = torch.arange(P)
    dist = (idx[:, None] - idx[None, :]).abs()  # (P, P)

    # shown in full: [CLS], the first token of A, and the first of B (or the last token)
    first_b = int((types[0] == 1).nonzero()[0]) if bool((types[0] == 1).any()) else T - 1
    shown = sorted({0, min(1, T - 1), first_b})
    tokens = tokenizer.convert_ids_to_tokens(ids[0].tolist())

    def vec(v: Any) -> dict[str, Any]:
        return {"head": [round(float(x), 6) for x in v[:SHOWN_DIMS]], "norm": float(v.norm())}

    return {
        "demo": "embeddings",
        "lang": lang,
        "seed": seed,
        "segments": list(segments),
        "tokens": tokens,
        "input_ids": ids[0].tolist(),
        "token_type_ids": types[0].tolist(),
        "hidden_size": H,
        "tables": [
            {"name": "word_embeddings", "shape": [V, H], "parameters": V * H, "learned": emb.word_embeddings.weight.requires_grad},
            {"name": "token_type_embeddings", "shape": [2, H], "parameters": 2 * H, "learned": emb.token_type_embeddings.weight.requires_grad},
            {"name": "position_embeddings", "shape": [P, H], "parameters": P * H, "learned": emb.position_embeddings.weight.requires_grad},
            {"name": "LayerNorm (γ, β)", "shape": [2, H], "parameters": 2 * H, "learned": ln.weight.requires_grad},
        ],
        "positions": [
            {
                "position": p,
                "token": tokens[p],
                "id": int(ids[0, p]),
                "segment": int(types[0, p]),
                "token_vector": vec(tok_v[p]),
                "segment_vector": vec(seg_v[p]),
                "position_vector": vec(pos_v[p]),
                "sum": vec(summed[p]),
                "model_pre_layernorm": vec(model_pre[p]),
            }
            for p in shown
        ],
        "check": {
            "sum_vs_model_max_abs_diff": float((summed - model_pre).abs().max()),  # over all T x H
            "layernorm_vs_model_max_abs_diff": float((normed - model_out).abs().max()),
            "one_hot_vs_sum_max_abs_diff": float((via_one_hot - summed).abs().max()),
            "tolerance": TOLERANCE,
        },
        "one_hot": {"width": V + 2 + P, "stacked_shape": [V + 2 + P, H]},
        "concatenation": {"width": 3 * H, "projection_parameters": 3 * H * H + H},
        "position_cosine": {
            "positions": sampled,
            "matrix": [[round(float(cos[i, j]), 4) for j in sampled] for i in sampled],
            "neighbours_mean": float(cos[dist == 1].mean()),  # |i - j| = 1
            "far_mean": float(cos[dist >= P // 4].mean()),  # |i - j| >= P/4
        },
        "parameter_name": "bert.embeddings.position_embeddings.weight",
    }


# --- the terminal view, from the dict alone ---


def _fmt(v: dict[str, Any]) -> list[str]:
    return [f"{x:+.3f}" for x in v["head"]] + [f"{v['norm']:.3f}"]


def render(result: dict[str, Any], lang: str) -> Any:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    H = result["hidden_size"]
    parts: list[Any] = [Text(t("demo.emb.title", lang), style="bold"), Prose(("« " + " | ".join(result["segments"]) + " »", "italic")), Text("")]

    tables = Table(show_edge=False, pad_edge=False, box=None, header_style="bold")
    tables.add_column(t("demo.emb.col.table", lang))
    tables.add_column(t("demo.emb.col.shape", lang), justify="right")
    tables.add_column(t("demo.emb.col.params", lang), justify="right")
    tables.add_column(t("demo.emb.col.learned", lang), justify="center")
    for tb in result["tables"]:
        tables.add_row(tb["name"], " × ".join(f"{n:,}" for n in tb["shape"]), f"{tb['parameters']:,}", "✓" if tb["learned"] else "·")
    parts += [tables, Text("")]

    vectors = Table(show_edge=False, pad_edge=False, box=None, header_style="bold", title=t("demo.emb.vectors", lang, n=len(result["positions"]), h=H), title_justify="left")
    vectors.add_column("")
    for d in range(len(result["positions"][0]["sum"]["head"])):
        vectors.add_column(f"d{d}", justify="right")
    vectors.add_column("‖v‖", justify="right")
    for p in result["positions"]:
        vectors.add_row(Text(f"#{p['position']} {p['token']} · seg {p['segment']}", style="bold"), end_section=False)
        vectors.add_row(f"  token {p['id']}", *_fmt(p["token_vector"]))
        vectors.add_row(f"+ segment {p['segment']}", *_fmt(p["segment_vector"]))
        vectors.add_row(f"+ position {p['position']}", *_fmt(p["position_vector"]))
        vectors.add_row(Text("= " + t("demo.emb.sum", lang), style="bold"), *_fmt(p["sum"]))
        vectors.add_row(Text("  " + t("demo.emb.model", lang), style="dim"), *_fmt(p["model_pre_layernorm"]), end_section=True)
    parts += [vectors, Text("")]

    c = result["check"]
    ok = lambda x: "✓" if x <= c["tolerance"] else "✗"  # noqa: E731
    n = len(result["tokens"])
    parts.append(Prose(t("demo.emb.check_sum", lang, n=n, h=H, diff=f"{c['sum_vs_model_max_abs_diff']:.1e}"), f" {ok(c['sum_vs_model_max_abs_diff'])}"))
    parts.append(Prose(t("demo.emb.check_ln", lang, diff=f"{c['layernorm_vs_model_max_abs_diff']:.1e}"), f" {ok(c['layernorm_vs_model_max_abs_diff'])}"))
    oh, cc = result["one_hot"], result["concatenation"]
    parts.append(Prose(t("demo.emb.check_onehot", lang, w=f"{oh['width']:,}", h=H, diff=f"{c['one_hot_vs_sum_max_abs_diff']:.1e}"), f" {ok(c['one_hot_vs_sum_max_abs_diff'])}"))
    parts.append(Prose(t("demo.emb.concat", lang, w=cc["width"], h=H, p=f"{cc['projection_parameters']:,}")))

    pc = result["position_cosine"]
    parts += [Text(""), Prose((t("demo.emb.heatmap", lang, first=pc["positions"][0], second=pc["positions"][1], last=pc["positions"][-1]), "bold"))]
    parts.append(heatmap(pc["matrix"], [str(p) for p in pc["positions"]], lo=0.0, hi=1.0, col_labels=[" "] * len(pc["positions"])))
    parts.append(Text(shade_legend(0.0, 1.0), style="dim"))
    parts.append(Prose(t("demo.emb.cosines", lang, near=f"{pc['neighbours_mean']:.2f}", far=f"{pc['far_mean']:.2f}")))
    parts.append(Text(""))
    P = result["tables"][2]["shape"][0]
    explain = [t("demo.emb.explain.1", lang), t("demo.emb.explain.2", lang, p=P), t("demo.emb.explain.3", lang)]
    parts += [Prose(("• ", "dim"), line, indent=2) for line in explain]
    return Group(*parts)


__all__ = ["EXAMPLES", "render", "run"]
