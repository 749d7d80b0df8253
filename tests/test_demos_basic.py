"""The demos mlm, nsp, embeddings, tokenize and attention: their JSON numbers checked against
the model and against hand computations, the CLI around them, and `d` in a practice session.

Run on whatever checkpoint the demos load (`BERTQUIZ_MODEL` or the shipped one); nothing here
depends on how well that model was trained.
"""

from __future__ import annotations

import io
import json
import math
import os
import subprocess
import sys
from functools import cache

import pytest

pytestmark = pytest.mark.torch

MY_DEMOS = ("mlm", "nsp", "embeddings", "tokenize", "attention")


@cache
def result(name: str, lang: str = "en", seed: int = 0, texts: tuple[str, ...] = ()) -> dict:
    """A demo's JSON, as `--json` prints it (a round trip through json proves it serialises)."""
    from bertquiz.demos.runner import run_demo

    return json.loads(json.dumps(run_demo(name, lang=lang, seed=seed, texts=list(texts)), ensure_ascii=False))


def screen(name: str, lang: str, width: int = 80, **kwargs) -> str:
    """What `render` prints on a terminal `width` cells wide (lines are never wrapped for us)."""
    import importlib

    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, no_color=True, highlight=False)
    module = importlib.import_module(f"bertquiz.demos.{name}")
    console.print(module.render(result(name, lang, **kwargs), lang), soft_wrap=True)
    return console.file.getvalue()


def model_and_tokenizer():
    from bertquiz.demos.common import load

    return load()


# --- mlm ---


@pytest.mark.parametrize("texts", [(), ("Short one.",)])
def test_mlm_masking_proportions_over_many_draws(texts):
    s = result("mlm", texts=texts)["stats"]
    assert s["draws"] >= 2000 and s["candidates"] >= 20_000
    assert s["masked"] + s["random"] + s["kept"] == s["chosen"]
    assert s["special_chosen"] == 0  # [CLS] and [SEP] are never chosen
    # binomial standard deviations here are <= 0.25% (chosen) and <= 0.6% (80/10/10): 4-5 sigma bounds
    assert abs(s["chosen_share"] - 0.15) < 0.01
    assert abs(s["masked_share"] - 0.80) < 0.025
    assert abs(s["random_share"] - 0.10) < 0.02
    assert abs(s["kept_share"] - 0.10) < 0.02
    assert s["chosen_share"] == pytest.approx(s["chosen"] / s["candidates"])
    # a draw chooses nothing with probability 0.85^n (n candidate positions): why a short sentence may need a redraw
    assert abs(s["no_position_chosen"] / s["draws"] - s["no_position_expected"]) < 0.03


def test_mlm_table_is_consistent_with_what_was_done():
    r = result("mlm")
    from bertquiz.tinybert.data import MASK

    assert r["mode"] == "random" and r["draws"] >= 1
    chosen = [tok for tok in r["tokens"] if tok["chosen"]]
    assert chosen, "at least one position is chosen (redrawn until one is)"
    for tok in r["tokens"]:
        if tok["special"]:
            assert not tok["chosen"] and tok["token"] in ("[CLS]", "[SEP]")
        if not tok["chosen"]:
            assert tok["label"] == -100 and tok["input_id"] == tok["id"] and tok["action"] is None
            continue
        assert tok["label"] == tok["id"]  # the label is the ORIGINAL token, whatever the model sees
        if tok["action"] == "mask":
            assert tok["input_id"] == MASK
        elif tok["action"] == "random":
            assert tok["input_id"] not in (tok["id"], MASK) and tok["input_id"] >= 5
        else:
            assert tok["action"] == "kept" and tok["input_id"] == tok["id"]
    assert [p["position"] for p in r["predictions"]] == [tok["position"] for tok in chosen]
    for p in r["predictions"]:
        probs = [c["probability"] for c in p["top"]]
        assert len(probs) == r["k"] == 5 and probs == sorted(probs, reverse=True) and 0 < sum(probs) <= 1 + 1e-6
        assert p["nll"] == pytest.approx(-math.log(p["p_label"]), rel=1e-4, abs=1e-6)


