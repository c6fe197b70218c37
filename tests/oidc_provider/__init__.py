"""A real OpenID provider for the SSO tests: oidc-provider (npm, OpenID Certified) run by the machine's Node.js.

`start()` runs provider.mjs on 127.0.0.1 on a free port with a signing key made here, one static client whose
redirect URIs are ours, and accounts read from a JSON file that the tests may change while it runs.
The fixture `oidc_provider` starts it once for the session and stops it afterwards; `sso` configures the site for
it (tests/test_sso_flow.py, tests/test_sso_browser.py). Without node or the npm package the tests skip with the
reason, and fail under CI=true (`make install` runs `npm ci`; .ci/run installs nodejs and npm).
"""

import copy
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import jwt
import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import SESSION_KEY, get_user_model

from sso import config
from tests.conftest import _require

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "provider.mjs"
PACKAGE = HERE.parent.parent / "node_modules" / "oidc-provider" / "package.json"
CLIENT_ID = "jeugdregio-test"
CLIENT_SECRET = "jeugdregio-test-secret-0123456789abcdef"
KEY_ID = "jeugdregio-test-key"
CALLBACK = "/accounts/sso/callback/"
AFTER_LOGOUT = "/accounts/login/"


def missing():
    """Why the provider cannot run here, or None."""
    if shutil.which("node") is None:
        return "node (Node.js) is not installed"
    version = subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    if int(version.lstrip("v").split(".")[0] or 0) < 20:
        return f"oidc-provider 9 needs Node.js 20 or later, this is {version}"
    if not PACKAGE.exists():
        return "the npm package oidc-provider is not installed (run `npm ci --ignore-scripts`)"
    return None


def make_key():
    """An RSA key as a private JWK: the provider signs with it, and a test can sign with it (or with another)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key))
    jwk.pop("key_ops", None)  # PyJWT says ["sign"]; the provider also verifies with it (the logout's id_token_hint)
    return key, {**jwk, "kid": KEY_ID, "alg": "RS256", "use": "sig"}


@dataclass
class Provider:
    issuer: str
    process: subprocess.Popen
    accounts_file: Path
    key: object  # the private key it signs ID tokens with
    log: Path
    accounts: dict = field(default_factory=dict)

    def add_account(self, sub, login, password="geheim-wachtwoord", **claims):
        """An account at the provider; its claims (email, email_verified, name, groups, …) as given."""
        self.accounts[sub] = {"login": login, "password": password, "claims": claims}
        self._save()
        return sub

    def forget_accounts(self):
        self.accounts.clear()
        self._save()

    def change_claims(self, sub, **claims):
        self.accounts[sub]["claims"].update(claims)
        self._save()

    def _save(self):
        temporary = self.accounts_file.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.accounts))
        temporary.replace(self.accounts_file)  # never half a file for the provider to read

    def stop(self):
        self.process.stdin.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start(redirect_uris, post_logout_redirect_uris, timeout=30):
    folder = Path(tempfile.mkdtemp(prefix="oidc-provider-"))
    accounts_file = folder / "accounts.json"
    accounts_file.write_text("{}")
    log = folder / "provider.log"
    key, jwk = make_key()
    client = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uris": redirect_uris,
        "post_logout_redirect_uris": post_logout_redirect_uris,
    }
    env = {
        **os.environ,
        "OIDC_TEST_CLIENT": json.dumps(client),
        "OIDC_TEST_SIGNING_KEY": json.dumps(jwk),
        "OIDC_TEST_ACCOUNTS_FILE": str(accounts_file),
    }
    with open(log, "wb") as output:  # its warnings too; never a pipe that nobody reads and that fills up
        process = subprocess.Popen(
            ["node", str(SCRIPT)], env=env, stdin=subprocess.PIPE, stdout=output, stderr=subprocess.STDOUT, cwd=HERE
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        for line in log.read_text().splitlines():
            if line.startswith('{"issuer"'):
                return Provider(json.loads(line)["issuer"], process, accounts_file, key, log)
        time.sleep(0.1)
    process.kill()
    process.wait(timeout=10)
    raise RuntimeError(f"the OpenID provider did not start: {log.read_text()}")


# --- Fixtures `oidc_provider` and `sso` (a test module imports oidc_provider_fixture and sso_fixture). ----------

SITE = "http://testserver"  # the test client's site
_running = {}  # redirect sites → the provider for them: one per session, also when two modules use the fixture


def provider_for(*sites):
    """The running provider whose client may redirect to these sites (started on first use)."""
    reason = missing()
    _require(reason is None, reason)
    provider = _running.get(sites)
    if provider is None or provider.process.poll() is not None:
        provider = _running[sites] = start([s + CALLBACK for s in sites], [s + AFTER_LOGOUT for s in sites])
    return provider


@pytest.fixture(scope="session", name="oidc_provider")
def oidc_provider_fixture():
    """The provider, for the test client's site (tests/test_sso_browser.py has its own, for the live server)."""
    provider = provider_for(SITE)
    yield provider
    provider.stop()


