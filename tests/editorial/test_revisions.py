"""Every admin save keeps a version; editors compare two and restore one."""

import pytest
from django.contrib.redirects.models import Redirect
from reversion.models import Version

from articles.models import Article
from search.sources import search
from tests.editorial.conftest import change_url, form_data, history_url, save
from tests.factories import make_article, make_event, make_page, make_presenter

pytestmark = pytest.mark.django_db


def test_saving_an_article_in_the_admin_keeps_a_version_with_who_and_when(
    editor_client, editor
):
    article = make_article(title="First title")

    response = save(editor_client, article, title="Second title")

    assert response.status_code == 302
    versions = Version.objects.get_for_object(article)
    # The original, kept just before the first save, and the save.
    assert versions.count() == 2
    assert versions[1].field_dict["title"] == "First title"
    assert versions[0].field_dict["title"] == "Second title"
    assert versions[0].revision.user == editor
    assert versions[0].revision.comment
    history = editor_client.get(history_url(article))
    assert str(editor) in history.text
    assert "Compare" in history.text


@pytest.mark.parametrize(
    "make, changes",
    [
        (make_page, {"title": "Renamed page"}),
        (make_event, {"title": "Renamed event"}),
        (make_presenter, {"name": "Renamed presenter"}),
    ],
)
def test_pages_events_and_presenters_keep_versions_too(editor_client, make, changes):
    obj = make()

    response = save(editor_client, obj, **changes)

    assert response.status_code == 302, response.context["adminform"].form.errors
    version = Version.objects.get_for_object(obj).first()
    for name, value in changes.items():
        assert version.field_dict[name] == value


def test_compare_shows_the_words_removed_and_added_in_title_summary_and_body(
    editor_client,
):
    article = make_article(title="Walking alone", body="<p>We walk by the river.</p>")
    save(editor_client, article)
    save(
        editor_client,
        article,
        title="Walking together",
        body="<p>We walk by the sea.</p><p>Nobody has to talk.</p>",
    )
    older, newer = sorted(
        Version.objects.get_for_object(article), key=lambda version: version.pk
    )[-2:]

    response = editor_client.get(
        history_url(article) + f"compare/?from={older.pk}&to={newer.pk}"
    )

    assert response.status_code == 200
    assert "<del>alone</del>" in response.text
    assert "<ins>together</ins>" in response.text
    assert "<del>river.</del>" in response.text
    assert "<ins>sea.</ins>" in response.text
    assert "<ins>Nobody has to talk.</ins>" in response.text
    # Markup is not compared, only the words visitors read.
    assert "&lt;p&gt;" not in response.text
    assert "Summary — no change" in response.text


def test_compare_with_versions_of_another_item_is_refused_with_a_message(
    editor_client,
):
    article = make_article()
    other = make_article()
    save(editor_client, article)
    save(editor_client, other)
    mine = Version.objects.get_for_object(article).first()
    theirs = Version.objects.get_for_object(other).first()

    response = editor_client.get(
        history_url(article) + f"compare/?from={mine.pk}&to={theirs.pk}"
    )

    assert response.status_code == 200
    assert "Choose two versions of this item to compare." in response.text


def restore(client, obj, version):
    url = history_url(obj) + f"{version.pk}/"
    return client.post(url, form_data(client.get(url)))


def test_restoring_a_version_brings_back_its_text_and_keeps_a_new_version(
    editor_client,
):
    article = make_article(title="Kind words", body="<p>Original text.</p>")
    save(editor_client, article)
    save(editor_client, article, title="Harsh words", body="<p>Rewritten text.</p>")
    first = Version.objects.get_for_object(article).order_by("pk").first()

    response = restore(editor_client, article, first)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Kind words"
    assert article.body == "<p>Original text.</p>"
    assert Version.objects.get_for_object(article).count() == 4
    latest = Version.objects.get_for_object(article).first()
    assert "Reverted to previous version" in latest.revision.get_comment()


def test_a_restored_article_is_found_by_search_with_its_restored_words(
    editor_client,
):
    article = make_article(title="Gardening for calm", body="<p>Tomatoes.</p>")
    save(editor_client, article)
    save(editor_client, article, title="Cooking for calm", body="<p>Soup.</p>")
    first = Version.objects.get_for_object(article).order_by("pk").first()

    restore(editor_client, article, first)

    assert [r.title for r in search("gardening")] == ["Gardening for calm"]
    assert search("cooking") == []


def test_restoring_an_older_slug_keeps_the_newer_address_working(editor_client, client):
    article = make_article(title="Hope", slug="hope")
    save(editor_client, article)
    save(editor_client, article, slug="finding-hope")
    assert Redirect.objects.filter(old_path="/articles/hope/").exists()
    first = Version.objects.get_for_object(article).order_by("pk").first()

    restore(editor_client, article, first)

    article.refresh_from_db()
    assert article.slug == "hope"
    assert not Redirect.objects.filter(old_path="/articles/hope/").exists()
    response = client.get("/articles/finding-hope/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/hope/"
    assert client.get("/articles/hope/").status_code == 200


def test_an_author_cannot_restore_a_version_of_a_published_article(
    client, author, editor_client
):
    article = make_article(author=author)
    save(editor_client, article)
    version = Version.objects.get_for_object(article).first()
    client.force_login(author)

    response = client.post(history_url(article) + f"{version.pk}/", {})

    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).title == article.title


def test_change_form_links_to_the_history(editor_client):
    article = make_article()
    response = editor_client.get(change_url(article))
    assert f'href="{history_url(article)}"' in response.text


def test_compare_lists_other_changed_settings_in_words(editor_client):
    article = make_article(status="draft")
    save(editor_client, article)
    save(editor_client, article, status="published")
    older, newer = sorted(
        Version.objects.get_for_object(article), key=lambda version: version.pk
    )[-2:]

    response = editor_client.get(
        history_url(article) + f"compare/?from={older.pk}&to={newer.pk}"
    )

    assert (
        '<tr><th scope="row">Status</th><td>Draft</td><td>Published</td></tr>'
        in response.text
    )
