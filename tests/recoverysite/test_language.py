"""The site speaks the language its LANGUAGE_CODE names, and the committed
compiled catalogue matches its source, so a fresh machine without gettext
serves the same words a translator wrote."""

import shutil
import subprocess

import pytest
from django.conf import settings

CATALOGUE = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES"


@pytest.mark.django_db
def test_the_default_site_is_english(client):
    page = client.get("/").content.decode()
    assert '<html lang="en-us">' in page
    assert "Skip to content" in page


@pytest.mark.django_db
def test_a_site_set_to_spanish_serves_spanish_pages(client, settings):
    settings.LANGUAGE_CODE = "es"
    page = client.get("/").content.decode()
    assert '<html lang="es">' in page
    assert "Saltar al contenido" in page
    assert "Skip to content" not in page


@pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="msgfmt (GNU gettext) is not installed"
)
def test_the_committed_mo_file_is_compiled_from_the_po_file(tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run(
        ["msgfmt", "--check-format", "-o", compiled, CATALOGUE / "django.po"],
        check=True,
        timeout=20,
    )
    assert compiled.read_bytes() == (CATALOGUE / "django.mo").read_bytes(), (
        "locale/es/LC_MESSAGES/django.mo is out of date: run `make messages`"
    )


def test_the_catalogue_has_no_fuzzy_entries():
    source = (CATALOGUE / "django.po").read_text()
    assert "#, fuzzy" not in source and ", fuzzy" not in source
