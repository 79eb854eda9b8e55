"""Editor, Author and Moderator: who may write, publish and moderate."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from articles.models import Article
from tests.comments.conftest import make_comment
from tests.editorial.conftest import (
    add_url,
    change_url,
    create_roles,
    form_data,
)
from tests.factories import make_article, make_event, make_page

pytestmark = pytest.mark.django_db


def codenames(group_name):
    return set(
        Group.objects.get(name=group_name).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )


def test_the_three_roles_exist_after_migrating_a_fresh_database():
    editor = codenames("Editor")
    assert {
        ("articles", "publish_article"),
        ("pages", "publish_page"),
        ("events", "publish_event"),
        ("events", "change_presenter"),
        ("taggit", "change_tag"),
        ("comments", "change_comment"),
    } <= editor
    assert codenames("Author") == {
        ("articles", "add_article"),
        ("articles", "change_article"),
        ("articles", "view_article"),
        ("images", "add_image"),
        ("images", "view_image"),
        ("taggit", "view_tag"),
    }
    assert {label for label, _codename in codenames("Moderator")} == {"comments"}


def test_creating_the_roles_again_changes_nothing():
    before = {name: codenames(name) for name in ["Editor", "Author", "Moderator"]}
    create_roles()
    assert Group.objects.filter(name__in=before).count() == 3
    assert {name: codenames(name) for name in before} == before


def test_creating_the_roles_restores_a_permission_removed_by_hand():
    group = Group.objects.get(name="Editor")
    group.permissions.remove(Permission.objects.get(codename="publish_article"))
    create_roles()
    assert ("articles", "publish_article") in codenames("Editor")


def test_author_writes_a_draft_even_when_posting_published(client, author):
    client.force_login(author)
    form = client.get(add_url(Article))
    assert form.status_code == 200
    assert 'name="status"' not in form.text
    assert "Only editors publish and schedule." in form.text
    data = form_data(
        form,
        title="My first piece",
        slug="my-first-piece",
        summary="A piece about walking with others every week.",
        body="<p>Words.</p>",
        status="published",
        published_at_0="2020-01-01",
        published_at_1="09:00:00",
    )

    response = client.post(add_url(Article), data)

    assert response.status_code == 302
    article = Article.objects.get(slug="my-first-piece")
    assert article.status == "draft"
    assert article.author == author


def test_author_edits_their_own_draft_but_a_forged_status_is_ignored(client, author):
    article = make_article(author=author, status="draft")
    client.force_login(author)
    data = form_data(client.get(change_url(article)), title="Better title")

    response = client.post(change_url(article), {**data, "status": "published"})

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Better title"
    assert article.status == "draft"


def test_author_cannot_publish_with_the_list_action(client, author):
    article = make_article(author=author, status="draft")
    client.force_login(author)

    listing = client.get("/admin/articles/article/")
    client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [article.pk]},
    )

    assert 'value="publish"' not in listing.text
    article.refresh_from_db()
    assert article.status == "draft"


def test_author_cannot_change_published_articles_or_other_peoples_drafts(
    client, author, editor
):
    published = make_article(author=author)
    someone_elses = make_article(author=editor, status="draft")
    client.force_login(author)

    for article in [published, someone_elses]:
        page = client.get(change_url(article))
        assert page.status_code == 200  # read only
        assert 'name="_save"' not in page.text
        response = client.post(change_url(article), {"title": "Hijacked"})
        assert response.status_code == 403
        article.refresh_from_db()
        assert article.title != "Hijacked"


def test_author_cannot_touch_pages_or_events(client, author):
    client.force_login(author)
    assert client.get(change_url(make_page())).status_code == 403
    assert client.get(change_url(make_event())).status_code == 403


def test_moderator_gets_403_on_articles_and_may_moderate_comments(client, moderator):
    article = make_article()
    comment = make_comment(article, status="pending")
    client.force_login(moderator)

    assert client.get(change_url(article)).status_code == 403
    assert client.get("/admin/articles/article/").status_code == 403
    assert client.get("/admin/comments/comment/").status_code == 200
    assert client.get(change_url(comment)).status_code == 200


def test_editor_publishes_a_draft_from_the_change_form(editor_client):
    article = make_article(status="draft")
    data = form_data(editor_client.get(change_url(article)), status="published")

    response = editor_client.post(change_url(article), data)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == "published"
    assert article.is_published()


def test_editor_publishes_pages_and_events_from_the_list(editor_client):
    page = make_page(status="draft")
    event = make_event(status="draft")
    for obj in [page, event]:
        opts = obj._meta
        editor_client.post(
            f"/admin/{opts.app_label}/{opts.model_name}/",
            {"action": "publish", "_selected_action": [obj.pk]},
        )
        obj.refresh_from_db()
        assert obj.status == "published"


def test_editor_looks_after_registrations_and_announcements(editor_client):
    event = make_event(registration_mode="required")

    for name in [
        "registrations_registration_changelist",
        "registrations_registrationoptions_add",
        "registrations_question_changelist",
        "announcements_announcement_add",
    ]:
        assert editor_client.get(reverse(f"admin:{name}")).status_code == 200, name
    dashboard = editor_client.get(reverse("admin:index")).text
    assert "Registrations for the next events" in dashboard
    assert event.title in dashboard.partition("dashboard-registrations")[2]
