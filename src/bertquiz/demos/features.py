"""Feature-based against fine-tuning, on the sentences of the `cls` demo (topics.jsonl: nlp /
food / sport / weather, the three languages together, the same held-out split).

(a) Feature-based: the pre-trained encoder is frozen. Each sentence goes through it once, in
    eval mode, and its [CLS] vectors are kept as fixed features: the last layer's (H numbers),
    or the last four layers' concatenated (4H), the best feature-based choice of the paper's
    §5.3 (for NER). Only a linear layer on these features is trained.
(b) Fine-tuning: the `cls` demo's model, the last layer's [CLS] -> a linear layer, every weight
    trained.

All three train for the same number of steps, with the same batches and seed; the head alone
takes a larger learning rate. The table shows held-out accuracy, trainable parameters and time.

    bertquiz demo features --lang zh
"""

from __future__ import annotations

import time
from typing import Any

from bertquiz.demos import cls
from bertquiz.demos.common import load, one_thread, seed_everything
from bertquiz.demos.finetune import LANGS, TrainConfig, count_parameters, pct, sizes, sparkline, split, task_rows, train
from bertquiz.i18n import t
from bertquiz.ui.prose import Prose

LAST = 4  # layers whose [CLS] vectors are concatenated
# the same steps, batch size and warmup as cls.CONFIG; a linear layer on fixed features needs a far larger rate
HEAD_CONFIG = TrainConfig(steps=cls.CONFIG.steps, batch_size=cls.CONFIG.batch_size, lr=1e-2, warmup_steps=cls.CONFIG.warmup_steps)


def cls_vectors(encoder: Any, tokenizer: Any, texts: list[str]) -> Any:
    """The [CLS] vector of every layer for every text, (N, L + 1, H); index 0 is the embeddings."""
    import torch

    out = []
    with torch.inference_mode():
        for i in range(0, len(texts), 64):
            hidden = encoder(**cls._encode(tokenizer, texts[i : i + 64]), output_hidden_states=True).hidden_states  # L+1 x (B, T, H)
            out.append(torch.stack([h[:, 0] for h in hidden], dim=1))  # (B, L+1, H): position 0 is [CLS]
    return torch.cat(out)


def train_head(features: Any, labels: Any, heldout: Any, *, seed: int, title: str) -> dict[str, Any]:
    """A linear layer (K x D) on fixed features (N, D), trained with the shared loop; returns
    the log and the predicted label of every held-out feature vector."""
    import torch
    from torch import nn

    seed_everything(seed)
    head = nn.Linear(features.shape[1], len(cls.LABELS))  # (D -> K): the only trainable weights

    def batch_loss(batch: list[int]) -> Any:
        return nn.functional.cross_entropy(head(features[batch]), labels[batch])  # features: (B, D)

    log = train(head, list(range(len(features))), batch_loss, HEAD_CONFIG, seed=seed, title=title)
    with torch.inference_mode():
        predicted = head(heldout).argmax(-1).tolist()
    return {**log, "predicted": predicted, "trainable": count_parameters(head)}


