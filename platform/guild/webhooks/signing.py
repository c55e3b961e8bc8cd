"""Signatures on deliveries, as Stripe and GitHub do it: an HMAC-SHA256, keyed with the endpoint's
secret, of "<timestamp>.<raw body>", sent as `Guild-Signature: t=<timestamp>,v1=<hex digest>`. The
timestamp in the signed text lets a receiver refuse an old delivery replayed by someone else."""

import hashlib
import hmac
import time

HEADER = "Guild-Signature"
TOLERANCE_SECONDS = 300


def signature(secret: str, timestamp: int, body: bytes) -> str:
    signed = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def header_value(secret: str, body: bytes, *, timestamp: int | None = None) -> str:
    timestamp = int(time.time()) if timestamp is None else timestamp
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


def verify(secret: str, header: str, body: bytes, *, now: float | None = None, tolerance=TOLERANCE_SECONDS) -> bool:
    """What a receiver does (docs/api.md shows it): the signature matches and is recent."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    now = time.time() if now is None else now
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), parts.get("v1", ""))
