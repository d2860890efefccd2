"""Start the real `reportqa serve` as a subprocess on 127.0.0.1 and wait until it is healthy.

Used by the API and browser tests and by bench/bench_api.py.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
}


@dataclass
class LiveServer:
    url: str
    process: subprocess.Popen
    log_path: Path
    started_at: float  # time.perf_counter() when the process was started
    startup_s: float | None = None  # process start to first healthy response
    data_dir: Path | None = None

    def log_tail(self, chars: int = 3000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:] if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(data_dir: Path, env: dict[str, str] | None = None, samples: bool = True) -> LiveServer:
    """Start the server process (returns at once; call `wait_healthy`)."""
    port = free_port()
    log_path = Path(data_dir).with_name(f"{Path(data_dir).name}-server.log")
    full_env = {**os.environ, **OFFLINE_ENV, "REPORTQA_DATA_DIR": str(data_dir), **(env or {})}
    for key in ("REPORTQA_API_TOKEN", "REPORTQA_PUBLIC_ASK"):
        if env is None or key not in env:
            full_env.pop(key, None)
    cmd = [sys.executable, "-m", "assistant.app.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    started_at = time.perf_counter()
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            cmd + (["--ingest-samples"] if samples else []),
            cwd=ROOT,
            env=full_env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return LiveServer(f"http://127.0.0.1:{port}", process, log_path, started_at, data_dir=Path(data_dir))


def wait_healthy(server: LiveServer, token: str | None = None, timeout: float = 120.0) -> LiveServer:
    """Poll GET /api/health until it answers 200; raise with the server log if it never does."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"server exited with {server.process.returncode}:\n{server.log_tail()}")
        try:
            if httpx.get(f"{server.url}/api/health", headers=headers, timeout=2).status_code == 200:
                server.startup_s = time.perf_counter() - server.started_at
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server.stop()
    raise TimeoutError(f"server not healthy after {timeout:.0f} s:\n{server.log_tail()}")


def start_server(
    data_dir: Path, env: dict[str, str] | None = None, samples: bool = True, token: str | None = None
) -> LiveServer:
    return wait_healthy(launch(data_dir, env, samples), token)


@contextmanager
def background_server(cmd: list[str], ready_url: str, log_path: Path, timeout: float = 60.0) -> Iterator[None]:
    """Run another server (Chroma, llama.cpp) for a test: start `cmd`, wait until GET `ready_url`
    answers 200 (failing with its log if it exits or never does), stop it afterwards."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{cmd[0]} exited with {process.returncode}:\n{_tail(log_path)}")
            try:
                if httpx.get(ready_url, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"{' '.join(cmd[:3])} not ready after {timeout:.0f} s:\n{_tail(log_path)}")
            time.sleep(0.2)
        yield
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()


def _tail(path: Path, chars: int = 2000) -> str:
    return path.read_text(errors="replace")[-chars:] if path.exists() else ""
