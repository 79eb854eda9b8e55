import datetime
import zoneinfo
from unittest import mock

import pytest

LOS_ANGELES = zoneinfo.ZoneInfo("America/Los_Angeles")
LONDON = zoneinfo.ZoneInfo("Europe/London")
# The seed webinar: Tuesday, April 15, 2025, 4:00–5:30 PM in Los Angeles.
SEED_START = datetime.datetime(2025, 4, 15, 16, 0, tzinfo=LOS_ANGELES)
SEED_END = datetime.datetime(2025, 4, 15, 17, 30, tzinfo=LOS_ANGELES)


@pytest.fixture
def frozen_clock():
    """``frozen_clock(moment)`` makes ``timezone.now()`` return ``moment``."""
    patcher = None

    def freeze(moment):
        nonlocal patcher
        if patcher:
            patcher.stop()
        patcher = mock.patch("django.utils.timezone.now", return_value=moment)
        patcher.start()
        return moment

    yield freeze
    if patcher:
        patcher.stop()


@pytest.fixture
def assert_page_queries(client, django_assert_num_queries):
    """
    ``assert_page_queries(address, count)``: the queries of a repeat visit.

    The first visit fills the per-process caches (content types, the sites
    framework's Site, the site settings row) as on a running server.
    """

    def check(address, count):
        client.get(address)
        with django_assert_num_queries(count):
            response = client.get(address)
        assert response.status_code == 200
        return response

    return check
