"""Keep the catalogs in step with the code: ``python -m assessment.i18n.extract``.

Babel's Python extractor finds every marked message under ``assessment/`` (``_``,
``gettext``, ``N_`` for one form; ``ngettext``, ``NP_`` for plurals). Running this module
adds new messages to every catalog (English gets its msgid as its text; other languages
get an empty text for a translator to fill), drops messages the code no longer has and
rewrites the files in one stable layout. ``tests/test_i18n.py`` fails while a catalog
lacks a message, has one the code does not use, or leaves one empty or fuzzy.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from assessment.i18n.catalog import DOMAIN
from assessment.i18n.languages import LANGUAGES
from assessment.paths import PACKAGE_DIR, locales_dir

KEYWORDS: Mapping[str, tuple[int, ...] | None] = {
    "_": None,
    "gettext": None,
    "N_": None,
    "ngettext": (1, 2),
    "NP_": (1, 2),
}
"""The marking functions, as Babel's extractor understands them."""
Message = str | tuple[str, ...]
"""A msgid, or (singular, plural) for a message with plural forms."""
PROJECT = "mlops-readiness"
AUTHORS = "the mlops-readiness authors"
ENGLISH_NAMES = {"en": "English", "ja": "Japanese"}
HEADER = """\
# The {language} catalog of mlops-readiness: the words the app says itself.
# Bank texts are translated in the bank (questions/), not here. Update this file with
# `python -m assessment.i18n.extract`; placeholders ({{name}}) stay as they are."""


def messages_in_code(root: Path = PACKAGE_DIR) -> dict[Message, list[str]]:
    """Every marked message under ``root``, with the files that use it."""
    found: dict[Message, list[str]] = {}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        root,
        method_map=[("**.py", "python")],
        keywords=dict(KEYWORDS),
        comment_tags=(),
    ):
        if not message or (isinstance(message, tuple) and not message[0]):
            continue
        where = f"assessment/{filename}"
        places = found.setdefault(message, [])
        if where not in places:
            places.append(where)
    return found


def catalog_file(language: str) -> Path:
    return locales_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(language: str) -> Catalog:
    path = catalog_file(language)
    if not path.is_file():
        return Catalog(locale=language, domain=DOMAIN, project=PROJECT)
    with path.open("rb") as source:
        return read_po(source, locale=language, domain=DOMAIN)


def write_catalog(catalog: Catalog, language: str) -> None:
    path = catalog_file(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=100, include_lineno=False, ignore_obsolete=True)


def update() -> list[str]:
    """Bring every catalog up to date with the code; returns what each still lacks."""
    found = sorted(messages_in_code().items(), key=lambda m: str(m[0]))
    missing: list[str] = []
    for language in LANGUAGES:
        template = Catalog(domain=DOMAIN, project=PROJECT)  # its messages join the catalog
        for message, places in found:
            template.add(message, locations=[(place, 0) for place in places])
        catalog = read_catalog(language)
        catalog.project = PROJECT
        catalog.version = "messages"
        catalog.msgid_bugs_address = ""
        catalog.copyright_holder = AUTHORS
        catalog.last_translator = AUTHORS
        catalog.language_team = AUTHORS
        catalog.header_comment = HEADER.format(language=ENGLISH_NAMES.get(language, language))
        catalog.fuzzy = False
        catalog.update(
            template,
            no_fuzzy_matching=True,
            update_header_comment=False,
            update_creation_date=False,
        )
        for entry in catalog:
            if not entry.id:
                continue
            if language == "en" and not _filled(entry.string):
                entry.string = entry.id
            if not _filled(entry.string):
                missing.append(f"{language}: {entry.id!r}")
        write_catalog(catalog, language)
    return missing


def _filled(text: object) -> bool:
    if isinstance(text, tuple | list):
        return all(bool(t) for t in text)
    return bool(text)


def fill(language: str, translations: Mapping[str, str | list[str]]) -> list[str]:
    """Put translations into ``language``'s catalog; returns the msgids it does not have.

    ``translations`` maps a msgid (for a plural message, its singular) to its text (for a
    plural message, one text per plural form of the language). A translator's batch:
    ``python -m assessment.i18n.extract --fill ja batch.json``.
    """
    catalog = read_catalog(language)
    unknown: list[str] = []
    for msgid, text in translations.items():
        entry = catalog.get(msgid)
        if entry is None:
            for candidate in catalog:
                if isinstance(candidate.id, tuple) and candidate.id[0] == msgid:
                    entry = candidate
                    break
        if entry is None:
            unknown.append(msgid)
            continue
        if isinstance(entry.id, tuple):
            forms = [text] if isinstance(text, str) else list(text)
            entry.string = tuple(forms)
        else:
            entry.string = text if isinstance(text, str) else text[0]
    write_catalog(catalog, language)
    return unknown


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--fill"]:
        if len(args) != 3 or args[1] not in LANGUAGES:
            print("usage: python -m assessment.i18n.extract --fill LANG FILE.json", file=sys.stderr)
            return 2
        update()
        batch = json.loads(Path(args[2]).read_text(encoding="utf-8"))
        for msgid in fill(args[1], batch):
            print(f"not in the code: {msgid!r}", file=sys.stderr)
    missing = update()
    for line in missing:
        print(f"untranslated: {line}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
