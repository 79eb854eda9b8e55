"""The admin's navigation is grouped by task, and shows each role what it uses."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertInHTML

MACHINERY = [
    "Access attempts",
    "Groups",
    "Imported WordPress items",
    "Outgoing emails",
    "Sites",
    "Tags",
]


def navigation(response, key="app_list"):
    assert response.status_code == 200
    return {
        str(group["name"]): [str(model["name"]) for model in group["models"]]
        for group in response.context[key]
    }


def test_editor_sees_the_five_tasks_and_no_machinery(client, editor):
    client.force_login(editor)

    groups = navigation(client.get(reverse("admin:index")))

    assert groups == {
        "Write": ["Articles", "Pages"],
        "Events": [
            "Events",
            "Event series",
            "Presenters",
            "Registrations",
            "Registration options",
            "Questions for registrants",
        ],
        "Comments": ["Comments", "Moderation rules"],
        "Library": ["Images"],
        "Site": [
            "Announcements",
            "Contact messages",
            "Topics",
            "Digests",
            "New items",
            "Redirects",
        ],
    }


def test_author_sees_writing_and_the_library(client, author):
    client.force_login(author)

    groups = navigation(client.get(reverse("admin:index")))

    assert groups == {"Write": ["Articles"], "Library": ["Images"]}


def test_moderator_sees_the_comments_only(client, moderator):
    client.force_login(moderator)

    groups = navigation(client.get(reverse("admin:index")))

    assert groups == {"Comments": ["Comments", "Moderation rules"]}


def test_the_side_menu_is_grouped_the_same_way(client, editor):
    client.force_login(editor)
    index = navigation(client.get(reverse("admin:index")))

    side = navigation(
        client.get(reverse("admin:articles_article_changelist")), "available_apps"
    )

    assert side == index


@pytest.mark.django_db
def test_superuser_reaches_everything_with_the_machinery_last(admin_client):
    groups = navigation(admin_client.get(reverse("admin:index")))

    assert list(groups) == [
        "Write",
        "Events",
        "Comments",
        "Library",
        "Site",
        "Machinery",
    ]
    assert set(MACHINERY) <= set(groups["Machinery"])
    assert "Users" in groups["Site"]
    assert "Site settings" in groups["Site"]
    assert "Commenter email addresses" in groups["Comments"]


def test_an_applications_own_page_still_lists_its_models(client, editor):
    client.force_login(editor)

    groups = navigation(client.get(reverse("admin:app_list", args=["events"])))

    assert groups == {"Events": ["Event series", "Events", "Presenters"]}


def test_index_shows_each_task_as_a_section(client, editor):
    client.force_login(editor)

    response = client.get(reverse("admin:index"))

    for name, address in [
        ("Write", "/admin/articles/article/"),
        ("Events", "/admin/events/event/"),
        ("Comments", "/admin/comments/comment/"),
        ("Library", "/admin/images/image/"),
        ("Site", "/admin/announcements/announcement/"),
    ]:
        assertInHTML(
            f'<a href="{address}" class="section" '
            f'title="Models in the {name} application">{name}</a>',
            response.content.decode(),
        )
