"""Evaluation results as a terminal table, a Markdown report and a PNG chart."""

from __future__ import annotations

from pathlib import Path

from assistant.evaluate import EvalReport

COLUMNS = [
    ("items", "items"),
    ("pass_rate", "pass"),
    ("fact_recall", "recall"),
    ("declined_correctly", "declined"),
    ("wrongly_declined", "wrongly declined"),
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
    failures = [r for r in report.results if not r.passed]
    lines = [
        "# ReportQA evaluation",
        "",
        f"Gold set: `{gold}`",
        "",
        markdown_table(report),
        "",
        f"![pass rate by type]({chart.name})",
        "",
        "## Items that did not pass",
        "",
    ]
    for r in failures:
        missing = [alts[0] for alts in r.item.must_include if not any(a.lower() in r.answer.answer.lower() for a in alts)]
        lines.append(f"- **{r.item.id}** ({r.item.type}) {r.item.question} — abstained={r.answer.abstained}, missing={missing}")
    if not failures:
        lines.append("None.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return chart
