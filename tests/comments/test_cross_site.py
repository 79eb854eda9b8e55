import pytest

from comments.models import Comment
from tests.comments.conftest import comment_data
from tests.factories import make_article


@pytest.mark.django_db
def test_a_post_from_another_site_is_refused_with_the_text_kept(client, policy):
    article = make_article()
    data = comment_data(
        article, comment="Words someone else's page sent", remember="on"
    )

    response = client.post(
        "/comments/post/", data, headers={"origin": "https://elsewhere.example"}
    )

    assert response.status_code == 403
    assert "sent from another website" in response.text
    assert "Words someone else&#x27;s page sent" in response.text
    assert not Comment.objects.exists()
    assert "commenter" not in response.cookies


@pytest.mark.django_db
def test_browsers_cross_site_marker_is_refused_too(client, policy):
    article = make_article()
    response = client.post(
        "/comments/post/",
        comment_data(article),
        headers={"sec-fetch-site": "cross-site"},
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_a_post_from_the_sites_own_page_is_accepted(client, policy):
    article = make_article()
    response = client.post(
        "/comments/post/",
        comment_data(article),
        headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"},
    )
    assert response.status_code == 302
    assert Comment.objects.count() == 1
