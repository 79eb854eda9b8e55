"""Site search under hostile queries: reflected safely, never an error."""

import urllib.parse

import pytest
from django.utils.html import escape

from tests.hostile.payloads import (
    HIDDEN_CHARACTERS,
    INVALID_UTF8,
    MARKUP,
    ODD_BUT_FINE,
    assert_escaped,
    assert_safe_page,
)

# Syntax of PostgreSQL's tsquery, LIKE patterns, regular expressions and SQL.
QUERY_SYNTAX = [
    "' OR 1=1 --",
    '"; DROP TABLE articles_article; --',
    "hope & | ! :* ( )",
    "!!!",
    "<->",
    "a:*B",
    "%",
    "_",
    "\\",
    "\\\\'",
    ".*",
    "(?i)hope",
    "[a-",
    "$1 ${x} #{x}",
    "hope" + " OR" * 300,
    "'" * 300,
    "-" * 300,
]


def search(client, query, **params):
    return client.get("/search/", {"q": query, **params})


@pytest.mark.django_db
@pytest.mark.parametrize("query", MARKUP)
def test_markup_in_the_query_is_shown_escaped(client, site, query):
    response = search(client, query)

    assert_safe_page(response, 200)
    assert_escaped(response.text, " ".join(query.split()))


@pytest.mark.django_db
@pytest.mark.parametrize("query", QUERY_SYNTAX)
def test_query_syntax_is_searched_as_plain_words(client, site, query):
    response = search(client, query)

    assert_safe_page(response, 200)
    assert escape(" ".join(query.split())[:200]) in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("query", ODD_BUT_FINE + HIDDEN_CHARACTERS)
def test_other_scripts_emoji_and_hidden_characters_are_searched(client, site, query):
    response = search(client, query)

    assert_safe_page(response, 200)
    assert escape(" ".join(query.split())) in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query,found",
    [
        ("hope", "/articles/hope/"),
        ("webinar", "/events/webinar/"),
        # Presenters have a "headline" property, which once clashed with the
        # search's own headline annotation on PostgreSQL.
        ("peer support", "/presenters/rae-presenter/"),
        ("Rae", "/presenters/rae-presenter/"),
        ("about", "/about/"),
    ],
)
def test_the_site_still_finds_what_a_visitor_looks_for(client, site, query, found):
    response = search(client, query)

    assert_safe_page(response, 200)
    assert f'href="{found}"' in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("length", [201, 5000, 100_000])
def test_an_over_long_query_is_cut_and_said_so(client, site, length):
    response = search(client, ("hope " * length)[:length])

    assert_safe_page(response, 200)
    assert "only its first 200 characters were used" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query_string",
    ["q=hope%00", "q=%00", "q=hope&type=%00", "q=hope&page=1%00", "q=\x00hope"],
)
def test_nul_in_the_query_string_is_a_designed_400(client, site, query_string):
    response = client.get(f"/search/?{query_string}")

    assert_safe_page(response, 400)


@pytest.mark.django_db
@pytest.mark.parametrize("broken", INVALID_UTF8)
def test_invalid_utf8_in_the_query_is_replaced_not_fatal(client, site, broken):
    response = client.get(f"/search/?q=hope{broken}&type={broken}")

    assert_safe_page(response, 200)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind",
    ["<script>alert(1)</script>", "article' OR '1'='1", "x" * 10000, "__class__", ""],
)
def test_unknown_type_filter_is_harmless(client, site, kind):
    response = search(client, "hope", type=kind)

    assert_safe_page(response, 200)
    assert "<script>alert(1)</script>" not in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "page", ["-1", "0", "abc", "99999999999999999999", "1e9", "last", "2.5", "<b>"]
)
def test_odd_page_numbers_show_a_page_of_results(client, site, page):
    response = search(client, "hope", page=page)

    assert_safe_page(response, 200)
    assert "<b>" not in response.text.split('<main id="content"')[1]


@pytest.mark.django_db
@pytest.mark.parametrize("repeat", [2, 500])
def test_repeated_parameters_are_harmless(client, site, repeat):
    query = urllib.parse.urlencode(
        [("q", "hope")] * repeat + [("type", "page")] * repeat
    )

    assert_safe_page(client.get(f"/search/?{query}"), 200)
