import re

import pytest
from django.urls import reverse

from subscriptions import links
from subscriptions.models import Subscriber


def form_data(client, **changes):
    """The footer's subscribe form as a visitor sends it, from the home page."""
    page = client.get("/").content.decode()
    form = page[page.index('action="/updates/subscribe/"') :]
    issued = re.search(r'name="issued" value="([^"]+)"', form).group(1)
    data = {
        "email": "robin@example.org",
        "topics": "both",
        "frequency": "weekly",
        "issued": issued,
        "honeypot": "",
    }
    data.update(changes)
    return data


def subscribe(client, **changes):
    return client.post(reverse("subscriptions:subscribe"), form_data(client, **changes))


def links_in(body):
    return re.findall(r"http://\S+/updates/\S+/", body)


@pytest.fixture
def confirmed():
    """A confirmed subscriber who wants everything, weekly unless told."""

    def make(email="kai@example.org", **kwargs):
        subscriber = Subscriber.objects.create(email=email, **kwargs)
        subscriber.set_status(Subscriber.Status.CONFIRMED)
        return subscriber

    return make


def unsubscribe_path(subscriber):
    return links.link(subscriber, "unsubscribe")
