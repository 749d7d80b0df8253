"""Pre-train the tiny BERT (MLM + NSP) on the corpus: one loop, top to bottom.

Runs as is on one CPU; under `torchrun` or `accelerate launch` the same code trains on several
GPUs: a thin `accelerate.Accelerator` wraps the model in DDP (and in bf16 autocast where the
hardware has it), each process takes its own slice of every step's pairs, and only the main
process writes files. Pairs are cut to `short_len` tokens for the first `short_fraction` of the
steps and to `max_len` after, as BERT did with 128 and 512.

Determinism: every random draw of step s (the pairs of its epoch, its masks, its dropout) comes
from a seed computed from (seed, s, rank), so a run resumed at step s continues exactly as the
uninterrupted run would have.
"""

from __future__ import annotations

import ctypes
import dataclasses
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import torch

from bertquiz.errors import BertquizError
from bertquiz.tinybert.checkpoint import STATE_FILE, TrainingInfo, count_parameters, load_model, read_info, save_model, write_info
from bertquiz.tinybert.config import TinyBertConfig, bert_config
from bertquiz.tinybert.corpus import corpus_hash, read_documents, split_documents
from bertquiz.tinybert.data import Pair, batches, mask_tokens, pack, tokenize_documents
from bertquiz.tinybert.model_card import write_model_card
from bertquiz.tinybert.objective import Pretraining
from bertquiz.tinybert.tokenizer import load_vocab, make_tokenizer, save_tokenizer, train_vocab

# settings a resumed run may change; everything else must match the checkpoint
_RESUMABLE_CHANGES = {"steps", "save_every", "eval_pairs"}


@dataclass
class StepReport:
    """What the progress display shows after each step (losses and accuracy smoothed)."""

    step: int
    steps: int
    loss: float  # this step's MLM + NSP loss, not smoothed
    mlm_loss: float
    nsp_loss: float
    nsp_accuracy: float
    lr: float
    tokens_per_second: float


def get_lr(step: int, config: TinyBertConfig) -> float:
    # linear warmup, then linear decay to zero at config.steps (BERT's schedule)
    if step < config.warmup_steps:
        return config.learning_rate * (step + 1) / config.warmup_steps
    left = max(config.steps - step, 0) / max(config.steps - config.warmup_steps, 1)
    return config.learning_rate * left


def _step_seed(seed: int, step: int, rank: int) -> int:
    return (seed * 1_000_003 + step) * 64 + rank


def masked_batch(pairs: list[Pair], step: int, config: TinyBertConfig, *, rank: int, vocab_size: int) -> tuple[dict[str, torch.Tensor], torch.Tensor, torch.Tensor]:
    """Step `step`'s pairs packed into tensors and masked for MLM with that step's own seed:
    (the packed batch, the masked input ids, the labels)."""
    batch = pack(pairs)
    generator = torch.Generator().manual_seed(_step_seed(config.seed, step, rank))
    inputs, labels = mask_tokens(batch["input_ids"], batch["special_tokens_mask"], vocab_size=vocab_size, mlm_probability=config.mlm_probability, generator=generator)
    return batch, inputs, labels


