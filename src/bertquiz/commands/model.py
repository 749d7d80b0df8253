"""`bertquiz model ...`: pre-train, evaluate and inspect the tiny BERT."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from bertquiz.commands.common import JsonOption, cli_errors
from bertquiz.tinybert.config import TinyBertConfig  # a plain dataclass: no torch

app = typer.Typer(help="Pre-train, evaluate and inspect the tiny BERT that the demos use.", no_args_is_help=True)

CheckpointArgument = Annotated[
    Path | None,
    typer.Argument(metavar="[DIR]", help="A checkpoint folder; the one shipped with bertquiz when omitted.", show_default=False),
]


def _is_main_process() -> bool:
    # under torchrun / accelerate launch every process runs this command; only rank 0 talks
    return os.environ.get("RANK", "0") == "0"


@app.command()
def pretrain(
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder to write the checkpoint to. Default: 'tinybert' in the user data folder.", show_default=False),
    ] = None,
    steps: Annotated[int | None, typer.Option("--steps", min=1, help=f"Optimizer steps in all (default {TinyBertConfig.steps}).", show_default=False)] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Seed of every random draw (default 1234).", show_default=False)] = None,
    device: Annotated[
        str | None, typer.Option("--device", metavar="cpu|cuda", help="Where to train; cuda when available.", show_default=False)
    ] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the run saved in --out (after Ctrl-C, or to add --steps).")] = False,
    settings: Annotated[
        list[str] | None,
        typer.Option("--set", metavar="KEY=VALUE", help="Change a TinyBertConfig field, e.g. --set hidden_size=256 (repeatable).", show_default=False),
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="A corpus folder (<lang>/*.txt); the shipped corpus when omitted.", show_default=False)
    ] = None,
) -> None:
    """Pre-train the tiny BERT (MLM + NSP) on the corpus. Ctrl-C saves a checkpoint that --resume continues.

    Several GPUs: `torchrun --nproc_per_node=N -m bertquiz model pretrain --device cuda`
    (or `accelerate launch -m bertquiz ...`); see docs/tinybert.md.
    """
    with cli_errors():
        import dataclasses

        from bertquiz.errors import BertquizError
        from bertquiz.paths import corpus_dir
        from bertquiz.tinybert.checkpoint import STATE_FILE, default_run_dir, read_info

        out_dir = out or default_run_dir()
        if device not in (None, "cpu", "cuda"):
            raise BertquizError(f"--device {device}: choose cpu or cuda")
        if resume:
            config = TinyBertConfig.from_dict(read_info(out_dir)["config"])
        elif (out_dir / STATE_FILE).exists():
            raise BertquizError(f"{out_dir} already holds a run: add --resume to continue it, or choose another --out")
        else:
            config = TinyBertConfig()
        try:
            config = config.override(settings or [])
        except ValueError as e:
            raise BertquizError(str(e)) from None
        if steps is not None:
            config = dataclasses.replace(config, steps=steps)
        if seed is not None:
            config = dataclasses.replace(config, seed=seed)

        from bertquiz.tinybert.render import TrainingProgress, metrics_table
        from bertquiz.tinybert.train import pretrain as run
        from bertquiz.ui.console import err, out as stdout

        main = _is_main_process()
        if main:
            err().print(f"[dim]corpus {corpus or corpus_dir()} -> checkpoint {out_dir}[/]")
        with TrainingProgress(config.steps, console=err(), disable=not main) as bar:
            info = run(config, out_dir, corpus or corpus_dir(), resume=resume, device=device, on_step=bar.update)
        if not main:
            return
        if not info["finished"]:
            err().print(f"stopped at step {info['step']} of {config.steps}; checkpoint saved in {out_dir}")
            err().print(f"continue with: bertquiz model pretrain --out {out_dir} --resume")
            raise typer.Exit(code=130)
        stdout().print(f"[green]done[/]: {info['step']} steps in {info['train_seconds'] / 60:.1f} min, checkpoint in {out_dir}")
        if info["metrics"]:
            stdout().print(metrics_table(info["metrics"]))


@app.command("eval")
def eval_(
    path: CheckpointArgument = None,
    json_: JsonOption = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Evaluate only the first N held-out pairs (quicker, noisier).")] = None,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="A corpus folder (<lang>/*.txt); the shipped corpus when omitted.", show_default=False)
    ] = None,
) -> None:
    """Masked-token top-1/top-5, MLM loss and NSP accuracy on the held-out documents, next to baselines."""
    with cli_errors():
        import json

        from bertquiz.paths import corpus_dir
        from bertquiz.tinybert.checkpoint import load_model, read_info, shipped_checkpoint_dir
        from bertquiz.tinybert.corpus import corpus_hash, read_documents, split_documents
        from bertquiz.tinybert.evaluate import evaluate
        from bertquiz.tinybert.tokenizer import load_tokenizer
        from bertquiz.ui.console import err, out

        folder = path or shipped_checkpoint_dir()
        info = read_info(folder)
        config = TinyBertConfig.from_dict(info["config"])
        source = corpus or corpus_dir()
        if corpus_hash(source) != info["corpus_hash"]:
            err().print("[yellow]note:[/] the corpus differs from the one this model was trained on; figures may not compare")
        train_docs, heldout_docs = split_documents(read_documents(source), config.heldout_fraction)
        metrics = evaluate(load_model(folder), load_tokenizer(folder), train_docs, heldout_docs, config, limit=limit)
        if json_:
            typer.echo(json.dumps(metrics, indent=1))
            return
        from bertquiz.tinybert.render import metrics_table

        out().print(metrics_table(metrics, title=f"held-out evaluation of {folder}"))


@app.command()
def info(path: CheckpointArgument = None, json_: JsonOption = False) -> None:
    """Config, parameter count, vocabulary, corpus hash, training steps and metrics of a checkpoint."""
    with cli_errors():
        import json

        from bertquiz.tinybert.checkpoint import describe, shipped_checkpoint_dir
        from bertquiz.ui.console import out

        data = describe(path or shipped_checkpoint_dir())
        if json_:
            typer.echo(json.dumps(data, indent=1, ensure_ascii=False))
            return
        from bertquiz.tinybert.render import info_table

        out().print(info_table(data))


@app.command()
def path() -> None:
    """Print the folder of the shipped checkpoint (open it with plain transformers)."""
    with cli_errors():
        from bertquiz.tinybert.checkpoint import require_checkpoint, shipped_checkpoint_dir

        typer.echo(str(require_checkpoint(shipped_checkpoint_dir())))


__all__ = ["app"]
