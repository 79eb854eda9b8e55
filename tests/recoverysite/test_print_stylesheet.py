"""Every public page links the print stylesheet, for paper only."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.factories import make_article, make_event, make_page

PRINT_LINK = (
    '<link rel="stylesheet" href="/static/recoverysite/css/print.css" media="print">'
)


@pytest.mark.django_db
def test_public_pages_link_the_print_stylesheet(client):
    urls = [
        reverse("home"),
        make_article().get_absolute_url(),
        make_event().get_absolute_url(),
        make_page().get_absolute_url(),
    ]
    for url in urls:
        assert PRINT_LINK in client.get(url).text, url


def test_print_stylesheet_hides_screen_parts_and_keeps_page_breaks_out_of_figures():
    css = open(finders.find("recoverysite/css/print.css")).read()

    for selector in [".site-nav", ".site-search", ".comments", "form", "button"]:
        assert selector in css.split("display: none")[0], selector
    assert 'content: " (" attr(href) ")"' in css
    assert "break-inside: avoid" in css
