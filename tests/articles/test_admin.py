"""The article admin an editor works in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from recoverysite.publishing import Status
from tests.articles.test_models import HOSTILE_HTML, assert_harmless
from tests.factories import make_article, make_image, make_image_file, make_user

CHANGELIST = reverse("admin:articles_article_changelist")
ADD = reverse("admin:articles_article_add")


@pytest.fixture
def states(db, yesterday, tomorrow):
    return {
        "published": make_article(title="Published piece", published_at=yesterday),
        "scheduled": make_article(title="Scheduled piece", published_at=tomorrow),
        "draft": make_article(title="Draft piece", status=Status.DRAFT),
    }


def add_form_data(**overrides):
    published_at = timezone.localtime()
    data = {
        "title": "Notes on hope",
        "slug": "notes-on-hope",
        "author": "",
        "summary": "A short summary.",
        "content_note": "",
        "body": "<p>Hello.</p>",
        "featured_image": "",
        "status": Status.PUBLISHED,
        "published_at_0": published_at.strftime("%Y-%m-%d"),
        "published_at_1": published_at.strftime("%H:%M:%S"),
        "tags": "hope, recovery",
        "comments_open": "on",
    }
    return data | overrides


def test_changelist_shows_every_state(staff_client, states):
    response = staff_client.get(CHANGELIST)

    assert response.status_code == 200
    for title in ["Published piece", "Scheduled piece", "Draft piece"]:
        assert title in response.text
    assert "Scheduled for " in response.text


@pytest.mark.parametrize("state", ["published", "scheduled", "draft"])
def test_changelist_filters_by_publication_state(staff_client, states, state):
    response = staff_client.get(CHANGELIST, {"state": state})

    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [states[state]]


def test_changelist_offers_the_state_author_and_tag_filters(staff_client, db):
    make_article(author=make_user(display_name="Ann Writer"), tags=["hope"])

    response = staff_client.get(CHANGELIST)

    assert "By publication state" in response.text
    assert "?state=scheduled" in response.text
    assert "Ann Writer" in response.text
    assert "By tags" in response.text


def test_changelist_search_finds_words_in_title_and_body(staff_client, db):
    wanted = make_article(title="On listening", body="<p>About lighthouses.</p>")
    make_article(title="On talking")

    by_title = staff_client.get(CHANGELIST, {"q": "listening"})
    by_body = staff_client.get(CHANGELIST, {"q": "lighthouses"})

    assert list(by_title.context["cl"].queryset) == [wanted]
    assert list(by_body.context["cl"].queryset) == [wanted]


def test_change_form_links_to_the_public_address(staff_client, db):
    article = make_article(title="Hope")

    response = staff_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )

    assert response.status_code == 200
    assert "View on site" in response.text
    assert f'href="{article.get_absolute_url()}"' in response.text


def test_publish_action_publishes_drafts_keeping_their_dates(staff_client, states):
    draft = states["draft"]

    response = staff_client.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )

    assert "1 item(s) published." in response.text
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.published_at == states["draft"].published_at


def test_unpublish_action_turns_articles_into_drafts(staff_client, states):
    published = states["published"]

    staff_client.post(
        CHANGELIST, {"action": "unpublish", "_selected_action": [published.pk]}
    )

    published.refresh_from_db()
    assert published.status == Status.DRAFT
    staff_client.logout()
    assert staff_client.get(published.get_absolute_url()).status_code == 404


def test_add_form_stamps_the_editor_as_author_when_left_empty(staff_client, db):
    response = staff_client.post(ADD, add_form_data())

    assert response.status_code == 302
    article = Article.objects.get(slug="notes-on-hope")
    assert article.author.username == "editor"
    assert sorted(article.tags.names()) == ["hope", "recovery"]


def test_add_form_keeps_a_chosen_author(staff_client, db):
    writer = make_user(display_name="Ann Writer")

    staff_client.post(ADD, add_form_data(author=writer.pk))

    assert Article.objects.get(slug="notes-on-hope").author == writer


def test_add_form_sanitises_hostile_html(staff_client, db):
    response = staff_client.post(ADD, add_form_data(body=HOSTILE_HTML))

    assert response.status_code == 302
    body = Article.objects.get(slug="notes-on-hope").body
    assert_harmless(body)
    assert "<strong>bold</strong>" in body


def test_add_form_uses_a_library_image_by_its_id(staff_client, db):
    image = make_image(make_image_file("lake.jpg"), alt="A quiet lake at dawn.")

    response = staff_client.post(ADD, add_form_data(featured_image=image.pk))

    assert response.status_code == 302
    assert Article.objects.get(slug="notes-on-hope").featured_image == image


def test_add_form_refuses_an_image_that_is_not_in_the_library(staff_client, db):
    response = staff_client.post(ADD, add_form_data(featured_image="999"))

    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert response.context["adminform"].form["title"].value() == "Notes on hope"
    assert not Article.objects.exists()


def test_change_form_shows_the_featured_image_thumbnail(staff_client, db):
    image = make_image(alt="A quiet lake at dawn.")
    article = make_article(featured_image=image)

    html = staff_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    ).text

    assert 'class="image-preview" data-for="id_featured_image"' in html
    assert image.rendition("thumbnail").fallback[0].url in html
    # The choice is made by search, with "+" to upload a new picture.
    assert 'data-image-preview="/admin/images/image/0/thumbnail/"' in html
    assert 'id="add_id_featured_image"' in html


def test_add_form_rejects_a_slug_of_digits_only(staff_client, db):
    response = staff_client.post(ADD, add_form_data(slug="2025"))

    assert response.status_code == 200
    assert "A slug needs at least one letter." in response.text


def test_add_form_rejects_a_slug_already_in_use(staff_client, db):
    make_article(slug="notes-on-hope")

    response = staff_client.post(ADD, add_form_data())

    assert response.status_code == 200
    assert "Article with this Slug already exists." in response.text


def test_add_form_with_a_future_date_schedules_the_article(staff_client, db):
    later = timezone.localtime() + datetime.timedelta(days=2)

    staff_client.post(
        ADD,
        add_form_data(
            published_at_0=later.strftime("%Y-%m-%d"),
            published_at_1=later.strftime("%H:%M:%S"),
        ),
    )

    article = Article.objects.get(slug="notes-on-hope")
    assert article.is_scheduled()
    staff_client.logout()
    assert staff_client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_imported_wordpress_items_are_listed_read_only(staff_client):
    from django.contrib.contenttypes.models import ContentType

    from wordpress.models import WordPressItem

    article = make_article(title="Imported post")
    WordPressItem.objects.create(
        source="https://old.example.org",
        kind=WordPressItem.Kind.POST,
        wp_id="1241",
        content_type=ContentType.objects.get_for_model(article),
        object_id=article.pk,
        checksum="x",
    )
    response = staff_client.get(reverse("admin:wordpress_wordpressitem_changelist"))
    assert response.status_code == 200
    assert "Imported post" in response.text
    assert (
        staff_client.get(reverse("admin:wordpress_wordpressitem_add")).status_code
        == 403
    )


def test_a_tag_longer_than_the_database_holds_is_a_form_error_that_keeps_the_text(
    staff_client, db
):
    long_tag = "a" * 150
    response = staff_client.post(
        ADD, add_form_data(tags=f"hope, {long_tag}", body="<p>Kept words.</p>")
    )

    assert response.status_code == 200
    assert "A tag can be at most 100 characters long" in response.text
    assert "Kept words." in response.text
    assert not Article.objects.exists()


def test_tag_box_shows_tags_without_quotes_and_suggests_existing_tags(staff_client):
    article = make_article(tags=["peer support", "hope"])
    make_article(tags=["sleep"])

    response = staff_client.get(
        reverse("admin:articles_article_change", args=[article.pk])
    )

    html = response.content.decode()
    assert 'value="hope, peer support"' in html
    suggestions = html[html.index('<datalist id="id_tags_suggestions">') :]
    suggestions = suggestions[: suggestions.index("</datalist>")]
    assert suggestions == (
        '<datalist id="id_tags_suggestions">'
        '<option value="hope"></option>'
        '<option value="peer support"></option>'
        '<option value="sleep"></option>'
    )


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("peer support", ["peer support"]),
        ("hope,peer support ,", ["hope", "peer support"]),
        ('hope, "grief, loss"', ["grief, loss", "hope"]),
    ],
)
def test_tags_are_separated_by_commas_only(staff_client, typed, names):
    response = staff_client.post(ADD, add_form_data(tags=typed))

    assert response.status_code == 302
    assert sorted(Article.objects.get().tags.names()) == names
