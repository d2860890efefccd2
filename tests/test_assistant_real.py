"""The whole path on real reports: real PDFs/DOCX/TXT, real Chroma, the bundled model."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.core import build
from tests.conftest import DATA, QUESTION, STATES, HashEmbedder


def test_1540_question_names_all_ten_states_and_cites_the_pdf_page(real_assistant):
    answer = real_assistant.ask(QUESTION)
    assert not answer.abstained
    for state in STATES:
        assert state in answer.answer
    cited = [c for c in answer.citations if "Uruguay" in c.quote]
    assert cited and cited[0].source == "cicte-2016-work-plan-report.pdf"
    assert cited[0].page == 4
    assert "[1]" in answer.answer


def test_unanswerable_question_is_declined_with_related_passages(real_assistant):
    answer = real_assistant.ask("How much money did Canada commit to CICTE's maritime security program?")
    assert answer.abstained
    assert not answer.citations
    assert answer.related
    assert "do not say" in answer.answer


def test_same_report_in_three_formats_answers_once_from_the_paged_copy(tmp_path, real_embedder):
    assistant = build(data_dir=tmp_path / "idx", embedder=real_embedder)
    files = [DATA / f"cicte-2016-work-plan-report.{ext}" for ext in ("docx", "txt", "pdf")]
    results = assistant.ingest(files)
    # the DOCX answers until the PDF (with page numbers) arrives; the TXT defers from the start
    assert [r.status for r in results] == ["ingested", "duplicate", "ingested"], results
    assert "page numbers" in results[2].note
    docs = {d.source: d for d in assistant.documents()}
    pdf = docs["cicte-2016-work-plan-report.pdf"]
    assert pdf.duplicate_of is None and pdf.chunks > 5
    assert docs["cicte-2016-work-plan-report.docx"].duplicate_of == pdf.doc_id
    assert docs["cicte-2016-work-plan-report.txt"].duplicate_of == pdf.doc_id
    answer = assistant.ask(QUESTION)
    quotes = [c.quote for c in answer.citations]
    assert len(quotes) == len(set(quotes)) and {c.source for c in answer.citations} == {pdf.source}
    assert assistant.health()["chunks"] == pdf.chunks and assistant.check().ok


@pytest.mark.parametrize("ext,page", [("pdf", 4), ("docx", None), ("txt", None)])
def test_same_passage_cited_from_each_format(tmp_path, real_embedder, ext, page):
    assistant = build(data_dir=tmp_path / "idx", embedder=real_embedder)
    assert assistant.ingest([DATA / f"cicte-2016-work-plan-report.{ext}"])[0].status == "ingested"
    quote = next(c for c in assistant.ask(QUESTION).citations if "Uruguay" in c.quote)
    assert quote.quote.startswith("In 2016, the Implementation of United Nations Security Council Resolution 1540")
    assert quote.page == page


def test_reingest_is_idempotent_changed_file_replaces_and_remove_deletes(tmp_path, real_embedder):
    assistant = build(data_dir=tmp_path / "idx", embedder=real_embedder)
    work = tmp_path / "report.txt"
    shutil.copy(DATA / "cicte-2016-work-plan-report.txt", work)
    first = assistant.ingest([work])[0]
    assert first.status == "ingested" and first.chunks > 5
    chunks_before = assistant.health()["chunks"]

    again = assistant.ingest([work])[0]
    assert again.status == "unchanged"
    assert assistant.health()["chunks"] == chunks_before

    work.write_text(work.read_text() + "\nIn 2016 the Secretariat also opened a regional office in Quito, Ecuador.\n")
    changed = assistant.ingest([work])[0]
    assert changed.status == "replaced" and changed.doc_id != first.doc_id
    assert [d.doc_id for d in assistant.documents()] == [changed.doc_id]
    hits = assistant.search("regional office Quito")
    assert hits and "Quito" in hits[0].chunk.text

    # a fresh process sees the same persisted index
    reopened = build(data_dir=tmp_path / "idx", embedder=real_embedder)
    assert [d.doc_id for d in reopened.documents()] == [changed.doc_id]

    removed = reopened.remove("report.txt")
    assert removed is not None and removed.doc_id == changed.doc_id
    assert reopened.documents() == ()
    assert reopened.search("regional office Quito") == []
    assert not list((tmp_path / "idx" / "files").glob(f"{changed.doc_id}.*"))


def test_bad_files_fail_with_a_reason_and_lose_nothing(tmp_path, real_assistant):
    bogus = tmp_path / "broken.pdf"
    bogus.write_bytes(b"this is not a pdf")
    (tmp_path / "notes.xyz").write_text("plain words")
    before = real_assistant.documents()
    results = real_assistant.ingest([bogus, tmp_path / "missing.docx", tmp_path / "notes.xyz"])
    assert [r.status for r in results] == ["failed"] * 3
    assert all(r.error and len(r.error) > 10 for r in results)
    assert real_assistant.documents() == before


@pytest.mark.parametrize("bad", ["", "   "])
def test_empty_question_is_rejected(real_assistant, bad):
    with pytest.raises(ValueError):
        real_assistant.ask(bad)


@pytest.mark.parametrize(
    "question",
    [
        "What does Canada's 2020 APEC CTAP say about port security?",  # another economy's CTAP
        "How many CSIRTs took part in the CyberEx exercise in 2019?",  # another year
        "What did the OAS do with Uzbekistan on cybersecurity?",  # a country the reports never name
        "Where was the 4th International Coordination Meeting for Front Line Officers convened?",  # the 2nd was
        "How many hijackers were arrested in Chile in 2019?",  # no report ever says "hijackers"
        "How many dogs does Chilean customs use for detection?",  # dogs named, never counted
    ],
)
def test_questions_about_what_is_not_indexed_are_declined(real_assistant, question):
    answer = real_assistant.ask(question)
    assert answer.abstained, answer.answer
    assert not answer.citations


def test_list_question_gets_the_enumerating_sentence(real_assistant):
    answer = real_assistant.ask("Which Caribbean countries sent officers to the Vulnerable Archipelagos workshop?")
    assert not answer.abstained
    for name in ("Barbados", "Dominica", "Grenada"):
        assert name in answer.answer


def test_either_or_comparison_cites_both_sides(real_assistant):
    answer = real_assistant.ask(
        "Which started earlier in Chile, screening of air cargo or screening of checked-in baggage?"
    )
    assert not answer.abstained
    assert "1996" in answer.answer and "2004" in answer.answer


def test_a_folder_ingests_in_order_with_identities_failures_and_progress(tmp_path, hash_embedder):
    """A folder's files come out in order: a same-bytes copy is the same document, a broken
    file fails with its reason and stops nothing, and progress ends each file with "done"."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = (DATA / "apec-ctap-chile-2020.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text, encoding="utf-8")  # same bytes: the same document, already in
    (folder / "c.pdf").write_bytes(b"%PDF-1.4 not really")  # fails with a reason, loses nothing
    (folder / "d.txt").write_text("Ruritania Annual Report 2031\n\nRuritania hosted a drill in May 2031.\n")
    events = []
    assistant = build(data_dir=tmp_path / "idx", embedder=hash_embedder)
    results = assistant.ingest([folder], events.append)
    assert [r.status for r in results] == ["ingested", "unchanged", "failed", "ingested"], results
    assert results[2].error
    done = [e.file_index for e in events if e.stage == "done"]
    assert done == [1, 2, 3, 4]
    finished = [e.finished for e in events]  # a progress bar never runs back
    assert finished == sorted(finished) and finished[-1] == 4
    assert [r.status for r in assistant.ingest([folder])] == ["unchanged", "unchanged", "failed", "unchanged"]


