"""About: the method, the dimensions, and where the content comes from."""

from __future__ import annotations

import streamlit as st

from assessment.models import localize
from assessment.report.content import GROUP_TITLES, METHOD
from assessment.ui import session
from assessment.ui.notices import render_notices
from assessment.ui.resources import bank
from assessment.ui.text import plain


def render() -> None:
    session.sync()
    render_notices()
    b = bank()
    st.title("About this assessment")
    if b.info.description:
        st.markdown(localize(b.info.description))

    st.header("The method", anchor=False)
    st.markdown("\n".join(METHOD))
    st.markdown("**The maturity scale**")
    st.markdown(
        "\n".join(
            f"- **{level.level} · {plain(localize(level.label))}**: "
            f"{plain(localize(level.description))}"
            for level in b.info.scale
        )
    )

    st.header("The dimensions", anchor=False)
    st.markdown(
        "Each dimension is one axis of a radar chart on the results page, scored from 0 to "
        "100. They fall into three groups."
    )
    for group, title in GROUP_TITLES.items():
        dims = [d for d in b.dimensions if d.group == group]
        if not dims:
            continue
        st.subheader(title, anchor=False)
        st.markdown(
            "\n".join(
                f"- **{plain(localize(d.title))}**: {plain(localize(d.description))}" for d in dims
            )
        )

    st.header("Where the content comes from", anchor=False)
    st.markdown(
        "The questions, rules and recommendations restate a conference talk on building a "
        "first MLOps team: the lifecycle capabilities an ML system needs (data handling, "
        "training and validation, deployment and operation, CI/CD and continuous training), "
        "the mix of ML and non-ML engineers, the roles from *why* to *risk*, responsibility "
        "(RACI), choosing the first use case, and the two starting approaches, top-down and "
        "bottom-up, with what each means for structure, risks and first steps."
    )
    st.markdown(
        f"The questionnaire is data, not code: bank **{b.info.id}**, version "
        f"{b.info.version}, with {len(b.questions)} questions, {len(b.rules)} rules and "
        f"{len(b.recommendations)} recommendations, kept as YAML files in the "
        "`questions/` folder. A company can adapt them to its own situation without "
        "touching the program."
    )

    st.header("Your data", anchor=False)
    st.markdown(
        "Answers are stored in this server's database under a random resume code and are "
        "sent nowhere else. Anyone with your resume link can see and change your answers, "
        "so share it only with people you would show them to. Download your answers at any "
        "time as YAML or JSON."
    )
