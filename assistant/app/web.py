"""The Gradio web chat: a thin front end over the same in-process Assistant as the API.

Per-browser conversation lives in `gr.State` (a list of `Turn`s), never on a shared object.
The formatting is in assistant.app.web_format; this module wires components to handlers.
Import it only after assistant.app.server.configure_offline() has switched analytics off.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from contextlib import ExitStack
from pathlib import Path

import gradio as gr
from gradio.utils import get_upload_folder

from assistant.app import web_format as fmt
from assistant.core import Assistant, DocumentNotFound
from assistant.app.guard import SESSION_COOKIE, authorized, token_ok
from assistant.types import DocumentInfo, IngestProgress
from assistant.app.uploads import UploadError, save_uploads, stored_upload

log = logging.getLogger(__name__)

EXAMPLES = [
    "which states got 1540 legislative help in 2016?",
    "Who is the contact point for cybersecurity in Chile's CTAP?",
    "When was the CSIRT best practices guide published?",
    "¿Dónde se realizó el curso nacional sobre inspección de documentos?",
]
UPLOAD_TYPES = [".pdf", ".docx", ".txt", ".md"]
PLACEHOLDER = (
    "**Ask about the indexed reports** — or pick an example question below. "
    "Each answer cites its sources; click a number like [1] to see the passage."
)

# The page must work with no network: system fonts only, nothing fetched from elsewhere.
THEME = gr.themes.Default(
    font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
)
CSS = """
#rqa-sources > .html-container { max-height: 720px; overflow-y: auto; }  /* the block itself is overflow: visible */
.rqa-source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; margin: 8px 0; }
.rqa-source.rqa-flash { outline: 3px solid var(--color-accent); }
.rqa-source-title { font-weight: 600; }
.rqa-n { color: var(--color-accent); margin-right: 4px; }
.rqa-source-meta, .rqa-source-file { font-size: 0.85em; opacity: 0.8; }
.rqa-source-meta { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
.rqa-passage { margin: 6px 0 0; padding-left: 8px; font-size: 0.92em;
               border-left: 3px solid var(--border-color-primary); }
.rqa-passage mark { background: #fff3a3; color: inherit; padding: 0 1px; }
.rqa-declined { border-left: 4px solid #d97706; padding-left: 10px; }
.rqa-declined strong { color: #b45309; }
.rqa-related-head { margin-top: 10px; font-weight: 600; color: #b45309; }
.rqa-turn { margin: 12px 0 4px; }
a.rqa-cite { text-decoration: none; font-weight: 600; color: var(--color-accent); }
.rqa-pending { opacity: 0.7; }
/* Gradio's tables default to monospace, which wraps titles and headers mid-word */
#rqa-docs *, #rqa-ingest-results * { font-family: var(--font); }
#rqa-chat .placeholder { padding: 0 32px; text-align: center; opacity: 0.8; }
"""
# Citation links scroll the sources panel to their card (and never open a new tab).
HEAD = """<script>
document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a.rqa-cite');
  if (!a) return;
  e.preventDefault(); e.stopPropagation();
  const card = document.getElementById(a.getAttribute('href').slice(1));
  if (!card) return;
  card.scrollIntoView({behavior: 'smooth', block: 'nearest'});
  card.classList.add('rqa-flash');
  setTimeout(() => card.classList.remove('rqa-flash'), 1600);
}, true);
</script>"""
SESSION_JS = """async (token) => {
  try {
    await fetch(new URL('api/session', document.baseURI), token
      ? {method: 'POST', headers: {Authorization: 'Bearer ' + token}} : {method: 'DELETE'});
  } catch (e) { console.error('ReportQA session:', e); }
  return token;
}"""
COPY_JS = """(text) => {
  if (!text) return;
  if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(text); return; }
  const ta = document.createElement('textarea'); ta.value = text; document.body.appendChild(ta);
  ta.select(); document.execCommand('copy'); ta.remove();
}"""


class Handlers:
    """Event handlers; they hold the shared service only, never a user's conversation.

    `uploaded_files` returns the paths Gradio's upload route has written (the Blocks'
    upload_file_set): the only files the upload handler will ingest.
    """

    def __init__(self, assistant: Assistant, uploaded_files: Callable[[], Collection[str]] = tuple) -> None:
        self.assistant = assistant
        self.uploaded_files = uploaded_files

    @property
    def auth_on(self) -> bool:
        return bool(self.assistant.settings.api_token)

    def allowed(self, token: str | None, request: gr.Request | None, asking: bool = False) -> bool:
        """The token typed into the page, the session cookie, or a bearer header will do."""
        settings = self.assistant.settings
        if (asking and settings.public_ask) or token_ok(settings.api_token, token):
            return True
        return request is not None and authorized(
            settings, request.headers.get("authorization"), request.cookies.get(SESSION_COOKIE)
        )

    def require_token(self, token: str | None, request: gr.Request | None = None, asking: bool = False) -> None:
        if not self.allowed(token, request, asking):
            raise gr.Error("This needs the access token (enter it at the top of the page).")

    def chat(self, message, turns, sources, organisations, years, countries, token, request: gr.Request = None):
        """Stream one answer into the chat; the sources panel fills in when it is complete.

        Length limits and filter values are checked before any work, so an oversized message
        costs other users nothing."""
        self.require_token(token, request, asking=True)
        question = (message or "").strip()
        if not question:
            yield gr.skip(), gr.skip(), gr.skip(), turns, gr.skip()
            return
        keep = self.assistant.settings.max_history_turns
        history = [t.question for t in turns][-keep:] if keep else []  # follow-ups need recent turns only
        try:
            self.assistant.validate_question(question, history)
            filters = self.assistant.resolve_filters(fmt.filters_from(sources, organisations, years, countries))
        except ValueError as exc:
            raise gr.Error(str(exc)) from exc
        partial = ""
        yield "", fmt.chat_messages(turns, (question, partial)), gr.skip(), turns, gr.skip()
        for event in self.assistant.ask_stream(question, history, filters):
            if event.kind == "delta":
                partial += event.text
                yield "", fmt.chat_messages(turns, (question, partial)), gr.skip(), turns, gr.skip()
            elif event.answer is not None:
                done = [*turns, fmt.Turn(question, event.answer)]
                yield "", fmt.chat_messages(done), fmt.sources_html(done), done, fmt.plain_answer(event.answer)

    def clear(self):
        return [], fmt.sources_html([]), [], ""

    def refresh(self, token: str | None = None, request: gr.Request = None):
        """Documents table and filter/removal choices from what is indexed now, for a caller
        with the token (or when none is set); empty otherwise, so the list stays private.

        Selections are cleared: a removed report must not stay selected as a filter.
        """
        return document_outputs(self.assistant.documents() if self.allowed(token, request) else ())

    def upload(self, paths, token, replace, request: gr.Request = None, progress=gr.Progress()):
        """Index uploaded files; one result row per file (ingested / conflict / failed + why).

        Only files Gradio's upload route stored are read (see uploads.stored_upload); a refused
        path refuses the whole request, before anything is ingested."""
        self.require_token(token, request)
        if not paths:
            raise gr.Error("Choose one or more PDF, DOCX or TXT files first.")
        s = self.assistant.settings
        progress(0, desc="Reading files")

        def report(p: IngestProgress) -> None:
            done, desc, unit = fmt.progress_step(p)
            progress(done, desc=desc, unit=unit)

        try:
            recorded = frozenset(self.uploaded_files())  # a copy: the upload route adds to the live set
            files = [stored_upload(p, get_upload_folder(), recorded) for p in paths]
            with ExitStack() as stack:
                streams = [(f.name, stack.enter_context(f.open("rb"))) for f in files]
                with save_uploads(streams, s.max_file_bytes, s.max_upload_name_chars) as copies:
                    results = self.assistant.ingest(copies, report, uploaded=True, replace=bool(replace))
        except UploadError as exc:
            raise gr.Error(str(exc)) from exc
        log.info("web upload: %s", [(Path(r.path).name, r.status) for r in results])
        return (fmt.ingest_rows(results), None, *document_outputs(self.assistant.documents()))

    def remove(self, doc_id, token, request: gr.Request = None):
        self.require_token(token, request)
        if not doc_id:
            raise gr.Error("Choose a report to remove.")
        try:
            removed = self.assistant.remove(doc_id)
        except DocumentNotFound as exc:
            note = f"Not removed: {exc}"
        else:
            note = f"Removed **{removed.source}** ({removed.chunks} chunks)."
        return (note, *document_outputs(self.assistant.documents()))


def document_outputs(docs: Sequence[DocumentInfo]) -> tuple:
    """The documents table, the four filter dropdowns and the removal dropdown, from `docs`."""
    f = fmt.facets(docs)
    return (
        fmt.document_rows(docs),
        gr.Dropdown(choices=list(f.sources), value=[], multiselect=True),
        gr.Dropdown(choices=list(f.organisations), value=[], multiselect=True),
        gr.Dropdown(choices=[str(y) for y in f.years], value=[], multiselect=True),
        gr.Dropdown(choices=list(f.countries), value=[], multiselect=True),
        gr.Dropdown(choices=fmt.document_choices(docs), value=None),
    )


def initial_documents(h: Handlers) -> tuple[DocumentInfo, ...]:
    """What the page is built with. Built values are public (GET /config serves them to anyone),
    so with a token they are empty; the page's refresh fills them for a caller with the token."""
    return () if h.auth_on else h.assistant.documents()


def filter_row(docs: Sequence[DocumentInfo]) -> list[gr.Dropdown]:
    f = fmt.facets(docs)
    return [
        gr.Dropdown(list(f.sources), value=[], multiselect=True, label="Reports", elem_id="rqa-f-reports"),
        gr.Dropdown(list(f.organisations), value=[], multiselect=True, label="Organisation"),
        gr.Dropdown([str(y) for y in f.years], value=[], multiselect=True, label="Year"),
        gr.Dropdown(list(f.countries), value=[], multiselect=True, label="Country / economy"),
    ]


def chat_tab(h: Handlers, token: gr.Textbox) -> list[gr.Dropdown]:
    """Chat, examples, filters and the sources panel; returns the filter dropdowns."""
    turns = gr.State([])
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(
                label="Chat",
                height=480,
                elem_id="rqa-chat",
                buttons=["copy"],
                feedback_options=None,
                placeholder=PLACEHOLDER,
            )
            with gr.Row():
                msg = gr.Textbox(
                    placeholder="Ask about the indexed reports…",
                    label="Question",
                    show_label=False,
                    scale=5,
                    elem_id="rqa-question",
                    autofocus=True,
                )
                ask = gr.Button("Ask", variant="primary", scale=1, elem_id="rqa-ask")
            gr.Examples(EXAMPLES, inputs=msg, label="Example questions", elem_id="rqa-examples")
            with gr.Row():
                copy = gr.Button("Copy answer with citations", size="sm", elem_id="rqa-copy")
                clear = gr.Button("New conversation", size="sm")
            with gr.Accordion("Filters", open=False):
                filters = filter_row(initial_documents(h))
        with gr.Column(scale=2):
            gr.Markdown("### Sources")
            sources = gr.HTML(fmt.sources_html([]), label="Sources", elem_id="rqa-sources")
    copy_text = gr.Textbox(visible="hidden", label="Answer with citations", elem_id="rqa-copy-text")
    inputs = [msg, turns, *filters, token]
    outputs = [msg, chatbot, sources, turns, copy_text]
    ask.click(h.chat, inputs, outputs, api_name="chat", show_progress_on=chatbot)  # first: the name is "chat"
    msg.submit(h.chat, inputs, outputs, api_name="chat_submit", api_visibility="private", show_progress_on=chatbot)
    cleared = [chatbot, sources, turns, copy_text]
    clear.click(h.clear, None, cleared, api_visibility="private")
    chatbot.clear(h.clear, None, cleared, api_visibility="private")  # the chat's own bin icon forgets too
    copy.click(None, copy_text, None, js=COPY_JS)
    return filters


def documents_tab(h: Handlers, token: gr.Textbox, filters: list[gr.Dropdown]) -> tuple[gr.Dataframe, gr.Dropdown]:
    docs = initial_documents(h)
    table = gr.Dataframe(
        fmt.document_rows(docs),
        headers=fmt.DOCUMENT_HEADERS,
        interactive=False,
        label="Indexed reports",
        elem_id="rqa-docs",
        wrap=True,
        column_widths=["20%", "14%", "9%", "5%", "7%", "5%", "6%", "12%", "11%", "11%"],
    )
    files = gr.File(
        file_count="multiple", file_types=UPLOAD_TYPES, label="Upload reports (PDF, DOCX, TXT)", elem_id="rqa-upload"
    )
    with gr.Row():
        replace = gr.Checkbox(
            False,
            label="Replace reports of the same name",
            elem_id="rqa-replace",
            info="Otherwise a different report already indexed under a file's name is kept "
            "and the upload says 'conflict'.",
        )
        index_btn = gr.Button("Index uploaded files", variant="primary")
    results = gr.Dataframe(
        headers=fmt.INGEST_HEADERS, interactive=False, label="Upload results", elem_id="rqa-ingest-results"
    )
    with gr.Row():
        pick = gr.Dropdown(
            fmt.document_choices(docs), value=None, label="Remove a report", scale=4, elem_id="rqa-remove-pick"
        )
        remove = gr.Button("Remove", variant="stop", scale=1, elem_id="rqa-remove")
    note = gr.Markdown(elem_id="rqa-remove-note")
    refreshed = [table, *filters, pick]
    index_btn.click(
        h.upload,
        [files, token, replace],
        [results, files, *refreshed],
        api_visibility="private",
        show_progress_on=results,
    )
    remove.click(h.remove, [pick, token], [note, *refreshed], api_visibility="private")
    return table, pick


def build_ui(assistant: Assistant) -> gr.Blocks:
    """The web chat and documents tabs over `assistant`."""
    with gr.Blocks(title="ReportQA", analytics_enabled=False) as demo:
        h = Handlers(assistant, lambda: demo.upload_file_set)
        needed_for = "see, upload or remove reports" + ("" if assistant.settings.public_ask else " and to ask")
        with gr.Row(equal_height=True):
            gr.Markdown("## ReportQA — cited answers from the indexed policy reports")
            token = gr.Textbox(
                "",
                label="Access token",
                type="password",
                visible=h.auth_on,
                elem_id="rqa-token",
                info=f"Needed to {needed_for}.",
                scale=0,
                min_width=260,
            )
        with gr.Tab("Ask", elem_id="rqa-tab-ask"):
            filters = chat_tab(h, token)
        with gr.Tab("Documents", elem_id="rqa-tab-docs"):
            table, pick = documents_tab(h, token, filters)
        refreshed = [table, *filters, pick]
        demo.load(h.refresh, token, refreshed, api_visibility="private")
        # Entering the token: the page trades it for a session cookie (so Gradio's own upload
        # requests carry it), then the document list fills in.
        gr.on([token.submit, token.blur], h.refresh, token, refreshed, js=SESSION_JS, api_visibility="private")
    return demo
