"""A real LRS for the xAPI tests: Ralph (ralph-malph on PyPI) with its filesystem backend, run as its
own process on a free port, and a test-only HTTP proxy in front of it that stands for the network
(it can delay answers, or refuse requests as an overloaded or strict LRS would).

Ralph pins its own versions of pydantic, click, fastapi and uvicorn, which are not Guild's, so it is
never in Guild's lock: the first run creates a venv for it under ~/.cache/guild-test-ralph (or
$GUILD_TEST_RALPH_VENV) with uv, and later runs reuse it. A file lock makes concurrent test workers
wait for the one that installs it.

    lrs = RalphLRS(tmp_dir).start()     # lrs.url (".../xAPI"), lrs.statements(), lrs.validate(), .stop()
    proxy = LRSProxy(lrs.url)           # proxy.url; proxy.delay = 3; proxy.refuse(2, status=503)

As fixtures (a conftest imports them): `ralph`, one LRS per run, and `lrs`, a fresh proxy in front of it;
`stored(ralph, ids)` counts the stored statements per id.
"""

import fcntl
import http.server
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from .outages import ROOT, _Process, _wait, free_port

__all__ = ["RalphLRS", "LRSProxy", "ralph", "lrs", "stored", "USER", "PASSWORD"]

RALPH_REQUIREMENTS = ["ralph-malph[cli,lrs]==5.1.0", "requests"]
VENV = Path(os.environ.get("GUILD_TEST_RALPH_VENV", Path.home() / ".cache" / "guild-test-ralph"))
USER, PASSWORD = "guild-tests", "ralph-secret"

# Run inside Ralph's venv: validate every stored statement with Ralph's strict xAPI 1.0.3 model.
_VALIDATE = """
import json, sys
from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement
errors = []
for number, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    try:
        BaseXapiStatement.model_validate(json.loads(line))
    except ValidationError as exc:
        errors.append(f"line {number}: {exc}")
print(json.dumps(errors))
"""


# Starts Ralph's API under uvicorn. Ralph 5.1's filesystem LRS backend writes with its data backend's
# default operation, "create", which refuses an existing file: every POST after the first would fail
# with a 500. Appending is what an LRS does, so the launcher makes it the default (test-only).
_SERVE = """
import sys
import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="info")
"""


def ralph_venv() -> Path:
    """Ralph's venv, created once (about half a minute, from PyPI) and reused."""
    marker = VENV / ".guild-ready"
    if marker.exists():
        return VENV
    VENV.parent.mkdir(parents=True, exist_ok=True)
    with open(VENV.parent / ".guild-test-ralph.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not marker.exists():
            uv = ROOT / ".tools" / "bin" / "uv"
            subprocess.run([str(uv), "venv", "-q", "--allow-existing", "--python", sys.executable, str(VENV)],
                           check=True)
            subprocess.run([str(uv), "pip", "install", "-q", "--python", str(VENV / "bin" / "python"),
                            *RALPH_REQUIREMENTS], check=True)
            marker.write_text(" ".join(RALPH_REQUIREMENTS))
    return VENV


class RalphLRS(_Process):
    """Ralph's LRS API under uvicorn, storing statements in a JSON-lines file. stop() then start()
    brings it back on the same port with the same statements, as after an outage."""

    name = "ralph"

    def __init__(self, directory):
        super().__init__(directory)
        self.venv = ralph_venv()
        self.port = free_port()
        self.data = self.dir / "data"
        self.auth_file = self._auth_file()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}/xAPI"

    def _env(self):
        return {**{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "PYTHON"))},
                "RALPH_APP_DIR": str(self.dir / "app"), "RALPH_AUTH_FILE": str(self.dir / "auth.json"),
                "RALPH_RUNSERVER_BACKEND": "fs", "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.data)}

    def _auth_file(self):
        # bcrypt is slow on purpose: the credentials file is made once per venv and copied.
        cached = self.venv / "guild-tests-auth.json"
        if not cached.exists():
            tmp = self.dir / "auth-tmp.json"
            env = {**self._env(), "RALPH_AUTH_FILE": str(tmp)}
            subprocess.run([str(self.venv / "bin" / "ralph"), "auth", "-u", USER, "-p", PASSWORD, "-s", "all",
                            "-M", "mailto:guild-tests@example.com", "-w"], env=env, check=True, capture_output=True)
            tmp.replace(cached)
        target = self.dir / "auth.json"
        target.write_text(cached.read_text())
        return target

    def start(self):
        self._spawn([str(self.venv / "bin" / "python"), "-c", _SERVE, str(self.port)], env=self._env())
        _wait(self.up, 30, "Ralph", self.log_path)
        return self

    def up(self):
        try:
            return requests.get(f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1).ok
        except requests.RequestException:
            return False

    def statements(self) -> list[dict]:
        """Every statement Ralph stored, as it stored it (one line each in its backend's file)."""
        path = self.data / "fs_lrs.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    def clear(self):
        path = self.data / "fs_lrs.jsonl"
        if path.exists():
            path.unlink()

    def validate(self, path=None) -> list[str]:
        """Ralph's xAPI model's complaints about the stored statements, or those of a JSON-lines file
        (empty: all valid)."""
        path = Path(path) if path else self.data / "fs_lrs.jsonl"
        if not path.exists():
            return []
        out = subprocess.run([str(self.venv / "bin" / "python"), "-c", _VALIDATE, str(path)], env=self._env(),
                             check=True, capture_output=True, text=True)
        return json.loads(out.stdout)


