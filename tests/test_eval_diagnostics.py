"""What `reportqa eval` says beyond pass rates: decline precision/recall, and per item the
passage chosen, the engine's reasons, where the gold passage ranked and what was missing.

A scripted assistant (a class with `ask`, returning real Answer objects) stands in for the
engine so each outcome (pass, missing fact, wrong decline, answered unanswerable, too long) is
produced on purpose; citations are checked against a real text file through the real loader.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np
import pytest

from assistant.evaluation.report import markdown_table, misses_section, write_markdown
from assistant.evaluation.evaluate import decline_scores, evaluate, load_gold, result_to_dict
from assistant.types import Answer, Chunk, Citation, Hit

REPORT_TEXT = (
    "Annual report of the committee.\n\n"
    "The committee met in Lima in 2016.\n\n"
    "Peru and Chile funded the training of border officers.\n\n"
    "The secretariat trained forty officers in document security, risk analysis and the detection of "
    "forged travel documents at three airports.\n"
)
FUNDED = "Peru and Chile funded the training of border officers."
MET = "The committee met in Lima in 2016."
TRAINED = REPORT_TEXT.split("\n\n")[3].strip()

if "why" in {f.name for f in fields(Answer)}:
    WhyAnswer = Answer
else:  # until the engine's Answer carries `why`, the same shape as a subclass

    @dataclass(frozen=True)
    class WhyAnswer(Answer):
        why: dict = field(default_factory=dict)


def _chunk(n: int, text: str) -> Chunk:
    return Chunk(
        chunk_id=f"c{n}",
        doc_id="rep",
        source="report.txt",
        title="Annual report",
        text=text,
        section="Activities",
        char_start=0,
        char_end=len(text),
    )


def _hits(*texts: str) -> tuple[Hit, ...]:
    return tuple(Hit(_chunk(n, t), score=1.0 / n, dense_rank=n) for n, t in enumerate(texts, start=1))


def _cite(quote: str) -> Citation:
    return Citation(
        n=1, doc_id="rep", source="report.txt", title="Annual report", page=None, section=None, quote=quote, score=0.42
    )


def _answer(
    question: str,
    text: str,
    *,
    quote: str | None = None,
    abstained: bool = False,
    hits: tuple[Hit, ...] = (),
    related: tuple[Citation, ...] = (),
    why: dict | None = None,
) -> Answer:
    base = dict(
        question=question,
        answer=text,
        abstained=abstained,
        citations=(_cite(quote),) if quote else (),
        related=related,
        hits=hits,
    )
    return WhyAnswer(**base, why=why) if why is not None else Answer(**base)


class Originals:
    """What evaluate asks of `assistant.index`: where an indexed document's file lies."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def original_path(self, doc_id: str) -> Path:
        return self.path


class ScriptedAssistant:
    """Replies from a script keyed by question, as the real Assistant's `ask` would."""

    def __init__(self, replies: dict[str, Answer], report: Path) -> None:
        self.replies = replies
        self.index = Originals(report)
        self.asked: list[tuple[str, tuple[str, ...], int]] = []

    def ask(self, question: str, history=(), k: int = 5) -> Answer:
        self.asked.append((question, tuple(history), k))
        return self.replies[question]


GOLD = [
    {
        "id": "pass",
        "type": "who",
        "question": "Who funded the training?",
        "answerable": True,
        "answer": "Peru and Chile",
        "must_include": [["Peru"], ["Chile"]],
        "sources": [{"doc": "report.txt", "quote": FUNDED}],
    },
    {
        "id": "fact",
        "type": "date",
        "question": "Where and when did the committee meet?",
        "answerable": True,
        "answer": "Lima, 2016",
        "must_include": [["Lima"], ["2016"]],
        "sources": [{"doc": "report.txt", "quote": MET}],
    },
    {
        "id": "wrongdecline",
        "type": "number",
        "question": "How many officers were trained?",
        "answerable": True,
        "answer": "forty",
        "must_include": [["forty", "40"]],
        "sources": [{"doc": "report.txt", "quote": TRAINED}],
    },
    {
        "id": "rightdecline",
        "type": "unanswerable",
        "question": "What was the budget?",
        "answerable": False,
        "answer": "",
        "must_include": [],
        "sources": [],
    },
    {
        "id": "overreach",
        "type": "unanswerable",
        "question": "Who chaired the 2019 session?",
        "answerable": False,
        "answer": "",
        "must_include": [],
        "sources": [],
    },
    {
        "id": "long",
        "type": "factoid",
        "question": "Where did they meet?",
        "answerable": True,
        "answer": "Lima",
        "must_include": [["Lima"]],
        "sources": [{"doc": "report.txt", "quote": MET}],
    },
]