def test_mlm_loss_is_the_mean_over_the_chosen_positions_by_hand():
    import torch

    r = result("mlm", seed=3)
    loss = r["loss"]
    # 1. from the demo's own per-position numbers
    assert loss["n_chosen"] == len(r["predictions"])
    assert loss["chosen"] == pytest.approx(sum(p["nll"] for p in r["predictions"]) / len(r["predictions"]), abs=1e-5)
    # 2. from scratch: run the model on what it saw and take -log softmax at the labels
    model, _ = model_and_tokenizer()
    inputs = torch.tensor([[tok["input_id"] for tok in r["tokens"]]])
    with torch.inference_mode():
        logits = model(input_ids=inputs, token_type_ids=torch.zeros_like(inputs), attention_mask=torch.ones_like(inputs)).prediction_logits[0]
    log_probs = logits - logits.logsumexp(dim=-1, keepdim=True)  # (T, V)
    nll = {tok["position"]: float(-log_probs[tok["position"], tok["id"]]) for tok in r["tokens"] if not tok["special"]}
    chosen = [tok["position"] for tok in r["tokens"] if tok["chosen"]]
    assert loss["chosen"] == pytest.approx(sum(nll[i] for i in chosen) / len(chosen), abs=1e-4)
    assert loss["n_all"] == len(nll)
    assert loss["all"] == pytest.approx(sum(nll.values()) / len(nll), abs=1e-4)


def test_mlm_is_deterministic_per_seed():
    a = result("mlm", seed=5)
    from bertquiz.demos.runner import run_demo

    assert json.loads(json.dumps(run_demo("mlm", lang="en", seed=5, texts=[]))) == a
    masks = {tuple(tok["chosen"] for tok in result("mlm", seed=s)["tokens"]) for s in range(4)}
    assert len(masks) > 1


def test_mlm_user_text_with_mask_gets_predictions_and_no_loss():
    r = result("mlm", texts=("BERT masks 15% of the [MASK].",))
    assert r["mode"] == "user_mask"
    masks = [tok["position"] for tok in r["tokens"] if tok["token"] == "[MASK]"]
    assert masks and [p["position"] for p in r["predictions"]] == masks
    assert r["loss"]["chosen"] is None and all(p["label"] is None for p in r["predictions"])
    assert all(len(p["top"]) == 5 for p in r["predictions"])


def test_mlm_user_text_without_mask_is_masked_at_random():
    r = result("mlm", texts=("Transformers", "read whole sentences at once."))
    assert r["text"] == "Transformers read whole sentences at once." and r["mode"] == "random"
    assert any(tok["chosen"] for tok in r["tokens"]) and r["loss"]["chosen"] > 0


# --- nsp ---


def _check_packing(pair: dict) -> None:
    tokens, types = pair["tokens"], pair["token_type_ids"]
    assert tokens[0] == "[CLS]" and tokens.count("[SEP]") == 2 and tokens[-1] == "[SEP]"
    first_sep = tokens.index("[SEP]")
    assert types == [0] * (first_sep + 1) + [1] * (len(tokens) - first_sep - 1)  # [CLS] A [SEP] -> 0, B [SEP] -> 1
    assert pair["p_is_next"] + pair["p_not_next"] == pytest.approx(1.0, abs=1e-6)
    assert 0 <= pair["p_is_next"] <= 1
    assert pair["predicted"] == ("IsNext" if pair["p_is_next"] >= 0.5 else "NotNext")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nsp_builds_an_isnext_and_a_notnext_pair_from_the_corpus(lang):
    from bertquiz.paths import corpus_dir
    from bertquiz.tinybert.corpus import read_documents

    r = result("nsp", lang)
    is_next, not_next = r["pairs"]
    assert (is_next["kind"], is_next["label"]) == ("IsNext", 0)  # 0 = IsNext, as in the original code
    assert (not_next["kind"], not_next["label"]) == ("NotNext", 1)
    assert is_next["a"] == not_next["a"]
    docs = [d for d in read_documents(corpus_dir()) if d.lang == lang]
    home = [d for d in docs if any(d.sentences[i : i + 2] == (is_next["a"], is_next["b"]) for i in range(len(d.sentences) - 1))]
    assert home and all(not_next["b"] not in d.sentences for d in home)  # NotNext's B: another document
    for pair in r["pairs"]:
        _check_packing(pair)


def test_nsp_takes_the_users_two_sentences():
    r = result("nsp", texts=("BERT reads the whole input at once.", "Each token attends to every other token."))
    (pair,) = r["pairs"]
    assert pair["kind"] == "yours" and pair["label"] is None
    _check_packing(pair)


