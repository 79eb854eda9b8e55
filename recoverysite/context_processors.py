from urllib.parse import urlsplit

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from recoverysite.models import SiteSettings


def site(request):
    """Site texts, queried only by templates that show them."""
    return {
        "site_url": settings.SITE_URL,
        "analytics_script_url": settings.ANALYTICS_SCRIPT_URL,
        "site_domain": urlsplit(settings.SITE_URL).hostname,
        "site_settings": SimpleLazyObject(SiteSettings.load),
    }
