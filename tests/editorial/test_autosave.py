"""Each writing screen carries the offer to restore unsaved changes."""

import pytest
from django.urls import reverse

from tests.factories import make_article, make_event, make_page, make_presenter

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("articles_article", make_article),
        ("pages_page", make_page),
        ("events_event", make_event),
        ("events_presenter", make_presenter),
    ],
)
def test_writing_screens_keep_unsaved_changes_in_the_browser(staff_client, name, make):
    for address in [
        reverse(f"admin:{name}_add"),
        reverse(f"admin:{name}_change", args=[make().pk]),
    ]:
        response = staff_client.get(address)

        html = response.content.decode()
        assert 'src="/static/editorial/admin/autosave.js"' in html, address
        assert (
            'id="autosave-notice" class="autosave-notice" role="status" hidden' in html
        )
        assert "Restore unsaved changes" in html
