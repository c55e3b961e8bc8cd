"""Timing tools: medians after a warm-up, a loopback HTTP load generator, a gunicorn server, and
the result rows every scenario returns."""

import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Row:
    """One line of the results table. `guild` and `baseline` are in `unit`; `target` reads like
    "ratio <= 3" and `passed` is True/False, or None for an informational row."""

    scenario: str
    metric: str
    guild: float | None = None
    baseline: float | None = None
    unit: str = "ms"
    target: str = ""
    passed: bool | None = None
    ratio: float | None = None
    skipped: str = ""
    note: str = ""

    def as_dict(self):
        return asdict(self)


def ratio_row(scenario, metric, guild, baseline, *, limit=None, unit="ms", note=""):
    """A row comparing guild with baseline; passes when guild/baseline <= limit (no limit: informational)."""
    ratio = guild / baseline if baseline else None
    passed = None if limit is None or ratio is None else ratio <= limit
    target = f"ratio <= {limit:g}" if limit is not None else "info"
    return Row(scenario, metric, _round(guild), _round(baseline), unit, target, passed, _round(ratio, 2), note=note)


def below_row(scenario, metric, guild, limit, *, unit="ms", note=""):
    """A row with an absolute target: guild < limit."""
    return Row(scenario, metric, _round(guild), None, unit, f"< {limit:g} {unit}", guild < limit, note=note)


def equal_row(scenario, metric, guild, baseline, *, unit="queries", note=""):
    return Row(scenario, metric, guild, baseline, unit, "equal", guild == baseline,
               _round(guild / baseline, 2) if baseline else None, note=note)


def skipped_rows(scenario, metrics, reason):
    return [Row(scenario, metric, unit="", target="", skipped=reason) for metric in metrics]


def _round(value, digits=3):
    return None if value is None else round(float(value), digits)


def ms(seconds):
    return seconds * 1000.0


def percentile(samples, p):
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def sample(fn, *, runs, warmup=1, before=None):
    """Seconds per call of fn(), `runs` times after `warmup` untimed calls. `before` runs untimed
    before each call (e.g. to reset state)."""
    times = []
    for i in range(warmup + runs):
        if before:
            before()
        start = time.perf_counter()
        fn()
        took = time.perf_counter() - start
        if i >= warmup:
            times.append(took)
    return times


def median(samples):
    return statistics.median(samples)


# --- HTTP -------------------------------------------------------------------------------------------


def get(port, path, *, cookie=None, timeout=30):
    """(status, body bytes, seconds) for one GET on loopback, on a fresh connection."""
    headers = {"Host": "127.0.0.1", "Accept-Encoding": "identity"}
    if cookie:
        headers["Cookie"] = cookie
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    return response.status, body, time.perf_counter() - start


def load(port, path, *, cookie=None, requests=200, concurrency=2, warmup=20, max_seconds=120):
    """Latencies (seconds) of `requests` GETs by `concurrency` threads after `warmup` requests.
    Bounded in count and in time; raises if any response is not 200."""
    for _ in range(warmup):
        status, _body, _t = get(port, path, cookie=cookie)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status} during warm-up")
    latencies, errors, lock = [], [], threading.Lock()
    remaining = [requests]
    deadline = time.monotonic() + max_seconds

    def worker():
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] <= 0:
                    return
                remaining[0] -= 1
            try:
                status, _body, took = get(port, path, cookie=cookie)
            except OSError as exc:
                errors.append(str(exc))
                continue
            with lock:
                (latencies if status == 200 else errors).append(took if status == 200 else status)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError(f"GET {path}: {len(errors)} failed requests, e.g. {errors[0]}")
    return latencies


class Server:
    """gunicorn serving guild.wsgi on 127.0.0.1 with the given environment; stopped by its own pid.

    The listening socket is bound here, on a port the kernel picks, and handed to gunicorn
    (`--bind fd://N`): no window in which another process (a parallel test run) takes the port."""

    def __init__(self, env, *, workers=2, log_path=None):
        self.env, self.workers, self.port, self.proc = env, workers, None, None
        self.log_path = log_path

    def __enter__(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(128)
        self.port = self.sock.getsockname()[1]
        fd = self.sock.fileno()
        os.set_inheritable(fd, True)
        self.log = open(self.log_path or os.devnull, "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(  # noqa: S603 - our own interpreter's gunicorn, fixed arguments
            [str(gunicorn), "guild.wsgi:application", "--bind", f"fd://{fd}", "--workers",
             str(self.workers), "--worker-class", "sync", "--timeout", "120", "--log-level", "warning"],
            env=self.env, stdout=self.log, stderr=self.log, pass_fds=(fd,),
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}; see {self.log_path}")
            try:
                get(self.port, "/", timeout=2)  # any answer means it is up
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start within 90 s")

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.sock.close()
        self.log.close()
