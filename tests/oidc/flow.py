"""Drive the provider's own sign-in pages as a browser would, up to the redirect back to engage."""
from urllib.parse import urljoin

import requests

from tests.oidc.conftest import CALLBACK


def sign_in_at_provider(authorize_url: str, login: str) -> str:
    """Follow the provider from its authorize URL, signing in as `login` and consenting; return
    the callback URL (with code and state) it sends the browser back to."""
    with requests.Session() as browser:
        return _follow(browser, authorize_url, login)


def _follow(browser, url: str, login: str) -> str:
    for _step in range(12):
        response = browser.get(url, allow_redirects=False, timeout=10)
        if response.is_redirect:
            url = urljoin(url, response.headers["Location"])
            if url.startswith(CALLBACK) or url.startswith("http://localhost/"):
                return url
            continue
        prompt = "login" if 'name="login"' in response.text else "consent"
        data = {"prompt": prompt, "login": login, "password": "any"} if prompt == "login" else {"prompt": prompt}
        posted = browser.post(url, data=data, allow_redirects=False, timeout=10)
        url = urljoin(url, posted.headers["Location"])
    raise AssertionError("the provider never sent the browser back")
