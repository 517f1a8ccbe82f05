"""Making untrusted text safe to show in Streamlit.

Organisation names, free-text answers, workshop titles, participant names and uploaded
files are hostile input. The app never passes them to ``unsafe_allow_html``; before they
reach ``st.markdown`` (or any element that renders Markdown: titles, captions, alerts,
``st.write``) they go through :func:`plain`, which is the one escaping function of
:mod:`assessment.text_safety`, so they print literally: no links, maths, icons, colours,
emoji or formatting.
"""

from __future__ import annotations

from assessment.text_safety import markdown_literal


def plain(text: object) -> str:
    """``text`` as literal Markdown (see :func:`assessment.text_safety.markdown_literal`)."""
    return markdown_literal(text)
