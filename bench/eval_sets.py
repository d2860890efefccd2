"""Run several gold sets, each over the bundled reports plus its own folder of extra documents.

One summary line per set (pass, declines, wrongly declined, citations, latency) and, with
--out, one JSONL file of per-item results per set, so that a blind set can be measured once
printing only the summary, and the misses read afterwards. Indexes are kept per folder of
extra documents under --work (reused by the next run when they exist: delete to rebuild).

Usage: python bench/eval_sets.py GOLD[:DOCS_DIR] ... [--work DIR] [--out DIR] [--misses]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def index_dir(docs: str, work: Path) -> Path:
    key = hashlib.sha1(str(Path(docs).resolve() if docs else "").encode()).hexdigest()[:10]
    return work / f"idx-{key}"


def build_base(path: str) -> None:
    """The bundled reports alone, indexed in a process of its own so its files are closed."""
    from assistant.core import build

    build(data_dir=Path(path)).ingest([ROOT / "samples" / "reports"])


def index_for(docs: str, work: Path, embedder, cache: dict):
    """One index per folder of extra documents (the bundled reports in all of them).

    A new folder starts from a copy of the bundled reports' index, closed, so that only its
    own documents are embedded: every set shares the bundled reports."""
    from assistant.core import build

    if docs not in cache:
        path, base = index_dir(docs, work), index_dir("", work)
        if docs and not path.exists():
            if not base.exists():
                child = multiprocessing.get_context("spawn").Process(target=build_base, args=(str(base),))
                child.start()
                child.join()
            if base.exists() and "" not in cache:
                shutil.copytree(base, path)
        a = build(data_dir=path, embedder=embedder)
        if not a.documents() or docs:
            a.ingest([ROOT / "samples" / "reports"] + ([Path(docs)] if docs else []))
        cache[docs] = a
    return cache[docs]


def line(name: str, s: dict) -> str:
    passed = round((s["pass_rate"] or 0) * s["answerable"])
    return (
        f"{name}: pass {s['pass_rate'] or 0:.3f} ({passed}/{s['answerable']})  "
        f"declined {s['declined_correctly']}/{s['unanswerable']}  wrongly {s['wrongly_declined']}  "
        f"cites {s['citation_validity']}  hit@k {s['hit_at_k']}  "
        f"p50 {s['latency_p50_ms']} ms  p95 {s['latency_p95_ms']} ms"
    )


def main() -> int:
    from assistant.evaluation.evaluate import evaluate, load_gold, result_to_dict

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("specs", nargs="+", help="GOLD.jsonl[:folder of its extra documents]")
    p.add_argument("--work", type=Path, default=Path(".eval-work"), help="where the indexes live")
    p.add_argument("--out", type=Path, default=None, help="write <set>.jsonl per-item results here")
    p.add_argument("--misses", action="store_true", help="also print one line per failed item")
    args = p.parse_args()

    from assistant.models import make_embedder
    from assistant.config import load_settings

    embedder = make_embedder(load_settings())
    cache: dict = {}
    totals = {"right": 0, "answerable": 0, "declined": 0, "unanswerable": 0, "wrongly": 0}
    for spec in args.specs:
        gold, _, docs = spec.partition(":")
        assistant = index_for(docs, args.work, embedder, cache)
        report = evaluate(assistant, load_gold(Path(gold)))
        s = report.summary
        name = Path(gold).stem
        print(line(name, s), flush=True)
        totals["right"] += sum(r.passed for r in report.results if r.item.answerable)
        totals["answerable"] += s["answerable"]
        totals["declined"] += s["declined_correctly"]
        totals["unanswerable"] += s["unanswerable"]
        totals["wrongly"] += s["wrongly_declined"]
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as f:
                for r in report.results:
                    f.write(json.dumps(result_to_dict(r), ensure_ascii=False) + "\n")
        if args.misses:
            for r in report.results:
                if not r.passed:
                    print(f"  MISS {r.item.id} [{r.item.type}] {r.item.question!r} -> {r.answer.answer[:160]!r}")
    if len(args.specs) > 1:
        t = totals
        print(
            f"total: right {t['right']}/{t['answerable']}  declined {t['declined']}/{t['unanswerable']}  "
            f"wrongly {t['wrongly']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
