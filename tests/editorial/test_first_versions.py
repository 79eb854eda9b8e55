"""Every item has a first version, so its first edit can be compared and undone."""

from io import StringIO

import pytest
from django.core.management import call_command
from reversion.models import Version

from articles.models import Article
from events.models import Event
from pages.models import Page
from recoverysite.publishing import Status
from tests.editorial.conftest import form_data, history_url, save
from tests.factories import make_article, make_event, make_page, make_presenter
from tests.wordpress.conftest import FIXTURES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("make", [make_article, make_page, make_event, make_presenter])
def test_an_item_made_outside_the_admin_gets_a_first_version_when_committed(
    make, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        obj = make()

    (version,) = Version.objects.get_for_object(obj)
    assert version.revision.get_comment() == "First version"
    assert version.object_repr == str(obj)


def test_the_first_version_holds_what_was_added_after_the_first_save(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        event = make_event(presenters=[make_presenter(name="Ada")])

    (version,) = Version.objects.get_for_object(event)
    kept = {other.content_type.model for other in version.revision.version_set.all()}
    assert kept == {"event", "eventpresenter"}


def test_the_first_edit_of_an_item_without_versions_keeps_its_original(
    editor_client,
):
    # Rows written in bulk (generate_content) or before versions were kept.
    (article,) = Article.objects.bulk_create(
        [
            Article(
                title="Original title",
                slug="original",
                summary="The summary.",
                body="<p>The original words.</p>",
                status=Status.DRAFT,
            )
        ]
    )
    article = Article.objects.get(slug="original")

    save(editor_client, article, title="Edited title")

    original, edited = Version.objects.get_for_object(article).order_by("pk")
    assert original.field_dict["title"] == "Original title"
    assert edited.field_dict["title"] == "Edited title"
    compare = editor_client.get(
        history_url(article) + f"compare/?from={original.pk}&to={edited.pk}"
    )
    assert "<del>Original</del>" in compare.text
    assert "<ins>Edited</ins>" in compare.text
    url = history_url(article) + f"{original.pk}/"
    editor_client.post(url, form_data(editor_client.get(url)))
    article.refresh_from_db()
    assert article.title == "Original title"


def test_a_second_edit_keeps_no_extra_original(editor_client):
    article = make_article(title="One")
    save(editor_client, article, title="Two")
    save(editor_client, article, title="Three")

    titles = [
        version.field_dict["title"]
        for version in Version.objects.get_for_object(article).order_by("pk")
    ]
    assert titles == ["One", "Two", "Three"]


def test_the_command_gives_existing_items_one_first_version_each_and_only_once():
    first, second = make_article(), make_page()
    call_command("create_first_versions", verbosity=0)
    call_command("create_first_versions", verbosity=0)

    for obj in (first, second):
        (version,) = Version.objects.get_for_object(obj)
        # Each its own revision: restoring one brings back that item only.
        assert version.revision.version_set.count() == 1


def assert_one_first_version_each(*querysets):
    items = [obj for queryset in querysets for obj in queryset]
    assert items
    for obj in items:
        (version,) = Version.objects.get_for_object(obj)
        assert version.revision.get_comment() == "First version", obj


def test_the_demo_content_has_a_first_version_of_every_item(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=StringIO())

    assert_one_first_version_each(
        Article.objects.all(), Page.objects.all(), Event.objects.all()
    )


def test_imported_wordpress_items_have_a_first_version(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "import_wordpress",
            str(FIXTURES / "edge_cases.xml"),
            stdout=StringIO(),
            stderr=StringIO(),
        )

    assert_one_first_version_each(Article.objects.all(), Page.objects.all())
