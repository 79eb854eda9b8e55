"""Run by this release after the upgrade: the pages visitors and editors open."""

import json

from django.test import Client
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from events.models import Event
from images.models import Image
from pages.models import Page
from recoverysite.models import User

# Development settings answer on local host names only.
client = Client(SERVER_NAME="127.0.0.1")
urls = ["/", *(a.get_absolute_url() for a in Article.objects.published())]
urls += [e.get_absolute_url() for e in Event.objects.published()]
urls += [p.get_absolute_url() for p in Page.objects.published()]
statuses = {url: client.get(url).status_code for url in urls}
staff = Client(SERVER_NAME="127.0.0.1")
staff.force_login(User.objects.get(username="upgrader"))
page = Page.objects.get(slug="privacy")
versions = Version.objects.get_for_object(page)
compare = reverse("admin:pages_page_compare", args=[page.pk])
admin = {
    "compare": staff.get(compare).status_code,
    "history": staff.get(
        reverse("admin:pages_page_history", args=[page.pk])
    ).status_code,
    "image": staff.get(
        reverse("admin:images_image_change", args=[Image.objects.first().pk])
    ).status_code,
    "versions": versions.count(),
    "usages": len(
        Image.objects.get(pk=Event.objects.first().featured_image_id).usages()
    ),
}
print(json.dumps({"statuses": statuses, "admin": admin}))
