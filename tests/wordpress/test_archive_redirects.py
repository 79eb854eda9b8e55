"""WordPress's feeds, author pages, date archives and attachment pages redirect."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.wordpress.conftest import FIXTURES

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(run_import):
    run_import(FIXTURES / "edge_cases.xml")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/feed/", reverse("articles:feed")),
        ("/feed/atom/", reverse("articles:feed-atom")),
        ("/2024/", reverse("articles:archive-year", args=[2024])),
        ("/2024/01/", reverse("articles:archive-month", args=[2024, 1])),
    ],
)
def test_old_feed_and_date_archive_addresses_redirect_permanently(
    imported, client, old, new
):
    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == new


def test_an_old_author_page_redirects_to_the_author_here(imported, client):
    author = Article.objects.get(slug="hope").author

    response = client.get("/author/editor/")

    assert response.status_code == 301
    assert response["Location"] == reverse(
        "articles:author", kwargs={"slug": author.slug}
    )


def test_an_old_attachment_page_redirects_to_its_post(imported, client):
    response = client.get("/?attachment_id=50")

    assert response.status_code == 301
    assert response["Location"] == Article.objects.get(slug="hope").get_absolute_url()
