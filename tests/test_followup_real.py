"""A follow-up asks something new: the passage that answered the earlier turn is not its answer
again, unless it holds a new kind of value (real model, real tagger, real Chroma)."""

from __future__ import annotations

import pytest

from assistant.core import build

PAGE = """Zembla border controls extended

Since 16 September 2031, controls have been carried out at all Zembla borders in order to limit
the number of people entering the country without permission. The measure is initially limited to
six months. Police detected 2,448 unauthorised entries in the second half of September.

Action plans for border cooperation were prepared at the request of Ruritania and Valmora in March
and June 2031, respectively.
"""


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, real_embedder):
    root = tmp_path_factory.mktemp("followup")
    (root / "docs").mkdir()
    (root / "docs" / "zembla-border-controls-2031.txt").write_text(PAGE)
    built = build(data_dir=root / "idx", embedder=real_embedder)
    assert [r.status for r in built.ingest([root / "docs"])] == ["ingested"]
    return built


def test_the_earlier_turns_answer_is_not_the_follow_ups(assistant):
    earlier = "Since when has Zembla been carrying out checks at all of its borders?"
    assert "16 September 2031" in assistant.ask(earlier).answer
    answer = assistant.ask("ok and what about the unauthorised entries?", history=[earlier])
    assert "2,448" in answer.answer and "16 September 2031" not in answer.answer, answer.answer
    answer = assistant.ask("ok and for how long is that measure supposed to run at first?", history=[earlier])
    assert "six months" in answer.answer, answer.answer  # (a span of time, not the date it began)


def test_a_follow_up_asks_alongside_or_points_back():
    from assistant.understand.followup import asks_alongside

    assert asks_alongside("ok and violent crime specifically?")
    assert asks_alongside("what about the unauthorised entries?")
    assert not asks_alongside("and which of them are island states?")  # points back at the answer
    assert not asks_alongside("what's her email?")
    assert not asks_alongside("which pacific countries took part?")  # narrows it


def test_a_follow_up_pointing_back_at_the_answer_goes_on_about_it(assistant):
    earlier = "Which countries asked for border cooperation action plans in 2031?"
    answer = assistant.ask("which month was each of them?", history=[earlier])
    assert "March" in answer.answer and "June" in answer.answer, answer.answer
