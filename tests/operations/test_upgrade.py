"""
A site made with the release before the apps got their own folders upgrades
without losing anything: its database, built by that release's own code (its
migrations, demo content, an imported WordPress export, revisions, a renamed
article), is migrated by this release and shows the same content.

The earlier release is taken from the repository's history, so the test runs
on a git checkout and is skipped on a copy without history.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)
# The last release with pages and images in recoverysite/ and WordPressItem in
# articles/.
PREVIOUS_RELEASE = "2881ed0ec1388f430ea6de76e59b8b736040f7dd"

SCRIPTS = Path(__file__).with_name("upgrade")


def git(*args):
    return subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.fixture
def previous_release(tmp_path):
    if git("cat-file", "-e", f"{PREVIOUS_RELEASE}^{{commit}}").returncode != 0:
        pytest.skip("needs the repository's history (a git checkout), not a copy")
    target = tmp_path / "previous"
    target.mkdir()
    archive = subprocess.run(
        ["git", "archive", PREVIOUS_RELEASE], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", target], input=archive.stdout, check=True)
    return target


@pytest.fixture
def database_url(tmp_path):
    """A database of the test's own, empty, on the suite's database server."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'upgrade.sqlite3'}"
        return
    if connection.vendor != "postgresql":
        pytest.skip(f"no upgrade database made for {connection.vendor}")
    name = f"upgrade_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    params = connection.settings_dict
    yield (
        f"postgres://{params['USER']}:{params['PASSWORD'] or ''}@"
        f"{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{name}"
    )
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(code_dir, database_url, media, *args):
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "PAGE_CACHE_SECONDS": "0",
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=code_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def run_script(code_dir, database_url, media, script):
    """One of the scripts in upgrade/, run by the release in ``code_dir``."""
    code = (SCRIPTS / script).read_text()
    output = manage(code_dir, database_url, media, "shell", "-c", code)
    # What the script printed last (emails go to the console before it).
    return output.strip().splitlines()[-1] if output.strip() else ""


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_site_of_the_previous_release_keeps_everything_after_the_upgrade(
    previous_release, database_url, tmp_path
):
    media = tmp_path / "media"
    manage(previous_release, database_url, media, "migrate", "--no-input")
    run_script(previous_release, database_url, media, "make_history.py")
    before = json.loads(
        run_script(previous_release, database_url, media, "snapshot.py")
    )

    manage(ROOT, database_url, media, "migrate", "--no-input")
    after = json.loads(run_script(ROOT, database_url, media, "snapshot.py"))
    visit = json.loads(run_script(ROOT, database_url, media, "visit.py"))

    for kind in before:
        assert after[kind] == before[kind], kind
    assert before["pages"] and before["images"] and before["comments"]
    assert before["imported"] and any(
        model == "page" for _kind, _id, model, _name in before["imported"]
    )
    assert len(before["revisions"]) >= 3
    assert any(
        old.endswith("/") and "-renamed" in new for old, new in before["redirects"]
    )
    assert set(visit["statuses"].values()) == {200}, visit["statuses"]
    assert visit["admin"] == {
        "compare": 200,
        "history": 200,
        "image": 200,
        "versions": 2,
        "usages": 1,
    }
