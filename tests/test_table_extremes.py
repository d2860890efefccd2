"""Which row of a table stands out: the row holding the largest or smallest figure of the column
a question names; and a table's rows kept in one chunk with their header and caption, whose words
each row is read with. The pages below were written for these tests."""

from __future__ import annotations

from assistant.answer.rows import _measured_column, extreme_row
from assistant.answer.scoring import Scored
from assistant.answer.units import split_chunk
from assistant.types import Chunk, Document, Hit
from assistant.understand.question import profile
from ingest.chunking import split_document
from ingest.tables import heads_rows, text_table_rows
from vectorstore.lexical import tokenize

RATES = """Timbra Flood Authority: recovery rates

The year-wise overall rate of recovery of flooded farmland in Timbra during the years 2021 to 2026 is as under:
Year | Over all recovery rate (%) | Recovery rate of rice fields (%) | Recovery rate in non-rice fields (%) |
2021 | 71.9 | 70.7 | 71.6 |
2022 | 70 | 68.6 | 71.4 |
2023 | 68.7 | 68.1 | 69 |
2024 | 72.9 | 73.2 | 72.5 |
2025 | 67.7 | 64 | 73.8 |
2026 | 64.4 | 62.2 | 67.8 |
"""


def test_the_column_asked_is_the_one_saying_most_of_the_question() -> None:
    keys = frozenset({"Year", "Over all recovery rate (%)", "Recovery rate of rice fields (%)", "Recovery rate"})
    # "Over all" read as one word says "overall"
    asked = set(tokenize("overall recovery rate highest"))
    assert _measured_column(keys, asked) == ("Over all recovery rate (%)", 3)
    # of two headers saying as much, the one saying less besides
    tied = frozenset({"Recovery rate of rice fields (%)", "Recovery rate in non-rice fields (%)"})
    asked = set(tokenize("recovery rate of rice fields"))
    assert _measured_column(tied, asked) == ("Recovery rate of rice fields (%)", 4)
    assert _measured_column(keys, set(tokenize("flood damage"))) is None  # no header says the question's words


TWO_TABLES = """Flood deaths in the Northern Province were as under:
Year | Flood deaths | Injured |
2029 | 40 | 100 |
2030 | 75 | 120 |
2031 | 12 | 30 |
Total | 127 | 250 |

Flood deaths in the Southern Province were as under:
Year | Flood deaths | Injured |
2029 | 300 | 500 |
2030 | 20 | 60 |
2031 | -90 | 200 |
"""


def _pick(question: str) -> str | None:
    text = "\n".join(text_table_rows(TWO_TABLES.split("\n")))
    chunk = Chunk("d-0000", "d", "d.txt", "D", text, "", 0, len(text))
    ranked = [Scored(u, 1.0, 1.0, 1.0) for u in split_chunk(text, 0, 0)]
    row = extreme_row(profile(question), ranked, [Hit(chunk, 1.0)])
    return row.unit.text if row else None


def test_the_extreme_row_of_the_table_asked_about() -> None:
    # each table by its caption; a total is no year's figure; a figure keeps its sign
    assert _pick("In which year were flood deaths highest in the Northern Province?").startswith("Year: 2030")
    assert _pick("In which year were flood deaths lowest in the Southern Province?").startswith("Year: 2031")
    # not when the rows' label is not what is asked ("the highest number ... in a single day")
    assert _pick("What was the highest number of flood deaths in a single day?") is None
    assert _pick("Which years saw at least 20 flood deaths in the Northern Province?") is None


def test_a_tables_rows_stay_with_their_header_and_caption() -> None:
    keys = frozenset({"Year", "Floods"})
    assert heads_rows("Year | Floods |", keys) and heads_rows("Year    Floods", keys)
    assert not heads_rows("Year | Floods | Deaths", keys) and not heads_rows("Floods in 2031", keys)
    lines = ["A long opening paragraph. " * 60, "The floods recorded in Timbra are as under:"]
    lines += text_table_rows(["Year | Number of floods |", "2030 | 1143 |", "2031 | 988 |"])
    text = "\n".join(lines)
    chunks = split_document(Document(doc_id="synthetic0000000", source="s.txt", title="S", text=text))
    holding = [c.text for c in chunks if "Year: 2031" in c.text]
    assert len(holding) == 1 and holding[0].startswith("The floods recorded in Timbra are as under:")


def test_the_row_with_the_extreme_figure_answers_through_the_real_path(assistant_over) -> None:
    assistant = assistant_over({"timbra-rates.txt": RATES})
    high = assistant.ask("In which year was Timbra's overall recovery rate highest?")
    assert not high.abstained and "2024" in high.answer and "72.9" in high.answer, high.answer
    low = assistant.ask("Which year had the lowest recovery rate of rice fields in Timbra?")
    assert not low.abstained and "2026" in low.answer and "62.2" in low.answer, low.answer
