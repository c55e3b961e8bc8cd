"""Container healthcheck for web: GET each path from gunicorn on loopback, as the TLS proxy would
(an allowed Host, X-Forwarded-Proto: https), and exit 1 unless every one answers 200.

    python platform/scripts/http_check.py /healthz /accounts/login/

/healthz covers the database, broker and workers; a rendered page covers templates and the static
files manifest, which /healthz never touches. Standard library only: no Django start-up per check."""

import os
import sys
import urllib.error
import urllib.request


def allowed_host() -> str:
    for host in os.environ.get("ALLOWED_HOSTS", "").split(","):
        host = host.strip()
        if host and host != "*":
            return host.lstrip(".")  # ".example.com" allows example.com itself
    return "localhost"


def status(path: str, port: str) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": allowed_host(), "X-Forwarded-Proto": "https"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - loopback, fixed scheme
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def main(paths: list[str]) -> int:
    port = os.environ.get("GUILD_HTTP_PORT", "8000")
    failed = [(path, code) for path in paths or ["/healthz"] if (code := status(path, port)) != 200]
    for path, code in failed:
        print(f"{path}: {code or 'no answer'}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
