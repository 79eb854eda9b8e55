"""The set-up commands: load_demo_content and create_admin."""

import re
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article
from pages.models import Page
from recoverysite.models import SiteSettings

SEED_TITLE = "What Professionals Need to Learn from Those They Try to Help"


def run(command, *args):
    output = StringIO()
    call_command(command, *args, stdout=output)
    return output.getvalue()


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def updated_at_values():
    return {
        model._meta.label: sorted(
            model.objects.values_list("pk", "updated_at").order_by("pk")
        )
        for model in apps.get_models()
        if any(field.name == "updated_at" for field in model._meta.fields)
    }


@pytest.fixture
def demo(db):
    run("load_demo_content")


def test_demo_content_loaded_twice_changes_nothing(demo):
    counts, stamps = row_counts(), updated_at_values()

    output = run("load_demo_content")

    assert row_counts() == counts
    assert updated_at_values() == stamps
    assert "Demo content is ready." in output


def test_demo_content_keeps_an_editors_changes(demo):
    article = Article.objects.get(title=SEED_TITLE)
    article.summary = "Edited by hand."
    article.save()

    run("load_demo_content")

    assert Article.objects.get(pk=article.pk).summary == "Edited by hand."


def test_demo_content_has_the_seed_article(demo, client):
    article = Article.objects.published().get(title=SEED_TITLE)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert SEED_TITLE in response.text
    assert article.featured_image.alt
    assert article.tags.exists()


def test_demo_content_has_the_standard_pages(demo, client):
    for title in [
        "Questions and Answers about Recovery",
        "About",
        "Comment guidelines",
    ]:
        page = Page.objects.published().get(title=title)

        response = client.get(page.get_absolute_url())

        assert response.status_code == 200
        assert title in response.text


def test_demo_content_has_eight_to_twelve_further_articles_with_tags_and_images(
    demo,
):
    others = Article.objects.published().exclude(title=SEED_TITLE)

    assert 8 <= others.count() <= 12
    for article in others:
        assert article.tags.exists(), article.title
        assert article.featured_image, article.title
        assert article.featured_image.alt, article.title
        assert article.featured_image.width == 1600, article.title


def test_demo_home_page_welcomes_newcomers_with_a_link_to_questions_and_answers(
    demo, client
):
    site = SiteSettings.load()

    response = client.get("/")

    assert site.start_page.title == "Questions and Answers about Recovery"
    assert (
        f'<a href="{site.start_page.get_absolute_url()}">New here? Start with '
        "Questions and Answers about Recovery.</a>"
    ) in response.text
    assert "988" in response.text
    assert "not a crisis service" in response.text
    assert response.text.count('class="card"') == 6


def test_create_admin_makes_a_superuser_with_a_generated_password(db):
    output = run("create_admin")

    user = get_user_model().objects.get(username="admin")
    password = re.search(r"password: (\S+)", output).group(1)
    assert user.is_superuser and user.is_staff
    assert len(password) >= 16
    assert user.check_password(password)


def test_create_admin_generates_a_different_password_each_time(db):
    first = re.search(r"password: (\S+)", run("create_admin")).group(1)
    get_user_model().objects.all().delete()
    second = re.search(r"password: (\S+)", run("create_admin")).group(1)

    assert first != second


def test_create_admin_run_again_creates_nothing_and_explains_the_password(db):
    first = run("create_admin")

    second = run("create_admin")

    assert get_user_model().objects.count() == 1
    assert "username: admin" in first
    assert "username:" not in second
    assert "python manage.py changepassword admin" in second


def test_create_admin_names_the_existing_administrator_in_its_advice(db):
    get_user_model().objects.create_superuser("ron", "ron@example.org", "x")

    output = run("create_admin")

    assert not get_user_model().objects.filter(username="admin").exists()
    assert "python manage.py changepassword ron" in output


def test_searching_the_demo_for_harm_reduction_finds_the_seed_webinar_first(
    demo, client
):
    response = client.get("/search/", {"q": "harm reduction"})
    first = response.context["results"][0]
    assert first.title.startswith("The Hope of Harm Reduction")
    assert first.url == "/events/the-hope-of-harm-reduction/"
