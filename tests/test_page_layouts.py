"""Layouts and wordings of reports the engine had not seen: sentences broken across blank lines,
pages dated by a day, tables flattened into prose, datelines on a line of their own, Spanish
units, leads, initials of part of a name. Made-up text throughout (Ruritania, Zembla)."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.evidence import dateline_of, years_contradicted
from assistant.answer.scoring import Scored
from assistant.answer.units import Unit, leads
from assistant.core import build
from assistant.text import split_sentences
from assistant.types import Chunk, Hit
from assistant.understand.question import count_given, months_of_years, profile
from assistant.understand.spelling import mend_words
from ingest.loaders import load_document
from ingest.metadata import detect_year
from tests.conftest import HashEmbedder


def _scored(text: str, line: int = 0, labels: frozenset[str] = frozenset(), hit: int = 0) -> Scored:
    return Scored(Unit(hit, 0, len(text), text, False, None, line, labels=labels), 1.0, 1.0, 0.5)


def test_a_sentence_broken_across_a_blank_line_is_one_paragraph(tmp_path: Path) -> None:
    """PDF exports put blank lines between wrapped lines: a prose line with no sentence end runs on
    into a line opening in lower case or with a bracketed figure; a heading or a short line does not."""
    path = tmp_path / "export.txt"
    path.write_text(
        "Original: Spanish\n\nreport of the committee\n\n"
        "The Ruritanian unit performed strongly in 2017-18 as demands on it grew in volume. It\n\n"
        "received and processed a record number of Suspicious Transaction Reports\n\n"
        "(463,938), with 22,619 of them urgent.\n\nIt met again in\n\nMarch.\n",
        encoding="utf-8",
    )
    lines = load_document(path).text.split("\n")
    assert "Original: Spanish" in lines and "report of the committee" in lines
    whole = "It received and processed a record number of Suspicious Transaction Reports (463,938), with 22,619"
    assert any(whole in line for line in lines)
    assert "It met again in" in lines and "March." in lines


def test_a_page_is_of_the_year_of_its_latest_full_date() -> None:
    """A bare year may end a term ("till 2018") or name a meeting to come; a day is when things happened."""
    text = (
        "The Commission concluded its Fifth Session on May 19,2015 in Zembla City. The Session started on "
        "18 May 2015. It opened the three-year term, till 2018, of members elected on 29 to 30 May 2014."
    )
    assert detect_year(text) == 2015
    assert detect_year("Ruritania adopted its plan in 2019 and reviewed it in 2021.") == 2021
    assert detect_year("El ejercicio concluyó el 12 de agosto de 2022 en Zembla.") == 2022


def test_a_table_flattened_into_prose_gives_one_unit_per_row() -> None:
    line = (
        "[Chart 1: Number of reports] Oct Nov Dec Total. Total Number of Reports *2 1,530 1,468 1,244 4,242 "
        "Cases Coordinated *4 884 780 915 2,579 [*2] Reports sent by e-mail."
    )
    units = [line[s:e].strip() for s, e in split_sentences(line, 0)]
    assert "Total Number of Reports *2 1,530 1,468 1,244 4,242" in units
    assert "Cases Coordinated *4 884 780 915 2,579" in units
    # one run of figures is a list of numbers in a sentence, not a table
    one = "Votes were 12 9 3 in the first round."
    assert [one[s:e] for s, e in split_sentences(one, 0)] == [one]


def test_shorthand_and_a_mistyped_wh_word() -> None:
    assert mend_words("total no. of incident reports?", lambda s: 1) == "total number of incident reports?"
    assert mend_words("# of members", lambda s: 1) == "number of members"
    assert mend_words("there is no offer", lambda s: 1) == "there is no offer"


def test_names_among_a_larger_count_are_not_the_whole_list() -> None:
    text = "Zembla, Ruritania and Freedonia are among more than 40 countries taking part."
    assert count_given(text, {"country"}) == 0
    assert count_given("Officers from 10 member states attended.", {"stat", "member"}) == 10


def test_a_month_the_user_dates_must_be_the_passages() -> None:
    assert months_of_years("the third course in oct 2017?") == (10,)
    q = profile("dates of the course in oct 2017")
    assert q.asked_months == (10,)
    hits = [Hit(Chunk("c", "d", "x.txt", "T", "From 11 to 22 September 2017, 31 staff were trained.", "", 0, 60), 1.0)]
    assert years_contradicted(q, [_scored("From 11 to 22 September 2017, 31 staff were trained.")], hits) == ["October"]
    assert years_contradicted(q, [_scored("From 2 to 6 October 2017, 31 staff were trained.")], hits) == []


def test_a_statements_dateline_dates_it() -> None:
    statement = _scored("Conclusions agreed at the 5th Plenary Conference of the Zembla Coast Guard Forum.", 1)
    dateline = _scored("Chios island, 13th September 2013.", 2, frozenset({"DATE", "ORG"}))
    assert dateline_of(dateline, statement)
    assert not dateline_of(
        _scored("The Forum met again in 2014 to adopt its work plan for the year ahead.", 2, frozenset({"DATE"})),
        statement,
    )
    assert not dateline_of(_scored("Chios island, 13th September 2013.", 4, frozenset({"DATE"})), statement)


def test_a_reports_lead_is_its_first_prose() -> None:
    text = (
        "ZEMBLA COAST GUARD FORUM\nChios, 13 September 2013\nOriginal: English\n"
        "The Forum held its kickoff meeting in Washington on 19-20 March 2015. Twenty states attended. "
        "It agreed a work plan.\nAgenda\nThe first day reviewed past cooperation."
    )
    lead = leads([Hit(Chunk("c", "d", "x.txt", "T", text, "", 0, len(text)), 1.0)])
    assert lead == {
        "d": "The Forum held its kickoff meeting in Washington on 19-20 March 2015. Twenty states attended."
    }
    later = Chunk("c2", "d", "x.txt", "T", "The second day reviewed the budget.", "", 500, 535)
    assert leads([Hit(later, 1.0)]) == {}
    # a report's opening, carried by each hit, gives its lead even when only a later chunk was retrieved
    opening = Chunk("c", "d", "x.txt", "T", text, "", 0, len(text))
    assert leads([Hit(later, 1.0, opening=opening)]) == {}  # scoring reads retrieved leads only
    assert leads([Hit(later, 1.0, opening=opening)], unretrieved=True) == lead


def test_new_layouts_through_the_real_index(tmp_path: Path) -> None:
    """Ingest and ask through the real composition (persistent Chroma, BM25, the tagger): the
    sentence broken across a blank line is found whole, and its page is dated by its day."""
    page = tmp_path / "ruritania_fiu_2018.txt"
    page.write_text(
        "Ruritania Financial Intelligence Unit Annual Report\n\n"
        "The Ruritania Financial Intelligence Unit performed strongly on 30 June 2018 as its caseload grew. It\n\n"
        "received and processed a record number of suspicious transaction reports (463,938) in the year.\n",
        encoding="utf-8",
    )
    assistant = build(data_dir=tmp_path / "idx", embedder=HashEmbedder())
    assert assistant.ingest([page])[0].status == "ingested"
    doc = assistant.documents()[0]
    assert doc.year == 2018
    answer = assistant.ask(
        "How many suspicious transaction reports did the Ruritania Financial Intelligence Unit receive?"
    )
    assert not answer.abstained, answer.answer
    assert "463,938" in answer.answer
    assert any("It received and processed a record number" in c.quote for c in answer.citations)


def test_a_spanish_question_asks_its_years_and_months(tmp_path: Path) -> None:
    """The year and month of a Spanish question are checked as an English question's are."""
    assert months_of_years("el 12 de abril de 2023 se aprobó") == (4,)
    assistant = build(data_dir=tmp_path / "idx", embedder=HashEmbedder())
    q, _, _ = assistant.understand("¿cuántos incidentes gestionó el CERT de Zembla en octubre de 2021?")
    assert q.asked_years == ("2021",) and q.asked_months == (10,) and q.years == ("2021",)


