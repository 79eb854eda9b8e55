"""Article slugs, clean() rules and the sanitising of editor HTML on save."""

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article
from tests.factories import make_article, make_image

HOSTILE_HTML = (
    "<h2>Heading</h2>"
    '<p onclick="steal()">Some <strong>bold</strong> and <em>calm</em> words, '
    '<a href="https://example.org/help">a link</a>, '
    '<a href="javascript:alert(1)">a trap</a>.</p>'
    "<script>alert('script')</script>"
    '<img src="x" onerror="alert(\'img\')">'
    '<iframe src="https://evil.example/"></iframe>'
    "<style>body { display: none }</style>"
    "<ul><li>One</li></ul><blockquote>Quoted</blockquote>"
)


def assert_harmless(html):
    lowered = html.lower()
    for fragment in [
        "<script",
        "alert(",
        "onclick",
        "onerror",
        "javascript:",
        "<iframe",
        "<style",
        "display: none",
        "<img",
    ]:
        assert fragment not in lowered, fragment


def assert_formatting_kept(html):
    for fragment in [
        "<h2>Heading</h2>",
        "<strong>bold</strong>",
        "<em>calm</em>",
        '<a href="https://example.org/help">a link</a>',
        "<ul><li>One</li></ul>",
        "<blockquote>Quoted</blockquote>",
    ]:
        assert fragment in html, fragment


def test_slug_is_made_from_title(db):
    article = make_article(title="What We Mean by Recovery?")

    assert article.slug == "what-we-mean-by-recovery"


def test_slug_gets_a_number_when_the_title_is_taken(db):
    first = make_article(title="Hope")
    second = make_article(title="Hope")
    third = make_article(title="Hope")

    assert (first.slug, second.slug, third.slug) == ("hope", "hope-2", "hope-3")


def test_slug_chosen_by_the_editor_is_kept(db):
    article = make_article(title="A long title about hope", slug="hope")
    article.title = "A new title"
    article.save()

    article.refresh_from_db()
    assert article.slug == "hope"


def test_editor_can_change_the_slug(db, client):
    article = make_article(title="Hope")
    article.slug = "hope-again"
    article.save()

    assert client.get("/articles/hope-again/").status_code == 200
    old_address = client.get("/articles/hope/")
    assert (old_address.status_code, old_address.url) == (301, "/articles/hope-again/")


def test_slug_of_a_title_without_letters_is_still_usable(db):
    article = make_article(title="???")

    assert article.slug
    assert not article.slug.isdigit()


def test_digit_only_slug_is_rejected_because_it_is_a_year_archive(db):
    article = make_article(title="2025")
    article.slug = "2025"

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert "slug" in error.value.message_dict


def test_title_made_of_digits_gets_a_slug_that_does_not_clash_with_archives(db):
    article = make_article(title="2025")

    article.full_clean()
    assert article.slug == "article-2025"


def test_library_image_needs_alt_text(db):
    image = make_image()
    image.alt = "  "

    with pytest.raises(ValidationError) as error:
        image.full_clean()

    assert "alt" in error.value.message_dict


def test_featured_image_from_the_library_is_valid(db):
    article = make_article(featured_image=make_image(alt="A quiet lake."))

    article.full_clean()


def test_picture_in_the_body_needs_alt_text(db):
    image = make_image()
    article = make_article(body=f'<p>Hi</p><img src="{image.url}" alt="">')

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert "have no description" in error.value.message_dict["body"][0]


def test_hostile_html_is_removed_from_the_body_on_save(db):
    article = make_article(body=HOSTILE_HTML)

    article.refresh_from_db()
    assert_harmless(article.body)
    assert_formatting_kept(article.body)


def test_hostile_html_is_removed_when_only_the_body_is_saved(db):
    article = make_article()
    article.body = HOSTILE_HTML
    article.save(update_fields=["body"])

    assert_harmless(Article.objects.get(pk=article.pk).body)


def test_article_page_shows_sanitised_body(db, client):
    article = make_article(body=HOSTILE_HTML)

    response = client.get(article.get_absolute_url())

    assert '<a href="https://example.org/help">a link</a>' in response.text
    assert "<script>alert" not in response.text
    assert "javascript:" not in response.text
    assert "onclick" not in response.text
