"""Making untrusted text safe to show in Markdown.

Organisation names, free-text answers and uploaded files are hostile input. The app never
passes them to ``unsafe_allow_html``; before they reach ``st.markdown`` they are escaped so
that they print literally (no links, no images fetched from elsewhere, no formatting).
"""

from __future__ import annotations

from assessment.report.markdown import esc


def plain(text: object) -> str:
    """``text`` as literal Markdown: specials escaped, line breaks folded to spaces."""
    return esc(text)