def _declined_then_answered(tmp_path: Path, name: str, page_text: str, question: str, addition: str, fact: str):
    """Ingest a page through the real composition and ask: the question is declined; once the
    page also says `addition` and is ingested again, it is answered with `fact`."""
    page = tmp_path / name
    assistant = _indexed(page, page_text)
    answer = assistant.ask(question)
    assert answer.abstained, answer.answer
    page.write_text(page_text + addition, encoding="utf-8")
    assistant.ingest([page])
    answer = assistant.ask(question)
    assert not answer.abstained and fact in answer.answer, answer.answer


def test_a_part_of_a_whole_needs_its_own_figure(tmp_path: Path) -> None:
    """ "How many of the casualties were children" is declined by a page giving only the whole,
    and answered by one giving the part."""
    _declined_then_answered(
        tmp_path,
        "valmora_floods_2030.txt",
        "Valmora Civil Protection Agency: Flood Season Review 2030\n\n"
        "In 2030, floods in Valmora killed or injured 512 people across nine provinces, "
        "according to the Valmora Civil Protection Agency. Relief teams reached every province within two days.\n",
        "How many of the 2030 flood casualties in Valmora were children?",
        "\nOf the flood casualties, 131 children were killed or injured.\n",
        "131",
    )


def test_an_amount_must_be_said_of_what_the_question_measures(tmp_path: Path) -> None:
    """ "How much did the drone programme cost" is declined by a page whose only amount is cash
    seized, and answered once the page gives the programme's cost."""
    _declined_then_answered(
        tmp_path,
        "valmora_customs_2030.txt",
        "Valmora Customs Service: Annual Statistics 2030\n\n"
        "In 2030, Valmora customs officers seized more than $12 million in undeclared currency at the border. "
        "The service's aerial drone programme began patrolling the border in 2029.\n",
        "How much did the Valmora customs drone programme cost?",
        "\nThe drone programme cost $3.5 million in its first year.\n",
        "3.5 million",
    )


