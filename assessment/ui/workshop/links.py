"""Join links and their QR code, built from the address the facilitator sees.

Behind a proxy the browser's address may not be what participants can reach, so
``ASSESS_PUBLIC_URL`` (e.g. ``https://assess.example.com``) overrides it.

A join link carries ``?lang=`` (the facilitator's language, or the shared screen's): the
Join page opens in it, and each participant can switch their phone to their own.
"""

from __future__ import annotations

import io
from urllib.parse import urlencode

import segno
import streamlit as st

from assessment.store.limits import client_address, trusted_proxies
from assessment.ui.language import LANG_PARAM
from assessment.ui.resume import app_root
from assessment.ui.routes import JOIN_PATH


def origin() -> str:
    return app_root(st.context.url)


def page_url(path: str, **params: str) -> str:
    query = f"?{urlencode(params)}" if params else ""
    return f"{origin()}/{path}{query}"


def join_url(code: str, lang: str | None = None) -> str:
    """The Join page with the code filled in, opening in ``lang`` when given."""
    if lang:
        return page_url(JOIN_PATH, code=code, **{LANG_PARAM: lang})
    return page_url(JOIN_PATH, code=code)


def qr_png(text: str, scale: int = 10) -> bytes:
    """A QR code as PNG bytes (drawn locally: nothing is fetched from anywhere)."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def client_key() -> str:
    """Who is trying to join, for the join limiter: the connection's own address.

    ``X-Forwarded-For`` counts only when the connection comes from a proxy listed in
    ``ASSESS_TRUSTED_PROXIES`` (see :mod:`assessment.store.limits`); otherwise anyone
    could claim any address. Raises ``LimitsError`` when that setting is malformed.
    """
    headers = st.context.headers
    forwarded = headers.get_all("X-Forwarded-For") if headers else []
    return "ip:" + client_address(st.context.ip_address, forwarded, trusted_proxies())
