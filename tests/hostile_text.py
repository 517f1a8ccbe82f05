"""A corpus of hostile user text: everything Markdown or Streamlit would turn into something
else (maths, icons, colours, emoji, links, HTML, block structure, typography), plus control
characters. Shared by the unit tests of :mod:`assessment.text_safety`, the AppTest checks
and the browser test that renders it for real.
"""

from __future__ import annotations

HOSTILE_TEXTS: tuple[str, ...] = (
    # Streamlit maths
    "$x^2$",
    "$$\\int_0^1 x\\,dx$$",
    "costs $5 and $10",
    "$\\color{red}{pwned}$",
    # Streamlit icons, logo and emoji shortcodes
    ":material/home:",
    "Click :material/warning: now",
    ":streamlit:",
    ":smile: :+1: :sunglasses:",
    # Streamlit colours, badges and small text
    ":red[red text]",
    ":blue-background[coloured background]",
    ":green-badge[badge]",
    ":small[tiny] :shimmer[shiny] :rainbow[rainbow]",
    ':color[custom]{foreground="#d50000"}',
    # links: bare, angle, inline, reference, image, e-mail
    "https://evil.example/login",
    "see http://evil.example.",
    "www.evil.example",
    "WWW.EVIL.EXAMPLE/path",
    "write to boss@evil.example",
    "mailto:boss@evil.example",
    "<https://evil.example>",
    "[click here](https://evil.example)",
    "![tracker](https://evil.example/pixel.png)",
    "[ref]: https://evil.example",
    "[^1] footnote",
    # HTML and entities
    "<b>bold</b><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&amp; &lt; &#36;",
    # emphasis, code, strike, tables
    "**bold** __bold__ *it* _it_",
    "~strike~ ~~strike~~",
    "`code` ```fence```",
    "| a | b |",
    "back\\slash \\$ \\:",
    # block structure, at the start of the text
    "# Heading",
    "### Heading",
    "> quote",
    "- item",
    "+ item",
    "* item",
    "1. first",
    "2) second",
    "- [ ] task",
    "---",
    "===",
    "-",
    "=",
    "- - -",
    "***",
    "___",
    "    indented code",
    "line one\nline two\n\n# heading on its own line",
    "$$\nx\n$$",
    # Streamlit typography
    "<- -> <-> -- >= <= ~=",
    # control characters and invisible text
    "tab\there",
    "bell\x07 escape\x1b[31m red",
    "null\x00byte",
    # other scripts
    "日本語：テスト :smile:",
    "Ｗｗｗ．example．com",
    "10:30 and a:b",
)
