"""The web chat's formatting functions, as plain functions (no Gradio, no model)."""

from __future__ import annotations

from assistant.app import web_format as fmt
from assistant.types import Answer, Chunk, Citation, DocumentInfo, Hit, IngestProgress, IngestResult

CHUNK_TEXT = (
    "• Implementation of resolution 1540\n"
    "In 2016, the Program provided legislative assistance to 10 member states (Mexico, Chile, Paraguay). "
    "In addition, CICTE advised Chile.\n"
    "Next paragraph about <other> things."
)
QUOTE = "In 2016, the Program provided legislative assistance to 10 member states (Mexico, Chile, Paraguay)."


def chunk(text: str = CHUNK_TEXT, chunk_id: str = "c1") -> Chunk:
    return Chunk(
        chunk_id=chunk_id,
        doc_id="d1",
        source="cicte.pdf",
        title="CICTE Report",
        text=text,
        section="II. POLICY > 1540",
        char_start=0,
        char_end=len(text),
        page_start=4,
        page_end=4,
    )


def citation(n: int = 1, quote: str = QUOTE, chunk_id: str = "c1") -> Citation:
    return Citation(
        n=n,
        doc_id="d1",
        source="cicte.pdf",
        title="CICTE Report",
        page=4,
        section="II. POLICY > 1540",
        quote=quote,
        score=0.9,
        chunk_id=chunk_id,
        organisation="CICTE/OAS",
        year=2016,
    )


def answer(abstained: bool = False) -> Answer:
    if abstained:
        return Answer(
            "gdp of brazil?",
            "The indexed reports do not say this: no GDP.",
            True,
            (),
            related=(citation(),),
            hits=(Hit(chunk(), 0.5),),
        )
    return Answer("which states?", f"{QUOTE} [1]", False, (citation(),), hits=(Hit(chunk(), 0.9),))


def test_markers_become_links_to_source_cards_of_the_same_turn():
    html = fmt.answer_html(answer(), turn=3)
    assert '<a class="rqa-cite" href="#src-3-1">[1]</a>' in html
    cards = fmt.sources_html([fmt.Turn("a", answer()), fmt.Turn("b", answer()), fmt.Turn("c", answer())])
    assert 'id="src-3-1"' in cards and 'id="src-1-1"' in cards  # older answers' links still resolve


def test_answer_text_is_escaped_but_markers_still_link():
    html = fmt.link_markers("a <script>x</script> & b [2]", turn=1)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp;" in html
    assert 'href="#src-1-2"' in html


def test_declined_answer_is_clearly_marked_and_related_passages_kept_apart():
    a = answer(abstained=True)
    html = fmt.answer_html(a, turn=1)
    assert fmt.DECLINED_TITLE in html and "rqa-cite" not in html
    panel = fmt.sources_html([fmt.Turn(a.question, a)])
    assert "Related passages (not an answer)" in panel and 'id="src-1-r1"' in panel


def test_source_card_shows_title_organisation_year_page_section_and_highlighted_quote():
    card = fmt.source_card(citation(), CHUNK_TEXT, turn=1)
    for part in ("CICTE Report", "CICTE/OAS", "2016", "p. 4", "II. POLICY &gt; 1540", "cicte.pdf"):
        assert part in card
    assert f"<mark>{QUOTE}</mark>" in card.replace("&#x27;", "'")
    assert "In addition, CICTE advised Chile." in card  # the rest of the paragraph, unmarked
    assert "Next paragraph" not in card  # only the quote's own paragraph


def test_quote_found_despite_different_whitespace_and_case():
    text = "Before. The   program\nPROVIDED help. After."
    assert fmt.quote_span(text, "the program provided help.") == (8, 36)
    html = fmt.highlight_in_paragraph(text, "the program provided help.")
    assert "<mark>The   program\nPROVIDED help.</mark>" in html


def test_long_paragraph_is_elided_around_the_quote_and_unknown_quote_still_shown():
    text = "x" * 1000 + " QUOTE " + "y" * 1000
    html = fmt.highlight_in_paragraph(text, "QUOTE", context=50)
    assert html.startswith("…") and html.endswith("…") and len(html) < 200
    assert fmt.highlight_in_paragraph("unrelated", "missing <b>") == "<mark>missing &lt;b&gt;</mark>"


def test_chat_messages_use_role_content_dicts_and_show_a_pending_answer():
    msgs = fmt.chat_messages([fmt.Turn("which states?", answer())], pending=("and then?", "Partial"))
    assert [m["role"] for m in msgs] == ["user", "assistant", "user", "assistant"]
    assert msgs[0]["content"] == "which states?"
    assert "Partial" in msgs[3]["content"] and "rqa-pending" in msgs[3]["content"]


def test_plain_answer_for_the_clipboard_lists_numbered_sources():
    text = fmt.plain_answer(answer())
    assert text.startswith(QUOTE + " [1]")
    assert "Sources:\n[1] CICTE Report (cicte.pdf, p. 4, II. POLICY > 1540): “In 2016" in text
    assert "Related passages (not an answer):" in fmt.plain_answer(answer(abstained=True))


