"""Real identity providers, one process per test module: the OpenID-Certified oidc-provider (npm) on
Node.js, and pysaml2's IdP (tests/sso/saml_idp.py). Nothing here is mocked.

oidc-provider is installed once with `npm ci` from tests/sso/oidc_idp/package-lock.json into
~/.cache/guild-test-npm/<hash of the lock file> (GUILD_TEST_NPM_CACHE moves it); later runs reuse it.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).parent
OIDC_SRC = HERE / "oidc_idp"
CLIENT_ID, CLIENT_SECRET = "guild-test-client", "guild-test-secret-which-is-long-enough"
OIDC_SLUG, ADMIN_OIDC_SLUG, SAML_SLUG = "acme-oidc", "admin-oidc", "acme-saml"

# The test accounts both providers know (OIDC claim names; the SAML IdP sends the same as attributes).
ACCOUNTS = {
    "ada@acme.test": {
        "email": "ada@acme.test", "email_verified": True, "given_name": "Ada", "family_name": "Lovelace",
        "department": "Platform", "job_title": "Engineer", "manager_email": "grace@acme.test",
        "groups": ["guild-experts", "everyone"],
    },
    "eve@elsewhere.test": {"email": "eve@elsewhere.test", "email_verified": True, "given_name": "Eve"},
    "dora@acme.test": {"email": "dora@acme.test", "email_verified": True, "given_name": "Dora"},
}
MAPPING = {
    "team": "department", "job_role": "job_title", "manager": "manager_email", "roles": "groups",
    "role_values": {"guild-experts": "Expert", "guild-lnd": "L&D admin"}, "email_domains": ["acme.test"],
}


def _read_first_line(proc, what):
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        raise RuntimeError(f"{what} did not start: {proc.stderr.read()[-2000:]}")
    return json.loads(line)


def _stop(proc):
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()


def oidc_provider_dir() -> Path:
    """oidc-provider's node_modules, installed once per lock file version."""
    lock = (OIDC_SRC / "package-lock.json").read_bytes()
    root = Path(os.environ.get("GUILD_TEST_NPM_CACHE", Path.home() / ".cache" / "guild-test-npm"))
    target = root / f"oidc-idp-{hashlib.sha256(lock).hexdigest()[:16]}"
    if not (target / "node_modules" / "oidc-provider" / "package.json").exists():
        if not shutil.which("npm"):
            pytest.fail("npm is needed for the OpenID Connect provider of the SSO tests")
        target.mkdir(parents=True, exist_ok=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(OIDC_SRC / name, target / name)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=target, check=True, timeout=300)
    shutil.copy(OIDC_SRC / "idp.mjs", target / "idp.mjs")  # ESM resolves packages next to the script
    return target


_WARM = []


@pytest.fixture(autouse=True)
def _warm_live_server(request):
    """The live server's first page loads the whole URLconf and templates (seconds on a busy machine):
    done once per run here, not inside a browser's 15-second wait."""
    if "live_server" in request.fixturenames and not _WARM:
        request.getfixturevalue("transactional_db")
        live_server = request.getfixturevalue("live_server")
        urllib.request.urlopen(f"{live_server.url}/accounts/login/", timeout=120).close()
        _WARM.append(True)


@dataclass
class OIDCProvider:
    issuer: str
    client_id: str = CLIENT_ID
    client_secret: str = CLIENT_SECRET


@pytest.fixture(scope="module")
def oidc_idp(live_server):
    redirect_uris = [f"{live_server.url}/accounts/oidc/{slug}/login/callback/" for slug in (OIDC_SLUG, ADMIN_OIDC_SLUG)]
    config = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "redirect_uris": redirect_uris, "accounts": ACCOUNTS}
    proc = subprocess.Popen(
        ["node", "idp.mjs"], cwd=oidc_provider_dir(), env={**os.environ, "GUILD_OIDC_CONFIG": json.dumps(config)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        yield OIDCProvider(issuer=_read_first_line(proc, "oidc-provider")["issuer"])
    finally:
        _stop(proc)


@dataclass
class SAMLProvider:
    base: str
    cert: str

    @property
    def entity_id(self):
        return f"{self.base}/metadata"

    def control(self, **state):
        data = urllib.parse.urlencode({"state": json.dumps(state)}).encode()
        with urllib.request.urlopen(f"{self.base}/_control", data=data, timeout=10) as response:
            return json.loads(response.read())


@pytest.fixture(scope="module")
def saml_idp(live_server, tmp_path_factory):
    if not shutil.which("xmlsec1"):
        pytest.fail("The xmlsec1 tool is needed by pysaml2's IdP (apt-get install xmlsec1)")
    folder = tmp_path_factory.mktemp("saml-idp")
    cert, key = folder / "idp.crt", folder / "idp.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
         "-subj", "/CN=Guild test IdP"], check=True, capture_output=True,
    )
    saml_accounts = {
        login: {"email": c["email"], "givenName": c.get("given_name", ""), "sn": c.get("family_name", ""),
                **{k: c[k] for k in ("department", "job_title", "manager_email", "groups") if k in c}}
        for login, c in ACCOUNTS.items()
    }
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "saml_idp.py"), str(cert), str(key), json.dumps(saml_accounts)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        yield SAMLProvider(base=_read_first_line(proc, "pysaml2 IdP")["base"], cert=cert.read_text())
    finally:
        _stop(proc)


def make_oidc_app(idp, slug=OIDC_SLUG, mapping=MAPPING):
    from allauth.socialaccount.models import SocialApp

    return SocialApp.objects.create(
        provider="openid_connect", provider_id=slug, name="Acme (OpenID Connect)", client_id=idp.client_id,
        secret=idp.client_secret, settings={"server_url": idp.issuer, "guild": mapping},
    )


def make_saml_app(idp, live_server, slug=SAML_SLUG, mapping=MAPPING, idp_initiated=False):
    from allauth.socialaccount.models import SocialApp

    app = SocialApp.objects.create(
        provider="saml", provider_id=slug, client_id=slug, name="Acme (SAML)",
        settings={
            "idp": {"entity_id": idp.entity_id, "sso_url": f"{idp.base}/sso/redirect",
                    "slo_url": f"{idp.base}/slo/redirect", "x509cert": idp.cert},
            # pysaml2 sends the standard attributes under their OID names, the others as named
            "attribute_mapping": {"email": "urn:oid:1.2.840.113549.1.9.1.1", "first_name": "urn:oid:2.5.4.42",
                                  "last_name": "urn:oid:2.5.4.4"},
            "advanced": {"reject_idp_initiated_sso": not idp_initiated},
            "guild": mapping,
        },
    )
    idp.control(mode="normal", sp_metadata_url=f"{live_server.url}/accounts/saml/{slug}/metadata/")
    return app


@pytest.fixture
def acme(db):
    """The organisation the claims name: the Platform team, whose manager is Grace, and the Engineer job role."""
    from guild.people.models import Team
    from guild.people.roles import Role
    from guild.skills.models import JobRole
    from tests.support.people import make_user

    grace = make_user(Role.MANAGER, email="grace@acme.test", first_name="Grace")
    platform = Team.add_root(name="Platform", slug="platform")
    JobRole.objects.create(name="Engineer", slug="engineer")
    return {"grace": grace, "team": platform}
