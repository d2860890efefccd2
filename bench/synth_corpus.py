"""A deterministic synthetic corpus for scale benchmarks, built from the bundled reports' paragraphs.

Each document gets its own title, year, organisation and country (so filters have work) and a
seeded draw of real report paragraphs (so chunking, entities and BM25 see realistic text), with a
form feed between pages of about PAGE_CHARS characters (so ingest has pages to count).

Usage: python bench/synth_corpus.py OUT_DIR --chunks 10000 [--per-doc 3] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ORGANISATIONS = ["CICTE/OAS", "APEC CTWG", "UNODC", "GAFILAT", "OSCE", "ASEAN", "CARICOM IMPACS", "SICA"]
COUNTRIES = ["Chile", "Peru", "Mexico", "Canada", "Panama", "Colombia", "Jamaica", "Viet Nam", "Thailand", "Brazil"]
TOPICS = ["Border Security", "Cybersecurity", "Terrorism Financing", "Maritime Security", "Aviation Security"]
CHUNK_CHARS = 1200  # the default chunk size: a document of `per_doc` chunks has about this many characters each
PAGE_CHARS = 2500  # about a report page: a form feed (a page break, as pdftotext writes it) after each


def paragraphs() -> list[str]:
    """Body paragraphs of the bundled reports (long enough to be prose, not headings)."""
    from ingest.loaders import load_document

    out = []
    for path in sorted((ROOT / "samples" / "reports").glob("*.pdf")):
        out += [p for p in load_document(path).text.split("\n") if len(p) > 200]
    return out


def write_corpus(out: Path, chunks: int, per_doc: int = 3, seed: int = 7) -> list[Path]:
    """About `chunks` chunks in `chunks / per_doc` text files; the same arguments give the same files."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pool = paragraphs()
    files = []
    for n in range(max(1, chunks // per_doc)):
        org, country = rng.choice(ORGANISATIONS), rng.choice(COUNTRIES)
        year, topic = rng.randint(2005, 2024), rng.choice(TOPICS)
        lines = [f"{topic} Report {n:05d}: {country} {year}", f"{org} · {country} · {year}", ""]
        size = page = 0
        while size < per_doc * CHUNK_CHARS * 0.9:
            p = rng.choice(pool)
            brk = "\f" if size // PAGE_CHARS > page else ""
            page = size // PAGE_CHARS
            lines.append(f"{brk}{p} (Ref. {country}-{year}-{n}-{size})")
            size += len(p)
        path = out / f"report-{n:05d}.txt"
        text = "\n".join(lines) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", type=Path)
    p.add_argument("--chunks", type=int, default=1000)
    p.add_argument("--per-doc", type=int, default=3)
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args()
    files = write_corpus(args.out, args.chunks, args.per_doc, args.seed)
    print(f"{len(files)} files in {args.out}")


if __name__ == "__main__":
    main()