def test_nsp_rejects_one_sentence():
    from bertquiz.errors import BertquizError

    with pytest.raises(BertquizError, match="two sentences"):
        result("nsp", texts=("only one",))


# --- embeddings ---


def test_embedding_sum_matches_the_model():
    r = result("embeddings")
    c = r["check"]
    assert c["sum_vs_model_max_abs_diff"] <= 1e-5
    assert c["layernorm_vs_model_max_abs_diff"] <= 1e-5
    assert c["one_hot_vs_sum_max_abs_diff"] <= 1e-5
    model, tokenizer = model_and_tokenizer()
    H, V = model.config.hidden_size, len(tokenizer)
    P = model.config.max_position_embeddings
    shapes = {tb["name"]: tb["shape"] for tb in r["tables"]}
    assert shapes["word_embeddings"] == [V, H] and shapes["token_type_embeddings"] == [2, H] and shapes["position_embeddings"] == [P, H]
    assert all(tb["learned"] for tb in r["tables"])
    assert r["one_hot"]["width"] == V + 2 + P and r["concatenation"]["width"] == 3 * H
    assert 1 in r["token_type_ids"]  # the default example is a pair: both segment vectors are used
    for p in r["positions"]:
        parts = zip(p["token_vector"]["head"], p["segment_vector"]["head"], p["position_vector"]["head"], strict=True)
        assert [a + b + c for a, b, c in parts] == pytest.approx(p["sum"]["head"], abs=1e-5)
        assert p["sum"]["head"] == pytest.approx(p["model_pre_layernorm"]["head"], abs=1e-5)
    cos = r["position_cosine"]["matrix"]
    assert all(cos[i][i] == pytest.approx(1.0, abs=1e-3) for i in range(len(cos)))


def test_position_table_is_a_learned_parameter():
    model, _ = model_and_tokenizer()
    r = result("embeddings", texts=("one sentence only",))
    names = dict(model.named_parameters())
    assert r["parameter_name"] in names and names[r["parameter_name"]].requires_grad
    assert set(r["token_type_ids"]) == {0} and r["check"]["sum_vs_model_max_abs_diff"] <= 1e-5


# --- tokenize ---


def test_tokenize_shows_pieces_chinese_characters_unk_and_a_padded_batch():
    r = result("tokenize", "ru")
    ru, en, zh, unk = r["examples"]  # the chosen language first
    assert ru["text"].startswith("WordPiece") and en["text"].startswith("Subword") and any(ord(ch) > 0x4E00 for ch in zh["text"])
    for x in (ru, en):
        assert x["split_words"] and all(p.startswith("##") for w in x["split_words"] for p in w["pieces"][1:])
    assert zh["cjk_characters"] == zh["cjk_tokens"] > 5  # one token per Chinese character
    assert unk["unk"] and "[UNK]" in unk["tokens"]
    assert r["special_tokens"] == {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4}
    b = r["batch"]
    assert {len(row) for row in b["input_ids"]} == {b["width"]} == {max(b["lengths"])}
    for x, ids, mask, n in zip(r["examples"], b["input_ids"], b["attention_mask"], b["lengths"], strict=True):
        assert n == len(x["ids"]) and ids[:n] == x["ids"]
        assert mask == [1] * n + [0] * (b["width"] - n) and ids[n:] == [0] * (b["width"] - n)


# --- attention ---


def test_padding_leaves_the_real_outputs_unchanged():
    r = result("attention")
    assert [run["pads"] for run in r["runs"]] == [0, 5, 20]
    for run in r["runs"][1:]:
        assert run["max_abs_diff_real_outputs"] <= 1e-5
        assert run["max_abs_diff_pooled"] <= 1e-5
        assert run["max_weight_on_padding"] <= 1e-6
    assert r["no_mask"]["max_abs_diff_real_outputs"] > 1e-4  # attending to [PAD] does change them
    assert r["by_hand"]["max_abs_diff"] <= 1e-5 and r["by_hand"]["weights_on_padding_max"] == 0.0
    mask = r["additive_mask"]
    assert mask["values"][: r["n_real"]] == [0.0] * r["n_real"] and all(v <= -1e30 for v in mask["values"][r["n_real"] :])
    weights = r["heatmap"]["weights"]
    assert len(weights) == r["n_real"] + 5 and all(sum(row) == pytest.approx(1.0, abs=1e-2) for row in weights)


