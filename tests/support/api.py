"""Calling /api/ as an integrator does: with a bearer token made through the tokens service.

    headers = token_headers(ld_admin, "read,admin")
    client.get("/api/enrolments/", **headers)
"""

import itertools

__all__ = ["bearer", "token_headers"]

_tokens = itertools.count(1)


def bearer(plaintext):
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def token_headers(user, scopes="read"):
    """Headers carrying a new token of `user`'s with `scopes`."""
    from guild.people.tokens import create_token

    return bearer(create_token(user=user, name=f"integrator {scopes} {next(_tokens)}", scopes=scopes)[1])