class CountingEmbedder(HashEmbedder):
    """Records the batches it is given."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def embed_documents(self, texts):
        self.batches.append(len(texts))
        return super().embed_documents(texts)


class PickyTagger:
    """Tags nothing, and refuses any text holding a word (as a broken pipeline would)."""

    def __init__(self, refuse: str) -> None:
        self.refuse = refuse

    def tag(self, texts):
        if any(self.refuse in t for t in texts):
            raise ValueError(f"cannot tag {self.refuse}")
        return [() for _ in texts]


def small_reports(folder, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"r{i}.txt").write_text(
            f"Ruritania Report {i}\n\nIn 20{10 + i} the coast guard of Port {i} trained {i + 3} officers. "
            f"The ministry of Region {i} funded the course. A drill followed in May 20{10 + i}.\n"
        )


def test_small_files_are_embedded_together_and_written_one_by_one(tmp_path):
    """Twelve one-chunk files fill the model's batches together; each is still its own document."""
    small_reports(tmp_path / "in", 12)
    embedder = CountingEmbedder()
    assistant = build(data_dir=tmp_path / "idx", embedder=embedder, embedding_batch_size=64)
    results = assistant.ingest([tmp_path / "in"])
    assert [r.status for r in results] == ["ingested"] * 12
    assert len(assistant.documents()) == 12
    assert max(embedder.batches) > 12  # one file holds a handful of texts; its group many more
    alone = CountingEmbedder()
    small_reports(tmp_path / "one", 12)
    build(data_dir=tmp_path / "idx1", embedder=alone, embedding_batch_size=64, embedding_group_chunks=1).ingest(
        [tmp_path / "one"]
    )
    assert len(alone.batches) > len(embedder.batches)
    assert not list((tmp_path / "idx" / "pending").glob("*.f32"))  # the group's checkpoint went with it


