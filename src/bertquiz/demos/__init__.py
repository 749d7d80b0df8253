"""Mini-demos on the shipped tiny BERT: one module per demo (`bertquiz demo NAME`).

Every demo module has the same two functions:

    run(*, lang: str, seed: int, texts: list[str]) -> dict
        does the experiment on real tensors and returns every number it shows, JSON-ready
        (`bertquiz demo NAME --json` prints exactly this);
    render(result: dict, lang: str) -> rich renderable
        the tables and plots for the terminal, built from that dict only.

Importing this package is cheap; torch and transformers are imported inside `run`.
"""
