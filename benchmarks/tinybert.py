"""Benchmark the tiny BERT on this machine.

Prints: the time to load the shipped checkpoint; pre-training throughput (tokens/s, default
config, the real corpus) next to a bare forward/backward loop on the very same batches (goal:
>= 80%, i.e. data preparation is not the bottleneck); the shipped checkpoint's held-out
evaluation next to the baselines, and a word-order test; peak RSS. With --budget-steps N it also
runs `model pretrain --steps N` from scratch and prints its wall time and metrics (the goals ask
for MLM top-1 >= 30%, top-5 >= 50%, NSP >= 85% within 10 minutes; 4300 steps take ~10 here).

    /work/venv/bin/python benchmarks/tinybert.py [--steps 40] [--eval-limit N] [--budget-steps 4300]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

_LOAD = """
import time
t0 = time.perf_counter()
from bertquiz.tinybert.checkpoint import load_model, shipped_checkpoint_dir
from bertquiz.tinybert.tokenizer import load_tokenizer
t1 = time.perf_counter()
model = load_model(shipped_checkpoint_dir())
tokenizer = load_tokenizer(shipped_checkpoint_dir())
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f}")
"""


def _peak_rss_mb() -> float:
    # ru_maxrss is in kB on Linux, in bytes on macOS
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=40, help="training steps to time (the first 3 are warm-up)")
    parser.add_argument("--budget-steps", type=int, default=0, help="also pre-train this many steps from scratch and evaluate (4300 = ~10 min here)")
    parser.add_argument("--eval-limit", type=int, default=0, help="held-out pairs to evaluate (0 = all)")
    args = parser.parse_args()

    import torch

    from bertquiz.paths import corpus_dir
    from bertquiz.tinybert.checkpoint import read_info, shipped_checkpoint_dir
    from bertquiz.tinybert.config import TinyBertConfig
    from bertquiz.tinybert.train import pretrain

    print(f"machine: {os.cpu_count()} CPU(s), torch {torch.__version__}, {torch.get_num_threads()} threads")

    # 1. load time in a fresh process (imports counted apart from reading the files)
    out = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True)
    imports, load = (float(x) for x in out.stdout.split())
    print(f"load shipped checkpoint: {load:.2f} s, importing torch and transformers included (+ {imports:.2f} s for bertquiz's own modules)")

    # 2. pre-training throughput with the default config on the real corpus, then a bare loop
    config = TinyBertConfig(steps=args.steps, save_every=10**9, short_fraction=1.0)  # every timed step at short_len
    times: list[tuple[float, int]] = []
    last = [time.perf_counter()]

    def on_step(report) -> None:
        now = time.perf_counter()
        times.append((now - last[0], int(report.tokens_per_second * (now - last[0]))))
        last[0] = now

    with tempfile.TemporaryDirectory() as tmp:
        pretrain(config, Path(tmp), corpus_dir(), device="cpu", on_step=on_step, evaluate_at_end=False)
    timed = times[3:]  # the first steps pay for one-off allocations
    seconds = sum(t for t, _ in timed)
    tokens = sum(n for _, n in timed)
    loop_rate = tokens / seconds
    bare_rate = _bare_loop_rate(config)
    print(
        f"pre-training (L={config.num_layers} H={config.hidden_size} A={config.num_heads}, batch {config.batch_size} x <= {config.short_len}): "
        f"{loop_rate:,.0f} tokens/s, {seconds / len(timed):.3f} s/step over {len(timed)} steps"
    )
    print(f"bare forward/backward/step on the same batches: {bare_rate:,.0f} tokens/s -> the training loop runs at {loop_rate / bare_rate:.0%} of it (goal >= 80%)")
    info = read_info(shipped_checkpoint_dir())
    print(f"shipped checkpoint: {info['step']} steps, {info['tokens_seen']:,} tokens, {info['train_seconds'] / 60:.1f} min of training")

    # 3. evaluation of the shipped checkpoint
    from bertquiz.tinybert.checkpoint import load_model
    from bertquiz.tinybert.corpus import read_documents, split_documents
    from bertquiz.tinybert.evaluate import evaluate
    from bertquiz.tinybert.tokenizer import load_tokenizer

    shipped = shipped_checkpoint_dir()
    cfg = TinyBertConfig.from_dict(info["config"])
    train_docs, heldout = split_documents(read_documents(corpus_dir()), cfg.heldout_fraction)
    t0 = time.perf_counter()
    m = evaluate(load_model(shipped), load_tokenizer(shipped), train_docs, heldout, cfg, limit=args.eval_limit or None)
    print(f"evaluation ({m['documents']} held-out documents, {m['pairs']} pairs, {m['masked_tokens']} masked tokens, {time.perf_counter() - t0:.1f} s):")
    print(f"  MLM top-1     {m['mlm_top1']:.3f}   baseline (most frequent token)  {m['baseline_mlm_top1']:.3f}")
    print(f"  MLM top-5     {m['mlm_top5']:.3f}   baseline (5 most frequent)      {m['baseline_mlm_top5']:.3f}")
    print(f"  MLM loss      {m['mlm_loss']:.3f}   baseline (unigram)              {m['baseline_mlm_loss']:.3f}")
    print(f"  NSP accuracy  {m['nsp_accuracy']:.3f}   baseline (commoner label)       {m['baseline_nsp_accuracy']:.3f}")
    ordered, shuffled = _word_order_test(shipped, heldout, cfg)
    print(f"  word order: MLM top-1 {ordered:.3f} on the held-out pairs, {shuffled:.3f} with each pair's tokens shuffled")
    print(f"peak RSS: {_peak_rss_mb():,.0f} MB")

    # 4. a run from scratch on a time budget: what does `model pretrain --steps N` reach?
    if args.budget_steps:
        budget = TinyBertConfig(steps=args.budget_steps)
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            done = pretrain(budget, Path(tmp), corpus_dir(), device="cpu")
            wall = time.perf_counter() - t0
        m = done["metrics"]
        print(f"run of {budget.steps} steps: {wall / 60:.1f} min wall (training {done['train_seconds'] / 60:.1f} min, the rest vocabulary + evaluation)")
        print(
            f"  MLM top-1 {m['mlm_top1']:.3f} (goal 0.30), top-5 {m['mlm_top5']:.3f} (goal 0.50), NSP {m['nsp_accuracy']:.3f} (goal 0.85)"
        )


def _word_order_test(path: Path, heldout, config, pairs: int = 640) -> tuple[float, float]:
    """MLM top-1 on held-out pairs as they are, and with the tokens of each pair shuffled (the
    masks move with their tokens). A model that used only which words are around, not their
    order, would score the same on both."""
    import torch

    from bertquiz.tinybert.checkpoint import load_model
    from bertquiz.tinybert.data import make_pairs, mask_tokens, pack, tokenize_documents
    from bertquiz.tinybert.objective import Pretraining
    from bertquiz.tinybert.tokenizer import load_tokenizer

    tokenizer = load_tokenizer(path)
    objective = Pretraining(load_model(path)).eval()
    cut = make_pairs(tokenize_documents(heldout, tokenizer), [d.lang for d in heldout], max_len=config.max_len, short_seq_prob=0.0, seed=1)[:pairs]
    scores = []
    for shuffle in (False, True):
        generator, shuffler = torch.Generator().manual_seed(1), torch.Generator().manual_seed(2)
        right = total = 0
        with torch.no_grad():
            for start in range(0, len(cut), 64):
                batch = pack(cut[start : start + 64])
                inputs, labels = mask_tokens(batch["input_ids"], batch["special_tokens_mask"], vocab_size=len(tokenizer), mlm_probability=0.15, generator=generator)
                types = batch["token_type_ids"]
                if shuffle:  # permute the positions between [CLS] and the last [SEP] of each row
                    for i in range(inputs.shape[0]):
                        n = int(batch["attention_mask"][i].sum())
                        order = torch.arange(inputs.shape[1])
                        order[1 : n - 1] = torch.randperm(n - 2, generator=shuffler) + 1
                        inputs[i], labels[i], types[i] = inputs[i][order], labels[i][order], types[i][order]
                out = objective(inputs, types, batch["attention_mask"], labels, batch["next_sentence_label"])
                right += int((out.mlm_logits.argmax(-1) == out.mlm_labels).sum())
                total += out.mlm_labels.numel()
        scores.append(right / total)
    return scores[0], scores[1]


def _bare_loop_rate(config) -> float:
    """Tokens/s of nothing but forward, backward, clipping and the optimizer step, on the batches
    the training loop draws (prepared beforehand, so no data work is timed)."""
    import torch
    from transformers import BertForPreTraining

    from bertquiz.paths import corpus_dir
    from bertquiz.tinybert.config import bert_config
    from bertquiz.tinybert.corpus import read_documents, split_documents
    from bertquiz.tinybert.data import batches, tokenize_documents
    from bertquiz.tinybert.objective import Pretraining
    from bertquiz.tinybert.tokenizer import make_tokenizer, train_vocab
    from bertquiz.tinybert.train import _mixed_precision, _optimizer, masked_batch

    train_docs, _ = split_documents(read_documents(corpus_dir()), config.heldout_fraction)
    vocab = train_vocab((s for d in train_docs for s in d.sentences), vocab_size=config.vocab_size, min_frequency=config.min_frequency)
    ids = tokenize_documents(train_docs, make_tokenizer(vocab, config.max_len))
    stream = batches(ids, [d.lang for d in train_docs], batch_size=config.batch_size, max_len=config.short_len, short_seq_prob=config.short_seq_prob, seed=config.seed, rank=0, world=1)
    prepared = []
    for step in range(config.steps):
        batch, inputs, labels = masked_batch(next(stream), step, config, rank=0, vocab_size=len(vocab))
        prepared.append((inputs, batch["token_type_ids"], batch["attention_mask"], labels, batch["next_sentence_label"]))

    torch.manual_seed(config.seed)
    model = BertForPreTraining(bert_config(config, len(vocab)))
    objective, optimizer = Pretraining(model).train(), _optimizer(model, config)
    bf16 = _mixed_precision(config.mixed_precision, on_cuda=False) == "bf16"
    elapsed, tokens = 0.0, 0
    for step, tensors in enumerate(prepared):
        t0 = time.perf_counter()
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            out = objective(*tensors)
        optimizer.zero_grad(set_to_none=True)
        (out.mlm_loss + out.nsp_loss).backward()
        torch.nn.utils.clip_grad_norm_(objective.parameters(), config.grad_clip)
        optimizer.step()
        if step >= 3:
            elapsed += time.perf_counter() - t0
            tokens += int(tensors[2].sum())
    return tokens / elapsed


if __name__ == "__main__":
    main()
