from tests.factories import make_article


def test_published_article_is_shown(client, db):
    article = make_article(title="Hello")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
