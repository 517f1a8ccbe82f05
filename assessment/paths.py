"""Where the app finds the files it ships and where it keeps its data.

Everything the code reads at run time (the shipped bank, the report fonts, the message
catalogs, the Alembic migrations) is package data: it is found next to the installed
``assessment`` package, so a plain ``pip install .`` works from any directory. In a checkout the bank stays at the top
level (``questions/``), where authors edit it; the wheel carries the same folder as
``assessment/questions/`` (``setup.py`` maps it). The Japanese font is the one file that
comes from another package (a dependency). Nothing here reads the current directory.

The data folder (the SQLite file) is ``ASSESS_DATA_DIR`` when set, ``data/`` in a checkout,
and the user's data folder otherwise (``platformdirs``: ``~/.local/share/mlops-readiness``
on Linux, ``~/Library/Application Support/mlops-readiness`` on macOS,
``%LOCALAPPDATA%\\mlops-readiness`` on Windows).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "mlops-readiness"
PACKAGE_DIR = Path(__file__).resolve().parent
SHIPPED_BANK = "mlops-team"


def checkout_root() -> Path | None:
    """The source checkout this package runs from, or ``None`` when it is installed.

    A checkout is recognised by the project file and the bank folder beside the package; an
    installed package sits in ``site-packages``, which has neither.
    """
    root = PACKAGE_DIR.parent
    if (root / "pyproject.toml").is_file() and (root / "questions" / SHIPPED_BANK).is_dir():
        return root
    return None


def questions_dir() -> Path:
    """The folder holding the shipped banks (and ``schema.json``).

    Installed: ``assessment/questions`` inside the package. Checkout: ``questions/``.
    When neither exists the installed location is returned, so the loader's message names
    the folder that is missing.
    """
    installed = PACKAGE_DIR / "questions"
    if installed.is_dir():
        return installed
    root = checkout_root()
    return root / "questions" if root is not None else installed


def fonts_dir() -> Path:
    """The TrueType fonts the PDF report embeds (package data of ``assessment.report``)."""
    return PACKAGE_DIR / "report" / "fonts"


def locales_dir() -> Path:
    """The message catalogs, ``<lang>/LC_MESSAGES/messages.po`` (package data of
    ``assessment.i18n``)."""
    return PACKAGE_DIR / "i18n" / "locales"


JAPANESE_FONT_PACKAGE = "matplotlib_fontja"
JAPANESE_FONT_FILE = "ipaexg.ttf"


def japanese_font() -> Path | None:
    """IPAexGothic (IPA Font License v1.0), shipped by the ``matplotlib-fontja`` dependency
    in its ``fonts/`` folder, or ``None`` when that package is missing.

    The package is found, never imported: importing it switches matplotlib's default font
    for the whole process.
    """
    import importlib.util

    spec = importlib.util.find_spec(JAPANESE_FONT_PACKAGE)
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / "fonts" / JAPANESE_FONT_FILE
        if path.is_file():
            return path
    return None


def migrations_dir() -> Path:
    """The Alembic environment and revisions (package data of ``assessment.store``)."""
    return PACKAGE_DIR / "store" / "migrations"


def data_dir() -> Path:
    """Where the SQLite database lives unless ``ASSESS_DATABASE_URL`` points elsewhere."""
    configured = os.environ.get("ASSESS_DATA_DIR")
    if configured:
        return Path(configured)
    root = checkout_root()
    if root is not None:
        return root / "data"
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


DEFAULT_BANK = questions_dir() / SHIPPED_BANK
