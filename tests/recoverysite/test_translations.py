"""
Every string the site shows has its Spanish translation: makemessages, run over
a copy of the sources as `make messages` runs it, leaves no Spanish entry empty
or fuzzy. A string added without its translation fails here, named.
"""

import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR
# What `make messages` leaves out, plus what holds no source at all.
NOT_SOURCES = {
    ".git",
    ".venv",
    ".venv-ci",
    "tests",
    "bench",
    "docs",
    "media",
    "staticfiles",
    "node_modules",
    "backups",
    "sent-mail",
    "cache",
    "db.sqlite3",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
}
DOMAINS = ["django", "djangojs"]

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("xgettext", "msgmerge", "msgattrib")),
    reason="GNU gettext (xgettext, msgmerge, msgattrib) is not installed",
)


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    """The Spanish catalogues as makemessages makes them from today's sources."""
    copy = tmp_path_factory.mktemp("site") / "site"
    shutil.copytree(
        ROOT, copy, ignore=lambda folder, names: NOT_SOURCES.intersection(names)
    )
    for domain in DOMAINS:
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "--locale", "es"]
            + ["--domain", domain, "--no-obsolete", "--ignore", "staticfiles"],
            cwd=copy,
            env={**os.environ, "DEBUG": "1"},
            check=True,
            capture_output=True,
            timeout=120,
        )
    return copy / "locale" / "es" / "LC_MESSAGES"


def msgids(catalogue, *only):
    """The first line of each msgid that msgattrib keeps with the ``only`` flags."""
    kept = subprocess.run(
        ["msgattrib", "--no-wrap", "--no-obsolete", *only, catalogue],
        check=True,
        capture_output=True,
        text=True,
        timeout=20,
    ).stdout
    return [
        line.removeprefix("msgid ")
        for line in kept.splitlines()
        if line.startswith("msgid ") and line != 'msgid ""'
    ]


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_string_has_its_spanish_translation(fresh_catalogues, domain):
    catalogue = fresh_catalogues / f"{domain}.po"
    untranslated = msgids(catalogue, "--untranslated")
    assert not untranslated, (
        f"{len(untranslated)} string(s) without Spanish in locale/es/LC_MESSAGES/"
        f"{domain}.po (run `make messages`, translate them, run it again):\n"
        + "\n".join(untranslated)
    )


@pytest.mark.parametrize("domain", DOMAINS)
def test_no_spanish_translation_is_a_guess(fresh_catalogues, domain):
    fuzzy = msgids(fresh_catalogues / f"{domain}.po", "--only-fuzzy")
    assert not fuzzy, (
        f"{len(fuzzy)} fuzzy (guessed) translation(s) in {domain}.po: check each "
        "and remove its `#, fuzzy` line:\n" + "\n".join(fuzzy)
    )


def test_the_check_finds_a_string_added_without_translation(tmp_path):
    catalogue = tmp_path / "django.po"
    catalogue.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Welcome"\nmsgstr "Bienvenida"\n\n'
        'msgid "A new string"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Hello"\nmsgstr "Hola"\n'
    )
    assert msgids(catalogue, "--untranslated") == ['"A new string"']
    assert msgids(catalogue, "--only-fuzzy") == ['"Hello"']
