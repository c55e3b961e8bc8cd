"""A real SAML 2.0 identity provider for Guild's SSO tests: pysaml2's IdP, run as its own process.

    python tests/sso/saml_idp.py CERT KEY ACCOUNTS_JSON

prints {"base": "http://127.0.0.1:PORT"} on its first line. pysaml2 builds, signs (with the xmlsec1
tool) and posts the responses; the tests only choose, through POST /_control, how this IdP misbehaves
for the bad cases: "unsigned" (no signature on the assertion), "expired" (its lifetime over ten
minutes ago) or "wrong_audience" (meant for another service). It reads the SP's metadata from the
URL the tests give it, as an administrator would paste it.

Endpoints: /metadata, /sso/redirect (SP-initiated), /idp-initiated?sp=ENTITY (IdP-initiated),
/sso/login (its sign-in form posts here), /slo/redirect (single logout started at the SP, and the SP's
answer to one started here), /idp-logout?sp=ENTITY&login=EMAIL (single logout started at the IdP: a
signed LogoutRequest sent to the SP through the browser).
"""

import html
import json
import sys
import urllib.request
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.config import IdPConfig
from saml2.metadata import create_metadata_string
from saml2.s_utils import decode_base64_and_inflate
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_EMAILADDRESS, NameID
from saml2.server import Server

CERT, KEY, ACCOUNTS = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
STATE = {"mode": "normal", "sp_metadata_url": ""}
BASE = ""


def server(mode="normal"):
    lifetime = {"minutes": -10} if mode == "expired" else {"minutes": 5}
    conf = {
        "entityid": f"{BASE}/metadata",
        "service": {
            "idp": {
                "endpoints": {
                    "single_sign_on_service": [(f"{BASE}/sso/redirect", BINDING_HTTP_REDIRECT)],
                    "single_logout_service": [(f"{BASE}/slo/redirect", BINDING_HTTP_REDIRECT)],
                },
                "policy": {"default": {"lifetime": lifetime, "attribute_restrictions": None, "name_form": NAME_FORMAT_URI}},
                "name_id_format": [NAMEID_FORMAT_EMAILADDRESS],
                "want_authn_requests_signed": False,
            }
        },
        "key_file": KEY,
        "cert_file": CERT,
        "xmlsec_binary": "/usr/bin/xmlsec1",
        "metadata": {"inline": [_sp_metadata()]} if STATE["sp_metadata_url"] else {},
    }
    config = IdPConfig()
    config.load(conf)
    return Server(config=config)


def _sp_metadata():
    with urllib.request.urlopen(STATE["sp_metadata_url"], timeout=10) as response:
        return response.read().decode()


def _page(body, status="200 OK", headers=()):
    return status, [("Content-Type", "text/html; charset=utf-8"), *headers], f"<!doctype html><html><body>{body}</body></html>"


def _login_form(fields):
    hidden = "".join(f'<input type="hidden" name="{k}" value="{html.escape(v)}">' for k, v in fields.items())
    return _page(
        '<h1>Test IdP</h1><form method="post" action="/sso/login">'
        f'{hidden}<label>Username <input name="login"></label><button type="submit">Sign in to IdP</button></form>'
    )


def _respond(idp, login, in_response_to, acs_url, sp_entity_id, relay_state):
    claims = ACCOUNTS.get(login)
    if claims is None:
        return _page("<p>Unknown user</p>", "403 Forbidden")
    mode = STATE["mode"]
    identity = {k: v if isinstance(v, list) else [v] for k, v in claims.items()}
    response = idp.create_authn_response(
        identity,
        in_response_to=in_response_to,
        destination=acs_url,
        # The audience is the SP named here: another service's, for the wrong-audience case.
        sp_entity_id="https://another-service.example/" if mode == "wrong_audience" else sp_entity_id,
        name_id=NameID(format=NAMEID_FORMAT_EMAILADDRESS, text=claims["email"]),
        authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"},
        sign_assertion=mode != "unsigned",
        sign_response=False,
        sign_alg="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",  # python3-saml refuses SHA-1
        digest_alg="http://www.w3.org/2001/04/xmlenc#sha256",
    )
    args = idp.apply_binding(BINDING_HTTP_POST, str(response), acs_url, relay_state, response=True)
    return "200 OK", list(args["headers"]) or [("Content-Type", "text/html")], args["data"]


