"""The admin's forms never offer to delete a related record from a field."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tests.factories import make_article, make_event, make_page, make_presenter

pytestmark = pytest.mark.django_db

# The project's own apps (docs/architecture.md); the libraries' admins aside.
PROJECT_APPS = [
    "recoverysite",
    "operations",
    "mail",
    "accounts",
    "pagecache",
    "search",
    "images",
    "editorial",
    "comments",
    "articles",
    "events",
    "registrations",
    "pages",
    "wordpress",
    "announcements",
    "contact",
    "subscriptions",
]


def project_models():
    return [
        model
        for label in PROJECT_APPS
        for model in apps.get_app_config(label).get_models()
        if admin.site.is_registered(model)
    ]


@pytest.mark.parametrize("model", project_models(), ids=lambda model: model._meta.label)
def test_forms_have_no_delete_link_beside_related_fields(staff_client, model):
    make_article()
    make_page()
    make_event()
    make_presenter()
    opts = model._meta
    addresses = [reverse(f"admin:{opts.app_label}_{opts.model_name}_add")]
    first = model._default_manager.first()
    if first is not None:
        addresses.append(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
        )
    for address in addresses:
        response = staff_client.get(address, follow=True)
        assert response.status_code in (200, 403), address
        assert "delete-related" not in response.content.decode(), address