def test_a_page_naming_no_country_is_about_the_one_asked(tmp_path: Path) -> None:
    """An agency's page that names no country ("the National Amnesty Office") answers a question
    naming the country; a page that names another country for the same figure does not."""
    question = "How many guns did Uruguay's voluntary handover programme collect in 2030?"
    text = (
        "National Amnesty Office: Voluntary Handover Programme 2030\n\n"
        "In 2030, the {owner}National Amnesty Office collected 1,240 firearms under the voluntary handover "
        "programme, and destroyed all of them in public ceremonies.\n"
    )
    answer = _answer_from(tmp_path / "own", "amnesty_2030.txt", text.format(owner=""), question)
    assert not answer.abstained and "1,240" in answer.answer, answer.answer
    assert _answer_from(tmp_path / "other", "amnesty_2030.txt", text.format(owner="Paraguay's "), question).abstained


def _indexed(page: Path, page_text: str):
    """An assistant built through the real composition over one page with `page_text`, its
    index beside the page."""
    page.parent.mkdir(exist_ok=True)
    page.write_text(page_text, encoding="utf-8")
    assistant = build(data_dir=page.parent / "idx", embedder=HashEmbedder())
    assistant.ingest([page])
    return assistant


def _indexed_among_others(folder: Path, name: str, page_text: str):
    """`_indexed`, with a few short pages on other topics beside the page: in an index of one
    page every word is as common as any other, and a name is not as rare as in a real index."""
    assistant = _indexed(folder / "pages" / name, page_text)
    others = folder / "others"
    others.mkdir(exist_ok=True)
    for i, topic in enumerate(["port security drills", "cyber incident reporting", "customs training courses"]):
        (others / f"other{i}.txt").write_text(
            f"Annual note on {topic}\n\nThe agency held {10 + i} sessions on {topic} with partner agencies.\n",
            encoding="utf-8",
        )
    assistant.ingest([others])
    return assistant


