"""bertquiz: get ready for interviews about BERT in the terminal.

Importing this package is cheap on purpose: nothing here imports torch, transformers or
pydantic, so `bertquiz --help`, `practice` and `review` start at once.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
