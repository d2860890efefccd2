"""The web chat through a real browser (Debian Chromium via Playwright) and through gradio_client.

One real `reportqa serve` per module, on a free port of 127.0.0.1, indexing the bundled reports.
"""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import DATA, QUESTION, STATES
from tests.live_server import start_server

pytestmark = pytest.mark.slow

CICTE_DOCX = DATA / "cicte-2016-work-plan-report.docx"
CICTE_TITLE = "Inter-American Committee against Terrorism"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = start_server(tmp_path_factory.mktemp("web") / "data")
    yield srv
    srv.stop()


@pytest.fixture
def browser_page(server, tmp_path):
    """A page in a fresh Chromium profile; records every request that leaves the server."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip(
            "Chromium not installed: `apt-get install -y chromium chromium-driver` "
            "(make test runs scripts/ensure-chromium, which does this when it can)"
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 1000},
            permissions=["clipboard-read", "clipboard-write"],
        )
        page = context.pages[0] if context.pages else context.new_page()
        page.outside = []
        local = (server.url, "data:", "blob:")
        page.on("request", lambda r: None if r.url.startswith(local) else page.outside.append(r.url))
        try:
            yield page
        finally:
            context.close()


def test_browser_asks_the_example_and_shows_cited_sources(server, browser_page, tmp_path):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(server.url + "/")
    page.get_by_text(QUESTION).first.click()  # the example question, offered on first load
    expect(page.locator("#rqa-question textarea")).to_have_value(QUESTION)
    page.locator("#rqa-ask").click()

    answer = page.locator("#rqa-chat .rqa-answer:not(.rqa-pending)").last
    answer.wait_for(timeout=60_000)
    text = answer.inner_text()
    assert [s for s in STATES if s not in text] == []
    assert "[1]" in text

    sources = page.locator("#rqa-sources")
    sources.locator(".rqa-source").first.wait_for(timeout=10_000)
    panel = sources.inner_text()
    assert CICTE_TITLE in panel
    assert re.search(r"p\. \d+", panel), panel
    assert "Paraguay" in sources.locator("mark").first.inner_text()  # the quote is highlighted

    href = answer.locator("a.rqa-cite").first.get_attribute("href")
    assert href and page.locator(href).count() == 1  # [1] links to its source card

    page.screenshot(path=str(tmp_path / "chat.png"), full_page=True)
    assert page.outside == []  # nothing fetched from the internet


def test_browser_copy_button_copies_answer_with_citations(server, browser_page):
    page = browser_page
    page.goto(server.url + "/")
    page.locator("#rqa-question textarea").fill(QUESTION)
    page.locator("#rqa-question textarea").press("Enter")
    page.locator("#rqa-chat .rqa-answer:not(.rqa-pending)").last.wait_for(timeout=60_000)
    page.locator("#rqa-copy").click()
    page.wait_for_timeout(300)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Paraguay" in copied and "[1]" in copied and "Sources:" in copied and "p. " in copied


def test_browser_chat_bin_icon_forgets_the_conversation(server, browser_page):
    """Gradio's own clear icon must reset the session's turns too, not only the display."""
    from playwright.sync_api import expect

    page = browser_page
    page.goto(server.url + "/")
    question = page.locator("#rqa-question textarea")
    question.fill(QUESTION)
    question.press("Enter")
    sources = page.locator("#rqa-sources")
    expect(sources).to_contain_text("Q1: " + QUESTION, timeout=60_000)
    page.locator("#rqa-chat button[aria-label='Clear']").click()
    expect(sources).to_contain_text("Sources of each answer appear here.")
    question.fill("When was the CSIRT best practices guide published?")
    question.press("Enter")
    expect(sources).to_contain_text("Q1: When was the CSIRT", timeout=60_000)  # numbering restarted
    expect(sources).not_to_contain_text(QUESTION)


def test_browser_api_docs_render_without_network(server, browser_page):
    """/docs serves Swagger UI from the installed package, not from a CDN."""
    from playwright.sync_api import expect

    page = browser_page
    page.goto(server.url + "/docs")
    expect(page.get_by_text("/api/ask").first).to_be_visible(timeout=15_000)
    expect(page.get_by_role("button", name="Authorize")).to_be_visible()
    assert page.outside == []


def test_browser_documents_tab_lists_indexed_reports(server, browser_page):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(server.url + "/")
    page.get_by_role("tab", name="Documents").click()
    table = page.locator("#rqa-docs")
    expect(table).to_contain_text("cicte-2016-work-plan-report.pdf", timeout=10_000)
    expect(table).to_contain_text("apec-ctap-chile-2020.pdf")


def test_gradio_client_calls_the_chat_endpoint(server):
    from gradio_client import Client

    client = Client(server.url + "/", verbose=False)
    _, messages, sources, copy_text = client.predict(QUESTION, api_name="/chat")
    reply = messages[-1]["content"]
    reply = reply if isinstance(reply, str) else str(reply)
    assert messages[-1]["role"] == "assistant"
    assert all(s in reply for s in STATES)
    assert CICTE_TITLE in sources
    assert copy_text.startswith("In 2016") and "Sources:" in copy_text

    # Positional inputs after the question: reports, organisations, years, countries, token.
    _, messages, _, _ = client.predict(QUESTION, [], ["APEC"], [], [], "", api_name="/chat")
    assert "Paraguay" not in messages[-1]["content"]  # the CICTE report is filtered out


def test_browser_uploads_shows_per_file_results_and_removes(server, browser_page, tmp_path):
    """Runs last: leaves the index as the other tests found it."""
    from playwright.sync_api import expect

    page = browser_page
    empty = tmp_path / "empty notes.txt"
    empty.write_text("")
    page.goto(server.url + "/")
    page.get_by_role("tab", name="Documents").click()
    page.locator("#rqa-upload input[type=file]").set_input_files([str(CICTE_DOCX), str(empty)])
    # Gradio renders the name as stem and suffix in two spans ("report .docx"): match the stem.
    expect(page.locator("#rqa-upload")).to_contain_text(CICTE_DOCX.stem, timeout=15_000)
    page.get_by_role("button", name="Index uploaded files").click()
    results = page.locator("#rqa-ingest-results")
    # the DOCX holds the same text as the indexed PDF: kept, but the PDF answers for it
    expect(results).to_contain_text("duplicate", timeout=60_000)
    expect(results).to_contain_text("same text as cicte-2016-work-plan-report.pdf")
    expect(results).to_contain_text("failed")
    expect(results).to_contain_text("the file is empty")
    expect(page.locator("#rqa-docs")).to_contain_text(CICTE_DOCX.name)
    expect(page.locator("#rqa-docs")).to_contain_text("same text as cicte-2016-work-plan-report.pdf")

    page.locator("#rqa-remove-pick input").click()
    page.get_by_role("option", name=re.compile(re.escape(CICTE_DOCX.name))).click()
    page.locator("#rqa-remove").click()
    expect(page.locator("#rqa-remove-note")).to_contain_text(f"Removed {CICTE_DOCX.name}", timeout=30_000)
    expect(page.locator("#rqa-docs")).not_to_contain_text(CICTE_DOCX.name)


def test_ui_upload_remove_ask_and_listing_need_the_token_when_one_is_set(tmp_path, hash_embedder, monkeypatch):
    """The handlers behind the page (in-process, fake embedder): same rules as the API."""
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "gradio"))
    from assistant.core import build
    from assistant.app.server import configure_offline

    configure_offline()
    import gradio as gr

    from assistant.app.web import Handlers

    report = tmp_path / "gradio" / "0123abcd" / "cicte-2016-work-plan-report.txt"  # as Gradio's upload route stores it
    report.parent.mkdir(parents=True)
    shutil.copy(DATA / report.name, report)
    uploaded = lambda: {str(report)}  # noqa: E731 - what Blocks.upload_file_set holds after that upload

    closed = Handlers(build(data_dir=tmp_path / "closed", embedder=hash_embedder, api_token="t0ken"), uploaded)
    with pytest.raises(gr.Error):
        closed.upload([str(report)], "wrong", False)
    with pytest.raises(gr.Error):
        closed.remove("abc", "")
    with pytest.raises(gr.Error):
        next(closed.chat(QUESTION, [], [], [], [], [], ""))
    rows = closed.upload([str(report)], "t0ken", False)[0]
    assert rows[0][:2] == ["cicte-2016-work-plan-report.txt", "ingested"]
    assert closed.refresh("")[0] == [] and closed.refresh("wrong")[0] == []  # the list needs the token too
    assert closed.refresh("t0ken")[0][0][1] == "cicte-2016-work-plan-report.txt"

    public = Handlers(
        build(data_dir=tmp_path / "public", embedder=hash_embedder, api_token="t0ken", public_ask=True), uploaded
    )
    first = next(public.chat(QUESTION, [], [], [], [], [], ""))
    assert first[1][0] == {"role": "user", "content": QUESTION}  # asking is open; the answer streams in
    with pytest.raises(gr.Error):
        public.upload([str(report)], "", False)
    assert public.refresh("")[0] == []  # documents stay protected


def test_ui_remove_says_why_nothing_was_removed(tmp_path, hash_embedder):
    from assistant.core import build
    from assistant.app.server import configure_offline

    configure_offline()
    from assistant.app.web import Handlers

    h = Handlers(build(data_dir=tmp_path / "data", embedder=hash_embedder))
    note = h.remove("no-such-report.pdf", "")[0]
    assert note.startswith("Not removed:") and "no-such-report.pdf" in note