def _answer_from(folder: Path, name: str, page_text: str, question: str):
    """The answer to `question` from an index of one page."""
    return _indexed(folder / name, page_text).ask(question)


def test_last_year_on_a_dated_page_is_the_year_before_it(tmp_path: Path) -> None:
    """A news page dated 4 February 2030 saying "last year" answers for 2029, not for 2027."""
    assistant = _indexed(
        tmp_path / "customs_review.txt",
        "Customs year-end review\n4 February 2030\n\n"
        "The Zembla Customs Department detected 544 drug cases last year, seizing 652kg of drugs, "
        "up 8% on the previous year, the Commissioner said in the department's year-end review.\n",
    )
    answer = assistant.ask("How many drug cases did Zembla customs detect in 2029?")
    assert not answer.abstained and "544" in answer.answer, answer.answer
    assert assistant.ask("How many drug cases did Zembla customs detect in 2027?").abstained


def test_who_heads_a_body_is_answered_by_its_titled_person(tmp_path: Path) -> None:
    """ "Who heads the FID" is answered by the person the page gives the body's top title
    ("Principal Director Keith Moran"); a page naming only an officer of it is no answer."""
    question = "who heads the Zembla Financial Investigations Division?"
    title = "Zembla Financial Investigations Division: asset recovery 2030\n\n"
    officer = (
        "The Financial Investigations Division of Zembla recovered 41 million in criminal assets in 2030. "
        "Its liaison officer Ana Ruiz presented the figures to journalists in Port Zembla.\n"
    )
    assert _answer_from(tmp_path / "officer", "fid_2030.txt", title + officer, question).abstained
    head = (
        "The Financial Investigations Division of Zembla recovered 41 million in criminal assets in 2030, "
        "FID Principal Director Keith Moran told journalists in Port Zembla.\n"
    )
    answer = _answer_from(tmp_path / "head", "fid_2030.txt", title + head, question)
    assert not answer.abstained and "Keith Moran" in answer.answer, answer.answer


def test_a_short_quoted_title_with_full_stops_is_one_sentence() -> None:
    """ "People. Peace. Progress." in quotation marks is a slogan, not three sentences; the
    sentence ends after the closing quotation mark."""
    text = 'The theme is "People. Peace. Progress. The Power of Partnerships." Peacekeeping saves lives.'
    assert [text[a:b] for a, b in split_sentences(text, 0)] == [
        'The theme is "People. Peace. Progress. The Power of Partnerships."',
        "Peacekeeping saves lives.",
    ]
    quoted = "“Hate is the currency of extremism,” says Mark Albon. “We must act.” Mr Albon heads the unit."
    assert [quoted[a:b] for a, b in split_sentences(quoted, 0)][-1] == "Mr Albon heads the unit."


def test_the_whole_the_question_states_does_not_answer_how_many_of_it(tmp_path: Path) -> None:
    """ "How many of the 36 responders were from Zembla?" is not answered by the sentence giving
    the 36; the count of the part, when a sentence gives it, is."""
    page = (
        "Regional assistance course\n\n"
        "The course in Ostrava was attended by 36 first responders from ten States Parties, "
        "among them Zembla, Ruritania and Freedonia. The responders trained for five days.\n"
    )
    assistant = _indexed(tmp_path / "course.txt", page)
    assert assistant.ask("How many of the 36 first responders at the Ostrava course were from Zembla?").abstained
    answer = assistant.ask("How many first responders attended the Ostrava course?")
    assert not answer.abstained and "36" in answer.answer, answer.answer


