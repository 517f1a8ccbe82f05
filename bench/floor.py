"""Build the "floor" app: a bare Streamlit script drawing the same elements, no logic.

The rerun budget compares a page of ours with the framework's own cost for the same
widgets. Rather than hand-write a look-alike, the floor is generated from what the real
page actually sent over the wire (element types, labels, options, nesting), so it stays
honest as the page changes. Blocks become plain containers; everything else is drawn by
the matching Streamlit call with the same label, options and key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass
class Node:
    kind: str
    code: str = ""
    children: dict[int, Node] = field(default_factory=dict)


def _key(sub: Any) -> str | None:
    wid = getattr(sub, "id", "")
    return wid.split("-", 2)[-1] if wid.startswith("$$ID-") else None


def element_code(element: Any) -> str:
    """One Streamlit call that draws an element like ``element`` (a proto Element)."""
    etype = element.WhichOneof("type")
    if etype is None:
        return ""
    sub: Any = getattr(element, etype)
    key = _key(sub)
    k = f", key={key!r}" if key else ""
    if etype == "markdown":
        return f"st.markdown({sub.body!r})"
    if etype == "heading":
        return f"st.markdown({('## ' + sub.body)!r})"
    if etype == "radio":
        captions = list(sub.captions) if sub.captions else None
        return (
            f"st.radio({sub.label!r}, {list(sub.options)!r}, index=None, captions={captions!r}{k})"
        )
    if etype == "checkbox":
        return f"st.checkbox({sub.label!r}{k})"
    if etype == "button":
        return f"st.button({sub.label!r}{k})"
    if etype == "download_button":
        return f"st.download_button({sub.label!r}, data=b'floor'{k})"
    if etype == "number_input":
        return f"st.number_input({sub.label!r}, value=None{k})"
    if etype == "text_input":
        return f"st.text_input({sub.label!r}{k})"
    if etype == "text_area":
        return f"st.text_area({sub.label!r}{k})"
    if etype == "selectbox":
        return f"st.selectbox({sub.label!r}, {list(sub.options)!r}{k})"
    if etype == "multiselect":
        return f"st.multiselect({sub.label!r}, {list(sub.options)!r}{k})"
    if etype in ("slider",):
        return f"st.select_slider({sub.label!r}, {list(sub.options) or [0, 1]!r}{k})"
    if etype == "progress":
        return f"st.progress({sub.value})"
    if etype == "alert":
        return f"st.info({sub.body!r})"
    if etype == "code":
        return f"st.code({sub.code_text!r})"
    if etype == "plotly_chart":
        return f"st.plotly_chart(pio.from_json({sub.spec!r}){k})"
    if etype == "link_button":
        return f"st.link_button({sub.label!r}, {sub.url!r})"
    if etype == "page_link":
        return f"st.markdown({sub.label!r})"
    if etype == "empty":
        return "st.empty()"
    return ""


def tree_from(messages: list[bytes]) -> dict[int, Node]:
    """Rebuild the element trees of one script run (0 main area, 1 sidebar)."""
    roots = {0: Node("root"), 1: Node("root")}
    for raw in messages:
        fm = ForwardMsg()
        fm.ParseFromString(raw)
        if fm.WhichOneof("type") != "delta":
            continue
        path = list(fm.metadata.delta_path)
        if not path or path[0] not in roots:
            continue
        parent = roots[path[0]]
        for index in path[1:-1]:
            parent = parent.children.setdefault(index, Node("block"))
        last = path[-1]
        kind = fm.delta.WhichOneof("type")
        if kind == "add_block":
            parent.children[last] = Node("block")
        elif kind == "new_element":
            parent.children[last] = Node("element", element_code(fm.delta.new_element))
    return roots


def render(node: Node, indent: str = "") -> list[str]:
    lines: list[str] = []
    for index in sorted(node.children):
        child = node.children[index]
        if child.kind == "block":
            lines.append(f"{indent}with st.container():")
            inner = render(child, indent + "    ")
            lines.extend(inner or [f"{indent}    pass"])
        elif child.code:
            lines.append(indent + child.code)
    return lines


def write_floor_app(folder: Path, page_name: str, messages: list[bytes]) -> Path:
    """Write ``app.py`` + a page file for ``page_name`` drawing the same elements."""
    folder.mkdir(parents=True, exist_ok=True)
    roots = tree_from(messages)
    body = render(roots[0])
    sidebar = render(roots[1], "    ")
    if sidebar:
        body += ["with st.sidebar:", *sidebar]
    body = body or ["pass"]
    (folder / "floor_page.py").write_text(
        "import plotly.io as pio\nimport streamlit as st\n\n" + "\n".join(body) + "\n"
    )
    (folder / "empty_page.py").write_text("import streamlit as st\n")
    # The floor runs with the app's own server settings (e.g. runner.postScriptGC), so the
    # comparison is of page logic only, not of configuration.
    config = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
    (folder / ".streamlit").mkdir(exist_ok=True)
    (folder / ".streamlit" / "config.toml").write_text(config.read_text())
    app = folder / "app.py"
    app.write_text(
        "import streamlit as st\n"
        "st.set_page_config(page_title='floor', layout='centered')\n"
        "page = st.navigation([\n"
        "    st.Page('empty_page.py', title='Start', default=True),\n"
        f"    st.Page('floor_page.py', title='Floor', url_path={page_name!r}),\n"
        "], position='top')\n"
        "page.run()\n"
    )
    return app
