"""The pages admin."""

import pytest
from django.urls import reverse
from django.utils import timezone

from pages.models import Page
from recoverysite.publishing import Status
from tests.articles.test_models import HOSTILE_HTML, assert_harmless
from tests.factories import make_page

CHANGELIST = reverse("admin:pages_page_changelist")
ADD = reverse("admin:pages_page_add")


@pytest.fixture
def states(db, yesterday, tomorrow):
    return {
        "published": make_page(title="Published page", published_at=yesterday),
        "scheduled": make_page(title="Scheduled page", published_at=tomorrow),
        "draft": make_page(title="Draft page", status=Status.DRAFT),
    }


def add_form_data(**overrides):
    published_at = timezone.localtime()
    data = {
        "title": "Getting help",
        "slug": "getting-help",
        "parent": "",
        "body": "<p>Hello.</p>",
        "show_in_menu": "on",
        "menu_order": "3",
        "status": Status.PUBLISHED,
        "published_at_0": published_at.strftime("%Y-%m-%d"),
        "published_at_1": published_at.strftime("%H:%M:%S"),
    }
    return data | overrides


def test_page_changelist_shows_every_state(staff_client, states):
    response = staff_client.get(CHANGELIST)

    assert response.status_code == 200
    for title in ["Published page", "Scheduled page", "Draft page"]:
        assert title in response.text
    assert "By publication state" in response.text


@pytest.mark.parametrize("state", ["published", "scheduled", "draft"])
def test_page_changelist_filters_by_publication_state(staff_client, states, state):
    response = staff_client.get(CHANGELIST, {"state": state})

    assert list(response.context["cl"].queryset) == [states[state]]


def test_page_changelist_search_finds_words_in_the_body(staff_client, db):
    wanted = make_page(title="About", body="<p>Lighthouses and harbours.</p>")
    make_page(title="Contact")

    response = staff_client.get(CHANGELIST, {"q": "harbours"})

    assert list(response.context["cl"].queryset) == [wanted]


def test_page_change_form_links_to_the_public_address(staff_client, db):
    parent = make_page(title="About")
    page = make_page(title="Privacy", parent=parent)

    response = staff_client.get(reverse("admin:pages_page_change", args=[page.pk]))

    assert "View on site" in response.text
    assert 'href="/about/privacy/"' in response.text


def test_page_actions_publish_and_unpublish(staff_client, states):
    draft, published = states["draft"], states["published"]

    staff_client.post(CHANGELIST, {"action": "publish", "_selected_action": [draft.pk]})
    staff_client.post(
        CHANGELIST, {"action": "unpublish", "_selected_action": [published.pk]}
    )

    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert published.status == Status.DRAFT


def test_page_add_form_sanitises_hostile_html(staff_client, db):
    response = staff_client.post(ADD, add_form_data(body=HOSTILE_HTML))

    assert response.status_code == 302
    page = Page.objects.get(slug="getting-help")
    assert_harmless(page.body)
    assert "<strong>bold</strong>" in page.body
    assert page.show_in_menu
    assert page.menu_order == 3


@pytest.mark.parametrize("slug", ["articles", "admin", "tags"])
def test_page_add_form_rejects_a_slug_used_by_the_site(staff_client, db, slug):
    response = staff_client.post(ADD, add_form_data(slug=slug))

    assert response.status_code == 200
    assert f"“{slug}” is already used by the site itself." in response.text
    assert not Page.objects.exists()


def test_page_add_form_offers_top_level_pages_only_as_parents(staff_client, db):
    about = make_page(title="About")
    make_page(title="Team", parent=about)

    response = staff_client.get(ADD)

    choices = [
        str(page)
        for page in response.context["adminform"].form.fields["parent"].queryset
    ]
    assert choices == ["About"]


def test_page_add_form_rejects_a_second_level_of_nesting(staff_client, db):
    team = make_page(title="Team", parent=make_page(title="About"))

    response = staff_client.post(ADD, add_form_data(parent=team.pk))

    assert response.status_code == 200
    assert not Page.objects.filter(slug="getting-help").exists()