def test_a_page_naming_no_country_is_about_a_country_of_two_words_asked(tmp_path: Path) -> None:
    """ "What did Hong Kong police say ...?" asked of a police page that never names its city:
    the two words of the name are one country's, which the page does not contradict."""
    page = (
        "Cybercrime losses rise\n\n"
        "Financial losses from technology crime rose 18 per cent in the first seven months of 2030, "
        "police said on Friday. For hacking incidents alone, losses reached 39.4 million.\n"
    )
    answer = _answer_from(tmp_path, "police.txt", page, "What did Hong Kong police say about hacking losses in 2030?")
    assert not answer.abstained and "39.4" in answer.answer, answer.answer


def test_a_figure_is_said_of_the_drug_weighed_and_the_place_counted(tmp_path: Path) -> None:
    """ "What weight of heroin ...?" is not answered by the cocaine figure beside a sentence that
    lists heroin; "how many died in Westvale?" not by the nation's toll beside a sentence saying
    most damage was in Westvale. Asked of what the figures are said of, they answer."""
    page = (
        "Border detections 2030\n\n"
        "Officers made 16,800 detections of drugs including heroin, MDMA and cocaine. "
        "The total weight of cocaine seized in 2030 was more than 650 kilograms.\n\n"
        "Most of the flood damage occurred in Westvale. Floods caused 151 incidents nationwide, "
        "resulting in 13 deaths and 20 missing persons.\n"
    )
    assistant = _indexed_among_others(tmp_path, "border.txt", page)
    assert assistant.ask("What weight of heroin did officers seize in 2030?").abstained
    assert assistant.ask("How many people died in Westvale in the floods?").abstained
    answer = assistant.ask("What weight of cocaine did officers seize in 2030?")
    assert not answer.abstained and "650" in answer.answer, answer.answer
    answer = assistant.ask("How many people died in the floods?")
    assert not answer.abstained and "13" in answer.answer, answer.answer


def test_a_quarter_figure_does_not_answer_for_one_month_of_it(tmp_path: Path) -> None:
    """ "How much cocaine was seized in March 2030?" is not answered by the quarter's total; the
    quarter asked as a range of months is."""
    page = (
        "Quarterly review\n\n"
        "The agency seized 65,915 kg of drugs in the first quarter of 2030.\n\n"
        "A breakdown of the quarter shows cannabis leading in January with 8,205 kg, followed by "
        "cocaine with 24 kg.\n"
    )
    assistant = _indexed(tmp_path / "review.txt", page)
    assert assistant.ask("How much cocaine did the agency seize in March 2030?").abstained
    answer = assistant.ask("total weight of drugs the agency seized jan-mar 2030?")
    assert not answer.abstained and "65,915" in answer.answer, answer.answer


def test_a_figure_for_part_of_a_year_or_of_a_region_does_not_answer_for_the_whole_or_one_country(
    tmp_path: Path,
) -> None:
    """A count asked for a whole year is not answered by a few weeks' count, nor one country's by the
    region's toll; asked for the weeks, or for the region, they answer."""
    page = (
        "Regional bulletin 2030\n\n"
        "Between 15 October and 24 November 2030 officers at the mail centres intercepted 422 articles "
        "containing beetle risk goods.\n\n"
        "More than 8,258 cholera cases including 29 deaths have been reported in ten countries of the region "
        "since the beginning of 2030. Kenya reported a new surge of cases in March.\n"
    )
    assistant = _indexed_among_others(tmp_path, "bulletin.txt", page)
    assert assistant.ask(
        "How many beetle risk articles did the mail centres intercept over the whole of 2030?"
    ).abstained
    answer = assistant.ask(
        "How many beetle risk articles did the mail centres intercept between October and November 2030?"
    )
    assert not answer.abstained and "422" in answer.answer, answer.answer
    assert assistant.ask("How many cholera deaths had Kenya reported in 2030?").abstained
    answer = assistant.ask("How many cholera deaths had the region reported in 2030?")
    assert not answer.abstained and "29" in answer.answer, answer.answer


