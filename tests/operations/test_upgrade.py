"""
A site made with the release before the apps got their own folders upgrades
without losing anything: its database, built by that release's own code (its
migrations, demo content, an imported WordPress export, revisions, a renamed
article), is migrated by this release and shows the same content.

The earlier release is taken from the repository's history, so the test runs
on a git checkout and is skipped on a copy without history.
"""

import json
import subprocess
from pathlib import Path

import pytest

from tests.processes import ROOT, manage

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


def run_script(code_dir, database_url, media, script):
    """One of the scripts in upgrade/, run by the release in ``code_dir``."""
    code = (SCRIPTS / script).read_text()
    output = manage(
        database_url, "shell", "-c", code, code_dir=code_dir, MEDIA_ROOT=media
    )
    # What the script printed last (emails go to the console before it).
    return output.strip().splitlines()[-1] if output.strip() else ""


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_site_of_the_previous_release_keeps_everything_after_the_upgrade(
    previous_release, own_database_url, tmp_path
):
    media = tmp_path / "media"
    manage(
        own_database_url,
        "migrate",
        "--no-input",
        code_dir=previous_release,
        MEDIA_ROOT=media,
    )
    run_script(previous_release, own_database_url, media, "make_history.py")
    before = json.loads(
        run_script(previous_release, own_database_url, media, "snapshot.py")
    )

    manage(own_database_url, "migrate", "--no-input", MEDIA_ROOT=media)
    after = json.loads(run_script(ROOT, own_database_url, media, "snapshot.py"))
    visit = json.loads(run_script(ROOT, own_database_url, media, "visit.py"))

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
