"""Pre-training on a tiny config: the loss goes down, a seed repeats a run, Ctrl-C + --resume
continues exactly where the run stopped."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

pytestmark = pytest.mark.torch

REPO = Path(__file__).resolve().parents[1]
TINY = dict(
    vocab_size=1500,
    hidden_size=32,
    num_layers=1,
    num_heads=2,
    intermediate_size=64,
    batch_size=8,
    warmup_steps=2,
    learning_rate=1e-2,
    save_every=1000,
    eval_pairs=32,
)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    """The first 12 documents of each language of the repo corpus, in the same layout."""
    from bertquiz.tinybert.corpus import LANGS, read_documents

    root = tmp_path_factory.mktemp("corpus")
    docs = read_documents(REPO / "corpus")
    for lang in LANGS:
        (root / lang).mkdir()
        mine = [d for d in docs if d.lang == lang][:12]
        (root / lang / "slice.txt").write_text("\n\n".join("\n".join(d.sentences) for d in mine) + "\n", encoding="utf-8")
    return root


def _config(**changes):
    from bertquiz.tinybert.config import TinyBertConfig

    return TinyBertConfig(**{**TINY, **changes})


def _run(out: Path, corpus: Path, *, stop_at: int | None = None, resume: bool = False, **changes):
    """Train; return (training info, {step: loss}); `stop_at` sends SIGINT to ourselves after that step."""
    from bertquiz.tinybert.train import pretrain

    losses: dict[int, float] = {}

    def on_step(report):
        losses[report.step] = report.loss
        if report.step == stop_at:
            os.kill(os.getpid(), signal.SIGINT)  # what Ctrl-C does

    info = pretrain(_config(**changes), out, corpus, resume=resume, device="cpu", on_step=on_step, evaluate_at_end=False)
    return info, losses


def _weights(folder: Path):
    import torch

    state = torch.load(folder / "training_state.pt", weights_only=True)
    return state["model"]


def test_a_few_steps_lower_the_loss_and_a_seed_repeats_the_run(tmp_path, small_corpus):
    import torch

    info, losses = _run(tmp_path / "a", small_corpus, steps=40)
    assert info["finished"] and info["step"] == 40 and len(losses) == 40
    first, last = sum(losses[s] for s in range(1, 6)) / 5, sum(losses[s] for s in range(36, 41)) / 5
    assert last < first - 0.3, (first, last)  # from ~ln(vocab) = 7.3 + ln 2 towards the unigram entropy

    _, again = _run(tmp_path / "b", small_corpus, steps=40)
    assert again == losses
    wa, wb = _weights(tmp_path / "a"), _weights(tmp_path / "b")
    assert all(torch.equal(wa[k], wb[k]) for k in wa)

    _, other_seed = _run(tmp_path / "c", small_corpus, steps=40, seed=99)
    assert other_seed != losses


@pytest.mark.parametrize(
    ("short_fraction", "stop_at"),
    [(0.9, 5), (0.5, 8)],  # stopped in the short-pair phase (switch at step 11), or after the switch (at 6)
)
def test_ctrl_c_saves_a_checkpoint_that_resume_continues_exactly(tmp_path, small_corpus, short_fraction, stop_at):
    import torch

    from bertquiz.tinybert.checkpoint import read_info

    _, straight = _run(tmp_path / "straight", small_corpus, steps=12, short_fraction=short_fraction)

    info, before = _run(tmp_path / "cut", small_corpus, steps=12, stop_at=stop_at, short_fraction=short_fraction)
    assert not info["finished"] and info["step"] == stop_at and sorted(before) == list(range(1, stop_at + 1))
    assert read_info(tmp_path / "cut")["step"] == stop_at
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the handler is put back

    info, after = _run(tmp_path / "cut", small_corpus, steps=12, resume=True, short_fraction=short_fraction)
    assert info["finished"] and info["step"] == 12
    assert sorted(after) == list(range(stop_at + 1, 13))  # continues from the saved step, not from 0
    assert {**before, **after} == straight  # the same losses as without the interruption
    ws, wc = _weights(tmp_path / "straight"), _weights(tmp_path / "cut")
    assert all(torch.equal(ws[k], wc[k]) for k in ws)


def test_pairs_are_cut_to_short_len_until_the_switch_then_to_max_len(tmp_path, small_corpus):
    short, _ = _run(tmp_path / "short", small_corpus, steps=4, short_len=16, short_fraction=1.0)
    full, _ = _run(tmp_path / "full", small_corpus, steps=4, short_len=16, short_fraction=0.0)
    assert short["tokens_seen"] <= 4 * 8 * 16  # 4 steps of 8 pairs of at most 16 tokens
    assert full["tokens_seen"] > 3 * short["tokens_seen"]  # up to 128 tokens a pair


def test_resume_refuses_other_settings(tmp_path, small_corpus):
    from bertquiz.errors import BertquizError

    _run(tmp_path / "r", small_corpus, steps=2)
    with pytest.raises(BertquizError, match="hidden_size"):
        _run(tmp_path / "r", small_corpus, steps=4, resume=True, hidden_size=64)
    with pytest.raises(BertquizError, match="nothing to resume"):
        _run(tmp_path / "empty", small_corpus, steps=4, resume=True)


def test_learning_rate_warms_up_then_decays_to_zero():
    from bertquiz.tinybert.train import get_lr

    config = _config(steps=100, warmup_steps=10, learning_rate=1e-3)
    lrs = [get_lr(s, config) for s in range(100)]
    assert lrs[0] < lrs[5] < lrs[9] == pytest.approx(1e-3)
    assert all(a >= b for a, b in zip(lrs[9:], lrs[10:])) and get_lr(100, config) == 0.0


def test_pretrain_command_trains_evaluates_and_writes_a_loadable_checkpoint(tmp_path, small_corpus, invoke):
    from transformers import BertForPreTraining, BertTokenizer

    args = ["--set", "hidden_size=32", "--set", "num_layers=1", "--set", "num_heads=2", "--set", "intermediate_size=64"]
    args += ["--set", "batch_size=8", "--set", "vocab_size=1500", "--set", "eval_pairs=32", "--set", "warmup_steps=2"]
    out = tmp_path / "run"
    result = invoke("model", "pretrain", "--out", str(out), "--corpus", str(small_corpus), "--steps", "3", "--device", "cpu", *args)
    assert result.exit_code == 0, result.output
    assert "done" in result.stdout and "MLM top-1" in result.stdout
    assert "step 3/3  MLM " in result.stderr  # not a terminal: plain log lines instead of the bar
    card = (out / "README.md").read_text(encoding="utf-8")  # the model card, with the held-out figures
    assert "| MLM top-1 |" in card and "--steps 3 " in card and "--set hidden_size=32" in card
    model = BertForPreTraining.from_pretrained(str(out))
    assert BertTokenizer.from_pretrained(str(out)).vocab_size == model.config.vocab_size
    info = invoke("model", "info", str(out), "--json")
    assert '"step": 3' in info.stdout

    again = invoke("model", "pretrain", "--out", str(out), "--corpus", str(small_corpus), "--steps", "3")
    assert again.exit_code == 1 and "--resume" in again.stderr  # never overwrites a run by accident
    bad = invoke("model", "pretrain", "--out", str(tmp_path / "x"), "--set", "hidden=1")
    assert bad.exit_code == 1 and "unknown setting 'hidden=1'" in bad.stderr
