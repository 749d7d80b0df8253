"""Show where the grader disagrees with the labelled set, with what it matched, to tune a
bank's key points and wrong claims.

    python tools/grading_failures.py [--lang ru] [--topic mlm] [--split dev]

Tune on the `dev` split only; the `test` split measures how well the tuning generalises
(benchmarks/grading.py reports it on its own).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bertquiz.bank.bank import load_bank
from bertquiz.grading.grade import grade

SET = Path(__file__).resolve().parents[1] / "tests" / "grading_set" / "answers.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang")
    parser.add_argument("--topic")
    parser.add_argument("--split", default="dev")
    args = parser.parse_args()
    bank = load_bank()
    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in rows:
        if r["split"] != args.split or (args.lang and r["lang"] != args.lang):
            continue
        e = bank.get(r["id"], r["lang"])
        if args.topic and e.topic != args.topic:
            continue
        g = grade(e.question, r["answer"], r["lang"])
        if g.verdict.value == r["label"]:
            continue
        print(f"--- {r['lang']} {r['id']} ({e.type}) human={r['label']} grader={g.verdict.value} score={g.score:.2f} trap={r.get('trap')}")
        print(f"  answer: {r['answer']}")
        print(f"  hit={[p.id for p in g.hit]} missed={[p.id for p in g.missed]} wrong={[p.id for p in g.contradictions]} notes={list(g.notes)}")
        if e.type == "open":
            for k in e.question.key_points:
                if k.id in {p.id for p in g.missed}:
                    print(f"    key point {k.id}: {k.match}")
            for c in e.question.contradictions:
                if c.id in {p.id for p in g.contradictions}:
                    print(f"    wrong claim {c.id}: {c.match}")


if __name__ == "__main__":
    main()
