"""Reading sets no cookie, and the privacy page is one click away on every page."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from comments.models import Comment, CommentStatus
from pages.models import Page
from recoverysite.models import SiteSettings
from tests.browser.content import PUBLIC_PAGES, make_site
from tests.factories import make_page

MORE_PAGES = {
    "privacy page": lambda site: site.settings.privacy_page.get_absolute_url(),
    "reply form": lambda site: reverse(
        "comments:reply", kwargs={"comment_id": site.comment.pk}
    ),
    "author": lambda site: site.article.author.get_absolute_url(),
    "article feed": lambda site: reverse("articles:feed"),
    "event feed": lambda site: reverse("events:feed"),
    "sitemap": lambda site: reverse("sitemap"),
    "robots.txt": lambda site: reverse("robots"),
}


@pytest.fixture
def site(db):
    site = make_site()
    site.comment = Comment.objects.create(
        content_object=site.article,
        site_id=settings.SITE_ID,
        user_name="Alex",
        user_email="alex@example.org",
        comment="Thank you for this.",
        submit_date=site.article.published_at,
        status=CommentStatus.PUBLISHED,
    )
    return site


@pytest.mark.parametrize("page_cache_seconds", [0, 600], ids=["uncached", "cached"])
def test_reading_any_public_page_sets_no_cookie(
    client, settings, site, page_cache_seconds
):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    pages = {**PUBLIC_PAGES, **MORE_PAGES}
    for page_type, address in pages.items():
        for _visit in range(2):  # made, then (when cached) from the cache
            response = client.get(address(site))
            assert response.status_code in (200, 404), page_type
            assert not response.cookies, page_type
            assert not response.has_header("Set-Cookie"), page_type
    assert not client.cookies


def test_the_article_comment_form_needs_no_csrf_cookie(client, site):
    html = client.get(site.article.get_absolute_url()).content.decode()

    assert 'class="comment-form"' in html
    assert "csrfmiddlewaretoken" not in html


def test_every_page_links_to_the_privacy_page(client, site):
    for address in [reverse("home"), site.article.get_absolute_url(), "/nowhere/"]:
        html = client.get(address).content.decode()
        assert '<p><a href="/privacy/">Privacy</a></p>' in html, address


def test_no_privacy_link_until_one_is_chosen(client, site):
    site.settings.privacy_page = None
    site.settings.save()

    assert "/privacy/" not in client.get(reverse("home")).content.decode()


def test_the_footer_link_costs_no_query(client, site, django_assert_num_queries):
    # The privacy page and its parent come with the site settings in one query.
    child = make_page(title="Privacy", slug="privacy", parent=site.start_page)
    site.settings.privacy_page = child
    site.settings.save()
    loaded = SiteSettings.load()
    with django_assert_num_queries(0):
        assert loaded.privacy_page.get_absolute_url() == (
            "/questions-and-answers/privacy/"
        )


@pytest.mark.django_db
def test_the_demo_privacy_page_says_what_is_kept_and_for_how_long(client, settings):
    settings.COMMENTS_IP_RETENTION_DAYS = 21
    call_command("load_demo_content", verbosity=0)
    privacy = Page.objects.get(slug="privacy")

    assert SiteSettings.load().privacy_page == privacy
    html = client.get(reverse("home")).content.decode()
    assert f'<a href="{privacy.get_absolute_url()}">Privacy</a>' in html
    text = client.get(privacy.get_absolute_url()).content.decode()
    for fact in [
        "There are no trackers here",
        "Reading sets no cookies",
        "Your email address",
        "erased after 21 days",
        "Remember my name and email on this browser",
        "deleted after 14 days",
        "until you or a moderator remove them",
    ]:
        assert fact in text, fact
