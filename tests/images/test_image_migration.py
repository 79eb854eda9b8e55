"""Featured images and presenter photos move into the image library, alt text kept."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.factories import make_image_file

BEFORE = [
    ("recoverysite", "0004_page_unpublish_at_and_publish_permission"),
    ("articles", "0004_article_unpublish_at_and_publish_permission"),
    ("events", "0003_event_unpublish_at_presenter_updated_at"),
]
AFTER = [
    ("articles", "0007_featured_image_from_library"),
    ("events", "0006_images_from_library"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_files_become_library_images_with_their_alt_text():
    old = migrate(BEFORE)
    name = default_storage.save("articles/2024/01/lake.jpg", make_image_file())
    default_storage.save("presenters/maya.jpg", ContentFile(make_image_file().read()))
    now = timezone.now()
    common = {"summary": "S.", "status": "published", "published_at": now}
    old.get_model("articles", "Article").objects.create(
        title="Hope",
        slug="hope",
        body="<p>B</p>",
        featured_image=name,
        featured_image_alt="A quiet lake.",
        featured_image_width=1600,
        featured_image_height=900,
        **common,
    )
    old.get_model("articles", "Article").objects.create(
        title="Plain", slug="plain", body="<p>B</p>", **common
    )
    old.get_model("events", "Event").objects.create(
        title="Listening",
        slug="listening",
        description="<p>D</p>",
        start=now,
        end=now,
        featured_image=name,
        featured_image_alt="",
        **common,
    )
    old.get_model("events", "Presenter").objects.create(
        name="Maya", slug="maya", photo="presenters/maya.jpg", photo_alt="Maya smiling."
    )

    new = migrate(AFTER)

    Image = new.get_model("recoverysite", "Image")
    article = new.get_model("articles", "Article").objects.get(slug="hope")
    event = new.get_model("events", "Event").objects.get(slug="listening")
    presenter = new.get_model("events", "Presenter").objects.get(slug="maya")
    assert Image.objects.count() == 2  # the article and the event share a file
    assert article.featured_image.file.name == name
    assert (article.featured_image.alt, article.featured_image.width) == (
        "A quiet lake.",
        1600,
    )
    assert event.featured_image_id == article.featured_image_id
    assert presenter.photo.alt == "Maya smiling."
    assert (
        new.get_model("articles", "Article").objects.get(slug="plain").featured_image_id
        is None
    )

    # Back again: the old fields get their files and descriptions.
    old = migrate(BEFORE[1:] + [("recoverysite", "0005_image_library")])
    article = old.get_model("articles", "Article").objects.get(slug="hope")
    assert (article.featured_image.name, article.featured_image_alt) == (
        name,
        "A quiet lake.",
    )
    # Leave the database as the other tests expect it: every app up to date.
    executor = MigrationExecutor(connection)
    migrate(executor.loader.graph.leaf_nodes())