DOCS = (
    DocumentInfo("a1", "apec.pdf", "APEC CTAP — Chile", "APEC", 2020, "Chile", 20, 68, "2026-01-02T03:04:05+00:00"),
    DocumentInfo("c1", "cicte.pdf", "CICTE Report", "CICTE/OAS", 2016, None, 4, 25, "2026-01-02T03:04:06+00:00"),
)


def test_document_rows_and_facets_come_from_what_is_indexed():
    rows = fmt.document_rows(DOCS)
    assert rows[0] == [
        "APEC CTAP — Chile",
        "apec.pdf",
        "APEC",
        2020,
        "Chile",
        20,
        68,
        "2026-01-02 03:04:05 UTC",
        "this",
        "a1",
    ]
    assert len(rows[0]) == len(fmt.DOCUMENT_HEADERS)
    f = fmt.facets(DOCS)
    assert f.organisations == ("APEC", "CICTE/OAS") and f.years == (2016, 2020) and f.countries == ("Chile",)
    assert ("CICTE Report (cicte.pdf)", "cicte.pdf") in f.sources


def test_a_near_identical_copy_says_which_document_answers_instead():
    copy = DocumentInfo(
        "c2",
        "cicte.docx",
        "CICTE Report",
        "CICTE/OAS",
        2016,
        None,
        None,
        25,
        "2026-01-02T03:04:07+00:00",
        origin="upload:cicte.docx",
        file_format="docx",
        duplicate_of="c1",
    )
    rows = fmt.document_rows((*DOCS, copy))
    answers = rows[0][fmt.DOCUMENT_HEADERS.index("Answers from")]
    assert answers == "this" and rows[2][fmt.DOCUMENT_HEADERS.index("Answers from")] == "same text as cicte.pdf"


def test_filters_from_dropdowns():
    f = fmt.filters_from(["cicte.pdf"], None, ["2016"], [])
    assert f.sources == ("cicte.pdf",) and f.years == (2016,) and f.organisations == () and not f.is_empty()
    assert fmt.filters_from(None, None, None, None).is_empty()


def test_ingest_rows_give_each_file_its_result_and_reason():
    rows = fmt.ingest_rows(
        [
            IngestResult("/tmp/x/0/report.pdf", "ingested", "abc", 12),
            IngestResult("/tmp/x/1/scan.pdf", "failed", error="scan.pdf: no text could be extracted"),
        ]
    )
    assert rows == [
        ["report.pdf", "ingested", 12, "abc"],
        ["scan.pdf", "failed", 0, "scan.pdf: no text could be extracted"],
    ]
    noted = fmt.ingest_rows(
        [
            IngestResult(
                "/tmp/x/0/report.docx",
                "conflict",
                note="a different report named report.docx is already indexed (ab12); upload it again with 'replace'",
            )
        ]
    )
    assert noted[0][1] == "conflict" and "replace" in noted[0][3]


def test_progress_counts_chunks_inside_a_large_file_and_files_between_them():
    inside = fmt.progress_step(IngestProgress(2, 3, "big.pdf", "embedding", 320, 1000))
    assert inside == ((320, 1000), "Embedding big.pdf: 320/1000 chunks (file 2 of 3)", "chunks")
    reading = fmt.progress_step(IngestProgress(2, 3, "big.pdf", "reading", finished=1))
    assert reading == ((1, 3), "Reading big.pdf (file 2 of 3)", "files")
    assert fmt.progress_step(IngestProgress(1, 1, "a.txt", "done", 4, 4, finished=1))[:2] == ((1, 1), "Indexed a.txt")
    group = fmt.progress_step(IngestProgress(4, 9, "a.txt … d.txt", "embedding", 10, 50, 0, first_index=1))
    assert group == ((10, 50), "Embedding a.txt … d.txt: 10/50 chunks (files 1–4 of 9)", "chunks")


def test_a_list_answer_is_a_bulleted_list_with_linked_markers() -> None:
    from assistant.app.web_format import answer_body

    html = answer_body("The workshop covered: [1]\n- border controls [2]\n- port security [3]", 0)
    assert html.startswith("<p>The workshop covered: <a") and html.count("<li>") == 2
    assert '<li>border controls <a class="rqa-cite" href="#src-0-2">[2]</a></li>' in html


def test_an_llm_answer_says_who_wrote_it_and_a_fallback_says_why() -> None:
    from dataclasses import replace

    from assistant.app.web_format import answer_html
    from assistant.types import Answer

    plain = Answer("q", "It began in 2018. [1]", False, ())
    assert "rqa-engine" not in answer_html(plain, 0)
    written = answer_html(replace(plain, engine="openai:qwen", unsupported=("x",)), 0)
    assert "Written by openai:qwen" in written and "1 unsupported sentence(s) removed" in written
    fallback = answer_html(replace(plain, fallback_reason="the LLM took longer than 30 s"), 0)
    assert "not used (the LLM took longer than 30 s)" in fallback
