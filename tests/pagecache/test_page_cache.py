import json
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.test import Client

from comments.models import Comment, CommentStatus
from recoverysite.models import SiteSettings
from tests.comments.conftest import comment_data
from tests.factories import make_article, make_page


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def remember_cookie(name, email):
    """The "remember me" cookie as the comment form sets it."""
    details = {"name": name, "email": email, "url": ""}
    return quote(json.dumps(details), safe="")


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def add_comment(article, text, status=CommentStatus.PUBLISHED):
    comment = Comment(
        content_object=article,
        site_id=1,
        user_name="Sam",
        user_email="sam@example.org",
        comment=text,
        submit_date=article.published_at,
        status=status,
    )
    comment.save()
    return comment


@pytest.mark.django_db(transaction=True)
def test_anonymous_visitors_get_the_cached_page_until_its_content_changes(client):
    article = make_article(title="First title")
    assert get(client, "/articles/")["X-Page-Cache"] == "miss"
    assert get(client, "/articles/")["X-Page-Cache"] == "hit"

    article.title = "Second title"
    article.save()

    response = get(client, "/articles/")
    assert response["X-Page-Cache"] == "miss"
    assert "Second title" in response.text


@pytest.mark.django_db(transaction=True)
def test_an_approved_comment_refreshes_only_its_own_article(client):
    article = make_article()
    other = make_article()
    for url in (article.get_absolute_url(), other.get_absolute_url()):
        get(client, url)

    comment = add_comment(article, "Held words", status=CommentStatus.PENDING)
    comment.status = CommentStatus.PUBLISHED
    comment.save()

    refreshed = get(client, article.get_absolute_url())
    assert refreshed["X-Page-Cache"] == "miss"
    assert "Held words" in refreshed.text
    assert get(client, other.get_absolute_url())["X-Page-Cache"] == "hit"


@pytest.mark.django_db(transaction=True)
def test_site_settings_and_menu_changes_refresh_every_page(client):
    make_article()
    get(client, "/")
    site = SiteSettings.load()
    site.name = "A new name"
    site.save()
    assert "A new name" in get(client, "/").text

    make_page(title="Newly in the menu", show_in_menu=True)
    assert "Newly in the menu" in get(client, "/").text


@pytest.mark.django_db(transaction=True)
def test_signed_in_staff_and_visitors_with_a_session_never_share_cached_pages(
    client, django_user_model
):
    make_article()
    get(client, "/")
    staff = django_user_model.objects.create_superuser("editor", "e@example.org", "x")
    signed_in = Client()
    signed_in.force_login(staff)
    assert "X-Page-Cache" not in signed_in.get("/")

    with_session = Client()
    with_session.cookies["sessionid"] = "abc"
    # The "remember me" cookie beside it changes nothing: still made afresh.
    with_session.cookies["commenter"] = remember_cookie("Sam", "sam@example.org")
    assert "X-Page-Cache" not in with_session.get("/")


@pytest.mark.django_db(transaction=True)
def test_draft_previews_errors_and_search_are_never_cached(client):
    get(client, "/search/?q=hope")
    assert "X-Page-Cache" not in client.get("/search/?q=hope")
    assert client.get("/no-such-page/").status_code == 404
    assert "X-Page-Cache" not in client.get("/no-such-page/")


@pytest.mark.django_db(transaction=True)
def test_a_cached_page_keeps_its_security_headers(client):
    make_article()
    get(client, "/")
    response = get(client, "/")
    assert response["X-Page-Cache"] == "hit"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db(transaction=True)
def test_an_outdated_page_is_served_stale_while_one_request_rebuilds_it(client):
    from django.core.cache import cache

    from pagecache.middleware import AnonymousPageCacheMiddleware

    article = make_article(title="Old")
    get(client, "/articles/")
    article.title = "New"
    article.save()
    request = client.get("/articles/").wsgi_request  # a rebuild happened here
    key = AnonymousPageCacheMiddleware.page_key(request)
    article.title = "Newer"
    article.save()
    cache.add(f"{key}:rebuilding", 1, 30)  # another worker is rebuilding

    response = get(client, "/articles/")

    assert response["X-Page-Cache"] == "stale"
    assert "New" in response.text


@pytest.mark.django_db(transaction=True)
def test_the_anonymous_comment_form_sets_no_cookie_so_article_pages_cache(client):
    article = make_article()
    response = get(client, article.get_absolute_url())
    assert not response.cookies
    assert 'name="security_hash"' in response.text
    assert get(client, article.get_absolute_url())["X-Page-Cache"] == "hit"


@pytest.mark.django_db(transaction=True)
def test_conditional_get_answers_304_for_an_unchanged_page(client):
    make_article()
    etag = get(client, "/articles/")["ETag"]
    response = client.get("/articles/", headers={"if-none-match": etag})
    assert response.status_code == 304


# Visitors who asked the comment form to remember them


