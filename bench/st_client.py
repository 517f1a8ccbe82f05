"""A minimal Streamlit client speaking the app's real WebSocket protocol.

HTTP load tools cannot drive Streamlit: every interaction is a protobuf ``BackMsg`` on the
``/_stcore/stream`` WebSocket, answered by a stream of ``ForwardMsg`` deltas ending in
``script_finished``. This client sends a rerun with one changed widget (as the browser
does after a click) and measures the round trip until the script has finished, collecting
the widgets the page drew so the next answer can target them by key.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED_WITH_COMPILE_ERROR = 1  # ForwardMsg.ScriptFinishedStatus values
FINISHED_EARLY_FOR_RERUN = 2
FINISHED_FRAGMENT_RUN = 3


@dataclass
class Widget:
    id: str
    kind: str
    label: str
    options: list[str] = field(default_factory=list)
    shown: str | None = None
    """For a choice widget: the option label the page shows as selected."""
    fragment_id: str = ""
    """The fragment the widget was drawn in (``""`` outside fragments): a change to it
    asks for a rerun of that fragment only, as the browser does."""


@dataclass
class PageRun:
    seconds: float
    widgets: dict[str, Widget]
    errors: list[str]
    texts: list[str]
    raw: list[bytes] = field(default_factory=list)
    fragment_run: bool = False
    """Whether the server ran fragments only (not the whole page)."""
    fragments: list[str] = field(default_factory=list)
    """The fragments whose elements this run sent, in order of first appearance."""


class StreamlitClient:
    """One browser-like session. Use as ``async with StreamlitClient(url) as c``."""

    def __init__(
        self, base_url: str, timeout: float = 30.0, headers: dict[str, str] | None = None
    ) -> None:
        self.base = base_url.rstrip("/")
        self.timeout = timeout
        self.headers = headers or {}
        """Sent with the WebSocket handshake (e.g. a load balancer's sticky cookie)."""
        self._ws: Any = None
        self.widgets: dict[str, Widget] = {}
        self.session_id = ""
        """The server's id for this session (from ``new_session``): uploads name it."""
        self._page = ("", "")
        """(page name asked for, the server's hash of that page): sent back like the
        browser does, so a callback's ``st.rerun()`` reruns the page, not the default."""

    async def __aenter__(self) -> StreamlitClient:
        ws_url = self.base.replace("http://", "ws://") + "/_stcore/stream"
        self._ws = await websockets.connect(
            ws_url,
            subprotocols=[websockets.Subprotocol("streamlit")],
            origin=websockets.Origin(self.base),
            max_size=None,
            open_timeout=self.timeout,
            ping_interval=None,
            additional_headers=self.headers or None,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._ws is not None:
            await self._ws.close()

    async def run(
        self,
        page: str,
        query: str = "",
        states: list[tuple[str, str, Any]] | None = None,
    ) -> PageRun:
        """Rerun ``page`` with widget changes ``(widget key, value kind, value)``.

        Value kinds are WidgetState fields: ``int_value``, ``bool_value``,
        ``trigger_value``, ``double_value``, ``string_value``, or a message field such as
        ``file_uploader_state_value`` (the value is then a protobuf message, copied in).
        """
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = page
        if self._page[0] == page and self._page[1]:
            msg.rerun_script.page_script_hash = self._page[1]
        msg.rerun_script.context_info.timezone = "UTC"
        for key, field_name, value in states or []:
            state = msg.rerun_script.widget_states.widgets.add()
            state.id = self.widgets[key].id
            if self.widgets[key].fragment_id:
                msg.rerun_script.fragment_id = self.widgets[key].fragment_id
            if hasattr(value, "SerializeToString"):
                getattr(state, field_name).CopyFrom(value)
            else:
                setattr(state, field_name, value)
        start = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        widgets: dict[str, Widget] = {}
        errors: list[str] = []
        texts: list[str] = []
        messages: list[bytes] = []
        fragments: dict[str, None] = {}
        while True:
            raw = await _recv(self._ws, self.timeout)
            messages.append(raw)
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            kind = fm.WhichOneof("type")
            if kind == "new_session":
                self.session_id = fm.new_session.initialize.session_id
            if kind == "navigation":  # the page the app's st.navigation chose
                self._page = (page, fm.navigation.page_script_hash)
            if kind == "delta" and fm.delta.fragment_id:
                fragments[fm.delta.fragment_id] = None
            if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                element = fm.delta.new_element
                element_type = element.WhichOneof("type")
                if element_type is None:
                    continue
                etype: str = element_type
                sub: Any = getattr(element, etype)
                if etype == "exception":
                    errors.append(f"{sub.type}: {sub.message}")
                elif etype == "alert" and sub.format == 1:  # ERROR
                    errors.append(sub.body)
                elif etype == "markdown":
                    texts.append(sub.body)
                wid = getattr(sub, "id", "")
                if wid.startswith("$$ID-"):
                    user_key = wid.split("-", 2)[-1]
                    widgets[user_key] = Widget(
                        wid,
                        etype,
                        getattr(sub, "label", ""),
                        list(getattr(sub, "options", [])),
                        _shown(sub),
                        fm.delta.fragment_id,
                    )
            elif kind == "script_finished":
                status = fm.script_finished
                if status == FINISHED_EARLY_FOR_RERUN:
                    messages.clear()  # a callback asked for st.rerun(): another run follows
                    fragments.clear()
                    continue
                if status == FINISHED_WITH_COMPILE_ERROR:
                    errors.append("script compile error")
                seconds = time.perf_counter() - start
                if status != FINISHED_FRAGMENT_RUN:
                    self.widgets = widgets
                else:
                    self.widgets.update(widgets)
                return PageRun(
                    seconds,
                    widgets,
                    errors,
                    texts,
                    messages,
                    status == FINISHED_FRAGMENT_RUN,
                    list(fragments),
                )


def _shown(sub: Any) -> str | None:
    """The selected label of a radio or selectbox as drawn (None when nothing is)."""
    options = list(getattr(sub, "options", []))
    fields = {f.name for f, _ in sub.ListFields()}
    if "raw_value" in fields:
        return str(sub.raw_value)
    if "default" in fields and options:
        index = sub.default
        if isinstance(index, int) and 0 <= index < len(options):
            return str(options[index])
    return None


async def _recv(ws: Any, timeout: float) -> bytes:
    import asyncio

    data = await asyncio.wait_for(ws.recv(), timeout)
    if isinstance(data, str):
        raise RuntimeError(f"unexpected text frame: {data[:80]}")
    return bytes(data)
