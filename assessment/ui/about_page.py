"""About: the method, the dimensions, and where the content comes from."""

from __future__ import annotations

import streamlit as st

from assessment.report.content import GROUP_TITLES, METHOD
from assessment.ui import session
from assessment.ui.language import _, text, tr
from assessment.ui.notices import render_notices
from assessment.ui.resources import bank
from assessment.ui.text import plain


def render() -> None:
    session.sync()
    render_notices()
    b = bank()
    st.title(_("About this assessment"))
    if b.info.description:
        st.markdown(text(b.info.description))

    st.header(_("The method"), anchor=False)
    st.markdown("\n".join(_(line) for line in METHOD))
    st.markdown("**" + _("The maturity scale") + "**")
    st.markdown(
        "\n".join(
            f"- **{level.level} · {plain(text(level.label))}**: {plain(text(level.description))}"
            for level in b.info.scale
        )
    )

    st.header(_("The dimensions"), anchor=False)
    st.markdown(
        _(
            "Each dimension is one axis of a radar chart on the results page, scored from 0 to "
            "100. They fall into three groups."
        )
    )
    for group, title in GROUP_TITLES.items():
        dims = [d for d in b.dimensions if d.group == group]
        if not dims:
            continue
        st.subheader(_(title), anchor=False)
        st.markdown(
            "\n".join(f"- **{plain(text(d.title))}**: {plain(text(d.description))}" for d in dims)
        )

    st.header(_("Where the content comes from"), anchor=False)
    st.markdown(
        _(
            "The questions, rules and recommendations restate a conference talk on building a "
            "first MLOps team: the lifecycle capabilities an ML system needs (data handling, "
            "training and validation, deployment and operation, CI/CD and continuous training), "
            "the mix of ML and non-ML engineers, the roles from *why* to *risk*, responsibility "
            "(RACI), choosing the first use case, and the two starting approaches, top-down and "
            "bottom-up, with what each means for structure, risks and first steps."
        )
    )
    number = tr().number
    st.markdown(
        _(
            "The questionnaire is data, not code: bank **{bank}**, version {version}, with "
            "{questions} questions, {rules} rules and {recommendations} recommendations, kept "
            "as YAML files in the `questions/` folder. A company can adapt them to its own "
            "situation without touching the program."
        ).format(
            bank=b.info.id,
            version=b.info.version,
            questions=number(len(b.questions)),
            rules=number(len(b.rules)),
            recommendations=number(len(b.recommendations)),
        )
    )

    st.header(_("Your data"), anchor=False)
    st.markdown(
        _(
            "Answers are stored in this server's database under a random resume code and are "
            "sent nowhere else. Anyone with your resume link can see and change your answers, "
            "so share it only with people you would show them to. Download your answers at any "
            "time as YAML or JSON."
        )
    )
