"""Fit the decline decision (assistant.answer.decline.DECLINE_MODEL) on labelled gold sets.

Every item is answered with declining switched off; each answer's features are recorded with
its label: 1 = answerable and answered right, 0 = unanswerable (answerable items answered
wrongly are left out: the question there is which passage, not whether). A class-balanced,
L2-regularised logistic regression gives the weights; the table shows decline precision and
recall at each threshold, and the chosen one (best F1 with recall first on ties).

Usage: python bench/calibrate_decline.py GOLD[:DOCS_DIR] ... [--out features.jsonl] [--work DIR]
A gold set about other documents names the folder holding them; they are ingested beside
the bundled reports, in a temporary index per folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

L2 = 0.05  # regularisation: small, the features are few and bounded


def collect(specs: list[str], embedder, tmp: Path) -> list[tuple[dict, int, str]]:
    """Features and labels of every item, one index per folder of extra documents."""
    from assistant.answer.decline import DECLINE_MODEL
    from assistant.evaluation.evaluate import evaluate, load_gold
    from eval_sets import index_for  # one index per folder of extra documents, the bundled reports in all

    indexes: dict[str, object] = {}
    rows = []
    for spec in specs:
        gold, _, docs = spec.partition(":")
        if docs not in indexes:
            index_for(docs, tmp, embedder, indexes).engine.decline_model = replace(
                DECLINE_MODEL, threshold=0.0
            )  # answer all
        before = len(rows)
        for r in evaluate(indexes[docs], load_gold(Path(gold))).results:
            why = r.answer.why
            if "parts" in why or not why.get("features"):
                continue  # a message asking two things has no single set of features
            if r.item.answerable and not r.passed:
                continue
            rows.append(
                (why["features"], int(r.item.answerable), f"{Path(gold).parent.name}/{Path(gold).name}:{r.item.id}")
            )
        print(f"{gold}: {len(rows) - before} items", file=sys.stderr)
    return rows


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Class-balanced logistic regression by Newton steps."""
    n, d = x.shape
    sw = np.where(y == 1, 0.5 / max(1, y.sum()), 0.5 / max(1, (1 - y).sum())) * n
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        reg = L2 * np.r_[w[:d], 0.0]
        grad = xb.T @ (sw * (p - y)) + reg
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + L2 * np.diag(np.r_[np.ones(d), 0.0])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:d], float(w[d])


def cross_validate(x: np.ndarray, y: np.ndarray, groups: list[str], threshold: float) -> None:
    """Leave one gold set out: fit on the others, decide on it. What a new set should expect."""
    print(f"\nLeave one set out (fitted without the set, threshold {threshold:.2f}):\n")
    print("| held-out set | unanswerable declined | answered-right declined |\n|---|---|---|")
    names = list(dict.fromkeys(groups))
    mask_of = {n: np.array([g == n for g in groups]) for n in names}
    total = [0, 0, 0, 0]
    for name in names:
        held = mask_of[name]
        w, b = fit(x[~held], y[~held])
        declined = 1 / (1 + np.exp(-(x[held] @ w + b))) < threshold
        yh = y[held]
        tp, neg = int((declined & (yh == 0)).sum()), int((yh == 0).sum())
        wrong, pos = int((declined & (yh == 1)).sum()), int((yh == 1).sum())
        total = [total[0] + tp, total[1] + neg, total[2] + wrong, total[3] + pos]
        print(f"| {name} | {tp}/{neg} | {wrong}/{pos} |")
    print(f"| all | {total[0]}/{total[1]} | {total[2]}/{total[3]} |")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("sets", nargs="+", help="GOLD.jsonl or GOLD.jsonl:DOCS_DIR")
    p.add_argument("--out", type=Path, help="write the features and labels here (JSONL)")
    p.add_argument("--threshold", type=float, help="cross-validate at this threshold (default: the chosen one)")
    p.add_argument("--work", type=Path, help="keep the indexes here and reuse them (default: a temporary folder)")
    args = p.parse_args()

    from assistant.answer.decline import FEATURES
    from assistant.models import make_embedder
    from assistant.config import load_settings

    embedder = make_embedder(load_settings())
    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        rows = collect(args.sets, embedder, args.work)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            rows = collect(args.sets, embedder, Path(tmp))
    if args.out:
        args.out.write_text("".join(json.dumps({"id": i, "label": y, **f}) + "\n" for f, y, i in rows))
    x = np.array([[f.get(name, 0.0) for name in FEATURES] for f, _, _ in rows])
    y = np.array([label for _, label, _ in rows], dtype=float)
    w, b = fit(x, y)
    prob = 1 / (1 + np.exp(-(x @ w + b)))
    print(f"{int(y.sum())} answered right, {int((1 - y).sum())} unanswerable\n")
    print("| feature | weight |\n|---|---|")
    for name, weight in zip(FEATURES, w):
        print(f"| {name} | {weight:+.2f} |")
    print(f"| bias | {b:+.2f} |\n")
    print("| threshold | declines | precision | recall | F1 | answerable declined |\n|---|---|---|---|---|---|")
    best = None
    for t in np.arange(0.05, 0.96, 0.05):
        declined = prob < t
        tp = int((declined & (y == 0)).sum())
        precision = tp / declined.sum() if declined.sum() else 0.0
        recall = tp / max(1, (y == 0).sum())
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        wrong = int((declined & (y == 1)).sum())
        print(f"| {t:.2f} | {int(declined.sum())} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {wrong} |")
        if best is None or (f1, recall) > best[0]:
            best = ((f1, recall), t)
    print(f"\nchosen threshold {best[1]:.2f}")
    cross_validate(x, y, [i.split(":")[0] for _, _, i in rows], args.threshold or best[1])
    weights = ", ".join(f'"{n}": {v:.2f}' for n, v in zip(FEATURES, w))
    print(f"DeclineModel(weights={{{weights}}}, bias={b:.2f}, threshold={best[1]:.2f})")


if __name__ == "__main__":
    main()
