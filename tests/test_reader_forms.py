"""Question forms and passage forms the reader handles however the report words them: a later part of
a message that points back at the first, numbers that belong to a calendar date and a list introduced
by ":-"."""

from __future__ import annotations

from assistant.answer.units import split_chunk
from assistant.text import introduces
from assistant.understand.classes import NounClasses
from assistant.understand.compound import compound_parts
from assistant.understand.question import earlier, profile
from assistant.understand.wanted import holds_new
from vectorstore.lexical import tokenize


def test_a_later_part_pointing_back_at_the_first_is_asked_on_its_own() -> None:
    assert compound_parts("who runs the Zembla fusion centre and where's he from") == [
        "who runs the Zembla fusion centre",
        "and where's he from",
    ]
    # a part with neither words of its own nor a pointer back is no question
    for one in ("who funded and who hosted it", "which and when", "Which countries and agencies took part?"):
        assert compound_parts(one) == [one]


def test_a_number_inside_a_calendar_date_is_no_count() -> None:
    asked = frozenset(tokenize("how big was the turnout at the workshop?"))
    dated = "The workshop was held from July 28–29, 2025 at the Pegasus Hotel."
    assert not holds_new("count", dated, [("DATE", "July 28–29, 2025")], asked)
    # a bare figure the recogniser calls a date is still a figure, and so is a span of time
    assert holds_new("count", "Of these, 57 had an impact.", [("DATE", "57")], asked)
    assert holds_new("count", "The workshop brought together 140 participants.", [("CARDINAL", "140")], asked)


def test_a_line_ending_in_a_colon_and_dash_introduces_its_list() -> None:
    assert introduces("These flagships are:-") and introduces("as follows: –") and introduces("Members:")
    assert not introduces("The ratio was 3:1") and not introduces("It ended.")
    text = "It works on two flagships. These flagships are:-\n\n• Legal and Investigation,\n• Cyber Terrorism."
    units = split_chunk(text, 0, 0)
    items = [u for u in units if u.is_item]
    assert len(items) == 2 and units[1].list_id == items[0].list_id is not None


def test_the_previous_year_is_a_year_not_an_occasion_before_another() -> None:
    assert earlier("where was the previous plenary held?")
    assert not earlier("were call volumes in 2025 up or down on the previous year?")


def test_a_questions_nouns_are_embedded_in_one_call_and_kept() -> None:
    class Counting:
        """A fake embedder: "place" on its own axis, every other word off it; counts its calls."""

        name = "fake"
        calls: list[list[str]] = []

        def embed_documents(self, texts):
            self.calls.append(list(texts))
            return [[1.0, 0.0] if t in ("place", "cities") else [0.0, 1.0] for t in texts]

    embedder = Counting()
    classes = NounClasses(embedder)
    kinds = classes.labels(["cities", "penalties", "cities"])
    assert kinds[0] == kinds[2] == frozenset({"GPE", "LOC", "FAC"}) and kinds[1] == frozenset()
    assert embedder.calls == [["place"], ["cities", "penalties"]]
    classes.labels(["penalties"])
    assert len(embedder.calls) == 2  # seen lately: no call


def test_a_year_coded_with_initials_and_a_plural_acronym_are_said_by_their_long_forms() -> None:
    from assistant.answer.evidence import unsaid_names, year_coded
    from vectorstore.lexical import LexicalIndex

    assert year_coded("fy17", "a record year during Fiscal Year 2017, the task force said")
    assert year_coded("fy2017", "in FY 2017") and not year_coded("fy16", "during Fiscal Year 2017")
    text = "It issued 340 non-disclosure orders and removed 47 summonses during Fiscal Year 2017."
    lexical = LexicalIndex([tokenize(text)])
    q = profile("how many NDOs did the inquiry issue in FY17?")
    assert unsaid_names(q, text, lexical) == []
