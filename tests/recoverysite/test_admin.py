"""The site settings admin."""

from django.urls import reverse

from recoverysite.models import SiteSettings
from tests.factories import make_page


def test_site_settings_changelist_goes_to_the_one_row(staff_client, db):
    response = staff_client.get(reverse("admin:recoverysite_sitesettings_changelist"))

    assert response.status_code == 302
    assert response.url == reverse(
        "admin:recoverysite_sitesettings_change", args=[SiteSettings.load().pk]
    )


def test_site_settings_are_edited_in_the_admin(staff_client, db):
    page = make_page(title="Start here")
    url = reverse("admin:recoverysite_sitesettings_change", args=[1])
    SiteSettings.load()

    staff_client.post(
        url,
        {
            "name": "Calm Waters",
            "tagline": "Writing about recovery.",
            "welcome": "New here? Start here.",
            "start_page": page.pk,
            "footer_text": "Not medical advice.",
            "crisis_notice": "Call or text 988.",
        },
    )

    settings = SiteSettings.load()
    assert settings.name == "Calm Waters"
    assert settings.start_page == page


def test_site_settings_cannot_be_deleted_or_added_twice(staff_client, db):
    SiteSettings.load()

    add = staff_client.get(reverse("admin:recoverysite_sitesettings_add"))
    delete = staff_client.get(
        reverse("admin:recoverysite_sitesettings_delete", args=[1])
    )

    assert add.status_code == 403
    assert delete.status_code == 403
