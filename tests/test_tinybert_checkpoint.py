"""The shipped checkpoint: plain transformers opens it, fill-mask works and makes sense, and the
`model info / path / eval` commands report on it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.torch

# the checkpoint as installed: inside the package (site-packages in CI, src/ in a checkout)
from bertquiz.tinybert.checkpoint import shipped_checkpoint_dir  # noqa: E402

SHIPPED = shipped_checkpoint_dir()


def test_the_checkpoint_ships_the_files_plain_transformers_needs_and_stays_small():
    from bertquiz.tinybert.checkpoint import SHIPPED_FILES, STATE_FILE

    assert SHIPPED.parent.name == "tinybert" and SHIPPED.parent.parent.name == "bertquiz"
    assert sorted(p.name for p in SHIPPED.iterdir() if not p.name.startswith(".")) == sorted(SHIPPED_FILES)
    assert not (SHIPPED / STATE_FILE).exists()  # the optimizer state stays out of the package
    assert sum(p.stat().st_size for p in SHIPPED.iterdir()) < 12_000_000


@pytest.fixture(scope="module")
def model():
    from transformers import BertForPreTraining

    return BertForPreTraining.from_pretrained(str(SHIPPED)).eval()


@pytest.fixture(scope="module")
def fill_mask():
    from transformers import pipeline

    return pipeline("fill-mask", model=str(SHIPPED), device="cpu")


def test_plain_transformers_loads_model_and_tokenizer(model):
    import torch
    from transformers import BertTokenizer

    from bertquiz.tinybert.checkpoint import read_info

    tokenizer = BertTokenizer.from_pretrained(str(SHIPPED))
    info = read_info(SHIPPED)
    cfg = info["config"]
    assert model.dtype == torch.float32  # float16 on disk, float32 in memory
    assert model.config.vocab_size == len(tokenizer) == info["vocab_size"]
    assert (model.config.hidden_size, model.config.num_hidden_layers, model.config.num_attention_heads) == (
        cfg["hidden_size"],
        cfg["num_layers"],
        cfg["num_heads"],
    )
    assert model.config.max_position_embeddings == 128
    assert sum(p.numel() for p in model.parameters()) == info["parameters"]
    assert info["finished"] and info["step"] == cfg["steps"]

    enc = tokenizer("BERT is an encoder.", "It has no decoder.", return_tensors="pt")
    with torch.no_grad():
        out = model(**enc)
    assert out.prediction_logits.shape == (1, enc["input_ids"].shape[1], len(tokenizer))
    assert out.seq_relationship_logits.shape == (1, 2)


def _top(fill_mask, text, k=5):
    return [r["token_str"].replace(" ", "") for r in fill_mask(text, top_k=k)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bert is an encoder, it has no [MASK].", "decoder"),
        ("bert is pre-trained with masked language modelling and next sentence [MASK].", "prediction"),
        ("the position embeddings of bert are [MASK], not sinusoidal.", "learned"),
        ("the [MASK] token replaces 80% of the chosen tokens.", "[MASK]"),  # the corpus writes "the [MASK] token"
        ("BERT 使用 [MASK] 码语言模型进行预训练。", "掩"),
        ("BERT 的位置[MASK]入是可学习的。", "嵌"),
        ("Утром я пью [MASK] с молоком.", "чай"),
    ],
)
def test_fill_mask_pipeline_puts_the_right_word_in_the_top_5(fill_mask, text, expected):
    # sentences about BERT in three languages, and an everyday one; the model guesses from the
    # words around the mask and from their order (docs/tinybert.md, the word-order test)
    assert expected in _top(fill_mask, text), _top(fill_mask, text, k=10)


def test_nsp_head_prefers_the_real_next_sentence(model):
    import torch
    from transformers import BertTokenizer

    tokenizer = BertTokenizer.from_pretrained(str(SHIPPED))
    first = "BERT is pre-trained with two tasks."
    pairs = [(first, "The first task is masked language modelling."), (first, "Чай лучше пить горячим.")]
    enc = tokenizer([a for a, _ in pairs], [b for _, b in pairs], return_tensors="pt", padding=True)
    with torch.no_grad():
        p_next = model(**enc).seq_relationship_logits.softmax(-1)[:, 0]  # label 0 = IsNext
    assert p_next[0] > p_next[1]


def test_the_model_card_gives_the_shipped_metrics_and_a_command_that_rebuilds_its_config():
    import shlex

    from bertquiz.tinybert.checkpoint import read_info
    from bertquiz.tinybert.config import TinyBertConfig

    info = read_info(SHIPPED)
    card = (SHIPPED / "README.md").read_text(encoding="utf-8")
    m = info["metrics"]
    assert f"| MLM top-1 | {100 * m['mlm_top1']:.1f} % |" in card
    assert f"| NSP accuracy | {100 * m['nsp_accuracy']:.1f} % |" in card
    assert f"{info['parameters']:,}" in card

    # the command, read back the way the CLI reads it, gives the shipped config
    command = next(line for line in card.splitlines() if line.startswith("bertquiz model pretrain"))
    args = shlex.split(command)
    steps = int(args[args.index("--steps") + 1]) if "--steps" in args else TinyBertConfig.steps
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else TinyBertConfig.seed
    sets = [args[i + 1] for i, a in enumerate(args) if a == "--set"]
    rebuilt = TinyBertConfig(steps=steps, seed=seed).override(sets).to_dict()
    shipped = TinyBertConfig.from_dict(info["config"]).to_dict()
    assert {k: v for k, v in rebuilt.items() if k != "save_every"} == {k: v for k, v in shipped.items() if k != "save_every"}


def test_reproduce_command_lists_only_what_differs_from_the_defaults():
    from bertquiz.tinybert.config import TinyBertConfig
    from bertquiz.tinybert.model_card import reproduce_command

    defaults = TinyBertConfig().to_dict()
    assert reproduce_command(defaults) == "bertquiz model pretrain --out runs/tinybert"
    changed = {**defaults, "steps": 100, "seed": 7, "hidden_size": 256, "dropout": 0.1, "save_every": 5}
    assert reproduce_command(changed, out="x y") == (
        "bertquiz model pretrain --out 'x y' --steps 100 --seed 7 --set hidden_size=256 --set dropout=0.1"
    )


def test_weights_load_from_safetensors_only_never_from_a_pickle(tmp_path):
    import shutil

    from bertquiz.errors import BertquizError
    from bertquiz.tinybert.checkpoint import load_model

    folder = tmp_path / "ckpt"
    shutil.copytree(SHIPPED, folder)
    (folder / "pytorch_model.bin").write_bytes(b"not a pickle: loading this would fail")
    assert load_model(folder).config.vocab_size > 0  # the .bin beside it is never read
    (folder / "model.safetensors").unlink()
    with pytest.raises(BertquizError, match="missing: model.safetensors"):
        load_model(folder)


# --------------------------------------------------------------------------- the commands


def test_model_path_prints_the_shipped_checkpoint(invoke):
    result = invoke("model", "path")
    assert result.exit_code == 0
    assert Path(result.stdout.strip()).resolve() == SHIPPED.resolve()


def test_model_info_json_describes_the_checkpoint(invoke):
    result = invoke("model", "info", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["parameters"] > 1_000_000 and data["vocab_size"] >= 8000
    assert data["config"]["hidden_size"] == data["bert_config"]["hidden_size"]
    assert len(data["corpus_hash"]) == 64 and data["corpus_matches"] is True
    assert data["step"] == data["config"]["steps"] and data["tokens_seen"] > 0
    m = data["metrics"]
    assert m["mlm_top1"] >= 0.30 and m["mlm_top5"] >= 0.45  # the shipped run: 31.0 % and 46.5 %
    assert m["mlm_loss"] < m["baseline_mlm_loss"] - 2.5
    assert m["nsp_accuracy"] > m["baseline_nsp_accuracy"] + 0.25


def test_model_info_table(invoke):
    result = invoke("model", "info")
    assert result.exit_code == 0
    assert "parameters" in result.stdout and "held-out" in result.stdout


def test_model_eval_json_beats_the_baselines(invoke):
    result = invoke("model", "eval", "--json", "--limit", "96")
    assert result.exit_code == 0, result.output
    m = json.loads(result.stdout)
    assert {"mlm_top1", "mlm_top5", "mlm_loss", "nsp_accuracy", "baseline_mlm_top1", "baseline_nsp_accuracy"} <= set(m)
    assert m["pairs"] == 96 and m["masked_tokens"] > 1000
    assert m["mlm_top1"] > 2 * m["baseline_mlm_top1"] and m["mlm_top5"] > m["mlm_top1"]
    assert m["nsp_accuracy"] > m["baseline_nsp_accuracy"]


def test_eval_is_repeatable(invoke):
    a = invoke("model", "eval", "--json", "--limit", "32").stdout
    assert a == invoke("model", "eval", "--json", "--limit", "32").stdout


def test_model_commands_report_a_missing_checkpoint_in_one_line(invoke, tmp_path):
    result = invoke("model", "info", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "not a tiny-BERT checkpoint" in result.stderr


@pytest.mark.parametrize("args", [["model", "path"], ["model", "info"], ["model", "--help"]])
def test_light_model_commands_do_not_import_torch(args):
    code = (
        "import sys\n"
        "from bertquiz.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "print('HEAVY', sorted(m for m in ('torch', 'transformers', 'tokenizers') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in result.stdout, result.stdout[-500:]
