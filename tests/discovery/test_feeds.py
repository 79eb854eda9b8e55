import feedparser
import pytest

from comments.models import Comment, CommentStatus
from tests.factories import make_article, make_image, make_image_file


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


@pytest.mark.django_db
def test_article_feed_lists_published_articles_with_summary_link_and_tags(
    client, tomorrow
):
    article = make_article(title="Hope & <b>care</b>", tags=["peer support"])
    make_article(title="A draft", status="draft")
    make_article(title="Scheduled", published_at=tomorrow)

    response, feed = parse(client, "/feeds/articles/")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Hope & <b>care</b>"]
    entry = feed.entries[0]
    assert entry.link == "http://127.0.0.1:8000" + article.get_absolute_url()
    assert article.summary in entry.summary
    assert [tag.term for tag in entry.tags] == ["peer support"]
    assert entry.published_parsed[:3] == article.published_at.utctimetuple()[:3]


@pytest.mark.django_db
def test_atom_feed_is_valid_and_has_the_image_as_enclosure(client):
    article = make_article(featured_image=make_image(make_image_file(), alt="Sky"))
    article.save()

    response, feed = parse(client, "/feeds/articles/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert not feed.bozo, feed.bozo_exception
    enclosure = feed.entries[0].enclosures[0]
    assert enclosure.type == "image/jpeg"
    assert "/media/renditions/social/" in enclosure.href
    assert int(enclosure.length) > 0


@pytest.mark.django_db
def test_tag_feed_has_only_that_tags_articles(client):
    make_article(title="Tagged", tags=["family"])
    make_article(title="Other", tags=["anxiety"])

    _response, feed = parse(client, "/feeds/tags/family/")

    assert [entry.title for entry in feed.entries] == ["Tagged"]
    assert client.get("/feeds/tags/no-such-tag/").status_code == 404


@pytest.mark.django_db
def test_comment_feed_escapes_visitor_text_and_skips_unpublished(client):
    article = make_article()
    for text, status in [
        ("<script>alert(1)</script> kind words", CommentStatus.PUBLISHED),
        ("waiting", CommentStatus.PENDING),
    ]:
        Comment.objects.create(
            content_object=article,
            site_id=1,
            user_name="Sam",
            user_email="sam@example.org",
            comment=text,
            status=status,
            submit_date=article.published_at,
        )

    response, feed = parse(client, f"/feeds/comments/articles/{article.slug}/")

    assert [entry.author for entry in feed.entries] == ["Sam"]
    assert "<script>" not in response.content.decode()
    assert "sam@example.org" not in response.content.decode()
    assert "&lt;script&gt;" in feed.entries[0].summary


@pytest.mark.django_db
def test_feed_queries_do_not_grow_with_the_number_of_articles(
    client, django_assert_num_queries
):
    client.get("/feeds/articles/")  # the Site row is cached from then on
    for _ in range(3):
        make_article(tags=["a", "b"])
    # Site settings, the articles with their authors, their tags.
    with django_assert_num_queries(3):
        client.get("/feeds/articles/")
    for _ in range(20):
        make_article(tags=["a", "b"])
    with django_assert_num_queries(3):
        client.get("/feeds/articles/")


@pytest.mark.django_db
def test_pages_advertise_their_feeds(client):
    response = client.get("/")
    assert '<link rel="alternate" type="application/rss+xml"' in response.text
    assert 'href="/feeds/articles/atom/"' in response.text
