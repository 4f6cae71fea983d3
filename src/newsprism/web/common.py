"""What the web app's feature routers share: the store path, settings, templates, the write token
and the compare job runner. Routes only call library functions and render; no SQL and no logic here.

Write actions (POST, DELETE) need the write token when the server is bound beyond loopback (``newsprism
serve`` makes one and prints it); on loopback none is needed. Every write also refuses a cross-site
request: an ``Origin`` header that names another host than the one asked (a page elsewhere posting to
this server)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..settings import Settings
from .jobs import CompareJobs

TEMPLATES = Path(__file__).parent / "templates"
TOKEN_HEADER = "x-newsprism-token"
# The app's CSP (every page, set by app.py's middleware): no source outside this server, inline styles, scripts only by hash.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; script-src {scripts}")
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def csp_for(page: str) -> str:
    """A stored report's CSP: its own inline scripts allowed by their SHA-256, nothing else."""
    hashes = [base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in _SCRIPT.findall(page)]
    return CSP.format(scripts=" ".join(f"'sha256-{h}'" for h in hashes) or "'none'")


@dataclass
class WebContext:
    db: str
    settings: Settings
    env: Environment
    jobs: CompareJobs
    token: str | None = None

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(name).render(token_needed=self.token is not None, **context),
                            status_code=status)

    def check_write(self, request: Request, given: str | None = None) -> None:
        """Refuse a cross-site write (403), and a write without the token when one is required (401)."""
        origin = request.headers.get("origin")
        fetch_site = request.headers.get("sec-fetch-site")
        foreign = (fetch_site in ("cross-site", "same-site")
                   or (origin is not None and origin != "null"
                       and urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower())
                   # the app's no-referrer policy makes a browser send "Origin: null"; then only the
                   # browser's own Sec-Fetch-Site can vouch for the page
                   or (origin == "null" and fetch_site != "same-origin"))
        if foreign:
            raise HTTPException(status_code=403, detail="cross-site request refused")
        if self.token is None:
            return
        token = given or request.headers.get(TOKEN_HEADER) or ""
        if not hmac.compare_digest(token.encode(), self.token.encode()):
            raise HTTPException(status_code=401, detail="this server needs its write token for changes "
                                                        f"(form field 'token' or header {TOKEN_HEADER})")


def make_env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]),
                       trim_blocks=True, lstrip_blocks=True)
