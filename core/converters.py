"""Path converters: a URL part that is not of its shape is a 404 before any view or query sees it."""


class TokenConverter:
    """A secret token as secrets.token_urlsafe makes it (calendar links)."""

    regex = r"[A-Za-z0-9_-]{16,64}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
