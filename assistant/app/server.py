"""One process, two front ends: the REST API under /api and the Gradio chat at /.

`create_app(assistant)` composes the FastAPI app; `serve(...)` builds the Assistant from
settings, optionally indexes the bundled reports, and runs uvicorn.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from importlib.metadata import PackageNotFoundError, version

from assistant.config import Settings, load_settings
from assistant.core import Assistant, build

log = logging.getLogger(__name__)

OFFLINE_ENV = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_SSR_MODE": "False",
}


DOCS_ASSETS = "/docs-assets"


def configure_offline() -> None:
    """No call-home: must run before gradio (or huggingface_hub) is first imported."""
    for key, value in OFFLINE_ENV.items():
        os.environ[key] = value


def package_version() -> str:
    try:
        return version("reportqa")
    except PackageNotFoundError:
        return "0+unknown"


def create_app(assistant: Assistant):
    """FastAPI app: /api (REST), /docs (OpenAPI), and the web chat mounted at /.

    RequestGuard wraps both front ends: tokens and size caps are checked before any body
    is read (see assistant.app.guard)."""
    configure_offline()
    import gradio as gr
    from fastapi import FastAPI

    from assistant.app.api import api_router, install_error_handlers
    from assistant.app.openai_compat import router as openai_router
    from assistant.app.guard import RequestGuard
    from assistant.app.web import CSS, HEAD, THEME, build_ui

    app = FastAPI(
        title="ReportQA",
        version=package_version(),
        description="Cited answers from indexed policy reports. The web chat is at `/`.",
        docs_url=None,  # served by add_offline_docs: FastAPI's own page loads Swagger UI from a CDN
        redoc_url=None,
    )
    app.state.assistant = assistant
    app.add_middleware(RequestGuard)
    install_error_handlers(app)
    app.include_router(api_router())
    app.include_router(openai_router)
    add_offline_docs(app)  # before Gradio is mounted at /, which would shadow later routes
    demo = build_ui(assistant)
    app = gr.mount_gradio_app(
        app,
        demo,
        path="/",
        theme=THEME,
        css=CSS,
        head=HEAD,
        footer_links=["api", "settings"],
        max_file_size=assistant.settings.max_file_bytes,
        ssr_mode=False,
        mcp_server=False,
    )
    # Gradio refuses event paths outside its upload folder only for launched apps
    # (processing_utils._check_allowed); a mounted app is just as launched. Without this,
    # Gradio copies any server file a client names into its cache before a handler runs.
    demo.has_launched = True
    return app


def add_offline_docs(app) -> None:
    """Swagger UI at /docs from the assets the swagger-ui-bundle-v2 package ships, so the
    API documentation works with no network (FastAPI's default fetches them from a CDN)."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles
    from swagger_ui_bundle import swagger_ui_path

    app.mount(DOCS_ASSETS, StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(
            openapi_url=app.openapi_url,
            title=f"{app.title} API",
            swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{DOCS_ASSETS}/favicon-32x32.png",
        )


def prepare(settings: Settings, ingest_samples: bool) -> Assistant:
    """Build the service, finish any write a crash interrupted, index the samples if asked."""
    assistant = build(settings)
    recovered = assistant.recover()
    if recovered:
        log.warning("index recovery at start: %s", recovered)
    if ingest_samples:
        results = assistant.ingest_samples_if_empty()
        for r in results:
            log.info("sample %s: %s (%s chunks)", r.path, r.status, r.chunks)
    return assistant


def _warm_up(assistant: Assistant) -> None:
    """Load the models while the server already answers health checks: the first question
    would otherwise wait seconds for them (it still waits, for less, if it comes sooner)."""
    try:
        print(f"ReportQA warmed up in {assistant.warm_up():.1f} s: models and language tools loaded", flush=True)
    except Exception:  # a warm-up failure must not stop the server; the first question will say why
        log.exception("warm-up failed")


def serve(
    host: str = "127.0.0.1", port: int = 7860, ingest_samples: bool = False, settings: Settings | None = None
) -> None:
    """Build, index the samples if asked and the index is empty, then serve until interrupted.

    The server holds its data directory's lock for its whole life: embedded Chroma cannot
    see another process's writes, so a CLI ingest beside it is refused with a message
    instead of leaving this server stale (raises DataDirBusy if another writer holds it).
    """
    import uvicorn

    from vectorstore.lock import DataDirLock

    t0 = time.perf_counter()
    settings = settings or load_settings()
    shown = "localhost" if host in ("0.0.0.0", "::") else host
    with DataDirLock(settings.data_dir, "server", f"http://{shown}:{port}/").acquire():
        assistant = prepare(settings, ingest_samples)
        app = create_app(assistant)
        threading.Thread(target=_warm_up, args=(assistant,), name="warm-up", daemon=True).start()
        print(
            f"ReportQA (ready in {time.perf_counter() - t0:.1f} s) serving the web chat at http://{shown}:{port}/ · "
            f"API docs http://{shown}:{port}/docs",
            flush=True,
        )
        # Open browser tabs hold event streams; do not wait for them forever on shutdown.
        uvicorn.run(app, host=host, port=port, log_level="info", access_log=False, timeout_graceful_shutdown=3)