@one_thread()  # tiny matrices: see common.one_thread
def run(*, lang: str, seed: int, texts: list[str]) -> dict[str, Any]:
    import torch

    rows = task_rows("topics")
    cls.check_labels(rows)
    train_rows, heldout = split(rows)
    labels = torch.tensor([cls.LABELS.index(r["label"]) for r in train_rows])  # (N,)
    title = t("demo.ft.training", lang)
    setups = []

    # (a) feature-based: the encoder of the pre-trained model, untouched (eval mode: no dropout, no gradient)
    pretrained, tokenizer = load()
    encoder = pretrained.bert
    t0 = time.perf_counter()
    train_x = cls_vectors(encoder, tokenizer, [r["text"] for r in train_rows])  # (N, L+1, H)
    held_x = cls_vectors(encoder, tokenizer, [r["text"] for r in heldout])
    extract = time.perf_counter() - t0  # paid once, whatever head is trained on top
    frozen = count_parameters(encoder.embeddings, trainable=False) + count_parameters(encoder.encoder, trainable=False)  # no pooler
    for name, pick_layers in (("last", lambda x: x[:, -1]), ("last4", lambda x: x[:, -LAST:].flatten(1))):  # (N, H), (N, 4H)
        head = train_head(pick_layers(train_x), labels, pick_layers(held_x), seed=seed, title=title)
        setups.append(
            {
                "name": name,
                "trainable": head["trainable"],
                "frozen": frozen,
                "seconds": extract + head["seconds"],
                "extract_seconds": extract,
                "lr": HEAD_CONFIG.lr,
                "losses": head["losses"],
                "accuracy": cls.accuracy_by_lang(heldout, head["predicted"]),
            }
        )

    # (b) fine-tuning: the cls demo's model and loop, every weight trained
    model, tokenizer = cls.new_model(seed)
    log = cls.fine_tune(model, tokenizer, seed=seed, title=title)
    predicted = cls.predict(model, tokenizer, [r["text"] for r in heldout]).argmax(-1).tolist()
    setups.append(
        {
            "name": "full",
            "trainable": count_parameters(model),
            "frozen": 0,
            "seconds": log["seconds"],
            "extract_seconds": 0.0,
            "lr": cls.CONFIG.lr,
            "losses": log["losses"],
            "accuracy": cls.accuracy_by_lang(heldout, predicted),
        }
    )
    return {
        "demo": "features",
        "lang": lang,
        "seed": seed,
        "sizes": sizes(rows),
        "steps": cls.CONFIG.steps,
        "batch_size": cls.CONFIG.batch_size,
        "layers": pretrained.config.num_hidden_layers,
        "hidden": pretrained.config.hidden_size,
        "setups": setups,
        "heldout": cls.baselines(heldout, train_rows),
    }


# --- the terminal view, from the dict alone ---


def render(result: dict[str, Any], lang: str) -> Any:
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    s, h = result["sizes"], result["heldout"]
    n_train = sum(v["train"] for v in s.values())
    title = t("demo.features.title", lang, train=n_train, heldout=h["n"]["all"], steps=result["steps"], batch=result["batch_size"], seed=result["seed"])
    parts: list[Any] = [Prose((title, "bold")), Text("")]
    table = Table(show_edge=False)
    table.add_column(t("demo.features.col.setup", lang))
    table.add_column(t("demo.features.col.trainable", lang), justify="right")
    table.add_column(t("demo.features.col.seconds", lang), justify="right")
    table.add_column(t("demo.ft.all", lang), justify="right")
    table.add_column(" / ".join(LANGS), justify="right")
    for x in result["setups"]:
        a = x["accuracy"]
        table.add_row(
            t(f"demo.features.setup.{x['name']}", lang),
            f"{x['trainable']:,}",
            f"{x['seconds']:.1f}",
            pct(a["all"]),
            " / ".join(f"{100 * a[k]:.0f}" for k in LANGS),
            style="bold" if x["name"] == "full" else "",
        )
    majority = t(f"demo.cls.label.{h['majority_label']}", lang)
    parts += [
        Prose(t("demo.features.table", lang)),
        table,
        Prose((t("demo.ft.baselines", lang, chance=pct(h["chance"]), majority=pct(h["majority"]), label=majority), "dim")),
        Text(""),
        Prose(t("demo.features.losses", lang)),
    ]
    names = {x["name"]: t(f"demo.features.setup.{x['name']}", lang) for x in result["setups"]}
    width = max(cell_len(n) for n in names.values())
    for x in result["setups"]:
        losses = x["losses"]
        pad = " " * (width - cell_len(names[x["name"]]))
        parts.append(Text(f"  {names[x['name']]}{pad}  lr {x['lr']:<6g} {losses[0]:.2f} {sparkline(losses, 30)} {losses[-1]:.2f}"))
    frozen = next(x for x in result["setups"] if x["name"] == "last")
    sizes_ = {"h": result["hidden"], "d": LAST * result["hidden"]}
    notes = t("demo.features.notes", lang, frozen=f"{frozen['frozen']:,}", extract=f"{frozen['extract_seconds']:.1f}", **sizes_)
    parts += [Text(""), Prose((notes, "dim")), Text("")]
    parts += [Prose(("• ", "dim"), t(f"demo.features.explain.{i}", lang), indent=2) for i in (1, 2, 3)]
    return Group(*parts)


__all__ = ["cls_vectors", "render", "run", "train_head"]
