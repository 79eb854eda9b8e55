"""Uploads on S3-compatible object storage, against a local moto server."""

import json
import os
import subprocess
import sys
import tarfile
import urllib.request

import boto3
import pytest
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from moto.server import ThreadedMotoServer

from articles.models import Article
from images.models import Image as LibraryImage
from recoverysite.publishing import Status
from tests.comments.conftest import run_command
from tests.factories import make_image, make_image_file

BUCKET = "recovery-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def storage_settings_from_environment(**environment):
    """``STORAGES["default"]`` as settings.py builds it from these variables."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "MEDIA_STORAGE"))
    }
    env.update(environment, DEBUG="1", DJANGO_SETTINGS_MODULE="recoverysite.settings")
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.STORAGES['default']))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        cwd=django_settings.BASE_DIR,
    )
    return result


@pytest.fixture
def s3_media(s3_endpoint, settings):
    boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ).create_bucket(Bucket=BUCKET)
    result = storage_settings_from_environment(
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=s3_endpoint,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_ACL="public-read",
    )
    assert result.returncode == 0, result.stderr
    settings.STORAGES = {**settings.STORAGES, "default": json.loads(result.stdout)}
    return s3_endpoint


def test_the_filesystem_stays_the_default():
    result = storage_settings_from_environment()
    assert json.loads(result.stdout)["BACKEND"] == (
        "django.core.files.storage.FileSystemStorage"
    )


def test_object_storage_without_a_bucket_refuses_to_start():
    result = storage_settings_from_environment(MEDIA_STORAGE="s3")
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME" in result.stderr


def test_a_bucket_name_alone_turns_object_storage_on_with_plain_addresses():
    result = storage_settings_from_environment(
        AWS_STORAGE_BUCKET_NAME="media", AWS_S3_CUSTOM_DOMAIN="media.example.org"
    )
    storage = json.loads(result.stdout)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "media"
    assert storage["OPTIONS"]["custom_domain"] == "media.example.org"
    assert storage["OPTIONS"]["querystring_auth"] is False


def test_an_image_uploaded_in_the_admin_lands_in_the_bucket_and_pages_use_it(
    s3_media, staff_client
):
    now = timezone.localtime()
    response = staff_client.post(
        reverse("admin:images_image_add"),
        {
            "upload": make_image_file("sea.jpg", size=(1600, 900)),
            "alt": "Grey waves under a pale sky.",
            "caption": "",
            "credit": "",
        },
    )
    assert response.status_code == 302
    image = LibraryImage.objects.get(alt="Grey waves under a pale sky.")
    response = staff_client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "By the sea",
            "slug": "by-the-sea",
            "author": "",
            "summary": "Waves.",
            "content_note": "",
            "body": "<p>Hello.</p>",
            "featured_image": image.pk,
            "status": Status.PUBLISHED,
            "published_at_0": now.strftime("%Y-%m-%d"),
            "published_at_1": (now - timezone.timedelta(minutes=1)).strftime(
                "%H:%M:%S"
            ),
            "tags": "",
            "comments_open": "on",
        },
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="by-the-sea")
    assert article.featured_image.file.url.startswith(f"{s3_media}/{BUCKET}/")

    page = Client().get(article.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert 'alt="Grey waves under a pale sky."' in html
    # Renditions are made in the bucket and the page points at them there.
    bucket_url = f"{s3_media}/{BUCKET}/"
    assert f'src="{bucket_url}' in html
    assert f'content="{bucket_url}' in html  # og:image, a whole address as is
    keys = [
        item["Key"]
        for item in boto3.client(
            "s3",
            endpoint_url=s3_media,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        ).list_objects_v2(Bucket=BUCKET)["Contents"]
    ]
    assert article.featured_image.file.name in keys
    assert any(key.startswith("renditions/") for key in keys)
    # Public objects: the addresses in the page serve pictures without signing.
    src = html.split(f'src="{bucket_url}', 1)[1].split('"', 1)[0]
    with urllib.request.urlopen(bucket_url + src, timeout=5) as picture:
        assert picture.status == 200
        assert picture.headers["Content-Type"].startswith("image/")


@pytest.mark.skipif(
    django_settings.DATABASE_VENDOR == "mysql",
    reason="backups cover PostgreSQL and SQLite; MariaDB is dumped with mariadb-dump",
)
def test_a_backup_carries_the_bucket_files_and_restore_puts_them_back(
    s3_media, transactional_db, tmp_path
):
    article = Article.objects.create(
        title="Kept in the bucket",
        summary="Waves.",
        body="<p>Hello.</p>",
        featured_image=make_image(
            make_image_file("pier.jpg", size=(800, 600)), alt="A pier."
        ),
        status=Status.PUBLISHED,
        published_at=timezone.now() - timezone.timedelta(hours=1),
    )
    name = article.featured_image.file.name
    original = default_storage.open(name).read()
    output = run_command("backup", output=str(tmp_path))
    archive = output.strip().splitlines()[-1]
    with tarfile.open(archive) as backup:
        assert f"media/{name}" in backup.getnames()

    default_storage.delete(name)
    call_command("flush", interactive=False, verbosity=0)
    run_command("restore", archive, interactive=False)

    assert default_storage.open(name).read() == original
    assert Article.objects.get(slug=article.slug).featured_image.file.name == name
