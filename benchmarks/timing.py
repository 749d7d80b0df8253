"""What the benchmark scripts share: alternating runs and their medians.

Runs alternate between the cases so that machine noise hits all of them alike; every case runs
once first to warm the OS file cache and the .pyc files.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable


def alternating_medians(cases: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """{name: median of `runs` calls}, each call returning seconds, the cases taken in turn."""
    for case in cases.values():
        case()
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, case in cases.items():
            times[name].append(case())
    return {name: statistics.median(ts) for name, ts in times.items()}