@pytest.mark.django_db(transaction=True)
def test_a_remembered_commenter_gets_the_cached_page_without_a_query(
    client, django_assert_num_queries
):
    article = make_article()
    assert get(client, article.get_absolute_url())["X-Page-Cache"] == "miss"
    sam = Client()
    sam.cookies["commenter"] = remember_cookie("Sam", "sam@example.org")

    with django_assert_num_queries(0):
        response = get(sam, article.get_absolute_url())

    assert response["X-Page-Cache"] == "hit"
    assert 'src="/static/comments/comments.js"' in response.text
    assert response["Cache-Control"].startswith("public")


@pytest.mark.django_db(transaction=True)
def test_no_visitor_ever_sees_another_visitors_remembered_details(client):
    article = make_article()
    url = article.get_absolute_url()
    # Sam ticks "remember me", then is the first to visit the page again.
    sam = Client()
    response = sam.post(
        "/comments/post/",
        comment_data(article, name="Sam Reed", email="sam@example.org", remember="on"),
    )
    assert response.status_code == 302
    assert "commenter" in sam.cookies
    # A browser sends this one only under /comments/; the test client everywhere.
    del sam.cookies["my_comments"]
    made_for_sam = get(sam, url)
    kim = Client()
    kim.cookies["commenter"] = remember_cookie("Kim Lane", "kim@example.org")
    served_to_kim = get(kim, url)
    served_to_a_stranger = get(client, url)

    assert made_for_sam["X-Page-Cache"] == "miss"
    assert served_to_kim["X-Page-Cache"] == "hit"
    assert served_to_a_stranger["X-Page-Cache"] == "hit"
    for response in (made_for_sam, served_to_kim, served_to_a_stranger):
        for personal in ("Sam Reed", "sam@example.org", "Kim Lane", "kim@example.org"):
            assert personal not in response.text


# Staff signing in and out


@pytest.mark.django_db(transaction=True)
def test_staff_signing_in_and_out_leaves_the_public_cache_alone(
    client, django_user_model
):
    django_user_model.objects.create_superuser("ed", "ed@example.org", "a long pass")
    article = make_article(title="Still cached")
    pages = ["/", "/articles/", article.get_absolute_url(), "/feeds/articles/"]
    for url in pages:
        assert get(client, url)["X-Page-Cache"] == "miss"

    editor = Client()
    signed_in = editor.post(
        "/admin/login/", {"username": "ed", "password": "a long pass", "next": "/"}
    )
    assert signed_in.status_code == 302
    for url in pages:
        # Staff get pages made for them, kept by nobody.
        response = get(editor, url)
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
    assert editor.post("/admin/logout/").status_code in (200, 302)

    for url in pages:
        assert get(client, url)["X-Page-Cache"] == "hit", url


@pytest.mark.django_db(transaction=True)
def test_editing_an_author_still_refreshes_their_bylines(client, django_user_model):
    author = django_user_model.objects.create_user("sam", "s@example.org", "x")
    article = make_article(author=author)
    get(client, article.get_absolute_url())

    author.display_name = "Sam Reed"
    author.save()

    response = get(client, article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "Sam Reed" in response.text


def count_cache_reads(monkeypatch):
    """The keys the cache is asked for from now on, whichever method reads them."""
    keys = []
    inside_get_many = []
    get, get_many = cache.get, cache.get_many

    def counted_get(key, *args, **kwargs):
        if not inside_get_many:  # some backends' get_many calls get per key
            keys.append(key)
        return get(key, *args, **kwargs)

    def counted_get_many(many, *args, **kwargs):
        keys.extend(many)
        inside_get_many.append(True)
        try:
            return get_many(many, *args, **kwargs)
        finally:
            inside_get_many.pop()

    monkeypatch.setattr(cache, "get", counted_get)
    monkeypatch.setattr(cache, "get_many", counted_get_many)
    return keys


@pytest.mark.django_db(transaction=True)
def test_a_copy_nothing_changed_since_is_served_with_two_cache_reads(
    client, monkeypatch
):
    make_article()
    assert get(client, "/")["X-Page-Cache"] == "miss"
    # Its first visit made the site's settings, a change the copy is checked for.
    assert get(client, "/")["X-Page-Cache"] == "hit"
    reads = count_cache_reads(monkeypatch)

    assert get(client, "/")["X-Page-Cache"] == "hit"

    # The copy and the mark of the latest change, however many tags the page has.
    assert len(reads) == 2


@pytest.mark.django_db(transaction=True)
def test_after_an_unrelated_change_a_copy_is_checked_once_then_fast_again(
    client, monkeypatch
):
    article, other = make_article(), make_article()
    url = article.get_absolute_url()
    get(client, url)
    get(client, url)
    add_comment(other, "Elsewhere")  # outdates the other article's pages only
    reads = count_cache_reads(monkeypatch)

    assert get(client, url)["X-Page-Cache"] == "hit"
    checked = len(reads)
    assert get(client, url)["X-Page-Cache"] == "hit"

    # The first visit after the change reads the page's tags; the next does not.
    assert checked > 2
    assert len(reads) - checked == 2