WHY_PASS = {
    "wanted": ("ORG", "GPE"),
    "chosen": [{"quote": FUNDED, "score": np.float32(0.75), "coverage": 1.0, "dense": 0.6, "has_wanted": True}],
    "threshold": float("nan"),
}
WHY_DECLINE = {"declined_because": "coverage 0.20 below 0.50", "chosen": [{"quote": TRAINED, "coverage": 0.2}]}


def _replies() -> dict[str, Answer]:
    q = {g["id"]: g["question"] for g in GOLD}
    return {
        q["pass"]: _answer(
            q["pass"], "Peru and Chile funded it [1].", quote=FUNDED, hits=_hits(MET, FUNDED), why=WHY_PASS
        ),
        q["fact"]: _answer(
            q["fact"], "The committee met in Lima [1].", quote="The committee met in Lima", hits=_hits(FUNDED)
        ),
        q["wrongdecline"]: _answer(
            q["wrongdecline"],
            "The reports do not say.",
            abstained=True,
            hits=_hits(FUNDED, TRAINED),
            related=(_cite(TRAINED),),
            why=WHY_DECLINE,
        ),
        q["rightdecline"]: _answer(q["rightdecline"], "The reports do not say.", abstained=True),
        q["overreach"]: _answer(
            q["overreach"], "The secretariat trained officers [1].", quote=TRAINED, hits=_hits(TRAINED)
        ),
        q["long"]: _answer(q["long"], "Lima " + "and more words " * 60 + "[1]", quote=MET, hits=_hits(MET)),
    }


