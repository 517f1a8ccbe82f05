"""Who is joining, and how much joining is allowed: the join limiter's settings.

**The client's address.** Streamlit reports the socket peer of the WebSocket
(``st.context.ip_address``). Behind a reverse proxy that peer is the proxy, and the
client's address is in ``X-Forwarded-For``, but anyone can send that header: trusting it
from everybody let one machine pose as a thousand addresses (or as its victim). So the
header is read only when the peer is one of the proxies listed in
``ASSESS_TRUSTED_PROXIES`` (IP addresses or CIDR ranges, comma-separated; default none),
and then from the right: each trusted proxy appends the address it saw, so the right-most
entry that is *not* a trusted proxy is the first address nobody we trust vouches for
beyond. Entries to its left were written by the client and are ignored.

IPv6 clients are counted per /64 network: one household or phone usually holds a whole
/64, so counting single addresses would let one device rotate through millions of them.

**The limits** come from the environment (documented in docs/DEPLOY.md) and are read when
a join is attempted, so tests and operators can change them without a restart. A bad
value is a :class:`LimitsError` whose message names the setting.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

TRUSTED_PROXIES_ENV = "ASSESS_TRUSTED_PROXIES"
LOOPBACK = "127.0.0.1"
UNKNOWN = "unknown"


class LimitsError(ValueError):
    """A limiter setting in the environment is not usable; the message names it."""


@dataclass(frozen=True)
class JoinLimits:
    """How many join attempts are allowed; every number is configurable (see DEPLOY.md)."""

    failed_per_address: int = 20
    """Wrong codes from one address (IPv6: one /64) within ``window_minutes``."""
    failed_total: int = 200
    """Wrong codes from all addresses together within ``window_minutes``; once exceeded,
    an address that has guessed wrong even once is refused until the window passes."""
    window_minutes: int = 10
    joins_per_minute: int = 240
    """People joining one workshop within one minute (a room arriving at once fits)."""
    max_participants: int = 500
    """People in one workshop in total."""
    max_age_days: int = 30
    """A workshop older than this takes no new participants."""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> JoinLimits:
        env = os.environ if environ is None else environ
        values: dict[str, int] = {}
        for name, setting in _SETTINGS.items():
            raw = env.get(setting, "").strip()
            if not raw:
                continue
            try:
                number = int(raw)
            except ValueError:
                number = 0
            if number < 1:
                raise LimitsError(
                    f"The setting {setting} must be a whole number of at least 1, found {raw!r}."
                )
            values[name] = number
        return cls(**values)


_SETTINGS = {
    "failed_per_address": "ASSESS_JOIN_MAX_FAILED_PER_ADDRESS",
    "failed_total": "ASSESS_JOIN_MAX_FAILED_TOTAL",
    "window_minutes": "ASSESS_JOIN_WINDOW_MINUTES",
    "joins_per_minute": "ASSESS_WORKSHOP_JOINS_PER_MINUTE",
    "max_participants": "ASSESS_WORKSHOP_MAX_PARTICIPANTS",
    "max_age_days": "ASSESS_WORKSHOP_MAX_AGE_DAYS",
}
SETTINGS = dict(_SETTINGS)
"""Field name → environment variable, for the documentation test."""


def parse_proxies(text: str) -> tuple[IPNetwork, ...]:
    """``ASSESS_TRUSTED_PROXIES`` as networks; a bad entry is a :class:`LimitsError`."""
    networks: list[IPNetwork] = []
    for part in text.split(","):
        entry = part.strip()
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise LimitsError(
                f"The setting {TRUSTED_PROXIES_ENV} lists {entry!r}, which is not an IP "
                "address or network (e.g. 10.0.0.5 or 10.0.0.0/24)."
            ) from None
    return tuple(networks)


def trusted_proxies(environ: dict[str, str] | None = None) -> tuple[IPNetwork, ...]:
    env = os.environ if environ is None else environ
    return parse_proxies(env.get(TRUSTED_PROXIES_ENV, ""))


def _address(text: str) -> IPAddress | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":", 1)[0]
    try:
        found = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(found, ipaddress.IPv6Address) and found.ipv4_mapped is not None:
        return found.ipv4_mapped
    return found


def _trusted(address: IPAddress, proxies: Sequence[IPNetwork]) -> bool:
    return any(address.version == net.version and address in net for net in proxies)


def client_address(
    peer: str | None, forwarded_for: Iterable[str], proxies: Sequence[IPNetwork]
) -> str:
    """The address to count a join attempt against (see the module's docstring).

    ``peer`` is the socket peer (``None`` means loopback, as Streamlit reports it);
    ``forwarded_for`` the ``X-Forwarded-For`` header values in the order received.
    """
    current = _address(peer) if peer else _address(LOOPBACK)
    if current is None:
        return UNKNOWN
    if _trusted(current, proxies):
        hops = [hop for value in forwarded_for for hop in value.split(",") if hop.strip()]
        for hop in reversed(hops):
            found = _address(hop)
            if found is None:
                # Garbage a trusted proxy passed on from the client: stop here, at the
                # last address a trusted proxy vouched for.
                break
            current = found
            if not _trusted(found, proxies):
                break
    return _bucket(current)


def _bucket(address: IPAddress) -> str:
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False))
    return str(address)
