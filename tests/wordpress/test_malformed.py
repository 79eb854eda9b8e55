"""Input the import refuses: a clear message, no traceback, nothing written."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.redirects.models import Redirect
from django.core.management.base import CommandError
from taggit.models import Tag

from articles.models import Article
from comments.models import Comment
from pages.models import Page
from tests.wordpress.conftest import FIXTURES
from wordpress import importer
from wordpress.models import WordPressItem

pytestmark = pytest.mark.django_db


def nothing_written():
    models = [Article, Page, Comment, Tag, Redirect, WordPressItem, get_user_model()]
    return all(model.objects.count() == 0 for model in models)


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("malformed.xml", "malformed.xml is not well-formed XML (unclosed CDATA"),
        ("entities.xml", "entities.xml declares XML entities or a DTD"),
        ("not_wxr.xml", "not_wxr.xml is an RSS feed, not a WordPress export"),
        ("missing.xml", "Cannot open"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(
    run_import, fixture, message
):
    with pytest.raises(CommandError) as error:
        run_import(FIXTURES / fixture)

    assert message in str(error.value)
    assert str(error.value).endswith("Nothing was imported.")
    assert nothing_written()


def test_a_file_that_is_not_xml_at_all_is_refused(run_import, tmp_path):
    picture = tmp_path / "export.xml"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n not xml")

    with pytest.raises(CommandError, match="not well-formed XML"):
        run_import(picture)
    assert nothing_written()


def test_the_whole_file_is_checked_before_anything_is_written(run_import):
    # malformed.xml starts with a good post: it must not arrive on its own.
    with pytest.raises(CommandError):
        run_import(FIXTURES / "malformed.xml")
    assert nothing_written()


def test_an_author_map_naming_an_unknown_user_is_refused(run_import):
    with pytest.raises(CommandError, match="users that do not exist here: nobody"):
        run_import(FIXTURES / "edge_cases.xml", "--author-map", "editor=nobody")
    assert nothing_written()


def test_a_badly_written_author_map_is_refused(run_import):
    with pytest.raises(CommandError, match="LOGIN=USERNAME pairs"):
        run_import(FIXTURES / "edge_cases.xml", "--author-map", "editor")


def test_a_missing_media_folder_is_refused(run_import, tmp_path):
    with pytest.raises(CommandError, match="is not a folder"):
        run_import(FIXTURES / "edge_cases.xml", "--media-dir", str(tmp_path / "nope"))


def test_a_failure_half_way_leaves_nothing_half_imported(run_import, monkeypatch):
    original = importer.Importer.import_comments

    def fail_on_second_post(self, target, item):
        if item.wp_id == 11:
            raise RuntimeError("the disk is full")
        return original(self, target, item)

    monkeypatch.setattr(importer.Importer, "import_comments", fail_on_second_post)

    with pytest.raises(RuntimeError):
        run_import(FIXTURES / "edge_cases.xml")
    assert nothing_written()
