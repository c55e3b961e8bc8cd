import pytest

from guild.people.tokens import create_token


@pytest.fixture
def scim_token(ld_admin, settings):
    """The plain text of a token with only the "scim" scope, as an identity provider holds it."""
    settings.GUILD_SCIM_THROTTLE_RATE = "100000/min"  # the API's rate is tested in test_scim_auth
    return create_token(user=ld_admin, name="identity provider", scopes="scim")[1]


@pytest.fixture
def scim(client, scim_token):
    """A Django test client speaking SCIM with the token: scim.get("/Users"), scim.patch(...)."""
    import json

    class Scim:
        def __init__(self):
            self.auth = {"HTTP_AUTHORIZATION": f"Bearer {scim_token}"}

        def _send(self, method, path, body=None, raw=None, **extra):
            data = raw if raw is not None else (json.dumps(body) if body is not None else None)
            kwargs = {"content_type": "application/scim+json"} if data is not None else {}
            return getattr(client, method)(f"/scim/v2{path}", data=data, **kwargs, **{**self.auth, **extra})

        def get(self, path, params=None, **extra):
            return client.get(f"/scim/v2{path}", data=params, **{**self.auth, **extra})

        def post(self, path, body=None, **kw):
            return self._send("post", path, body, **kw)

        def put(self, path, body=None, **kw):
            return self._send("put", path, body, **kw)

        def patch(self, path, body=None, **kw):
            return self._send("patch", path, body, **kw)

        def delete(self, path, **extra):
            return client.delete(f"/scim/v2{path}", **{**self.auth, **extra})

    return Scim()
