import pytest
from django.db import connection

from tests.factories import make_article, make_page

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search needs PostgreSQL"
)


@pytest.fixture
def corpus(db):
    return {
        "title": make_article(
            title="Harm reduction in conversation",
            summary="Talking without an agenda.",
            body="<p>Listening first.</p>",
        ),
        "summary": make_article(
            title="Families in crisis",
            summary="What harm reduction teaches families.",
            body="<p>Stay close.</p>",
        ),
        "body": make_article(
            title="Peer support",
            summary="Why peers matter.",
            body="<p>Peer groups practise harm reduction every day.</p>",
        ),
        "draft": make_article(
            title="Harm reduction draft", status="draft", summary="Not yet."
        ),
        "page": make_page(title="About", body="<p>We write about harm reduction.</p>"),
    }


def result_titles(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return [result.title for result in response.context["results"]], response


def test_search_ranks_title_above_summary_above_body(client, corpus):
    titles, _response = result_titles(client, "harm reduction", type="article")
    assert titles == [
        "Harm reduction in conversation",
        "Families in crisis",
        "Peer support",
    ]


def test_search_covers_pages_and_never_drafts(client, corpus):
    titles, _response = result_titles(client, "harm reduction")
    assert "About" in titles
    assert "Harm reduction draft" not in titles


def test_search_highlights_the_words_in_an_escaped_snippet(client, db):
    make_article(
        title="Voices", body="<p>Hearing voices &lt;b&gt; groups meet weekly.</p>"
    )
    _titles, response = result_titles(client, "groups")
    assert "<mark>groups</mark>" in response.text
    assert "&lt;b&gt;" in response.text


@postgres_only
def test_search_stems_english_words(client, db):
    make_article(title="What recovery means", summary="A short essay.")
    titles, _response = result_titles(client, "recovering")
    assert titles == ["What recovery means"]


@pytest.mark.parametrize(
    "query", ["%", "_", "'\"", "\u00fcn\u00efc\u00f6de \U0001f642", "a" * 1000, "   "]
)
def test_odd_queries_answer_200(client, corpus, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_very_long_queries_are_cut_with_a_message(client, corpus):
    response = client.get("/search/", {"q": "harm " * 100})
    assert "only its first 200 characters were used" in response.text
    assert len(response.context["terms"]) == 200


def test_search_results_are_paginated(client, db):
    for number in range(12):
        make_article(title=f"Hope {number}")
    first, _response = result_titles(client, "hope")
    second, _response = result_titles(client, "hope", page=2)
    assert len(first) == 10
    assert len(second) == 2


def test_header_has_a_search_box(client, db):
    response = client.get("/")
    assert 'role="search"' in response.text
    assert 'action="/search/"' in response.text


def test_search_uses_a_fixed_number_of_queries(
    client, db, django_assert_max_num_queries
):
    for number in range(20):
        make_article(title=f"Hope {number}", tags=["x"])
    # Site settings, menu, the coming announcements, one query a content type
    # (four), and for presenters the check that they have a published event.
    with django_assert_max_num_queries(10):
        client.get("/search/", {"q": "hope"})
