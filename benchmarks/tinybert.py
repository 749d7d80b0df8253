"""Benchmark the tiny BERT on this machine.

Prints: pre-training throughput (tokens/s, default config, the real corpus), peak RSS, the time
to load the shipped checkpoint, and its held-out evaluation next to the baselines.

    /work/venv/bin/python benchmarks/tinybert.py [--steps 30] [--eval-limit N]
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
    parser.add_argument("--steps", type=int, default=30, help="training steps to time (the first 3 are warm-up)")
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
    print(f"load shipped checkpoint: {load:.2f} s (+ {imports:.2f} s importing torch/transformers)")

    # 2. pre-training throughput with the default config on the real corpus
    config = TinyBertConfig(steps=args.steps, save_every=10**9)
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
    print(
        f"pre-training (L={config.num_layers} H={config.hidden_size} A={config.num_heads}, batch {config.batch_size} x <= {config.max_len}): "
        f"{tokens / seconds:,.0f} tokens/s, {seconds / len(timed):.3f} s/step over {len(timed)} steps"
    )
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
    print(f"peak RSS: {_peak_rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
