"""Running a demo: import it (with a spinner, since torch and transformers take seconds),
run it, and print its result as tables or as JSON."""

from __future__ import annotations

import importlib
import json
from typing import Any

from bertquiz.demos.registry import get_demo
from bertquiz.i18n import t


def run_demo(name: str, *, lang: str, seed: int, texts: list[str]) -> dict[str, Any]:
    """Run demo `name` and return its JSON-ready result (no printing)."""
    info = get_demo(name)
    module = importlib.import_module(info.module)
    return module.run(lang=lang, seed=seed, texts=texts)


def show_demo(name: str, *, lang: str, seed: int, texts: list[str], as_json: bool) -> None:
    """Run demo `name` behind a spinner, then print its tables (or its JSON)."""
    from bertquiz.ui.console import err, out

    info = get_demo(name)
    with err().status(t("demo.loading", lang), spinner="dots"):
        module = importlib.import_module(info.module)
        result = module.run(lang=lang, seed=seed, texts=texts)
    if as_json:
        out().print(json.dumps(result, ensure_ascii=False, indent=1), markup=False, highlight=False, soft_wrap=True)
    else:
        out().print(module.render(result, lang))


def run_demo_inline(name: str, lang: str) -> None:
    """From inside practice: the demo with its default example, then back to the session."""
    show_demo(name, lang=lang, seed=0, texts=[], as_json=False)


__all__ = ["run_demo", "run_demo_inline", "show_demo"]
