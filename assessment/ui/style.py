"""The app's own CSS, added to every page by ``app.py``: constant text, never user input.

Streamlit's theme (``.streamlit/config.toml``) sets colours and fonts; this adds what a
theme cannot say:

- **visible focus**: a 3 px ring in the theme's blue around whatever has the keyboard
  focus, tick boxes and radio choices included (their own ring is faint);
- **question labels in bold**: the questionnaire's labels are plain text (screen readers
  read a label as written, so ``**`` would be read out), set in bold here;
- **the responsibility matrix** (:mod:`assessment.ui.widgets.raci`): a grid on wide
  screens; on a phone one card per activity with the role's name beside each choice;
- **the questionnaire's progress** stays in view at the top on a phone (sticky).

Phones are screens narrower than 640 px, where Streamlit stacks columns.
"""

from __future__ import annotations

import streamlit as st

FOCUS = "#1d4ed8"  # the theme's primaryColor
NARROW = 639.98  # px: Streamlit stacks st.columns below 640 px

CSS = f"""<style>
/* Keyboard focus, clearly visible on every control. */
:is(a, button, summary, textarea, input:not([type="checkbox"]):not([type="radio"]),
    [role="tab"], [role="slider"]):focus-visible {{
  outline: 3px solid {FOCUS} !important;
  outline-offset: 2px;
}}
/* Tick boxes, radio choices, toggles: the input is hidden, its label shows the focus. */
label[data-focus-visible="true"] {{
  outline: 3px solid {FOCUS};
  outline-offset: 3px;
  border-radius: 0.375rem;
}}
[data-testid="stSelectbox"] [role="group"]:has(input:focus-visible) {{
  outline: 3px solid {FOCUS};
  outline-offset: 2px;
}}

/* The question's label (plain text for screen readers) in bold. */
[class*="st-key-card_"] :is([data-testid="stRadio"], [data-testid="stNumberInput"],
    [data-testid="stTextArea"]) > label[data-testid="stWidgetLabel"] p {{
  font-weight: 600;
}}

/* Responsibility matrix, wide: a grid; the header names the roles once. */
@media (min-width: 640px) {{
  [class*="st-key-raci_role_"] > div:has([data-testid="stMarkdown"]) {{
    display: none;
  }}
}}
/* Responsibility matrix, phone: one card per activity, the role beside each choice. */
@media (max-width: {NARROW}px) {{
  [class*="st-key-raci_head_"] {{
    display: none;
  }}
  [class*="st-key-raci_activity_"] {{
    border: 1px solid rgba(49, 51, 63, 0.2);
    border-radius: 0.5rem;
    padding: 0.75rem;
  }}
  [class*="st-key-raci_activity_"] [data-testid="stHorizontalBlock"] {{
    gap: 0.5rem;
  }}
  [class*="st-key-raci_activity_"] [data-testid="stColumn"]:first-child p {{
    font-weight: 600;
  }}
  [class*="st-key-raci_role_"] {{
    flex-wrap: nowrap;
  }}
  [class*="st-key-raci_role_"] > div:has([data-testid="stMarkdown"]) {{
    flex: 1 1 auto;
    min-width: 0;
  }}
  [class*="st-key-raci_role_"] > div:has([data-testid="stSelectbox"]) {{
    flex: 0 0 6.5rem;
    width: 6.5rem;
  }}
}}

/* The questionnaire's progress stays at the top of a phone's screen (the container's
   layout wrapper is what sits in the page's column, so it is the one made sticky). */
@media (max-width: {NARROW}px) {{
  [data-testid="stLayoutWrapper"]:has(> .st-key-overall_progress) {{
    position: sticky;
    top: 3.75rem;
    z-index: 90;
    background-color: #ffffff;
    padding: 0.25rem 0 0.5rem;
    box-shadow: 0 6px 6px -6px rgba(31, 41, 55, 0.25);
  }}
}}
</style>"""


def apply() -> None:
    """Add the CSS to the page (a style-only ``st.html`` takes no room on the page)."""
    st.html(CSS)
