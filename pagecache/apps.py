from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from pagecache.tags import on_change

        post_save.connect(on_change, dispatch_uid="page-cache-save")
        post_delete.connect(on_change, dispatch_uid="page-cache-delete")
        m2m_changed.connect(on_change, dispatch_uid="page-cache-m2m")