@pytest.fixture
def report(tmp_path: Path):
    original = tmp_path / "report.txt"
    original.write_text(REPORT_TEXT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    assistant = ScriptedAssistant(_replies(), original)
    result = evaluate(assistant, load_gold(gold), k=3)
    assert [a[2] for a in assistant.asked] == [3] * len(GOLD)
    return result


def _row(report, item_id: str) -> dict:
    r = next(r for r in report.results if r.item.id == item_id)
    row = json.loads(json.dumps(result_to_dict(r), allow_nan=False))  # what --out writes must be strict JSON
    return row


def test_decline_precision_recall_and_f1_arithmetic() -> None:
    # 3 declined, 2 unanswerable, 1 of them declined: P = 1/3, R = 1/2, F1 = 2*1 / (3+2)
    s = decline_scores([True, True, True, False, False], [True, False, False, True, False])
    assert s == {"declined_total": 3, "decline_precision": 0.3333, "decline_recall": 0.5, "decline_f1": 0.4}
    assert decline_scores([True, False], [True, False]) == {
        "declined_total": 1,
        "decline_precision": 1.0,
        "decline_recall": 1.0,
        "decline_f1": 1.0,
    }


def test_decline_scores_when_nothing_declined_or_nothing_unanswerable() -> None:
    # nothing declined: precision is undefined, but missing every unanswerable item is recall 0, F1 0
    assert decline_scores([False, False], [True, False]) == {
        "declined_total": 0,
        "decline_precision": None,
        "decline_recall": 0.0,
        "decline_f1": 0.0,
    }
    # nothing unanswerable: recall is undefined, every decline was wrong
    assert decline_scores([True, False], [False, False]) == {
        "declined_total": 1,
        "decline_precision": 0.0,
        "decline_recall": None,
        "decline_f1": 0.0,
    }
    # nothing on either side: nothing to judge
    assert decline_scores([False], [False]) == {
        "declined_total": 0,
        "decline_precision": None,
        "decline_recall": None,
        "decline_f1": None,
    }
    assert decline_scores([], []) == {
        "declined_total": 0,
        "decline_precision": None,
        "decline_recall": None,
        "decline_f1": None,
    }


def test_summary_keeps_its_keys_and_adds_decline_scores(report) -> None:
    s = report.summary
    # 2 declined (one right, one wrong); 2 unanswerable (one declined, one answered)
    assert (s["declined_total"], s["decline_precision"], s["decline_recall"], s["decline_f1"]) == (2, 0.5, 0.5, 0.5)
    assert (s["items"], s["answerable"], s["unanswerable"]) == (6, 4, 2)
    assert (s["pass_rate"], s["declined_correctly"], s["wrongly_declined"]) == (0.25, 1, 1)
    assert s["citation_validity"] == 1.0  # every scripted quote is really in report.txt
    assert s["hit_at_k"] == 0.75  # the "fact" item's gold sentence was not retrieved
    # per type: the unanswerable row has perfect precision (its only decline was right), half recall
    u = report.by_type["unanswerable"]
    assert (u["decline_precision"], u["decline_recall"]) == (1.0, 0.5)
    assert report.by_type["number"]["decline_precision"] == 0.0
    assert report.by_type["who"]["decline_precision"] is None
    json.dumps({"summary": s, "by_type": report.by_type}, allow_nan=False)  # the --json output


def test_markdown_table_shows_decline_columns(report) -> None:
    table = markdown_table(report)
    head, _, everything = table.splitlines()[:3]
    cells = [c.strip() for c in everything.strip("|").split("|")]
    names = [c.strip() for c in head.strip("|").split("|")]
    assert cells[names.index("decline P")] == "0.500"
    assert cells[names.index("decline R")] == "0.500"
    assert cells[names.index("decline F1")] == "0.500"
    who = next(line for line in table.splitlines() if line.startswith("| who |"))
    assert [c.strip() for c in who.strip("|").split("|")][names.index("decline P")] == "–"


def test_out_line_carries_the_engines_reasons_and_the_gold_rank(report) -> None:
    row = _row(report, "pass")
    assert row["passed"] and row["failure"] is None and row["missing"] == []
    assert row["gold_rank"] == 2  # the funders' sentence came second
    assert [h["has_gold"] for h in row["retrieved"]] == [False, True]
    assert [h["dense_rank"] for h in row["retrieved"]] == [1, 2] and row["retrieved"][0]["lexical_rank"] is None
    assert row["why"]["wanted"] == ["ORG", "GPE"]
    assert row["why"]["chosen"][0]["score"] == pytest.approx(0.75) and row["why"]["chosen"][0]["has_wanted"] is True
    assert row["why"]["threshold"] is None  # NaN would not be JSON
    assert row["citations"][0]["quote"] == FUNDED and row["citations"][0]["score"] == 0.42


def test_out_line_names_missing_facts_and_why_an_item_failed(report) -> None:
    fact = _row(report, "fact")
    assert fact["missing"] == ["2016"] and fact["failure"] == "missing: 2016"
    assert fact["gold_rank"] is None and fact["why"] == {}  # an engine that records no reasons
    declined = _row(report, "wrongdecline")
    assert declined["failure"] == "declined" and declined["missing"] == ["forty"]
    assert declined["why"]["declined_because"] == "coverage 0.20 below 0.50"
    assert declined["gold_rank"] == 2 and declined["related"][0]["quote"] == TRAINED
    assert _row(report, "overreach")["failure"] == "answered an unanswerable"
    assert _row(report, "rightdecline")["failure"] is None and _row(report, "rightdecline")["gold_rank"] is None
    long = _row(report, "long")
    assert long["missing"] == [] and long["failure"].startswith("too long:")
    assert long["answer_chars"] > long["length_limit"] == 600


def test_misses_section_has_one_line_per_failed_item(report) -> None:
    lines = misses_section(report)
    assert lines[0] == "## Misses"
    items = [line for line in lines if line.startswith("- ")]
    assert [line.split("**")[1] for line in items] == ["fact", "wrongdecline", "overreach", "long"]
    fact, wrong, over, long = items
    assert "(date) Where and when did the committee meet?" in fact and "missing: 2016" in fact
    assert 'chose "The committee met in Lima"' in fact
    assert "— declined —" in wrong and 'considered "The secretariat trained forty' in wrong
    assert "answered an unanswerable" in over
    quoted = over.split('chose "')[1].rstrip('"')
    assert quoted.endswith("…") and len(quoted) <= 100 and TRAINED.startswith(quoted[:-1])
    assert "too long" in long


def test_report_file_has_decline_sentence_and_misses(report, tmp_path: Path) -> None:
    md = tmp_path / "out" / "report.md"
    md.parent.mkdir()
    chart = write_markdown(report, md, "gold.jsonl")
    text = md.read_text(encoding="utf-8")
    assert "| **all** |" in text and "decline F1" in text
    assert "Declines: precision 0.500 (1 of 2 declines were unanswerable), recall 0.500 (1 of 2 unanswerable" in text
    assert text.count("\n- **") == 4 and "## Misses" in text
    assert chart.read_bytes()[:4] == b"\x89PNG"


def test_misses_section_says_none_when_everything_passed(tmp_path: Path) -> None:
    original = tmp_path / "report.txt"
    original.write_text(REPORT_TEXT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD[0]) + "\n", encoding="utf-8")
    report = evaluate(ScriptedAssistant(_replies(), original), load_gold(gold))
    assert misses_section(report) == ["## Misses", "", "None."]
    # answerable only, nothing declined: both decline ratios are undefined, not 0 or 1
    s = report.summary
    assert (s["declined_total"], s["decline_precision"], s["decline_recall"], s["decline_f1"]) == (0, None, None, None)