def test_a_file_that_breaks_its_group_fails_alone(tmp_path, hash_embedder):
    small_reports(tmp_path / "in", 5)
    assistant = build(data_dir=tmp_path / "idx", embedder=hash_embedder, tagger=PickyTagger("Port 3"))
    results = assistant.ingest([tmp_path / "in"])
    assert [r.status for r in results] == ["ingested", "ingested", "ingested", "failed", "ingested"]
    assert "cannot tag Port 3" in results[3].error


def test_a_year_the_report_is_for_counts_as_evidence_of_that_year(real_assistant):
    """The contact point's passage never says 2020; the report it is in is the 2020 CTAP."""
    answer = real_assistant.ask("Who is the contact point for cyber security in the 2020 CTAP of Chile?")
    assert not answer.abstained and "Pablo Castro" in answer.answer, answer.answer


def test_a_contact_field_on_the_line_after_the_name_answers(real_assistant):
    """Contact forms put the telephone and e-mail on the line after the name: one record."""
    answer = real_assistant.ask("phone number of Karina Uribe Peña?")
    assert not answer.abstained and "224393014" in answer.answer, answer.answer
    answer = real_assistant.ask("what is the email of Julio Torres?")
    assert "jtorres@minrel.gob.cl" in answer.answer and "kuribe" not in answer.answer, answer.answer


def test_a_year_naming_a_report_is_not_a_year_the_answer_must_speak_of(real_assistant):
    q, _, _ = real_assistant.understand(
        "According to Chile's 2020 APEC plan, when was the export control draft law sent?"
    )
    assert "2020" not in q.asked_years  # the year of the report the question names
    q, _, _ = real_assistant.understand("What did Chile's APEC plan say happened in 2018?")
    assert q.asked_years == ("2018",)


ZEMBLA_REPORT = "\n".join(
    [
        "Zembla Financial Intelligence Network: Plenary Statement, March 2031",
        "",
        "The 12th annual plenary of the Zembla Financial Intelligence Network, hosted by the "
        "Zembla Analysis Office, took place from 3 to 7 March 2031 in Port Zembla with working "
        "sessions on analysis and outreach.",
        "",
        "The plenary opened with a ministerial session, chaired by the President of the "
        "Plenary, Minister Ana Ruiz Molina.",
        "",
        "The network now counts 181 members following the admission of the units of Ruritania and Freedonia.",
        "Member units signed 23 Memorandums of Understanding during the week.",
        "",
        "In May 2030 the action plan for a customs accord with Ruritania was concluded. This accord was "
        "signed in July 2031 among the members.",
        "",
        "Drafting Committee",
        "",
        "Norway",
        "",
        "Kenya",
        "",
        "Peru",
        "",
        "The plenary closed with a statement on the 2032 work plan.",
        "",
    ]
)


def _beside_a_bundled_report(tmp_path_factory, embedder, name: str, text: str, bundled: str):
    """A real index of an invented report (written as `name`) ingested beside one bundled report."""
    folder = tmp_path_factory.mktemp(Path(name).stem)
    (folder / name).write_text(text, encoding="utf-8")
    assistant = build(data_dir=tmp_path_factory.mktemp("idx"), embedder=embedder)
    assistant.ingest([folder, DATA / bundled])
    return assistant


