"""Where the real test reports are and what the tests look for in them."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
CICTE = "cicte-2016-work-plan-report"
CTAP = "apec-ctap-chile-2020"
FORMATS = ("pdf", "docx", "txt")
ALL_FILES = [f"{stem}.{fmt}" for stem in (CICTE, CTAP) for fmt in FORMATS]

SENTENCE_1540 = (
    "designed to provide legislative assistance to 10 member states (Mexico, Costa Rica, "
    "Guatemala, Panama, El Salvador, Honduras, Colombia, Chile, Uruguay, Paraguay) to help "
    "them adapt their laws"
)