def test_when_a_page_was_published_is_the_date_atop_it(tmp_path: Path) -> None:
    """ "When did the agency publish its note on X?" is answered by the date line at the top of
    the note, which no sentence of it repeats."""
    page = (
        "Agency reports fewer coca fields\n\nPress note\n\n1 de julio de 2030 - 3:24 p. m.\n\n"
        "After eight years of growth the valley recorded a 5% reduction in its coca fields, according to the "
        "2029 monitoring report presented by the agency and its partners in the capital this week.\n"
    )
    answer = _answer_from(tmp_path, "note.txt", page, "When did the agency publish its press note on the coca fields?")
    assert not answer.abstained and "julio de 2030" in answer.answer, answer.answer


def test_a_turkish_place_name_is_one_word(tmp_path: Path) -> None:
    """ "Elazığ" used to fall apart at its dotless i ("elaz", "g"), so a question naming it found
    no passage that does."""
    page = (
        "Earthquake response\n\n"
        "An earthquake measuring 6.8 struck Sivrice District of Elazığ Province on January 24, 2030, "
        "and rescue teams were sent under the agency's coordination.\n"
    )
    assistant = _indexed_among_others(tmp_path, "quake.txt", page)
    answer = assistant.ask("When did the Elazığ earthquake strike?")
    assert not answer.abstained and "January 24, 2030" in answer.answer, answer.answer


def test_a_comparison_of_two_years_needs_a_figure_of_each(tmp_path: Path) -> None:
    """ "How many SARs in FY 2029, for comparison with FY 2030?" is not answered by a page giving
    FY 2030 alone; a page giving both years, one of them as "the year before", answers."""
    page = (
        "Financial intelligence review\n\n"
        "During FY 2030 reporting entities filed a total of 4.6 million Suspicious Activity Reports (SARs) "
        "and 20.8 million currency transaction reports.\n\n"
        "Twelve fishing vessels were lost in 2030, down from 18 the year before.\n"
    )
    assistant = _indexed_among_others(tmp_path, "review.txt", page)
    assert assistant.ask("How many SARs were filed in FY 2029, for comparison with FY 2030?").abstained
    answer = assistant.ask("How many SARs were filed in FY 2030?")
    assert not answer.abstained and "4.6 million" in answer.answer, answer.answer
    answer = assistant.ask("fishing vessels lost: 2030 vs 2029?")
    assert not answer.abstained and "18" in answer.answer, answer.answer


def test_a_run_of_figures_keeps_its_place_and_a_counted_event_must_be_said(tmp_path: Path) -> None:
    """ "According to the health office of Zembla, 4,100 cases ... As of 3 May, 61 deaths": the
    deaths are Zembla's, though their sentence does not repeat it, and the number of deaths
    answers before the cases beside it. "How many people died in fires?" is not answered by them."""
    page = (
        "Fever situation update\n\n"
        "The centre keeps monitoring the fever situation in neighbouring areas. According to the health "
        "office of Zembla, 4,100 local cases have been recorded this season. "
        "As of 3 May, 61 deaths have been recorded this season.\n"
    )
    assistant = _indexed_among_others(tmp_path, "fever.txt", page)
    answer = assistant.ask("How many deaths were recorded in Zembla this season?")
    assert not answer.abstained and "61" in answer.answer
    assert assistant.ask("How many people died in fires in Zembla?").abstained


def test_a_month_asked_of_a_note_is_said_by_its_dateline(tmp_path: Path) -> None:
    """ "the nov 2031 note" is the page dated "Nov 25, 2031", though its figure's sentence names June."""
    page = (
        "Briefing Note: Listed Entities\n\nDate received:\nNov 25, 2031\n\n"
        "Suggested Response:\n\n"
        "There are currently 48 entities listed. Most recently, in June 2031, two groups were added to the list.\n"
    )
    answer = _indexed_among_others(tmp_path, "note.txt", page).ask(
        "how many entities were on the list as of the nov 2031 briefing note?"
    )
    assert not answer.abstained and "48" in answer.answer
