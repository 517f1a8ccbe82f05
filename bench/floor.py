"""Build the "floor" app: a bare Streamlit script drawing the same elements, no logic.

The rerun budget compares a page of ours with the framework's own cost for the same
widgets. Rather than hand-write a look-alike, the floor is generated from what the real
page actually sent over the wire (element types, labels, options, nesting), so it stays
honest as the page changes. Blocks become plain containers; everything else is drawn by
the matching Streamlit call with the same label, options and key.

Popovers and expanders are drawn as themselves (a popover's body is sent with the page).
Fragments are kept: a block the page drew inside an ``st.fragment`` (its deltas carry the
fragment's id) becomes a fragment of the floor with the same elements, so a change to one
of its widgets reruns that fragment only, as on the page. What a fragment writes into a
container of the page outside it (a transparent wrapper block carrying the fragment's id,
e.g. a progress bar in an ``st.empty``) becomes the same write into an ``st.empty`` of the
floor, from every fragment that wrote there.
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
    fragment_id: str = ""
    transparent: bool = False
    """A wrapper Streamlit adds where a fragment writes into a container outside it."""
    opens: str = "st.container()"
    """What a block is opened with: a popover or an expander as itself, else a container."""


def block_code(block: Any) -> str:
    """The ``with`` target that draws a block like ``block`` (a proto Block): a popover
    or an expander as itself, a container with its border, direction and key."""
    kind = block.WhichOneof("type")
    if kind == "popover":
        return f"st.popover({block.popover.label!r}{_styled(block.popover)})"
    if kind == "expandable":
        return f"st.expander({block.expandable.label!r})"
    if kind == "flex_container":
        flex = block.flex_container
        key = _key(block)
        args = [f"border={flex.border!r}"]
        if flex.direction == flex.Direction.HORIZONTAL:
            args.append("horizontal=True")
        if key:
            args.append(f"key={key!r}")
        return f"st.container({', '.join(args)})"
    return "st.container()"


def _key(sub: Any) -> str | None:
    wid = getattr(sub, "id", "")
    return wid.split("-", 2)[-1] if wid.startswith("$$ID-") else None


def _styled(sub: Any) -> str:
    """A button's or popover's type and icon, as arguments (each costs the call a check)."""
    args = ""
    if sub.type and sub.type != "secondary":
        args += f", type={sub.type!r}"
    if sub.icon:
        args += f", icon={sub.icon!r}"
    return args


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
        return f"st.button({sub.label!r}{k}{_styled(sub)})"
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
        return f"st.progress({sub.value}, text={sub.text!r})"
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


@dataclass
class Tree:
    """One script run's elements: the two roots, and what fragments wrote outside them."""

    roots: dict[int, Node]
    outside: dict[str, dict[tuple[int, ...], Node]]
    """Fragment id → (path of the outside container → the wrapper it wrote there)."""


def tree_from(messages: list[bytes]) -> Tree:
    """Rebuild the element trees of one script run (0 main area, 1 sidebar).

    ``messages`` may go on with later runs of fragments (what an answer's run sent): an
    element they send replaces the one at its place, so the floor draws what the page
    shows after those runs (e.g. a question's "Clear answer" once it is answered).

    Streamlit's message queue keeps one delta per path (a later one replaces an earlier),
    so where several fragments write into one outside container the order of what arrives
    is mixed: each element written there is given to the wrapper of its own fragment.
    """
    roots = {0: Node("root"), 1: Node("root")}
    outside: dict[str, dict[tuple[int, ...], Node]] = {}
    slots: set[tuple[int, ...]] = set()
    for raw in messages:
        fm = ForwardMsg()
        fm.ParseFromString(raw)
        if fm.WhichOneof("type") != "delta":
            continue
        path = list(fm.metadata.delta_path)
        if not path or path[0] not in roots:
            continue
        kind = fm.delta.WhichOneof("type")
        fragment = fm.delta.fragment_id
        transparent = kind == "add_block" and fm.delta.add_block.WhichOneof("type") == "transparent"
        if transparent and fragment:
            slots.add(tuple(path))
            node = outside.setdefault(fragment, {}).setdefault(
                tuple(path), Node("block", fragment_id=fragment, transparent=True)
            )
        parent = roots[path[0]]
        for depth, index in enumerate(path[1:-1], 2):
            above = tuple(path[:depth])
            if above in slots and fragment:
                parent = outside.setdefault(fragment, {}).setdefault(
                    above, Node("block", fragment_id=fragment, transparent=True)
                )
            else:
                parent = parent.children.setdefault(index, Node("block"))
        last = path[-1]
        if transparent and fragment:
            parent.children[last] = node
        elif kind == "add_block":
            parent.children[last] = Node(
                "block", fragment_id=fragment, opens=block_code(fm.delta.add_block)
            )
        elif kind == "new_element":
            parent.children[last] = Node(
                "element", element_code(fm.delta.new_element), fragment_id=fragment
            )
    return Tree(roots, outside)


def _slot(path: tuple[int, ...]) -> str:
    return "_slot_" + "_".join(map(str, path))


def render(
    node: Node,
    indent: str = "",
    tree: Tree | None = None,
    inside: str = "",
    path: tuple[int, ...] = (),
) -> list[str]:
    lines: list[str] = []
    for index in sorted(node.children):
        child = node.children[index]
        here = (*path, index)
        if child.kind == "block" and child.transparent and child.fragment_id != inside:
            # A container of the page that fragments write into: they fill it.
            lines.append(f"{indent}{_slot(here)} = st.empty()")
        elif child.kind == "block" and child.fragment_id and child.fragment_id != inside:
            # The container st.fragment draws its body in: a fragment of the floor.
            name = f"_fragment_{'_'.join(map(str, here))}"
            lines.append(f"{indent}@st.fragment")
            lines.append(f"{indent}def {name}() -> None:")
            inner = render(child, indent + "    ", tree, child.fragment_id, here)
            for slot, wrapper in (tree.outside if tree else {}).get(child.fragment_id, {}).items():
                if not wrapper.children and tree is not None:
                    # Its element was replaced in the queue by another fragment's at the
                    # same place (see tree_from): the same kind of element, written there.
                    wrapper = next(
                        (w[slot] for w in tree.outside.values() if slot in w and w[slot].children),
                        wrapper,
                    )
                inner.append(f"{indent}    with {_slot(slot)}:")
                written = render(wrapper, indent + "        ", tree, child.fragment_id, slot)
                inner.extend(written or [f"{indent}        pass"])
            lines.extend(inner or [f"{indent}    pass"])
            lines.append(f"{indent}{name}()")
        elif child.kind == "block":
            lines.append(f"{indent}with {child.opens}:")
            inner = render(child, indent + "    ", tree, inside, here)
            lines.extend(inner or [f"{indent}    pass"])
        elif child.code:
            lines.append(indent + child.code)
    return lines


_HEADER = """import plotly.io as pio
import streamlit as st

"""


def write_floor_app(folder: Path, page_name: str, messages: list[bytes]) -> Path:
    """Write ``app.py`` + a page file for ``page_name`` drawing the same elements."""
    folder.mkdir(parents=True, exist_ok=True)
    tree = tree_from(messages)
    # The sidebar first: fragments of the main area may write into containers there.
    sidebar = render(tree.roots[1], "    ", tree, path=(1,))
    body = ["with st.sidebar:", *sidebar] if sidebar else []
    body += render(tree.roots[0], "", tree, path=(0,))
    body = body or ["pass"]
    (folder / "floor_page.py").write_text(_HEADER + "\n".join(body) + "\n")
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