@pytest.fixture(scope="module")
def zembla(tmp_path_factory, real_embedder):
    """The CICTE report and a short plenary statement of an invented network."""
    return _beside_a_bundled_report(
        tmp_path_factory, real_embedder, "zembla-plenary-2031.txt", ZEMBLA_REPORT, "cicte-2016-work-plan-report.pdf"
    )


def test_a_count_comes_from_the_sentence_counting_the_thing_not_the_one_naming_the_occasion(zembla):
    answer = zembla.ask("How many members does the Zembla network have after the March 2031 plenary in Port Zembla?")
    assert not answer.abstained and "181" in answer.answer
    mous = zembla.ask("how many MoUs did member units sign at the 2031 plenary?")
    assert not mous.abstained and "23" in mous.answer


def test_short_lines_under_a_label_answer_a_list_question(zembla):
    answer = zembla.ask("Which countries sat on the Drafting Committee of the 2031 Zembla plenary?")
    assert not answer.abstained
    assert all(c in answer.answer for c in ("Norway", "Kenya", "Peru")), answer.answer


def test_a_question_about_a_place_the_passage_never_names_is_declined(zembla):
    answer = zembla.ask("When did CICTE help Zembla draw up its national cybersecurity strategy?")
    assert answer.abstained


def test_who_presided_is_answered_by_the_sentence_saying_the_role(zembla):
    answer = zembla.ask("Who presided over the Zembla Financial Intelligence Network plenary in March 2031?")
    assert not answer.abstained and "Ana Ruiz Molina" in answer.answer, answer.answer


def test_the_sentence_stating_the_asked_act_joins_one_dating_another(zembla):
    answer = zembla.ask("the customs accord with Ruritania - when was it actually signed?")
    assert not answer.abstained and "July 2031" in answer.answer, answer.answer


def test_an_amount_of_something_no_report_speaks_of_is_declined(zembla):
    answer = zembla.ask("How much ransom was paid during the Zembla network's 2031 plenary?")
    assert answer.abstained, answer.answer


def test_a_terse_question_opening_with_date_asks_for_a_date(zembla):
    answer = zembla.ask("date the 12th annual Zembla plenary took place?")
    assert not answer.abstained and "March 2031" in answer.answer, answer.answer


RURITANIA_REPORT = "\n".join(
    [
        "Ruritania Coast Guard Cooperation Report 2031",
        "",
        "Regional cooperation",
        "",
        "· Participation, as a member, in the Northern Seas Patrol Forum (NSPF), sharing information "
        "with Norway on shipping routes and incidents.",
        "· Hosting of the NSPF's annual exercise in the port of Valmora.",
        "",
        "The annual meeting of the NSPF was held in Valmora in March 2031. The forum is formed by "
        "representatives of Iceland, Denmark, Norway, Finland, Estonia, Latvia and Lithuania. Other "
        "states in the process of joining are Poland and Germany.",
        "",
    ]
)


@pytest.fixture(scope="module")
def ruritania(tmp_path_factory, real_embedder):
    """Chile's CTAP and an invented coast guard report whose forum members sit in prose."""
    return _beside_a_bundled_report(
        tmp_path_factory, real_embedder, "ruritania-coast-guard-2031.txt", RURITANIA_REPORT, "apec-ctap-chile-2020.txt"
    )


def test_a_country_list_question_gets_the_fullest_relevant_list(ruritania):
    answer = ruritania.ask("Which countries make up the Northern Seas Patrol Forum?")
    assert not answer.abstained
    assert all(c in answer.answer for c in ("Iceland", "Denmark", "Estonia", "Lithuania")), answer.answer


