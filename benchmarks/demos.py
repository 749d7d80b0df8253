"""Demo figures: `demo mlm` wall time against the import floor, peak memory of every demo, and
the fine-tuning demo's held-out accuracy and time.

Floor: `python -c "from transformers import BertForPreTraining"`, the import no demo can avoid.
Goals: `bertquiz demo mlm` within 1.15x of the floor; every demo under 700 MB resident;
`demo cls` (when it exists) at least 85% held-out accuracy in at most 30 s.

    BERTQUIZ_MODEL=/tmp/tb_dev python benchmarks/demos.py [--runs 7]

Runs alternate between the commands so that machine noise hits all of them alike; the figure
is the median wall time of each. Peak memory is the child's own ru_maxrss (os.wait4).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time
from typing import Any

from timing import alternating_medians  # benchmarks/timing.py, beside this script

DEMOS = ("mlm", "nsp", "embeddings", "tokenize", "cls", "token", "qa", "attention", "features")
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "NO_COLOR": "1", "COLUMNS": "80"}


def measure(cmd: list[str]) -> tuple[float, float, bytes]:
    """(wall seconds, peak RSS in MB, stdout) of one run of `cmd`."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}")
    return wall, usage.ru_maxrss / 1024, out  # ru_maxrss is in KiB on Linux


def heldout_accuracy(data: dict[str, Any]) -> float | None:
    """The fine-tuned model's held-out accuracy in demo cls's JSON: heldout.after.all (a fraction)."""
    after = (data.get("heldout") or {}).get("after")
    if isinstance(after, dict):
        after = after.get("all")
    return float(after) if isinstance(after, int | float) else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    py = sys.executable
    model = os.environ.get("BERTQUIZ_MODEL", "the shipped checkpoint")
    print(f"model: {model}\n")

    # 1. demo mlm against the floor, alternating
    commands = {
        "floor: from transformers import BertForPreTraining": [py, "-c", "from transformers import BertForPreTraining"],
        "bertquiz demo mlm": [py, "-m", "bertquiz", "demo", "mlm"],
    }
    medians = alternating_medians({name: (lambda cmd=cmd: measure(cmd)[0]) for name, cmd in commands.items()}, args.runs)
    floor = medians["floor: from transformers import BertForPreTraining"]
    print(f"{'command':52} {'median s':>9} {'x floor':>8}")
    for name, m in medians.items():
        print(f"{name:52} {m:9.2f} {m / floor:8.2f}")
    ratio = medians["bertquiz demo mlm"] / floor
    print(f"\n`demo mlm` / floor = {ratio:.2f} (goal <= 1.15): {'OK' if ratio <= 1.15 else 'MISSED'}\n")

    # 2. peak memory of every demo that exists
    print(f"{'demo':12} {'peak RSS MB':>12} {'wall s':>8}")
    worst = 0.0
    results: dict[str, tuple[float, float, bytes]] = {}
    for name in DEMOS:
        if importlib.util.find_spec(f"bertquiz.demos.{name}") is None:
            print(f"{name:12} {'(no module yet)':>12}")
            continue
        results[name] = measure([py, "-m", "bertquiz", "demo", name, "--json"])
        wall, rss, _ = results[name]
        worst = max(worst, rss)
        print(f"{name:12} {rss:12.0f} {wall:8.2f}")
    print(f"\nlargest peak RSS = {worst:.0f} MB (goal <= 700): {'OK' if worst <= 700 else 'MISSED'}\n")

    # 3. the fine-tuning demo: held-out accuracy and wall time
    if "cls" in results:
        wall, _, out = results["cls"]
        acc = heldout_accuracy(json.loads(out))
        if acc is None:
            print(f"demo cls: no heldout.after.all in its JSON; wall {wall:.1f} s")
        else:
            ok = acc >= 0.85 and wall <= 30
            print(f"demo cls: held-out accuracy {100 * acc:.1f}% in {wall:.1f} s (goal >= 85% in <= 30 s): {'OK' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
