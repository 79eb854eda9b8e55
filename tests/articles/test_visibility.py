"""Who sees published, draft and scheduled articles, and where."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from recoverysite.publishing import Status
from tests.factories import make_article, make_user


@pytest.fixture
def articles(db, now):
    """One published, one draft and one scheduled article, sharing tag and author."""
    author = make_user(display_name="Ann Writer")
    an_hour_ago = now - datetime.timedelta(hours=1)
    return {
        "published": make_article(
            title="Published piece",
            author=author,
            tags=["hope"],
            published_at=an_hour_ago,
        ),
        "draft": make_article(
            title="Draft piece",
            author=author,
            tags=["hope"],
            status=Status.DRAFT,
            published_at=an_hour_ago - datetime.timedelta(minutes=1),
        ),
        "scheduled": make_article(
            title="Scheduled piece",
            author=author,
            tags=["hope"],
            published_at=now + datetime.timedelta(hours=1),
        ),
    }


LIST_PAGES = ["home", "list", "tag", "author", "year", "month"]


def list_url(name, article):
    """The address of a list page on which ``article`` belongs."""
    published_at = timezone.localtime(article.published_at)
    return {
        "home": reverse("home"),
        "list": reverse("articles:list"),
        "tag": reverse("pages:tag", args=["hope"]),
        "author": reverse("articles:author", args=[article.author.slug]),
        "year": reverse("articles:archive-year", args=[published_at.year]),
        "month": reverse(
            "articles:archive-month", args=[published_at.year, published_at.month]
        ),
    }[name]


@pytest.mark.parametrize("page", LIST_PAGES)
def test_list_pages_show_published_articles_only(client, articles, page):
    response = client.get(list_url(page, articles["published"]))

    assert response.status_code == 200
    assert "Published piece" in response.text
    assert "Draft piece" not in response.text
    assert "Scheduled piece" not in response.text


@pytest.mark.parametrize("page", LIST_PAGES)
def test_list_pages_hide_drafts_and_scheduled_from_staff_too(
    staff_client, articles, page
):
    response = staff_client.get(list_url(page, articles["published"]))

    assert "Draft piece" not in response.text
    assert "Scheduled piece" not in response.text


def test_published_article_detail_is_public_and_cacheable(client, articles):
    response = client.get(articles["published"].get_absolute_url())

    assert response.status_code == 200
    assert "Published piece" in response.text
    assert "only staff can see this page" not in response.text
    assert "X-Robots-Tag" not in response.headers
    assert "no-store" not in response.headers.get("Cache-Control", "")


@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_anonymous_visitor_gets_404_for_unpublished_article(client, articles, state):
    response = client.get(articles[state].get_absolute_url())

    assert response.status_code == 404


@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_logged_in_visitor_who_is_not_staff_gets_404(client, articles, state):
    user = make_user()
    user.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(user)

    response = client.get(articles[state].get_absolute_url())

    assert response.status_code == 404


@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_staff_without_change_permission_cannot_preview(client, articles, state):
    client.force_login(make_user(is_staff=True))

    response = client.get(articles[state].get_absolute_url())

    assert response.status_code == 404


def test_staff_with_change_permission_can_preview_draft(client, articles):
    editor = make_user(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_article"))
    client.force_login(editor)

    response = client.get(articles["draft"].get_absolute_url())

    assert response.status_code == 200
    assert "Draft: only staff can see this page." in response.text


def test_staff_preview_of_draft_is_marked_never_cached_and_not_indexed(
    staff_client, articles
):
    response = staff_client.get(articles["draft"].get_absolute_url())

    assert response.status_code == 200
    assert "Draft piece" in response.text
    assert '<div class="preview-banner" role="status">' in response.text
    assert "Draft: only staff can see this page." in response.text
    assert "no-cache" in response.headers["Cache-Control"]
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["X-Robots-Tag"] == "noindex"


def test_staff_preview_of_scheduled_article_says_when_it_appears(
    staff_client, articles
):
    response = staff_client.get(articles["scheduled"].get_absolute_url())

    assert response.status_code == 200
    assert "Scheduled for " in response.text
    assert "only staff can see this page" in response.text
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["X-Robots-Tag"] == "noindex"


def test_staff_see_published_article_without_preview_banner(staff_client, articles):
    response = staff_client.get(articles["published"].get_absolute_url())

    assert "only staff can see this page" not in response.text
    assert "X-Robots-Tag" not in response.headers


def test_scheduled_article_appears_by_itself_when_its_time_comes(client, articles):
    scheduled = articles["scheduled"]
    scheduled.published_at = timezone.now() - datetime.timedelta(seconds=1)
    scheduled.save()

    assert client.get(scheduled.get_absolute_url()).status_code == 200
    assert "Scheduled piece" in client.get(reverse("articles:list")).text


def test_previous_and_next_links_skip_drafts_and_scheduled_articles(db, client, now):
    older = make_article(title="Older piece", published_at=now - timedelta_days(3))
    make_article(
        title="Draft between",
        status=Status.DRAFT,
        published_at=now - timedelta_days(2.5),
    )
    current = make_article(title="Current piece", published_at=now - timedelta_days(2))
    make_article(
        title="Draft after",
        status=Status.DRAFT,
        published_at=now - timedelta_days(1.5),
    )
    newer = make_article(title="Newer piece", published_at=now - timedelta_days(1))
    make_article(title="Scheduled after", published_at=now + timedelta_days(1))

    response = client.get(current.get_absolute_url())

    assert f'<a href="{older.get_absolute_url()}" rel="prev">' in response.text
    assert f'<a href="{newer.get_absolute_url()}" rel="next">' in response.text
    assert "Draft between" not in response.text
    assert "Draft after" not in response.text

    newest = client.get(newer.get_absolute_url())
    assert 'rel="next"' not in newest.text
    assert "Scheduled after" not in newest.text


def test_preview_of_draft_links_to_published_neighbours_only(staff_client, articles):
    response = staff_client.get(articles["draft"].get_absolute_url())

    assert "Scheduled piece" not in response.text
    assert f'href="{articles["published"].get_absolute_url()}" rel="next"' in (
        response.text
    )


def timedelta_days(days):
    return datetime.timedelta(days=days)
