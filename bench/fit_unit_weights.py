"""Fit the unit scorer's weights (assistant.answer.scoring.UNIT_WEIGHTS) on labelled gold sets.

Two steps, so that the slow one runs once:

    python bench/fit_unit_weights.py dump GOLD.jsonl[:DOCS] ... --work DIR --out units.jsonl
    python bench/fit_unit_weights.py fit units.jsonl --test PREFIX ...

`dump` asks every answerable question that stands on its own and records each ranking the engine
scores while answering it (a comparison's sides too): every candidate unit's features, and whether
the unit is part of a gold quote. `fit` fits a
conditional logit (the gold units' share of a softmax over each ranking's units), with an L2 pull
towards the weights in use so that a feature seen rarely keeps its hand-set weight, and prints the
share of rankings whose top unit is gold, with the weights in use and with the fitted ones, on the
sets fitted and on the sets held out (`--test`: set-name prefixes never fitted on). Each set counts
as much as any other, so the many sets about the two bundled reports do not outweigh the rest.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# A unit is gold when this share of its words (or of the quote's) lies in a gold quote.
GOLD_OVERLAP = 0.8
# Units of fewer words are too short to tell by overlap ("Chile", "2016").
GOLD_MIN_WORDS = 4


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def is_gold(unit: str, quotes: list[str]) -> bool:
    u = _words(unit)
    if len(u) < GOLD_MIN_WORDS:
        return False
    for quote in quotes:
        q = _words(quote)
        if q and (len(u & q) >= GOLD_OVERLAP * len(u) or len(u & q) >= GOLD_OVERLAP * len(q)):
            return True
    return False


def dump(specs: list[str], work: Path, out: Path) -> None:
    from eval_sets import index_for

    from assistant.config import load_settings
    from assistant.evaluation.evaluate import load_gold
    from assistant.models import make_embedder

    embedder = make_embedder(load_settings())
    cache: dict = {}
    with open(out, "w", encoding="utf-8") as f:
        for spec in specs:
            gold, _, docs = spec.partition(":")
            a = index_for(docs, work, embedder, cache)
            scorer = a.engine.scorer
            rankings: list = []
            plain = type(scorer).score_all

            def recording(q, hits, lexical, _plain=plain, _scorer=scorer):
                scored = _plain(_scorer, q, hits, lexical)
                rankings.append(scored)
                return scored

            scorer.score_all = recording  # every ranking the engine makes for this question
            name = Path(gold).stem
            # (a follow-up's earlier turn is asked again first: its rankings are another question's)
            items = [i for i in load_gold(Path(gold)) if i.answerable and i.sources and not i.history]
            try:
                for n, item in enumerate(items, 1):
                    rankings.clear()
                    a.ask(item.question)
                    quotes = [quote for _, quote in item.sources]
                    for r, ranked in enumerate(rankings):
                        scored = [s for s in ranked if not s.unit.instruction]  # (the engine drops these)
                        labels = [is_gold(s.unit.text, quotes) for s in scored]
                        if any(labels) and not all(labels):
                            row = {"set": name, "id": item.id, "ranking": r}
                            row["units"] = [[list(s.features), int(g)] for s, g in zip(scored, labels)]
                            f.write(json.dumps(row) + "\n")
                    print(f"\r{name}: {n}/{len(items)}", end="", file=sys.stderr, flush=True)
            finally:
                del scorer.score_all
            print(file=sys.stderr)


def _top_gold(groups, weights) -> float:
    import numpy as np

    if not groups:
        return float("nan")
    hit = sum(float(labels[int(np.argmax(x @ weights))]) for x, labels, _ in groups)
    return hit / len(groups)


def fit(path: Path, test: list[str], pull: float, steps: int) -> None:
    import numpy as np

    from assistant.answer.scoring import UNIT_FEATURES, UNIT_WEIGHTS

    groups: dict[str, list] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        x = np.array([u[0] for u in row["units"]], dtype="float64")
        labels = np.array([u[1] for u in row["units"]], dtype="float64")
        held = any(row["set"].startswith(p) for p in test)
        groups["test" if held else "train"].append((x, labels, row["set"]))
    train = groups["train"]
    per_set: dict[str, int] = defaultdict(int)
    for _, _, name in train:
        per_set[name] += 1
    # each set weighs the same in total
    share = np.array([1.0 / per_set[name] for _, _, name in train])
    share /= share.sum()
    prior = np.array([UNIT_WEIGHTS[f] for f in UNIT_FEATURES])
    w = prior.copy()
    rate = 0.5
    for step in range(steps):
        grad = np.zeros_like(w)
        loss = 0.0
        for (x, labels, _), s in zip(train, share):
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            loss -= s * float(np.log((p * labels).sum() + 1e-12))
            # the gradient of -log P(gold): expected features minus gold-weighted features
            pg = p * labels / max((p * labels).sum(), 1e-12)
            grad += s * (p @ x - pg @ x)
        loss += pull * float(((w - prior) ** 2).sum())
        grad += 2 * pull * (w - prior)
        w -= rate * grad
        if step % 50 == 0:
            print(f"step {step}: loss {loss:.4f}", file=sys.stderr)
    print(f"rankings: {len(train)} fitted, {len(groups['test'])} held out")
    print(f"{'':10} {'in use':>8} {'fitted':>8}")
    for part in ("train", "test"):
        print(f"{part:10} {_top_gold(groups[part], prior):8.3f} {_top_gold(groups[part], w):8.3f}")
    scale = 0.35 / w[UNIT_FEATURES.index("meaning")] if w[UNIT_FEATURES.index("meaning")] > 0 else 1.0
    print("UNIT_WEIGHTS = {")
    for f, v in zip(UNIT_FEATURES, w * scale):
        print(f'    "{f}": {v:.3f},')
    print("}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("specs", nargs="+", help="GOLD.jsonl[:folder of its extra documents]")
    d.add_argument("--work", type=Path, default=Path(".eval-work"))
    d.add_argument("--out", type=Path, required=True)
    f = sub.add_parser("fit")
    f.add_argument("dump", type=Path)
    f.add_argument("--test", nargs="*", default=[], help="set-name prefixes held out of the fit")
    f.add_argument("--pull", type=float, default=0.01, help="L2 pull towards the weights in use")
    f.add_argument("--steps", type=int, default=300)
    args = p.parse_args()
    if args.cmd == "dump":
        dump(args.specs, args.work, args.out)
    else:
        fit(args.dump, args.test, args.pull, args.steps)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