FREEDONIA_REPORT = "\n".join(
    [
        "Freedonia Export Control Forum: Plenary Communique 2032",
        "",
        "1. The Freedonia Export Control Forum (FECF) held its Forty-Second Plenary Session in Valmora "
        "on 14 and 15 May 2032.",
        "",
        "2. The Chairperson of the Forum, Ambassador Ilse Brandt of Sylvania, opened the Forty-Second "
        "Plenary Session and welcomed two new participating states.",
        "",
        "3. Participants recalled the annual meeting of the Forum's licensing experts, held in Ostrava "
        "in January 2031.",
        "",
        "4. The new working group on brokering will be co-chaired by Ruritania and Zembla.",
        "",
        "5. The Forum noted the 2030 annual report of its licensing experts on brokering controls.",
        "",
        "6. Customs accords of the members:",
        "· This multilateral accord was signed in July 2031 among the Northern Alliance members.",
        "· An accord with the Osterlich customs service has been negotiated and is ready for signing.",
        "",
    ]
)


@pytest.fixture(scope="module")
def freedonia(tmp_path_factory, real_embedder):
    """The CICTE report and an invented export-control communique naming its session in words."""
    return _beside_a_bundled_report(
        tmp_path_factory,
        real_embedder,
        "freedonia-plenary-2032.txt",
        FREEDONIA_REPORT,
        "cicte-2016-work-plan-report.pdf",
    )


def declines(assistant, question: str) -> None:
    """The assistant declines `question` (the message shows the answer it gave instead)."""
    answer = assistant.ask(question)
    assert answer.abstained, answer.answer


def answers(assistant, question: str, *values: str) -> None:
    """The assistant answers `question`, its text holding every one of `values`."""
    answer = assistant.ask(question)
    assert not answer.abstained and all(v in answer.answer for v in values), answer.answer


def test_where_and_when_and_who_chaired_gets_each_value(freedonia):
    question = "¿Dónde y cuándo se celebró la 42ª sesión plenaria del FECF y quién la presidió?"
    answers(freedonia, question, "Valmora", "May 2032", "Brandt")


def test_who_chaired_finds_the_chairperson_of_a_session_named_in_words(freedonia):
    answers(freedonia, "who chaired the FECF 42nd plenary?", "Brandt")


def test_a_meeting_of_another_year_than_the_one_asked_is_declined(freedonia):
    declines(freedonia, "Where was the 2030 annual meeting of the FECF licensing experts held?")


def test_a_date_of_another_accord_is_no_answer_for_one_named_only_after_it(freedonia):
    declines(freedonia, "When was the accord with the Osterlich customs service signed?")
    answers(freedonia, "When was the Northern Alliance accord signed?", "July 2031")


def test_a_city_asked_for_is_not_answered_by_a_country(freedonia):
    answers(freedonia, "In which city did the FECF licensing experts meet in January 2031?", "Ostrava")
    declines(freedonia, "In which city will the FECF meet in 2033?")


# Three invented meeting pages: one that says where its next meeting will be, one that does
# not, one giving no count; the figures of a comparison are one sentence after the names.
VALDORIA_PAGE = "\n".join(
    [
        "Valdoria Maritime Security Dialogue: third session",
        "",
        "The third session of the Valdoria Maritime Security Dialogue (VMSD) was held in Port Hallen "
        "on 3 and 4 March 2033, chaired by Admiral Kaja Lund.",
        "",
        "It brought together 210 delegates from 34 countries.",
        "",
        "Uruguay adopted its national maritime security strategy in May 2032. Paraguay has begun to draft its own.",
        "",
    ]
)
OSTMARK_PAGE = "\n".join(
    [
        "Ostmark Customs Enforcement Network: annual meeting 2033",
        "",
        "Some 95 delegates from 21 member administrations attended the annual meeting of the Ostmark "
        "Customs Enforcement Network (OCEN) in Brellin from 10 to 12 June 2033.",
        "",
        "The meeting adopted the network's enforcement priorities for 2034.",
        "",
        "The next annual meeting of the network will be held in Tarsk in June 2034.",
        "",
    ]
)
KESSEL_PAGE = "\n".join(
    [
        "Kessel Border Forum: workshop on risk profiling, September 2033",
        "",
        "The Kessel Border Forum held a workshop on passenger risk profiling in Ardena this week, "
        "with trainers from three member administrations.",
        "",
    ]
)


TARSK_PAGE = "\n".join(
    [
        "Co-Chairs' Statement – 2033 Tarsk Customs Dialogue",
        "",
        "The fifth Tarsk Customs Dialogue, hosted by the customs service of Ardena, took place in Tarsk "
        "from 3 to 5 May 2033 and brought together heads of enforcement of twelve administrations.",
        "",
    ]
)


