"""JSON Schema of a bank file, generated from the models (``assess schema``).

Editors use ``questions/schema.json`` for completion and inline checks; a test keeps the
committed file identical to what this module generates.
"""

from __future__ import annotations

import json

from assessment.models import BankFile


def bank_schema() -> dict[str, object]:
    schema = BankFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "MLOps readiness question bank file"
    return schema


def bank_schema_json() -> str:
    return json.dumps(bank_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
