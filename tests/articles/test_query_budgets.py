"""List pages cost the same number of queries whatever the number of articles."""

import pytest
from django.urls import reverse

from recoverysite.models import SiteSettings
from tests.factories import make_article, make_page, make_user

# Site settings and menu pages on every page (the coming announcements are read
# once, then kept until one changes: the measured visit is the second), then
# articles with their authors and comment counts, and one prefetch for all their
# tags; plus upcoming events on the home page, a count and the archive years on
# the article list, and on a tag page the tag and a count each of its upcoming
# events, articles and past events.
BUDGETS = {"home": 5, "list": 6, "tag": 8}


@pytest.fixture(params=[3, 30], ids=lambda count: f"{count}-articles")
def many_articles(request, db):
    SiteSettings.load()
    make_page(title="About", show_in_menu=True)
    for number in range(request.param):
        make_article(
            author=make_user(),
            tags=["hope", f"topic {number}", f"theme {number % 4}"],
        )
    return request.param


def url_for(page):
    return {
        "home": reverse("home"),
        "list": reverse("articles:list"),
        "tag": reverse("pages:tag", args=["hope"]),
    }[page]


@pytest.mark.parametrize("page", BUDGETS)
def test_list_page_uses_a_fixed_number_of_queries(
    client, many_articles, page, django_assert_num_queries
):
    # Once first, so that what is kept between visits (Django's content types,
    # the announcements) is kept, whichever tests ran before.
    client.get(url_for(page))
    with django_assert_num_queries(BUDGETS[page]):
        response = client.get(url_for(page))

    assert response.status_code == 200
    assert response.text.count('class="card"') == min(
        many_articles, 6 if page == "home" else 10
    )
    assert "theme 0" in response.text