@pytest.fixture(name="sso")
def sso_fixture(settings, oidc_provider):
    """SSO configured for the provider, as the environment variables of the README do; no accounts there yet."""
    oidc_provider.forget_accounts()
    settings.OIDC_OP_ISSUER = oidc_provider.issuer
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["form-action"].append(oidc_provider.issuer)
    settings.CONTENT_SECURITY_POLICY = policy
    config.forget()
    yield oidc_provider
    config.forget()


# --- A browser without a browser: the site through Django's test client, the provider over real HTTP. ---------
# One redirect at a time, so a test can stop at the provider's answer (the callback address) and change it.


@dataclass
class Page:
    url: str
    status_code: int
    text: str
    location: str | None  # where a redirect points, absolute


class Visitor:
    def __init__(self, client):
        self.client = client  # the site's cookies (its session)
        self.http = requests.Session()  # the provider's cookies (its session)
        self.http.trust_env = False  # straight to the loopback provider, whatever proxy the environment names

    def get(self, url):
        return self._send("get", url)

    def post(self, url, data):
        return self._send("post", url, data)

    def _send(self, method, url, data=None):
        if url.startswith(SITE):
            response = getattr(self.client, method)(url.removeprefix(SITE), data or {})
            location = response.get("Location")
            text = "" if response.streaming else response.content.decode()
            return Page(url, response.status_code, text, location and urljoin(url, location))
        response = self.http.request(method, url, data=data, allow_redirects=False, timeout=15)
        location = response.headers.get("Location")
        return Page(url, response.status_code, response.text, location and urljoin(url, location))

    def follow(self, page, stop=None):
        """The page at the end of the redirects, or the first address `stop` picks (not requested)."""
        while page.status_code in (301, 302, 303, 307, 308) and page.location:
            if stop is not None and stop(page.location):
                return None, page.location
            page = self.get(page.location)
        return page, None

    def answer(self, login, password="geheim-wachtwoord", next_url=None):
        """Starts signing in at the site and signs in on the provider's page: its answer, not yet delivered."""
        at_callback = lambda url: url.startswith(SITE + CALLBACK)  # noqa: E731
        page, url = self.follow(
            self.get(SITE + "/accounts/sso/login/" + (f"?next={next_url}" if next_url else "")), at_callback
        )
        if url:
            return url  # still signed in at the provider
        action = re.search(r'<form method="post" action="([^"]+)"', page.text)
        assert action, page.text
        page, url = self.follow(
            self.post(urljoin(page.url, action.group(1)), {"login": login, "password": password}), at_callback
        )
        assert url, page.text
        return url

    def deliver(self, url):
        """Takes the provider's answer to the site: the page it ends on."""
        return self.follow(self.get(url))[0]

    def sign_in(self, login, password="geheim-wachtwoord"):
        return self.deliver(self.answer(login, password))

    def forget_site(self):
        self.client.cookies.clear()

    def forget_everything(self):
        """A new browser: signed in neither here nor at the provider."""
        self.client.cookies.clear()
        self.http.cookies.clear()

    @property
    def user(self):
        """The user the site's session is signed in as, or None."""
        session = self.client.session
        return get_user_model().objects.get(pk=session[SESSION_KEY]) if SESSION_KEY in session else None
