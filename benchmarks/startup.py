"""Start-up figures: `bertquiz --help` and `banks validate` next to two floors.

Floors: `python -c "import typer, rich"` and the `--help` of a minimal two-command Typer app.
Goal: `bertquiz --help` within 1.1x of the minimal Typer app (lazy imports, no work at import).

    python benchmarks/startup.py [--runs 15]

Runs alternate between the commands so that machine noise hits all of them alike; the figure
is the median wall time of each.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from timing import alternating_medians  # benchmarks/timing.py, beside this script

MINIMAL_APP = '''
import typer
app = typer.Typer()
@app.command()
def hello(name: str) -> None:
    print(name)
@app.command()
def bye(name: str) -> None:
    print(name)
app()
'''


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        minimal = Path(tmp) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP)
        commands = {
            "floor: import typer, rich": [py, "-c", "import typer, rich"],
            "floor: minimal Typer app --help": [py, str(minimal), "--help"],
            "bertquiz --help": [py, "-m", "bertquiz", "--help"],
            "bertquiz banks validate": [py, "-m", "bertquiz", "banks", "validate"],
        }
        medians = alternating_medians({name: partial(wall, cmd) for name, cmd in commands.items()}, args.runs)
    typer_floor = medians["floor: minimal Typer app --help"]
    import_floor = medians["floor: import typer, rich"]
    print(f"{'command':36} {'median ms':>10} {'x typer app':>12} {'x import':>9}")
    for name, m in medians.items():
        print(f"{name:36} {m * 1000:10.1f} {m / typer_floor:12.2f} {m / import_floor:9.2f}")
    ratio = medians["bertquiz --help"] / typer_floor
    print(f"\n`bertquiz --help` / minimal Typer app = {ratio:.2f} (goal <= 1.10): {'OK' if ratio <= 1.10 else 'MISSED'}")


if __name__ == "__main__":
    main()
