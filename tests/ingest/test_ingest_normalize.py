"""Normalisation: the same paragraph must read the same whatever format it came from."""

from __future__ import annotations

from ingest.normalize import Line, build_text, clean_line, normalize_text


def test_bullets_tabs_and_spaces_are_canonical() -> None:
    raw = "\t\t· First item\n•   Second\titem\n▪ Third\n\uf0b7 Fourth\no Fifth\n-  Sixth"
    assert normalize_text(raw).split("\n") == [
        "• First item",
        "• Second item",
        "• Third",
        "• Fourth",
        "• Fifth",
        "• Sixth",
    ]


def test_page_furniture_is_removed_and_quotes_kept() -> None:
    raw = "- 2 -\n\n[image: image1.png]\nThe “Best Practices” guide’s\u00a0scope."
    assert normalize_text(raw) == "The “Best Practices” guide’s scope."


def test_wrapped_lines_are_rejoined_and_breaks_kept() -> None:
    lines = [
        Line("This project’s main objective is to ", may_continue=True),
        Line("improve security.", may_continue=False),
        Line("· Tourism security", may_continue=False),
        Line("Next paragraph."),
    ]
    text, _ = build_text(lines)
    assert text == "This project’s main objective is to improve security.\n• Tourism security\nNext paragraph."


def test_dehyphenation_uses_the_documents_own_spelling() -> None:
    lines = [
        Line("National cybersecurity policies and public-private partnerships."),
        Line("The cyber-", may_continue=True),
        Line("security of public-", may_continue=True),
        Line("private partners and e-", may_continue=True),
        Line("commerce."),
    ]
    text, _ = build_text(lines)
    assert text.split("\n")[1] == "The cybersecurity of public-private partners and e-commerce."


def test_a_line_never_runs_into_a_bullet_or_section_label() -> None:
    lines = [
        Line("areas such as the", may_continue=True),
        Line("· Cybersecurity policies", may_continue=True),
        Line("A.2 Protect Port Facilities", may_continue=True),
        Line("Telephone Number: (56) 32"),
    ]
    assert build_text(lines)[0].count("\n") == 3


def test_bare_roman_label_joins_its_title() -> None:
    assert normalize_text("II.\nCOUNTER-TERRORISM POLICY SECTION \n· Terrorism financing") == (
        "II. COUNTER-TERRORISM POLICY SECTION\n• Terrorism financing"
    )


def test_page_starts_point_into_the_text() -> None:
    lines = [Line("First page text that ", 0, True), Line("continues here.", 1), Line("More.", 1)]
    text, starts = build_text(lines)
    assert starts == {0: 0, 1: text.index("continues here.")}


def test_clean_line_drops_blank_and_header_lines() -> None:
    assert clean_line("   \t ") == ""
    assert clean_line("- 12 -") == ""


def test_every_unicode_space_becomes_one_space() -> None:
    """Found by the chunker's property tests: an em space ended a chunk as trailing whitespace."""
    pdf_line = "Port\u2003security\u2002and\u205fcustoms\r control\u2028in\x0b2016. \u3000"
    assert clean_line(pdf_line) == "Port security and customs control in 2016."
