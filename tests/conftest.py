from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

os.environ.setdefault("HF_HUB_OFFLINE", "1")
# the bank cache of the tests lives apart from the user's (subprocesses inherit it)
os.environ.setdefault("BERTQUIZ_CACHE", tempfile.mkdtemp(prefix="bertquiz-test-cache-"))
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def invoke(runner: CliRunner):
    """Run the bertquiz CLI in-process: invoke("banks", "list", "--json")."""
    from bertquiz.cli import app

    def _invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return _invoke
