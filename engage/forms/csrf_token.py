"""The CSRF token of a respondent's form, signed only if the form is drawn.

Flask-WTF signs a fresh token whenever a form is built, posted or not. A survey page's POST
builds its form to check the post, and a good post is answered with a redirect, so the token it
signed went unused on every page a respondent saved. Here the field holds a token that is signed
the first time the form is drawn (an error page), as Flask-WTF would have signed it; checking the
posted token is unchanged.
"""
from flask_wtf import csrf as wtf_csrf
from flask_wtf.csrf import _FlaskFormCSRF
from markupsafe import escape


class TokenWhenDrawn:
    """Stands for the form's CSRF token; signs it on first use as text."""

    def __init__(self, sign) -> None:
        self._sign, self._token = sign, None

    def __str__(self) -> str:
        if self._token is None:
            self._token = self._sign()
        return self._token

    def __html__(self) -> str:
        return str(escape(str(self)))

    def __eq__(self, other: object) -> bool:
        return str(self) == other

    def __hash__(self) -> int:
        return hash(str(self))


class CSRFSignedWhenDrawn(_FlaskFormCSRF):
    """Flask-WTF's form CSRF, with the token signed only when the form is drawn."""

    def generate_csrf_token(self, csrf_token_field):
        # Only plain values in the closure: a form, field or token referring back to each other
        # would be garbage the collector has to find, instead of freed when the request ends.
        secret, name = self.meta.csrf_secret, self.meta.csrf_field_name
        return TokenWhenDrawn(lambda: wtf_csrf.generate_csrf(secret_key=secret, token_key=name))
