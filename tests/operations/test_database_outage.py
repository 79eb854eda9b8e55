import pytest
from django.test import Client

from recoverysite.models import SiteSettings
from tests.factories import make_article


@pytest.fixture
def site(transactional_db):
    settings = SiteSettings.load()
    settings.name = "Recovery Dialogues Test"
    settings.crisis_notice = "Call the crisis line."
    settings.save()
    return make_article(title="Still here afterwards")


def assert_outage_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert "We will be back in a moment" in html
    # The site's own design: its stylesheet, header and skip link.
    assert "/static/recoverysite/css/site.css" in html
    assert 'class="site-header"' in html
    assert "Skip to content" in html


def test_pages_answer_503_in_the_site_design_while_the_database_is_down(
    site, database_outage
):
    database_outage.start()
    visitor = Client()
    for url in ("/", site.get_absolute_url(), "/articles/", "/events/"):
        assert_outage_page(visitor.get(url))


def test_the_site_recovers_by_itself_when_the_database_returns(site, database_outage):
    database_outage.start()
    visitor = Client()
    assert_outage_page(visitor.get(site.get_absolute_url()))
    database_outage.restore()
    response = visitor.get(site.get_absolute_url())
    assert response.status_code == 200
    assert "Still here afterwards" in response.content.decode()


def test_a_database_error_outside_any_view_also_gets_the_503_page(
    site, database_outage
):
    database_outage.start()
    # No address matches: the redirects middleware looks up the database itself.
    visitor = Client(raise_request_exception=False)
    assert_outage_page(visitor.get("/no/such/address/at/all/"))


def test_signed_in_editors_get_the_503_page_too(
    site, database_outage, django_user_model
):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "x")
    # The outage may surface in a middleware (the staff idle check reads the
    # session), where Django's own handler gives the 503 page; the test client
    # would re-raise the error instead of showing that page.
    client = Client(raise_request_exception=False)
    client.force_login(editor)
    database_outage.start()
    assert_outage_page(client.get("/admin/"))
    database_outage.restore()
    assert client.get("/admin/").status_code == 200


def test_the_outage_page_is_never_kept_in_the_page_cache(
    site, database_outage, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    database_outage.start()
    visitor = Client()
    assert_outage_page(visitor.get("/articles/"))
    database_outage.restore()
    response = visitor.get("/articles/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"


def test_other_errors_still_get_the_500_page(site, monkeypatch):
    from articles.views import ArticleListView

    def broken(self, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(ArticleListView, "get_context_data", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/articles/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "Retry-After" not in response
