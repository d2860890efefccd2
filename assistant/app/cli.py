"""`reportqa` command line: parse, call one Assistant method, format.

Heavy imports (torch, chromadb) happen inside the commands, so `reportqa --help` is instant.
"""

from __future__ import annotations

import argparse
import json
import time
import logging
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path

EXAMPLE_QUESTION = "which states got 1540 legislative help in 2016?"


def _settings(args: argparse.Namespace):
    from assistant.config import load_settings

    return load_settings(data_dir=getattr(args, "data_dir", None))


def _assistant(args: argparse.Namespace):
    from assistant.core import build
    from assistant.llm.backends import LLMSetupError

    try:
        return build(_settings(args))
    except LLMSetupError as exc:  # a missing extra, model file or endpoint setting
        sys.exit(f"reportqa: {exc}")


@contextmanager
def _writing(args: argparse.Namespace, command: str):
    """Build an Assistant that may write: hold the data directory's lock first, so no server
    or other command writes beside us, and finish any write a crash interrupted."""
    from assistant.core import build
    from vectorstore.lock import DataDirLock

    settings = _settings(args)

    def waiting(holder) -> None:
        who = holder.describe() if holder else "another process"
        print(f"waiting for {who} to finish writing to {settings.data_dir} ...", file=sys.stderr)

    with DataDirLock(settings.data_dir, "writer", command).acquire(settings.lock_wait_s, waiting):
        assistant = build(settings)
        recovered = assistant.recover()
        if recovered:
            print(f"recovered the index: {recovered}", file=sys.stderr)
        yield assistant


def positive_k(text: str) -> int:
    """--k: chunks per answer, 1..50 (0 or a negative number is a mistake, not a default)."""
    try:
        k = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= k <= 50:
        raise argparse.ArgumentTypeError(f"{k} is out of range: give 1 to 50")
    return k


def _filters(args: argparse.Namespace):
    from assistant.types import Filters

    return Filters(
        sources=tuple(args.source or ()),
        organisations=tuple(args.org or ()),
        years=tuple(args.year or ()),
        countries=tuple(args.country or ()),
    )


def _progress_bar():
    """One bar per file being embedded (chunks), so a large file shows it is moving."""
    from tqdm import tqdm

    bar = None

    def update(p) -> None:
        nonlocal bar
        if p.stage == "embedding":
            if bar is None:
                bar = tqdm(
                    total=p.total,
                    unit="chunk",
                    desc=f"[{p.file_index}/{p.files}] {p.name[-40:]}",
                    file=sys.stderr,
                    leave=False,
                )
            bar.n = p.done
            bar.refresh()
        elif p.stage == "done" and bar is not None:
            bar.close()
            bar = None

    return update


def cmd_ingest(args: argparse.Namespace) -> int:
    from vectorstore.lock import DataDirBusy

    try:
        with _writing(args, "reportqa ingest") as assistant:
            return _ingest(args, assistant)
    except DataDirBusy as exc:
        print(f"reportqa ingest: {exc}", file=sys.stderr)
        return 3


def _ingest(args: argparse.Namespace, assistant) -> int:
    if args.samples:
        results = assistant.ingest_samples_if_empty(_progress_bar())
        if not results:
            print(f"index already holds {len(assistant.documents())} document(s); nothing to do")
            return 0
    else:
        if not args.paths:
            print("reportqa ingest: give one or more files/directories, or --samples", file=sys.stderr)
            return 2
        results = assistant.ingest([Path(p) for p in args.paths], _progress_bar())
    for r in results:
        detail = f"{r.chunks} chunks" if r.status in ("ingested", "replaced") else (r.error or r.doc_id or "")
        print(f"{r.status:>9}  {r.path}  {detail}" + (f"\n           {r.note}" if r.note else ""))
    if not results:
        print("no supported files found (.pdf, .docx, .txt, .md)", file=sys.stderr)
        return 1
    return 1 if any(r.status in ("failed", "conflict") for r in results) else 0


