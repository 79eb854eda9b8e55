from urllib.parse import urlsplit

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate, pre_save


def sync_site_domain(**kwargs):
    """Feeds, sitemaps and comment libraries read the Site row: keep it on SITE_URL."""
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.SITE_URL).netloc
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": domain}
    )


class RecoverySiteConfig(AppConfig):
    name = "recoverysite"
    verbose_name = "Site"

    def ready(self):
        from recoverysite.tags import give_tag_a_slug

        post_migrate.connect(sync_site_domain, sender=self)
        pre_save.connect(give_tag_a_slug, sender="taggit.Tag")
