import pytest

from tests.factories import make_article, make_page


@pytest.mark.django_db
def test_changing_a_published_slug_keeps_the_old_address_working(client):
    article = make_article(title="Old title", slug="old-title")
    article.slug = "new-title"
    article.save()

    response = client.get("/articles/old-title/")

    assert response.status_code == 301
    assert response["Location"] == "/articles/new-title/"


@pytest.mark.django_db
def test_renaming_twice_redirects_the_first_address_straight_to_the_last(client):
    article = make_article(slug="first")
    for slug in ["second", "third"]:
        article.slug = slug
        article.save()

    assert client.get("/articles/first/")["Location"] == "/articles/third/"
    assert client.get("/articles/second/")["Location"] == "/articles/third/"


@pytest.mark.django_db
def test_going_back_to_an_old_slug_does_not_loop(client):
    article = make_article(slug="one")
    article.slug = "two"
    article.save()
    article.slug = "one"
    article.save()

    assert client.get("/articles/one/").status_code == 200
    assert client.get("/articles/two/")["Location"] == "/articles/one/"


@pytest.mark.django_db
def test_draft_slug_changes_leave_no_redirect(client):
    article = make_article(slug="draft-one", status="draft")
    article.slug = "draft-two"
    article.save()
    assert client.get("/articles/draft-one/").status_code == 404


@pytest.mark.django_db
def test_renaming_a_parent_page_redirects_its_children_too(client):
    parent = make_page(slug="about")
    make_page(slug="team", parent=parent)
    parent.slug = "who-we-are"
    parent.save()

    assert client.get("/about/")["Location"] == "/who-we-are/"
    assert client.get("/about/team/")["Location"] == "/who-we-are/team/"
    assert client.get("/who-we-are/team/").status_code == 200


@pytest.mark.django_db
def test_editors_redirects_from_the_admin_answer_301(client):
    from django.contrib.redirects.models import Redirect

    make_article(slug="target")
    Redirect.objects.create(
        site_id=1, old_path="/2019/05/old-post/", new_path="/articles/target/"
    )
    response = client.get("/2019/05/old-post/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/target/"