SURVEY_PAGE = "\n".join(
    [
        "Ostmark Customs Enforcement Network: port operators survey",
        "",
        "In 2033 the network sent a questionnaire on container screening to 140 port operators of its "
        "member administrations; the survey report is expected to be completed in March 2034.",
        "",
    ]
)


@pytest.fixture(scope="module")
def meetings(tmp_path_factory, real_embedder):
    """Five invented pages (four meetings, a survey) beside the CICTE report."""
    folder = tmp_path_factory.mktemp("meetings")
    for name, text in (
        ("vmsd-2033.txt", VALDORIA_PAGE),
        ("ocen-2033.txt", OSTMARK_PAGE),
        ("kbf-2033.txt", KESSEL_PAGE),
        ("tcd-2033.txt", TARSK_PAGE),
        ("ocen-survey-2033.txt", SURVEY_PAGE),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    assistant = build(data_dir=tmp_path_factory.mktemp("idx"), embedder=real_embedder)
    assistant.ingest([folder, DATA / "cicte-2016-work-plan-report.pdf"])
    return assistant


def test_a_planned_meeting_is_answered_only_by_a_passage_that_looks_ahead(meetings):
    answers(meetings, "Where will the next OCEN annual meeting be held?", "Tarsk")
    declines(meetings, "Where will the next VMSD session be held?")


def test_a_comparison_without_a_separator_takes_each_sides_figure(meetings):
    answers(meetings, "Did more delegates attend the VMSD third session or the OCEN annual meeting?", "210", "95")


def test_a_count_from_another_meetings_page_is_no_answer(meetings):
    declines(meetings, "How many delegates attended the Kessel Border Forum workshop?")


def test_a_value_stated_of_another_country_is_no_answer(meetings):
    declines(meetings, "When did Paraguay adopt its national maritime security strategy?")
    answers(meetings, "When did Uruguay adopt its national maritime security strategy?", "May 2032")


def test_a_page_dated_to_another_year_does_not_answer_for_the_year_asked(meetings):
    declines(meetings, "Where did the Kessel Border Forum hold its 2031 workshop?")
    answers(meetings, "Where did the Kessel Border Forum hold its 2033 workshop?", "Ardena")


def test_a_role_named_only_by_the_pages_title_names_no_one_in_it(meetings):
    declines(meetings, "Who co-chaired the 2033 Tarsk Customs Dialogue?")
    answers(meetings, "Who hosted the 2033 Tarsk Customs Dialogue?", "Ardena")


def test_what_a_survey_found_is_not_answered_by_its_report_still_to_come(meetings):
    declines(meetings, "What did the OCEN port operators survey find?")
    answers(meetings, "How many port operators did the OCEN survey go to?", "140")


PROGRAMMES_PAGE = """Zembla Port Security Unit - annual note 2033

Currently there are 17 port security programmes in the region and the Zembla Port Security Unit
cooperates with 14 of them. The unit also trained 40 inspectors in 2033.

The unit's partner programmes for container checks are Harbourwatch, Quaysafe, Boxtrace and Sealnet.

The unit ran a capture the flag exercise in Valmora with 12 teams.

A workshop on port security was held in Valmora, Ruritania, in 2033, for 60 participants and 9 member states.
"""


WORKING_GROUP_PAGE = """Ruritanian Shipping Working Group - history

The annual meeting of the Ruritanian Shipping Working Group was held in Valmora, in January 2031.
The group exchanges information on ships and contacts of interest. Its executive secretary is Anna Lind.

In 2033 the working group's harbour drill was won by the Tarsk port team.

The 2030 meeting of the working group took place in Osterby, and the 2033 meeting in Tarsk.

The 2032 Ruritanian Shipping Working Group meeting took place in Strelsau.
"""


CENTRO_PAGE = (
    "Valmora.– Se realizó este miércoles la II Sesión Ordinaria del Consejo del Centro Zembliano de Alertas.\n\n"
    "El encuentro fue encabezado por el director de la Defensa Civil de Ruritania, Juan Roe, y la secretaria "
    "ejecutiva del Centro Zembliano, María Ostrova. Se aprobó el plan de trabajo para el año próximo.\n"
)


@pytest.fixture(scope="module")
def programmes(tmp_path_factory, real_embedder):
    """Three invented pages: a unit's programmes, a working group's meetings, a Spanish news item."""
    folder = tmp_path_factory.mktemp("programmes")
    (folder / "zpsu-2033.txt").write_text(PROGRAMMES_PAGE, encoding="utf-8")
    (folder / "rswg-history.txt").write_text(WORKING_GROUP_PAGE, encoding="utf-8")
    (folder / "centro-zembliano.txt").write_text(CENTRO_PAGE, encoding="utf-8")
    assistant = build(data_dir=tmp_path_factory.mktemp("idx"), embedder=real_embedder)
    assistant.ingest([folder])
    return assistant


def test_a_list_of_a_stated_size_is_not_answered_by_a_sentence_repeating_the_size(programmes):
    declines(programmes, "which 14 port security programmes does the Zembla unit cooperate with? list them")
    answers(programmes, "which four programmes are the unit's partners for container checks?", "Quaysafe", "Sealnet")
    # "which countries" counted as "9 member states": naming one is no list of nine
    declines(programmes, "which countries attended the port security workshop in valmora?")


def test_the_year_after_counts_from_the_year_the_earlier_answer_gave(programmes):
    history = ["when did Valmora host the shipping working group's annual meeting?"]
    answer = programmes.ask("where was the meeting the year after?", history=history)
    assert not answer.abstained and "Strelsau" in answer.answer, answer.answer
    answer = programmes.ask("ok and where was the 2032 one?", history=history)
    assert "Strelsau" in answer.answer, answer.answer


def test_a_spanish_page_answers_a_spanish_question_through_the_glossary(programmes):
    answers(programmes, "¿quién es la secretaria ejecutiva del centro zembliano?", "Ostrova")


def test_who_won_is_answered_only_where_the_win_is_said(programmes):
    declines(programmes, "who won the Zembla unit's capture the flag exercise?")
    answers(programmes, "who won the shipping working group's harbour drill?", "Tarsk")


SEIZURES_PAGE = "\n\n".join(
    [
        "Zembla Revenue Service: illicit tobacco and narcotics results",
        "Based on the service's enforcement statistics, officers made a total of 1,320 seizures amounting to "
        "96 412 300 cigarettes in the 2031/2032 financial year, with an estimated value of Z\u20ac 84 511 920.",
        "This was more than double the previous financial year (2030/31), which yielded 512 seizures with a value "
        "of Z\u20ac 40,2 million. Seizure trends per port for the 2031/2032 financial year show that most of the "
        "cigarettes came through the northern border posts.",
        "At the close of the second amnesty period, residents of Valmora province had handed in 31 rifles and more "
        "than 900 rounds of ammunition.",
        "Coast guard officers also seized 350,000 pieces of methamphetamine pills off the Tarsk coast in March 2032.",
        "Director Ana Varga, who has led the service since 2029, presented the results in Valmora.",
    ]
)


@pytest.fixture(scope="module")
def seizures(tmp_path_factory, real_embedder):
    """An invented revenue service page: two financial years side by side, an amnesty, a seizure."""
    folder = tmp_path_factory.mktemp("seizures")
    (folder / "zrs-2032.txt").write_text(SEIZURES_PAGE, encoding="utf-8")
    assistant = build(data_dir=tmp_path_factory.mktemp("idx"), embedder=real_embedder)
    assistant.ingest([folder])
    return assistant


def test_each_year_of_a_comparison_is_answered_by_its_own_figure(seizures):
    question = "Zembla revenue service seizures FY2031/32 vs 2030/31 - how many seizures and what value each year?"
    answers(seizures, question, "1,320", "512")


def test_another_amnesty_period_does_not_answer_for_the_one_asked(seizures):
    declines(seizures, "how many rifles were handed in during the first amnesty in Valmora?")
    answers(seizures, "how many rifles were handed in during the second amnesty in Valmora?", "31")


def test_a_count_of_pills_in_pieces_answers_how_many_pills(seizures):
    answers(seizures, "how many meth pills did the coast guard seize off Tarsk?", "350,000")
