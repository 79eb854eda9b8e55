from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from pagecache.schedules import on_schedule
        from pages.models import Page

        # Pages are in the menu of every page and in the sitemap ("site").
        on_schedule("site", Page.objects.next_change)
