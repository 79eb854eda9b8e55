import xml.etree.ElementTree as ET

import pytest

from tests.factories import make_article, make_page

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [element.text for element in root.iterfind(".//sm:loc", NS)], root


@pytest.mark.django_db
def test_sitemap_index_points_to_each_section(client):
    make_article()
    urls, _root = locations(client, "/sitemap.xml")
    assert "http://127.0.0.1:8000/sitemap-articles.xml" in urls
    assert "http://127.0.0.1:8000/sitemap-pages.xml" in urls
    assert "http://127.0.0.1:8000/sitemap-tags.xml" in urls


@pytest.mark.django_db
def test_article_sitemap_lists_published_articles_with_lastmod_only(client, tomorrow):
    published = make_article()
    draft = make_article(status="draft")
    scheduled = make_article(published_at=tomorrow)

    urls, root = locations(client, "/sitemap-articles.xml")

    assert urls == ["http://127.0.0.1:8000" + published.get_absolute_url()]
    assert draft.get_absolute_url() not in str(urls)
    assert scheduled.get_absolute_url() not in str(urls)
    assert root.find(".//sm:lastmod", NS).text.startswith(
        published.updated_at.date().isoformat()[:4]
    )


@pytest.mark.django_db
def test_page_and_tag_sitemaps_skip_drafts_and_unused_tags(client):
    parent = make_page(slug="about")
    make_page(slug="team", parent=parent)
    make_page(slug="secret", status="draft")
    make_article(tags=["family"])
    make_article(tags=["hidden"], status="draft")

    page_urls, _root = locations(client, "/sitemap-pages.xml")
    tag_urls, _root = locations(client, "/sitemap-tags.xml")

    assert sorted(page_urls) == [
        "http://127.0.0.1:8000/about/",
        "http://127.0.0.1:8000/about/team/",
    ]
    assert tag_urls == ["http://127.0.0.1:8000/tags/family/"]


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text