def _optimizer(model: torch.nn.Module, config: TinyBertConfig) -> torch.optim.AdamW:
    # no weight decay on biases and LayerNorm weights (the 1-d tensors), as in BERT's AdamWeightDecay
    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    groups = [{"params": decay, "weight_decay": config.weight_decay}, {"params": no_decay, "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=config.learning_rate, betas=(0.9, 0.999), eps=1e-6)


@contextmanager
def _sigint_sets_flag() -> Iterator[threading.Event]:
    """During the loop the first Ctrl-C only raises a flag (the step finishes, a checkpoint is
    written); a second one interrupts at once."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: object) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _steady_memory() -> None:
    # glibc raises its mmap threshold every time a big block is freed; after that the activations,
    # whose sizes change with every batch (pairs are padded per batch, the masked count varies),
    # fragment the heap and the process grew ~3 MB a step (2 GB after 250 steps). A fixed 4 MB
    # threshold sends the big tensors back to mmap: growth nearly flat, no measurable slowdown.
    # (128 kB flattens it completely but costs 40% speed in page faults.)
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 4 * 1024 * 1024)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):  # not glibc (musl, ...): leave the allocator alone
        pass


def _mixed_precision(setting: str, on_cuda: bool) -> str:
    # weights, optimizer state and losses stay float32; autocast runs the matmuls in bfloat16
    if setting != "auto":
        return setting
    if on_cuda:
        return "bf16" if torch.cuda.is_bf16_supported() else "no"
    try:  # without native bf16 (AVX512-BF16 / AMX) autocast emulates it and is slower than float32
        return "bf16" if torch.ops.mkldnn._is_mkldnn_bf16_supported() else "no"
    except (AttributeError, RuntimeError):
        return "no"


def _check_resumable(saved: TinyBertConfig, config: TinyBertConfig, saved_hash: str, current_hash: str) -> None:
    changed = [f.name for f in dataclasses.fields(config) if f.name not in _RESUMABLE_CHANGES and getattr(saved, f.name) != getattr(config, f.name)]
    if changed:
        raise BertquizError(f"cannot resume: the checkpoint was trained with other settings ({', '.join(changed)})")
    if saved_hash != current_hash:
        raise BertquizError("cannot resume: the corpus has changed since this run started; start a new run")


def pretrain(
    config: TinyBertConfig,
    out_dir: Path,
    corpus: Path,
    *,
    resume: bool = False,
    device: str | None = None,
    on_step: Callable[[StepReport], None] | None = None,
    evaluate_at_end: bool = True,
) -> TrainingInfo:
    """Train (or continue training) and write a checkpoint folder; returns its training info.

    Args:
        device: "cpu", "cuda", or None for cuda when available.
        on_step: called on the main process after every step (the CLI's progress bar).
        evaluate_at_end: when the last step is done, evaluate on the held-out documents and
            store the metrics in training_info.json.

    Raises:
        BertquizError: no corpus, cuda asked for but missing, nothing to resume, or a resume
            with other settings or another corpus.
    """
    from accelerate import Accelerator
    from transformers import BertForPreTraining

    if device == "cuda" and not torch.cuda.is_available():
        raise BertquizError("--device cuda: no CUDA device is available here")
    if config.mixed_precision not in ("auto", "bf16", "no"):
        raise BertquizError(f"mixed_precision={config.mixed_precision}: choose auto, bf16 or no")
    on_cuda = device == "cuda" or (device is None and torch.cuda.is_available())
    accelerator = Accelerator(cpu=not on_cuda, mixed_precision=_mixed_precision(config.mixed_precision, on_cuda))
    _steady_memory()
    rank, world = accelerator.process_index, accelerator.num_processes

    # -----------------------------------------------------------------------------
    # data: documents, held-out split, tokenizer
    docs = read_documents(corpus)
    train_docs, heldout_docs = split_documents(docs, config.heldout_fraction)
    digest = corpus_hash(corpus)
    state = None
    if resume:
        if not (out_dir / STATE_FILE).is_file():
            raise BertquizError(f"nothing to resume in {out_dir} (no {STATE_FILE})")
        state = torch.load(out_dir / STATE_FILE, map_location="cpu", weights_only=True)
        _check_resumable(TinyBertConfig.from_dict(state["config"]), config, state["corpus_hash"], digest)
        vocab = load_vocab(out_dir)
    else:
        vocab = train_vocab((s for d in train_docs for s in d.sentences), vocab_size=config.vocab_size, min_frequency=config.min_frequency)
        if accelerator.is_main_process:
            save_tokenizer(vocab, out_dir, config.max_len)
    tokenizer = make_tokenizer(vocab, config.max_len)
    train_ids = tokenize_documents(train_docs, tokenizer)
    langs = [d.lang for d in train_docs]

    # -----------------------------------------------------------------------------
    # model and optimizer
    torch.manual_seed(config.seed)
    model = BertForPreTraining(bert_config(config, len(vocab)))
    optimizer = _optimizer(model, config)
    step, tokens_seen, seconds = 0, 0, 0.0
    if state is not None:
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        step, tokens_seen, seconds = state["step"], state["tokens_seen"], state["train_seconds"]
    objective, optimizer = accelerator.prepare(Pretraining(model), optimizer)

    def save(finished: bool) -> TrainingInfo:
        info = TrainingInfo(
            config=config.to_dict(),
            step=step,
            finished=finished,
            corpus_hash=digest,
            vocab_size=len(vocab),
            parameters=count_parameters(model),
            tokens_seen=tokens_seen,
            train_seconds=round(seconds + time.perf_counter() - started, 1),
            metrics=None,
            versions={"torch": torch.__version__, "transformers": _transformers_version()},
        )
        accelerator.wait_for_everyone()
        if accelerator.is_main_process:
            unwrapped = accelerator.unwrap_model(objective).model
            save_model(unwrapped, out_dir)
            # like nanoGPT's ckpt.pt: a plain dict with the weights, the optimizer and the config
            checkpoint = {
                "model": unwrapped.state_dict(),
                "optimizer": optimizer.state_dict(),
                "step": step,
                "tokens_seen": tokens_seen,
                "train_seconds": info["train_seconds"],
                "config": config.to_dict(),
                "corpus_hash": digest,
            }
            torch.save(checkpoint, out_dir / STATE_FILE)
            write_info(out_dir, info)
            write_model_card(out_dir, info)
        accelerator.wait_for_everyone()
        return info

    # -----------------------------------------------------------------------------
    # the loop
    # BERT spent 90% of its steps at length 128 and the rest at 512; we do the same one size down
    switch = round(config.short_fraction * config.steps)  # the first step at full length

    def stream_from(first: int) -> Iterator[list[Pair]]:
        """The data order from step `first` on (replayed, which is cheap: no masking, no model)."""
        short = first < switch
        stream = batches(
            train_ids,
            langs,
            batch_size=config.batch_size,
            max_len=config.short_len if short else config.max_len,
            short_seq_prob=config.short_seq_prob,
            seed=config.seed if short else config.seed + 1,
            rank=rank,
            world=world,
        )
        for _ in range(first if short else first - switch):
            next(stream)
        return stream

    stream = stream_from(step)
    started = time.perf_counter()
    mlm_avg = nsp_avg = acc_avg = None
    info: TrainingInfo | None = None
    with _sigint_sets_flag() as stop:
        while step < config.steps:
            t0 = time.perf_counter()
            if step == switch:
                stream = stream_from(step)  # from here on pairs of up to max_len tokens
            batch, inputs, labels = masked_batch(next(stream), step, config, rank=rank, vocab_size=len(vocab))
            torch.manual_seed(_step_seed(config.seed, step, rank))  # this step's dropout
            lr = get_lr(step, config)
            for group in optimizer.param_groups:
                group["lr"] = lr

            objective.train()
            out = objective(
                inputs.to(accelerator.device),
                batch["token_type_ids"].to(accelerator.device),
                batch["attention_mask"].to(accelerator.device),
                labels.to(accelerator.device),
                batch["next_sentence_label"].to(accelerator.device),
            )
            loss = out.mlm_loss + out.nsp_loss  # BERT: the sum of the two mean losses
            optimizer.zero_grad(set_to_none=True)
            accelerator.backward(loss)
            accelerator.clip_grad_norm_(objective.parameters(), config.grad_clip)
            optimizer.step()
            step += 1
            tokens = int(batch["attention_mask"].sum()) * world
            tokens_seen += tokens

            # smoothed figures for the progress bar (exponential moving averages)
            mlm, nsp = out.mlm_loss.item(), out.nsp_loss.item()
            acc = (out.nsp_logits.argmax(-1).cpu() == batch["next_sentence_label"]).float().mean().item()
            mlm_avg = mlm if mlm_avg is None else 0.95 * mlm_avg + 0.05 * mlm
            nsp_avg = nsp if nsp_avg is None else 0.95 * nsp_avg + 0.05 * nsp
            acc_avg = acc if acc_avg is None else 0.95 * acc_avg + 0.05 * acc
            if on_step is not None and accelerator.is_main_process:
                on_step(StepReport(step, config.steps, mlm + nsp, mlm_avg, nsp_avg, acc_avg, lr, tokens / max(time.perf_counter() - t0, 1e-9)))

            if stop.is_set():
                accelerator.set_trigger()
            if accelerator.check_trigger():  # Ctrl-C on any process stops them all at the same step
                return save(finished=False)
            if step % config.save_every == 0 and step < config.steps:
                save(finished=False)
    info = save(finished=True)

    # -----------------------------------------------------------------------------
    # evaluate what was written (float16 on disk), so the stored figures are what `model eval` gives
    if evaluate_at_end and accelerator.is_main_process:
        from bertquiz.tinybert.evaluate import evaluate

        info["metrics"] = evaluate(load_model(out_dir), tokenizer, train_docs, heldout_docs, config, limit=config.eval_pairs or None)
        write_info(out_dir, info)
        write_model_card(out_dir, info)
    accelerator.wait_for_everyone()
    return read_info(out_dir) if accelerator.is_main_process else info


def _transformers_version() -> str:
    import transformers

    return transformers.__version__


__all__ = ["StepReport", "get_lr", "masked_batch", "pretrain"]
