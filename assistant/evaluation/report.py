"""Evaluation results as a terminal table, a Markdown report and a PNG chart."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.evaluation.evaluate import EvalReport, ItemResult, answer_why, miss_reason

COLUMNS = [
    ("items", "items"),
    ("pass_rate", "pass"),
    ("fact_recall", "recall"),
    ("declined_correctly", "declined"),
    ("wrongly_declined", "wrongly declined"),
    ("decline_precision", "decline P"),
    ("decline_recall", "decline R"),
    ("decline_f1", "decline F1"),
    ("hit_at_k", "hit@k"),
    ("all_sources_at_k", "all-sources@k"),
    ("citation_validity", "citations valid"),
    ("latency_p50_ms", "p50 ms"),
    ("latency_p95_ms", "p95 ms"),
]


def _cell(value) -> str:
    return "–" if value is None else (f"{value:.3f}" if isinstance(value, float) and value <= 1 else str(value))


def markdown_table(report: EvalReport) -> str:
    head = "| type | " + " | ".join(name for _, name in COLUMNS) + " |"
    rule = "|" + "---|" * (len(COLUMNS) + 1)
    rows = ["| **all** | " + " | ".join(_cell(report.summary[key]) for key, _ in COLUMNS) + " |"]
    rows += [f"| {t} | " + " | ".join(_cell(s[key]) for key, _ in COLUMNS) + " |" for t, s in report.by_type.items()]
    return "\n".join([head, rule, *rows])


def decline_sentence(summary: dict) -> str:
    """Declining as a classifier, with the counts behind the ratios."""
    declined, unanswerable = summary["declined_total"], summary["unanswerable"]
    right = summary["declined_correctly"]
    return (
        f"Declines: precision {_cell(summary['decline_precision'])} "
        f"({right} of {declined} declines were unanswerable), "
        f"recall {_cell(summary['decline_recall'])} ({right} of {unanswerable} unanswerable items declined), "
        f"F1 {_cell(summary['decline_f1'])}."
    )


def shorten(text: str, limit: int = 100) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def first_quote(r: ItemResult) -> str:
    """What the engine chose ("chose"), or for a decline what it considered or offered instead."""
    a = r.answer
    if a.citations:
        return f'chose "{shorten(a.citations[0].quote)}"'
    chosen = answer_why(a).get("chosen") or []
    if chosen and isinstance(chosen[0], dict) and chosen[0].get("quote"):
        return f'considered "{shorten(str(chosen[0]["quote"]))}"'
    if a.related:
        return f'nearest "{shorten(a.related[0].quote)}"'
    return "no passage"


def misses_section(report: EvalReport) -> list[str]:
    """One line per failed item: id, type, question, why it failed, the passage chosen."""
    lines = ["## Misses", ""]
    for r in report.results:
        reason = miss_reason(r)
        if reason:
            question = shorten(r.item.question, 160)
            lines.append(f"- **{r.item.id}** ({r.item.type}) {question} — {reason} — {first_quote(r)}")
    if len(lines) == 2:
        lines.append("None.")
    return lines


def write_chart(report: EvalReport, path: Path) -> None:
    """Bar chart of pass rate by question type (unanswerable: correctly declined)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    types = list(report.by_type)
    rates = [
        (s["pass_rate"] if s["answerable"] else s["declined_correctly"] / max(1, s["unanswerable"])) or 0.0
        for s in report.by_type.values()
    ]
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.bar(types, rates, color="#3a6ea5")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("pass rate")
    ax.set_title("Pass rate by question type")
    ax.tick_params(axis="x", rotation=35)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_markdown(report: EvalReport, path: Path, gold: str) -> Path:
    """The report and its chart (same name, .png) side by side."""
    chart = path.with_suffix(".png")
    write_chart(report, chart)
    lines = [
        "# ReportQA evaluation",
        "",
        f"Gold set: `{gold}`",
        "",
        markdown_table(report),
        "",
        decline_sentence(report.summary),
        "",
        f"![pass rate by type]({chart.name})",
        "",
        *misses_section(report),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return chart
