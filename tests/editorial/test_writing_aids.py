"""Word count, reading time, reading ease and warnings before publishing."""

import pytest

from articles.models import Article
from editorial.writing_aids import (
    count_syllables,
    publishing_warnings,
    reading_ease,
    writing_report,
)
from tests.editorial.conftest import change_url, form_data, messages_of
from tests.factories import make_article, make_event, make_page

EASY = "The cat sat on the mat. We went for a walk. It was a good day. " * 5
HARD = (
    "Organisational considerations regarding interdisciplinary collaboration "
    "necessitate comprehensive institutional accountability mechanisms, "
    "particularly concerning psychopharmacological interventions administered "
    "involuntarily within hospitalisation contexts. "
) * 3


def test_syllables_are_counted_by_vowel_groups_without_a_silent_e():
    assert [count_syllables(word) for word in ["walk", "hope", "river", "able"]] == [
        1,
        1,
        2,
        2,
    ]


def test_plain_short_sentences_score_as_easy_and_long_words_as_hard():
    assert reading_ease(EASY) >= 80
    assert reading_ease(HARD) < 30
    assert reading_ease("Too short.") is None


def test_report_counts_words_and_minutes_of_the_text_visitors_read():
    report = writing_report("<p>" + "word " * 450 + "</p>", "<p>More <b>words</b></p>")
    assert report.words == 452
    assert report.minutes == 2
    assert report.summary() == "452 words · about 2 minutes to read"


@pytest.mark.django_db
@pytest.mark.parametrize("make", [make_article, make_page, make_event])
def test_change_form_shows_length_and_reading_ease_in_plain_words(editor_client, make):
    obj = make(**{"description" if make is make_event else "body": f"<p>{EASY}</p>"})

    response = editor_client.get(change_url(obj))

    assert "Writing aids" in response.text
    assert "words · about 1 minute to read" in response.text
    assert "out of 100. Very easy to read." in response.text
    assert "editorial/admin/writing_aids.js" in response.text


@pytest.mark.django_db
def test_warnings_on_save_for_a_long_title_and_short_summary_but_it_is_saved(
    editor_client,
):
    article = make_article(status="draft")
    title = "A very long title that goes on and on about recovery, hope and walking far"
    data = form_data(
        editor_client.get(change_url(article)),
        title=title,
        summary="Short.",
        status="published",
    )

    response = editor_client.post(change_url(article), data, follow=True)

    messages = messages_of(response)
    assert any(f"The title is {len(title)} characters long" in m for m in messages)
    assert any("The summary is very short" in m for m in messages)
    article.refresh_from_db()
    assert article.title == title
    assert article.is_published()


@pytest.mark.django_db
def test_no_warnings_for_a_tidy_article(editor_client):
    article = make_article(
        title="Walking together",
        summary="How a weekly walk by the river became a small support group.",
    )
    response = editor_client.post(
        change_url(article),
        form_data(editor_client.get(change_url(article))),
        follow=True,
    )
    assert [m for m in messages_of(response) if "characters" in m or "image" in m] == []


def test_warning_for_images_without_a_description():
    article = Article(
        title="Bridges",
        summary="Pictures of the bridges we crossed on our weekly walks.",
        body=(
            '<p>Text</p><img src="/a.jpg"><img src="/b.jpg" alt="A bridge">'
            '<img src="/c.jpg" alt=" ">'
        ),
    )
    warnings = publishing_warnings(article, "title", "summary", ["body"])
    assert warnings == [
        "2 images have no description (alt text): people who cannot see them "
        "will not know what they show."
    ]
