"""A small HTTP client with cookies and Django's CSRF login, for tests and the bench that talk to a real server."""

import urllib.parse
from http.client import HTTPConnection


class Session:
    def __init__(self, port, host="127.0.0.1"):
        self.host, self.port, self.cookies = host, port, {}

    def request(self, method, path, body=None, headers=None):
        connection = HTTPConnection(self.host, self.port, timeout=60)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if isinstance(body, dict):
            body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **body})
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
            headers.setdefault("Referer", f"http://{self.host}:{self.port}{path}")
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response.status, data

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data)

    def login(self, username, password):
        self.get("/accounts/login/")
        status, _ = self.post("/accounts/login/", {"username": username, "password": password})
        assert status == 302, f"login as {username} failed ({status})"

    def second_factor(self, recovery_code):
        """Verifies the session with a recovery code, as someone who owes a second factor does."""
        status, _ = self.post("/account/twofactor/recovery/", {"code": recovery_code})
        assert status == 302, f"second factor refused ({status})"
