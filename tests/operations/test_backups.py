"""A backup restored into an emptied site gives back the same pages."""

import json
import re
import shutil
import tarfile

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from articles.models import Article
from comments.models import Comment
from tests.comments.conftest import make_comment, run_command
from tests.factories import make_article, make_image, make_image_file

pytestmark = pytest.mark.skipif(
    django_settings.DATABASE_VENDOR == "mysql",
    reason="backups cover PostgreSQL and SQLite; MariaDB is dumped with mariadb-dump",
)

needs_pg_dump = pytest.mark.skipif(
    connection.vendor == "postgresql" and shutil.which("pg_dump") is None,
    reason="pg_dump is not installed",
)


@pytest.fixture
def site_content(transactional_db):
    article = make_article(
        title="Kept through a restore",
        featured_image=make_image(
            make_image_file("lake.jpg", size=(1600, 900)), alt="A quiet lake at dawn."
        ),
    )
    first = make_comment(article, comment="The first voice in the thread.")
    make_comment(article, parent=first, comment="A reply under the first voice.")
    make_comment(article, comment="A second thread begins here.")
    return article


def visible_content(html):
    """What a visitor sees of an article page: text and pictures, not form tokens."""
    html = re.sub(r'name="(timestamp|security_hash|issued)" value="[^"]*"', "", html)
    return html


def backup(tmp_path):
    output = run_command("backup", output=str(tmp_path / "backups"))
    return output.strip().splitlines()[-1]


@needs_pg_dump
def test_a_restored_backup_shows_the_same_pages_threads_and_images(
    site_content, tmp_path, settings
):
    url = site_content.get_absolute_url()
    before = Client().get(url)
    assert before.status_code == 200
    archive = backup(tmp_path)

    # A fresh start: no rows, no uploaded files.
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)
    assert Client().get(url).status_code == 404

    run_command("restore", archive, interactive=False)

    after = Client().get(url)
    assert after.status_code == 200
    assert visible_content(after.content.decode()) == visible_content(
        before.content.decode()
    )
    html = after.content.decode()
    for text in (
        "Kept through a restore",
        "The first voice in the thread.",
        "A reply under the first voice.",
        'alt="A quiet lake at dawn."',
    ):
        assert text in html
    reply = Comment.objects.get(comment="A reply under the first voice.")
    parent = Comment.objects.get(pk=reply.parent_id)
    assert parent.comment == "The first voice in the thread."
    assert reply.level == 1
    article = Article.objects.get(pk=site_content.pk)
    original = settings.MEDIA_ROOT / article.featured_image.file.name
    assert original.read_bytes()[:3] == b"\xff\xd8\xff"  # a JPEG again
    for src in re.findall(r'src="/media/([^"]+)"', html):
        assert (settings.MEDIA_ROOT / src).is_file()


@needs_pg_dump
def test_the_archive_holds_a_manifest_the_database_and_the_media(
    site_content, tmp_path
):
    archive = backup(tmp_path)
    with tarfile.open(archive) as backup_file:
        names = backup_file.getnames()
        manifest = json.load(backup_file.extractfile("manifest.json"))
    assert manifest["format"] == 1
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["database"]["file"] in names
    assert manifest["database"]["migrations"]["comments"].startswith("0")
    image = f"media/{site_content.featured_image.file.name}"
    assert image in names
    assert manifest["media"]["files"] == len(
        [n for n in names if n.startswith("media/")]
    )
    mode = (tmp_path / "backups" / archive.rsplit("/", 1)[1]).stat().st_mode
    assert mode & 0o077 == 0  # personal data: readable by the owner only


def test_restoring_something_that_is_not_a_backup_changes_nothing(
    site_content, tmp_path
):
    not_a_backup = tmp_path / "photos.tar.gz"
    with tarfile.open(not_a_backup, "w:gz") as archive:
        archive.add(__file__, arcname="photo.jpg")
    with pytest.raises(CommandError, match="not a site backup"):
        call_command("restore", str(not_a_backup), interactive=False)
    with pytest.raises(CommandError, match="not a readable backup"):
        call_command("restore", __file__, interactive=False)
    assert Article.objects.filter(pk=site_content.pk).exists()


def test_a_backup_of_another_database_kind_is_refused(site_content, tmp_path):
    archive = tmp_path / "other.tar.gz"
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    manifest = {
        "format": 1,
        "created_at": "2026-01-01T00:00:00+00:00",
        "database": {"vendor": other, "file": "database.dump", "sha256": ""},
        "media": {"files": 0, "bytes": 0},
    }
    manifest_file = tmp_path / "manifest.json"
    manifest_file.write_text(json.dumps(manifest))
    with tarfile.open(archive, "w:gz") as backup_file:
        backup_file.add(manifest_file, arcname="manifest.json")
    with pytest.raises(CommandError, match=f"holds a {other} database"):
        call_command("restore", str(archive), interactive=False)
    assert Article.objects.filter(pk=site_content.pk).exists()


def test_restore_asks_before_replacing_the_database(
    site_content, tmp_path, monkeypatch
):
    archive = backup(tmp_path)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", archive)
