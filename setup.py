"""Build glue that pyproject.toml cannot say: the shipped banks ship inside the package.

Bank authors edit ``questions/`` at the top of the checkout; the wheel carries that folder
as ``assessment/questions/`` (package data, found by ``assessment.paths``), so an installed
``assess`` never looks for a source tree. Everything else is configured in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[
        *find_namespace_packages(include=["assessment", "assessment.*"], exclude=["*.__pycache__"]),
        "assessment.questions",
    ],
    package_dir={"assessment.questions": "questions"},
)