class LRSProxy:
    """A test-only HTTP proxy in front of the LRS, standing for the network and the LRS's mood:
    `delay` seconds between the LRS's answer and passing it on (slow), `refuse(n, status)` answers the next n requests itself
    (overloaded, 503; or a batch refused), and `posted` lists the statement ids of every POST that
    reached the LRS."""

    def __init__(self, upstream):
        self.upstream = upstream.rstrip("/")
        self.delay = 0.0
        self._refusals = []
        self.posted: list[list[str]] = []
        self.refused = 0
        self.reject_ids = set()  # a batch with one of these statement ids is refused (400), as a strict LRS would
        self.after_post = None  # called after each batch the LRS stored (e.g. to stop it mid-way)
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _forward(self, method):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                rejected = method == "POST" and proxy.reject_ids & {s.get("id") for s in json.loads(body or b"[]")}
                if proxy._refusals or rejected:
                    status = 400 if rejected else proxy._refusals.pop(0)
                    proxy.refused += 1
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    payload = json.dumps({"detail": "refused by the test proxy"}).encode()
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                path = self.path.split("/xAPI", 1)[-1]
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
                try:
                    answer = requests.request(method, proxy.upstream + path, data=body, headers=headers, timeout=30)
                except requests.RequestException:
                    self.send_response(502)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if method == "POST" and answer.status_code in (200, 204):
                    proxy.posted.append([s["id"] for s in json.loads(body)])
                    if proxy.after_post:
                        proxy.after_post()
                if proxy.delay:  # the LRS has stored the batch; its answer is slow to come back
                    time.sleep(proxy.delay)
                self.send_response(answer.status_code)
                for key in ("Content-Type",):
                    if key in answer.headers:
                        self.send_header(key, answer.headers[key])
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            def _safely(self, method):
                try:
                    self._forward(method)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # Guild stopped waiting (a timeout): what a slow network does

            def do_GET(self):
                self._safely("GET")

            def do_POST(self):
                self._safely("POST")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/xAPI"

    def refuse(self, count=1, status=503):
        self._refusals.extend([status] * count)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def ralph(tmp_path_factory):
    """One real Ralph LRS for the whole run (it starts in about two seconds; its venv is made once)."""
    lrs = RalphLRS(tmp_path_factory.mktemp("ralph")).start()
    yield lrs
    lrs.stop()


@pytest.fixture
def lrs(ralph):
    """Ralph, running (a test may have stopped it), behind a fresh proxy that stands for the network."""
    if not ralph.running:
        ralph.start()
    proxy = LRSProxy(ralph.url)
    yield proxy
    proxy.close()


def stored(ralph, ids):
    """Ralph's stored statements among `ids`, counted per id."""
    counts = {}
    for statement in ralph.statements():
        if statement["id"] in ids:
            counts[statement["id"]] = counts.get(statement["id"], 0) + 1
    return counts
