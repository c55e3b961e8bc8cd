"""Answers remembered for the length of one request, so that what many admin components each ask
again (who authors this course? was this page ever published?) costs one query per request.

Outside a request (services, tasks, shells, most tests) nothing is remembered and every call
computes afresh. Whoever changes the answer forgets it (e.g. on save of the rows it reads)."""

from contextvars import ContextVar

_memo: ContextVar[dict | None] = ContextVar("guild_request_memo", default=None)


def remember(key, compute):
    """compute(), remembered under `key` until the request ends (or forget(key))."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget(key) -> None:
    memo = _memo.get()
    if memo is not None:
        memo.pop(key, None)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