def route(environ):
    path, method = environ["PATH_INFO"], environ["REQUEST_METHOD"]
    query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
    form = {}
    if method == "POST":
        size = int(environ.get("CONTENT_LENGTH") or 0)
        form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(size).decode()).items()}
    if path == "/_control":
        STATE.update(json.loads(form.get("state", "{}")))
        return "200 OK", [("Content-Type", "application/json")], json.dumps(STATE)
    if path == "/metadata":
        return "200 OK", [("Content-Type", "text/xml")], create_metadata_string(None, server().config, sign=False).decode()
    idp = server(STATE["mode"])
    if path == "/sso/redirect":
        return _login_form({"SAMLRequest": query["SAMLRequest"], "RelayState": query.get("RelayState", "")})
    if path == "/idp-initiated":
        return _login_form({"sp": query["sp"], "RelayState": query.get("RelayState", "")})
    if path == "/sso/login":
        if form.get("SAMLRequest"):
            request = idp.parse_authn_request(form["SAMLRequest"], BINDING_HTTP_REDIRECT).message
            sp, acs, in_response_to = request.issuer.text, request.assertion_consumer_service_url, request.id
        else:
            sp, in_response_to = form["sp"], None
            acs = idp.metadata.assertion_consumer_service(sp, BINDING_HTTP_POST)[0]["location"]
        return _respond(idp, form.get("login", ""), in_response_to, acs, sp, form.get("RelayState", ""))
    if path == "/idp-logout":
        sp = query["sp"]
        destination = idp.metadata.single_logout_service(sp, BINDING_HTTP_REDIRECT, "spsso")[0]["location"]
        _id, request = idp.create_logout_request(
            destination, issuer_entity_id=sp, name_id=NameID(format=NAMEID_FORMAT_EMAILADDRESS, text=query["login"]))
        args = idp.apply_binding(BINDING_HTTP_REDIRECT, str(request), destination, "", sign=True,
                                 sigalg="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")
        return "302 Found", list(args["headers"]), ""
    if path == "/slo/redirect" and "SAMLResponse" in query:  # the SP's answer to /idp-logout
        answer = decode_base64_and_inflate(query["SAMLResponse"]).decode()
        status = "Success" if "urn:oasis:names:tc:SAML:2.0:status:Success" in answer else "Failure"
        return _page(f"<h1>Signed out</h1><p>LogoutResponse: {status}</p>")
    if path == "/slo/redirect":
        request = idp.parse_logout_request(query["SAMLRequest"], BINDING_HTTP_REDIRECT)
        response = idp.create_logout_response(request.message, [BINDING_HTTP_REDIRECT])
        destination = idp.metadata.single_logout_service(request.message.issuer.text, BINDING_HTTP_REDIRECT, "spsso")[0]["location"]
        args = idp.apply_binding(BINDING_HTTP_REDIRECT, str(response), destination, query.get("RelayState", ""), response=True)
        return "302 Found", list(args["headers"]), ""
    return _page("<p>Not found</p>", "404 Not Found")


def app(environ, start_response):
    try:
        status, headers, body = route(environ)
    except Exception as exc:  # noqa: BLE001 — shown to the test, which fails on it
        status, headers, body = "500 Internal Server Error", [("Content-Type", "text/plain")], f"IdP error: {exc!r}"
    start_response(status, headers)
    return [body.encode() if isinstance(body, str) else body]


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


if __name__ == "__main__":
    httpd = make_server("127.0.0.1", 0, app, server_class=WSGIServer, handler_class=_Quiet)
    BASE = f"http://127.0.0.1:{httpd.server_port}"
    print(json.dumps({"base": BASE}), flush=True)
    httpd.serve_forever()