def test_attention_puts_the_models_attention_implementation_back():
    from bertquiz.demos.runner import run_demo

    model, _ = model_and_tokenizer()
    before = model.config._attn_implementation
    run_demo("attention", lang="ru", seed=0, texts=[])
    assert model.config._attn_implementation == before


# --- screens ---


@pytest.mark.parametrize("name", MY_DEMOS)
@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_screens_fit_80_columns(name, lang):
    from rich.cells import cell_len

    text = screen(name, lang)
    too_wide = [line for line in text.splitlines() if cell_len(line) > 80]
    assert not too_wide, too_wide[:3]
    assert "\x1b[" not in text


def test_long_user_sentences_still_fit():
    from rich.cells import cell_len

    long = " ".join(["attention"] * 40)
    text = screen("attention", "en", texts=(long,)) + screen("mlm", "zh", texts=("预测" * 30 + "[MASK]",))
    assert all(cell_len(line) <= 80 for line in text.splitlines())


# --- the CLI ---


def test_demo_list(invoke):
    from bertquiz.demos.registry import DEMOS

    res = invoke("demo", "--list")
    assert res.exit_code == 0
    assert all(name in res.output for name in DEMOS)


def test_a_bad_demo_name_lists_the_valid_ones(runner):
    from bertquiz.cli import app

    res = runner.invoke(app, ["demo", "mlmm"])
    assert res.exit_code == 1
    assert "no demo named 'mlmm'" in res.output and all(name in res.output for name in MY_DEMOS)
    assert "Traceback" not in res.output


@pytest.mark.parametrize("name", MY_DEMOS)
def test_json_output_parses(invoke, name):
    res = invoke("demo", name, "--json", "--lang", "zh")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["demo"] == name and data["lang"] == "zh"


def test_user_text_with_mask_on_the_command_line(invoke):
    res = invoke("demo", "mlm", "BERT masks 15% of the [MASK].", "--json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["mode"] == "user_mask"
    assert [p["position"] for p in data["predictions"]] == [tok["position"] for tok in data["tokens"] if tok["token"] == "[MASK]"]


def test_lang_zh_output(invoke):
    res = invoke("demo", "mlm", "--lang", "zh")
    assert res.exit_code == 0
    assert "遮蔽语言模型" in res.stdout and "BERT 在无标注文本上预训练" in res.stdout and "被选中" in res.stdout


BAD_ARGUMENTS = [
    (["nsp", "one"], "two sentences"),
    (["embeddings", "a", "b", "c"], "one sentence, or two"),
    (["mlm", "   "], "empty"),
    (["mlm", "word " * 200], "this model reads at most"),
    (["attention", "word " * 120], "shorten it"),
]


@pytest.mark.parametrize(("args", "message"), BAD_ARGUMENTS)
def test_bad_arguments_give_one_clear_line(runner, args, message):
    from bertquiz.cli import app

    res = runner.invoke(app, ["demo", *args])
    assert res.exit_code == 1 and message in res.output and "Traceback" not in res.output


# --- practice: `d` runs the demo inline, then the session goes on ---

BANK = """\
lang: en
topic: demo-sample
questions:
  - id: demo-sample-choice
    type: choice
    difficulty: 1
    prompt: How does BERT's tokenizer treat Chinese text?
    options: ["one token per word", "one token per character", "bytes"]
    answer: B
    explanation: Spaces are put around every CJK character before WordPiece.
    sources: ["tokenization.py"]
    demo: tokenize
"""


def test_practice_offers_the_demo_and_d_runs_it(tmp_path):
    bank = tmp_path / "bank.yaml"
    bank.write_text(BANK, encoding="utf-8")
    db = tmp_path / "h.sqlite3"
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "HF_HUB_OFFLINE": "1", "BERTQUIZ_HOME": str(tmp_path)}
    cmd = [sys.executable, "-m", "bertquiz", "practice", "--lang", "en", "--topic", "demo-sample", "-n", "1", "--bank", str(bank), "--db", str(db)]
    res = subprocess.run(cmd, input="A\nd\n\n", capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    out = res.stdout
    assert "d demo tokenize" in out  # offered after the explanation
    assert out.index("Spaces are put around every CJK character") < out.index("WordPiece on the tiny BERT's vocabulary")  # ran inline, after it
    assert "attention_mask" in out and "[UNK]" in out
    assert out.index("WordPiece on the tiny BERT's vocabulary") < out.index("Session summary")  # and the session went on
    assert "saved" in out and "Traceback" not in res.stderr
