"""Two editors on one item: the second save is refused and loses nothing."""

import pytest
from django.test import Client

from tests.editorial.conftest import change_url, form_data, member_of
from tests.factories import make_article, make_event, make_page, make_presenter

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_client(db):
    client = Client()
    client.force_login(member_of("Editor", display_name="Alex Other"))
    return client


def test_second_save_is_refused_with_who_and_when_and_the_text_is_kept(
    editor_client, second_client
):
    article = make_article(title="Shared article", body="<p>First text.</p>")
    mine = form_data(editor_client.get(change_url(article)))
    theirs = form_data(second_client.get(change_url(article)))
    assert (
        second_client.post(
            change_url(article), {**theirs, "body": "<p>Their text.</p>"}
        ).status_code
        == 302
    )

    response = editor_client.post(
        change_url(article), {**mine, "body": "<p>My careful rewrite.</p>"}
    )

    assert response.status_code == 200
    article.refresh_from_db()
    assert article.body == "<p>Their text.</p>"
    assert "Alex Other saved this article at " in response.text
    assert "while you were editing" in response.text
    assert "My careful rewrite." in response.text
    assert "Save my version anyway" in response.text


def test_ticking_save_anyway_saves_over_the_other_version(editor_client, second_client):
    article = make_article(body="<p>First text.</p>")
    mine = form_data(editor_client.get(change_url(article)))
    theirs = form_data(second_client.get(change_url(article)))
    second_client.post(change_url(article), {**theirs, "body": "<p>Theirs.</p>"})

    response = editor_client.post(
        change_url(article),
        {**mine, "body": "<p>Mine.</p>", "save_over_other_changes": "on"},
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.body == "<p>Mine.</p>"


def test_saving_twice_in_a_row_alone_is_never_refused(editor_client):
    article = make_article()
    first = form_data(editor_client.get(change_url(article)), title="One")
    assert editor_client.post(change_url(article), first).status_code == 302
    second = form_data(editor_client.get(change_url(article)), title="Two")
    assert editor_client.post(change_url(article), second).status_code == 302
    article.refresh_from_db()
    assert article.title == "Two"


def test_publishing_from_the_list_meanwhile_also_counts_as_a_change(
    editor_client, second_client
):
    article = make_article(status="draft")
    mine = form_data(editor_client.get(change_url(article)))
    second_client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [article.pk]},
    )

    response = editor_client.post(change_url(article), {**mine, "title": "New"})

    assert response.status_code == 200
    assert "while you were editing" in response.text
    article.refresh_from_db()
    assert article.status == "published"


@pytest.mark.parametrize(
    "make, field",
    [(make_page, "title"), (make_event, "title"), (make_presenter, "name")],
)
def test_pages_events_and_presenters_refuse_the_second_save_too(
    editor_client, second_client, make, field
):
    obj = make()
    mine = form_data(editor_client.get(change_url(obj)))
    theirs = form_data(second_client.get(change_url(obj)))
    assert (
        second_client.post(change_url(obj), {**theirs, field: "Theirs"}).status_code
        == 302
    )

    response = editor_client.post(change_url(obj), {**mine, field: "Mine"})

    assert response.status_code == 200
    assert "while you were editing" in response.text
    assert 'value="Mine"' in response.text
    obj.refresh_from_db()
    assert getattr(obj, field) == "Theirs"
