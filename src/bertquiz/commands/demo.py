"""`bertquiz demo NAME`: a mini-demo on the shipped tiny BERT."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bertquiz.commands.common import JsonOption, LangOption, UiLangOption, apply_ui_lang, check_lang, cli_errors


def demo(
    name: Annotated[str | None, typer.Argument(help="mlm, nsp, embeddings, tokenize, cls, token, qa, attention or features.", show_default=False)] = None,
    texts: Annotated[list[str] | None, typer.Argument(metavar="[TEXT]...", help="Your own text, where the demo takes one (see --list).", show_default=False)] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the demos with a line about each.")] = False,
    lang: LangOption = "en",
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed shows the same run.")] = 0,
    model: Annotated[
        Path | None, typer.Option("--model", help="A checkpoint folder of your own (default: the shipped tiny BERT).", show_default=False)
    ] = None,
    json_: JsonOption = False,
    ui_lang: UiLangOption = None,
) -> None:
    """Show an idea about BERT on the tiny BERT that ships with bertquiz: `bertquiz demo mlm`."""
    with cli_errors():
        apply_ui_lang(ui_lang, lang)
        from bertquiz.demos.registry import DEMOS
        from bertquiz.errors import BertquizError

        lang_ = check_lang(lang) or "en"
        if list_ or name is None:
            if json_:
                import json

                typer.echo(json.dumps({n: {"summary": d.summary[lang_], "text": d.takes_text} for n, d in DEMOS.items()}, ensure_ascii=False, indent=1))
                return
            from bertquiz.ui.console import out
            from bertquiz.ui.demo_list import demo_table

            out().print(demo_table(lang_))
            if name is None and not list_:
                raise typer.Exit(code=0)
            return
        info = DEMOS.get(name)
        if info is None:
            raise BertquizError(f"no demo named '{name}' (demos: {', '.join(DEMOS)})", key="error.unknown_demo", name=name, names=", ".join(DEMOS))
        if texts and not info.takes_text:
            raise BertquizError(f"demo '{name}' takes no text of yours")
        if model is not None:
            import os

            from bertquiz.tinybert.checkpoint import require_checkpoint

            os.environ["BERTQUIZ_MODEL"] = str(require_checkpoint(model))
        from bertquiz.demos.runner import show_demo

        show_demo(name, lang=lang_, seed=seed, texts=list(texts or []), as_json=json_)
