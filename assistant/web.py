"""The Gradio web chat: a thin front end over the same in-process Assistant as the API.

Per-browser conversation lives in `gr.State` (a list of `Turn`s), never on a shared object.
The formatting is in assistant.web_format; this module wires components to handlers.
Import it only after assistant.server.configure_offline() has switched analytics off.
"""

from __future__ import annotations

import logging
from pathlib import Path

import gradio as gr

from assistant import web_format as fmt
from assistant.api import token_ok
from assistant.core import Assistant

log = logging.getLogger(__name__)

EXAMPLES = [
    "which states got 1540 legislative help in 2016?",
    "Who is the contact point for cybersecurity in Chile's CTAP?",
    "When was the CSIRT best practices guide published?",
    "¿Dónde se realizó el curso nacional sobre inspección de documentos?",
]
UPLOAD_TYPES = [".pdf", ".docx", ".txt", ".md"]
PLACEHOLDER = ("**Ask about the indexed reports** — or pick an example question below. "
               "Each answer cites its sources; click a number like [1] to see the passage.")

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
COPY_JS = """(text) => {
  if (!text) return;
  if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(text); return; }
  const ta = document.createElement('textarea'); ta.value = text; document.body.appendChild(ta);
  ta.select(); document.execCommand('copy'); ta.remove();
}"""


class Handlers:
    """Event handlers; they hold the shared service only, never a user's conversation."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant

    @property
    def auth_on(self) -> bool:
        return bool(self.assistant.settings.api_token)

    def require_token(self, token: str | None, asking: bool = False) -> None:
        settings = self.assistant.settings
        if asking and settings.public_ask:
            return
        if not token_ok(settings.api_token, token):
            raise gr.Error("This needs the access token (enter it at the top of the page).")

    def chat(self, message, turns, sources, organisations, years, countries, token):
        """Stream one answer into the chat; the sources panel fills in when it is complete."""
        self.require_token(token, asking=True)
        question = (message or "").strip()
        if not question:
            yield gr.skip(), gr.skip(), gr.skip(), turns, gr.skip()
            return
        filters = fmt.filters_from(sources, organisations, years, countries)
        history = [t.question for t in turns]
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

    def refresh(self):
        """Documents table and filter/removal choices from what is indexed now.

        Selections are cleared: a removed report must not stay selected as a filter.
        """
        docs = self.assistant.documents()
        f = fmt.facets(docs)
        return (
            fmt.document_rows(docs),
            gr.Dropdown(choices=list(f.sources), value=[], multiselect=True),
            gr.Dropdown(choices=list(f.organisations), value=[], multiselect=True),
            gr.Dropdown(choices=[str(y) for y in f.years], value=[], multiselect=True),
            gr.Dropdown(choices=list(f.countries), value=[], multiselect=True),
            gr.Dropdown(choices=fmt.document_choices(docs), value=None),
        )

    def upload(self, paths, token, progress=gr.Progress()):
        """Index uploaded files; one result row per file (ingested / unchanged / failed + why)."""
        self.require_token(token)
        if not paths:
            raise gr.Error("Choose one or more PDF, DOCX or TXT files first.")
        progress(0, desc="Reading files")
        results = self.assistant.ingest(
            [Path(p) for p in paths],
            lambda done, total, name: progress((done, total), desc=f"Indexed {name}", unit="files"),
        )
        log.info("web upload: %s", [(r.path, r.status) for r in results])
        return (fmt.ingest_rows(results), None, *self.refresh())

    def remove(self, doc_id, token):
        self.require_token(token)
        if not doc_id:
            raise gr.Error("Choose a report to remove.")
        removed = self.assistant.remove(doc_id)
        if removed is None:
            return ("That report was already gone.", *self.refresh())
        return (f"Removed **{removed.source}** ({removed.chunks} chunks).", *self.refresh())


def filter_row(assistant: Assistant) -> list[gr.Dropdown]:
    f = fmt.facets(assistant.documents())
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
            chatbot = gr.Chatbot(label="Chat", height=480, elem_id="rqa-chat", buttons=["copy"], feedback_options=None,
                                 placeholder=PLACEHOLDER)
            with gr.Row():
                msg = gr.Textbox(placeholder="Ask about the indexed reports…", label="Question", show_label=False,
                                 scale=5, elem_id="rqa-question", autofocus=True)
                ask = gr.Button("Ask", variant="primary", scale=1, elem_id="rqa-ask")
            gr.Examples(EXAMPLES, inputs=msg, label="Example questions", elem_id="rqa-examples")
            with gr.Row():
                copy = gr.Button("Copy answer with citations", size="sm", elem_id="rqa-copy")
                clear = gr.Button("New conversation", size="sm")
            with gr.Accordion("Filters", open=False):
                filters = filter_row(h.assistant)
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
    docs = h.assistant.documents()
    table = gr.Dataframe(fmt.document_rows(docs), headers=fmt.DOCUMENT_HEADERS, interactive=False,
                         label="Indexed reports", elem_id="rqa-docs", wrap=True,
                         column_widths=["22%", "15%", "10%", "5%", "7%", "6%", "7%", "15%", "13%"])
    files = gr.File(file_count="multiple", file_types=UPLOAD_TYPES, label="Upload reports (PDF, DOCX, TXT)",
                    elem_id="rqa-upload")
    index_btn = gr.Button("Index uploaded files", variant="primary")
    results = gr.Dataframe(headers=fmt.INGEST_HEADERS, interactive=False, label="Upload results",
                           elem_id="rqa-ingest-results")
    with gr.Row():
        pick = gr.Dropdown(fmt.document_choices(docs), value=None, label="Remove a report", scale=4,
                           elem_id="rqa-remove-pick")
        remove = gr.Button("Remove", variant="stop", scale=1, elem_id="rqa-remove")
    note = gr.Markdown(elem_id="rqa-remove-note")
    refreshed = [table, *filters, pick]
    index_btn.click(h.upload, [files, token], [results, files, *refreshed], api_visibility="private",
                    show_progress_on=results)
    remove.click(h.remove, [pick, token], [note, *refreshed], api_visibility="private")
    return table, pick


def build_ui(assistant: Assistant) -> gr.Blocks:
    """The web chat and documents tabs over `assistant`."""
    h = Handlers(assistant)
    with gr.Blocks(title="ReportQA", analytics_enabled=False) as demo:
        needed_for = "upload or remove reports" + ("" if assistant.settings.public_ask else " and to ask")
        with gr.Row(equal_height=True):
            gr.Markdown("## ReportQA — cited answers from the indexed policy reports")
            token = gr.Textbox("", label="Access token", type="password", visible=h.auth_on, elem_id="rqa-token",
                               info=f"Needed to {needed_for}.", scale=0, min_width=260)
        with gr.Tab("Ask", elem_id="rqa-tab-ask"):
            filters = chat_tab(h, token)
        with gr.Tab("Documents", elem_id="rqa-tab-docs"):
            table, pick = documents_tab(h, token, filters)
        demo.load(h.refresh, None, [table, *filters, pick], api_visibility="private")
    return demo