def format_answer(answer) -> str:
    """Human-readable answer with its numbered sources."""
    return "\n".join(textwrap.fill(line, 100) for line in answer.answer.split("\n")) + "\n" + format_sources(answer)


def format_sources(answer) -> str:
    """The numbered sources (or related passages of a decline), and which engine answered."""
    lines = [""]
    if answer.engine != "extractive":
        removed = len(answer.unsupported)
        note = f"; {removed} sentence(s) removed: no passage they cite states them" if removed else ""
        lines.append(f"(written by {answer.engine}, every sentence checked against its passages{note})")
    elif answer.fallback_reason:
        lines.append(f"(extractive answer: the LLM was not used, {answer.fallback_reason})")
    cited = answer.citations or answer.related
    if cited:
        lines.append("Sources:" if answer.citations else "Related passages (not an answer):")
    for c in cited:
        where = ", ".join(x for x in (f"p. {c.page}" if c.page else "", c.section or "") if x)
        lines.append(f"  [{c.n}] {c.title} ({c.source}{', ' + where if where else ''})")
        lines.append(textwrap.indent(textwrap.fill(f"“{c.quote}”", 94), "      "))
    return "\n".join(lines)


def cmd_ask(args: argparse.Namespace) -> int:
    from assistant.app.remote import ask_server, running_server
    from assistant.app.serialize import answer_from_dict, answer_to_dict

    started = time.perf_counter()
    settings = _settings(args)
    url = None if args.local else running_server(settings.data_dir, settings.api_token)
    if url:  # the running server has the model and the index loaded: milliseconds, not seconds
        try:
            d = ask_server(
                url,
                args.question,
                args.history or [],
                _filters(args),
                args.k,
                settings.api_token,
                settings.llm_timeout_s + 30,
            )
        except ValueError as exc:
            print(f"reportqa ask: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"reportqa ask: the server at {url} did not answer ({exc}); answering here", file=sys.stderr)
        else:
            print(json.dumps(d, ensure_ascii=False, indent=2) if args.json else format_answer(answer_from_dict(d)))
            if not args.json:
                print(f"(answered by the server at {url} in {time.perf_counter() - started:.2f} s)", file=sys.stderr)
            return 0
    assistant = _assistant(args)
    if not assistant.documents():
        print("the index is empty: run `reportqa ingest --samples` or `reportqa ingest PATH`", file=sys.stderr)
        return 1
    assistant.embedder.embed_query("")  # load the model now, so start-up and answering are timed apart
    try:
        if assistant.llm is not None and not args.json:  # the model's sentences as they are checked
            answer, streamed = None, False
            for event in assistant.ask_stream(args.question, args.history or (), _filters(args), args.k):
                if event.kind == "delta":
                    print(event.text, end="", flush=True)
                    streamed = True
                else:
                    answer = event.answer
            print("" if streamed else answer.answer)
            print(format_sources(answer))
        else:
            answer = assistant.ask(args.question, history=args.history or (), filters=_filters(args), k=args.k)
            if args.json:
                print(json.dumps(answer_to_dict(answer), ensure_ascii=False, indent=2))
            else:
                print(format_answer(answer))
    except ValueError as exc:  # an empty or over-long question, an unknown filter value, an LLM setting
        print(f"reportqa ask: {exc}", file=sys.stderr)
        return 2
    if not args.json:
        print(where_time_went(time.perf_counter() - started, answer.timings_ms), file=sys.stderr)
    return 0


def where_time_went(wall_s: float, timings_ms: dict[str, float]) -> str:
    """A one-shot answer's time: most of it is starting up, which a running server has done."""
    answering = timings_ms.get("total", 0.0) / 1000
    return (
        f"({wall_s:.1f} s: {wall_s - answering:.1f} s starting up (Python, torch, the embedding model, the index), "
        f"{answering:.2f} s answering (a process's first question also loads spaCy); `reportqa serve` on this "
        "data directory keeps them loaded, and `reportqa ask` then asks it)"
    )


def cmd_docs(args: argparse.Namespace) -> int:
    from assistant.app.serialize import document_to_dict

    docs = _assistant(args).documents()
    if args.json:
        print(json.dumps([document_to_dict(d) for d in docs], ensure_ascii=False, indent=2))
        return 0
    if not docs:
        print("no documents indexed")
    for d in docs:
        meta = " · ".join(str(x) for x in (d.document_type, d.organisation, d.year, d.country) if x)
        pages = f"{d.pages} pages, " if d.pages else ""
        print(f"{d.doc_id}  {d.source}\n    {d.title}  [{meta}]  {pages}{d.chunks} chunks, ingested {d.ingested_at}")
        guessed = guessed_fields(d)
        if guessed:
            print(f"    not stated outright: {guessed}")
        if d.duplicate_of:
            twin = next((x.source for x in docs if x.doc_id == d.duplicate_of), d.duplicate_of)
            print(f"    same text as {twin} ({d.duplicate_of}), which answers instead; kept, not searched")
    return 0


def guessed_fields(d) -> str:
    """Which metadata the text did not state outright: "title from the first heading; year not found"."""
    notes = {
        "first heading": "from the first heading",
        "file name": "from the file name",
        "report form": "",
        "not found": "not found",
        "text": "from the text",
        "title": "",
        "detected": "",
        "front matter": "",
    }
    parts = [f"{name} {notes.get(how, how)}" for name, how in (d.detected or {}).items() if notes.get(how, how)]
    return "; ".join(parts)


def cmd_remove(args: argparse.Namespace) -> int:
    from assistant.core import DocumentNotFound
    from vectorstore.lock import DataDirBusy

    try:
        with _writing(args, "reportqa remove") as assistant:
            removed = assistant.remove(args.doc)
    except DocumentNotFound as exc:
        print(f"reportqa remove: {exc}", file=sys.stderr)
        return 1
    except DataDirBusy as exc:
        print(f"reportqa remove: {exc}", file=sys.stderr)
        return 3
    print(f"removed {removed.source} ({removed.doc_id}, {removed.chunks} chunks)")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Exit 0 when everything agrees (or was repaired), 1 when problems remain."""
    from vectorstore.lock import DataDirBusy

    try:
        if args.repair:
            with _writing(args, "reportqa check --repair") as assistant:
                report = assistant.check(repair=True)
        else:
            report = _assistant(args).check()
    except DataDirBusy as exc:
        print(f"reportqa check: {exc}", file=sys.stderr)
        return 3
    if args.json:
        print(
            json.dumps(
                {
                    "ok": report.ok,
                    "problems": [p.__dict__ for p in report.problems],
                    "repaired": list(report.repaired),
                    "remaining": [p.__dict__ for p in report.remaining],
                },
                indent=2,
            )
        )
        return 0 if report.ok else 1
    for p in report.problems:
        print(f"problem   {p.kind}: {p.detail}")
    for line in report.repaired:
        print(f"repaired  {line}")
    for p in report.remaining:
        print(f"remaining {p.kind}: {p.detail}")
    print(
        "ok: Chroma, the lexical index, the document list and the stored originals agree"
        if report.ok
        else "not ok" + ("" if args.repair else ": run `reportqa check --repair`")
    )
    return 0 if report.ok else 1


def cmd_serve(args: argparse.Namespace) -> int:
    from assistant.app.server import serve
    from vectorstore.lock import DataDirBusy

    try:
        serve(args.host, args.port, ingest_samples=args.ingest_samples, settings=_settings(args))
    except DataDirBusy as exc:
        print(f"reportqa serve: {exc}", file=sys.stderr)
        return 3
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from assistant.evaluation.report import decline_sentence, markdown_table, write_markdown
    from assistant.evaluation.evaluate import GoldFormatError, evaluate, load_gold, result_to_dict

    try:
        items = load_gold(Path(args.gold))
    except GoldFormatError as exc:
        print(f"reportqa eval: {exc}", file=sys.stderr)
        return 2
    assistant = _assistant(args)
    if not assistant.documents():
        print("the index is empty: run `reportqa ingest --samples` first", file=sys.stderr)
        return 2
    from tqdm import tqdm

    with tqdm(total=len(items), unit="q", desc="evaluating", file=sys.stderr) as bar:
        report = evaluate(assistant, items, k=args.k, progress=lambda done, total: bar.update(1))
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as fh:
            for r in report.results:
                fh.write(json.dumps(result_to_dict(r), ensure_ascii=False) + "\n")
    if args.report:
        Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        write_markdown(report, Path(args.report), args.gold)
    if args.json:
        print(json.dumps({"summary": report.summary, "by_type": report.by_type}, indent=2))
    else:
        print(markdown_table(report))
        s = report.summary
        print("\n" + decline_sentence(s))
        engines = ", ".join(f"{name} {n}" for name, n in s["engines"].items())
        print(
            f"Answers written by: {engines}; LLM fallbacks {s['fallbacks']}; unsupported sentences removed "
            f"{s['unsupported_removed']}."
        )
    if args.min_pass is not None and (report.summary["pass_rate"] or 0.0) < args.min_pass:
        print(f"pass rate {report.summary['pass_rate']} is below --min-pass {args.min_pass}", file=sys.stderr)
        return 1
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reportqa", description="Cited answers from policy reports, offline.")
    p.add_argument("--data-dir", type=Path, default=None, help="index directory (env REPORTQA_DATA_DIR)")
    p.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", help="index PDF/DOCX/TXT files or directories")
    s.add_argument("paths", nargs="*", help="files or directories")
    s.add_argument("--samples", action="store_true", help="index the bundled reports if the index is empty")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("ask", help="ask a question, get a cited answer")
    s.add_argument("question")
    s.add_argument("--json", action="store_true", help="print the answer as JSON")
    s.add_argument("--k", type=positive_k, default=None, help="chunks to build the answer from, 1-50 (default 5)")
    s.add_argument("--history", action="append", help="an earlier user turn (repeat, oldest first)")
    s.add_argument("--source", action="append", help="restrict to a source file name (repeatable)")
    s.add_argument("--org", action="append", help="restrict to an organisation, e.g. APEC")
    s.add_argument("--year", action="append", type=int, help="restrict to a report year")
    s.add_argument("--country", action="append", help="restrict to a country/economy")
    s.add_argument("--local", action="store_true", help="answer in this process even when a server is running")
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("eval", help="measure accuracy on a gold question set (JSONL)")
    s.add_argument("gold", help="gold items, one JSON object per line")
    s.add_argument("--k", type=positive_k, default=5, help="chunks per answer, 1-50 (default 5)")
    s.add_argument("--out", help="write per-item results (JSONL) here")
    s.add_argument("--report", help="write a Markdown report (and a PNG chart beside it) here")
    s.add_argument("--json", action="store_true", help="print the summary as JSON")
    s.add_argument(
        "--min-pass", type=float, default=None, help="exit 1 if the answerable pass rate is below this (0..1)"
    )
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("docs", help="list indexed documents")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_docs)

    s = sub.add_parser("remove", help="delete a document (id, id prefix of 4+ characters, or file name) everywhere")
    s.add_argument("doc")
    s.set_defaults(func=cmd_remove)

    s = sub.add_parser("check", help="do Chroma, the lexical index, the document list and the originals agree?")
    s.add_argument("--repair", action="store_true", help="make them agree, and say what was done")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("serve", help="web chat at / and REST API at /api (OpenAPI at /docs)")
    s.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    s.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    s.add_argument("--ingest-samples", action="store_true", help="index the bundled reports if the index is empty")
    s.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
