"""Standalone pages: visibility, addresses, nesting and the menu."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from pages.models import Page
from recoverysite.publishing import Status
from tests.articles.test_models import (
    HOSTILE_HTML,
    assert_formatting_kept,
    assert_harmless,
)
from tests.factories import make_page, make_user


@pytest.fixture
def pages(db, now):
    return {
        "published": make_page(title="Published page", show_in_menu=True),
        "draft": make_page(title="Draft page", status=Status.DRAFT, show_in_menu=True),
        "scheduled": make_page(
            title="Scheduled page",
            show_in_menu=True,
            published_at=now + datetime.timedelta(hours=1),
        ),
    }


def test_published_page_is_shown_at_its_slug(client, pages):
    response = client.get("/published-page/")

    assert response.status_code == 200
    assert "<h1>Published page</h1>" in response.text
    assert "only staff can see this page" not in response.text
    assert "X-Robots-Tag" not in response.headers


@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_anonymous_visitor_gets_404_for_unpublished_page(client, pages, state):
    assert client.get(pages[state].get_absolute_url()).status_code == 404


@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_staff_without_change_permission_cannot_preview_page(client, pages, state):
    client.force_login(make_user(is_staff=True))

    assert client.get(pages[state].get_absolute_url()).status_code == 404


def test_staff_with_page_permission_can_preview_draft_page(client, pages):
    editor = make_user(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_page"))
    client.force_login(editor)

    assert client.get(pages["draft"].get_absolute_url()).status_code == 200


def test_staff_preview_of_draft_page_is_marked_and_never_cached(staff_client, pages):
    response = staff_client.get(pages["draft"].get_absolute_url())

    assert response.status_code == 200
    assert "Draft: only staff can see this page." in response.text
    assert "no-cache" in response.headers["Cache-Control"]
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["X-Robots-Tag"] == "noindex"


def test_staff_preview_of_scheduled_page_is_marked_scheduled(staff_client, pages):
    response = staff_client.get(pages["scheduled"].get_absolute_url())

    assert response.status_code == 200
    assert "Scheduled for " in response.text
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("user", ["anonymous", "staff"])
def test_menu_shows_published_pages_only(client, pages, user):
    if user == "staff":
        client.force_login(make_user(is_staff=True, is_superuser=True))

    nav = nav_html(client.get("/"))

    assert "Published page" in nav
    assert "Draft page" not in nav
    assert "Scheduled page" not in nav


def nav_html(response):
    text = response.text
    return text[text.index('<nav class="site-nav"') : text.index("</nav>")]


def test_menu_follows_menu_order_and_show_in_menu(client, db):
    make_page(title="Zebra first", menu_order=1, show_in_menu=True)
    make_page(title="Apple second", menu_order=2, show_in_menu=True)
    make_page(title="Banana also second", menu_order=2, show_in_menu=True)
    make_page(title="Hidden page", menu_order=0, show_in_menu=False)

    nav = nav_html(client.get("/"))

    assert "Hidden page" not in nav
    assert nav.index("Zebra first") < nav.index("Apple second")
    assert nav.index("Apple second") < nav.index("Banana also second")


def test_menu_leaves_out_child_pages(client, db):
    parent = make_page(title="About", show_in_menu=True)
    make_page(title="Privacy", parent=parent, show_in_menu=True)

    nav = nav_html(client.get("/"))

    assert "About" in nav
    assert "Privacy" not in nav


def test_menu_marks_the_current_page(client, db):
    make_page(title="About", show_in_menu=True)

    response = client.get("/about/")

    assert '<a href="/about/" aria-current="page">About</a>' in response.text


def test_slug_is_made_from_title_and_kept_unique_at_the_top(db):
    first = make_page(title="About us")
    second = make_page(title="About us")

    assert (first.slug, second.slug) == ("about-us", "about-us-2")


def test_same_slug_may_be_used_under_different_parents(db):
    about = make_page(title="About")
    help_page = make_page(title="Help")

    first = make_page(title="Privacy", parent=about)
    second = make_page(title="Privacy", parent=help_page)

    assert first.slug == second.slug == "privacy"


@pytest.mark.skipif(
    connection.vendor == "mysql",
    reason="MariaDB holds no conditional constraint; the admin validates instead",
)
def test_database_refuses_two_top_level_pages_with_one_slug(db):
    make_page(title="About", slug="about")

    with pytest.raises(IntegrityError), transaction.atomic():
        Page.objects.create(title="About again", slug="about")


def test_editor_can_change_the_slug(client, db):
    page = make_page(title="About")
    page.slug = "about-this-site"
    page.save()

    assert client.get("/about-this-site/").status_code == 200
    old_address = client.get("/about/")
    assert (old_address.status_code, old_address.url) == (301, "/about-this-site/")


@pytest.mark.parametrize(
    "slug", ["articles", "admin", "tags", "authors"], ids=lambda slug: slug
)
def test_top_level_slug_used_by_a_site_section_is_rejected(db, slug):
    page = Page(title="Clash", slug=slug, body="<p>Hi</p>")

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert "slug" in error.value.message_dict


def test_child_page_may_use_a_section_name_as_slug(db):
    parent = make_page(title="About")
    page = Page(title="Tags", slug="tags", parent=parent, body="<p>Hi</p>")

    page.full_clean()


def test_nested_page_lives_under_its_parent(client, db):
    parent = make_page(title="About")
    child = make_page(title="Privacy", parent=parent, body="<p>We keep little.</p>")

    response = client.get("/about/privacy/")

    assert child.get_absolute_url() == "/about/privacy/"
    assert response.status_code == 200
    assert "We keep little." in response.text
    assert '<a href="/about/">About</a>' in response.text
    assert client.get("/privacy/").status_code == 404


def test_nested_page_under_the_wrong_parent_is_404(client, db):
    make_page(title="Help")
    make_page(title="Privacy", parent=make_page(title="About"))

    assert client.get("/help/privacy/").status_code == 404


def test_parent_page_lists_its_published_children(client, db, tomorrow):
    parent = make_page(title="About")
    make_page(title="Privacy", parent=parent)
    make_page(title="Draft child", parent=parent, status=Status.DRAFT)
    make_page(title="Scheduled child", parent=parent, published_at=tomorrow)

    response = client.get(parent.get_absolute_url())

    assert '<a href="/about/privacy/">Privacy</a>' in response.text
    assert "Draft child" not in response.text
    assert "Scheduled child" not in response.text


@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_unpublished_child_page_is_404(client, db, tomorrow, state):
    parent = make_page(title="About")
    child = make_page(
        title="Privacy",
        parent=parent,
        status=Status.DRAFT if state == "draft" else Status.PUBLISHED,
        published_at=tomorrow if state == "scheduled" else parent.published_at,
    )

    assert client.get(child.get_absolute_url()).status_code == 404


def test_pages_nest_one_level_only(db):
    top = make_page(title="About")
    middle = make_page(title="Team", parent=top)
    bottom = Page(title="Ann", slug="ann", parent=middle, body="<p>Hi</p>")

    with pytest.raises(ValidationError) as error:
        bottom.full_clean()

    assert "parent" in error.value.message_dict


def test_page_with_children_cannot_move_under_another_page(db):
    top = make_page(title="About")
    make_page(title="Team", parent=top)
    top.parent = make_page(title="Help")

    with pytest.raises(ValidationError) as error:
        top.full_clean()

    assert "parent" in error.value.message_dict


def test_page_cannot_be_its_own_parent(db):
    page = make_page(title="About")
    page.parent = page

    with pytest.raises(ValidationError) as error:
        page.full_clean()

    assert "parent" in error.value.message_dict


def test_hostile_html_is_removed_from_page_body_on_save(db):
    page = make_page(body=HOSTILE_HTML)

    page.refresh_from_db()
    assert_harmless(page.body)
    assert_formatting_kept(page.body)


def test_page_shows_sanitised_body(client, db):
    page = make_page(title="About", body=HOSTILE_HTML)

    response = client.get(page.get_absolute_url())

    assert "<strong>bold</strong>" in response.text
    assert "<script>alert" not in response.text
    assert "javascript:" not in response.text


def test_page_detail_uses_a_fixed_number_of_queries(
    client, db, django_assert_num_queries
):
    parent = make_page(title="About", show_in_menu=True)
    for number in range(3):
        make_page(title=f"Child {number}", parent=parent)
    make_page(title="Contact", show_in_menu=True)
    client.get("/")  # creates the site settings row

    # Site settings, menu, the page with its parent, its children.
    with django_assert_num_queries(4):
        response = client.get(reverse("pages:detail", args=["about"]))

    assert response.status_code == 200
