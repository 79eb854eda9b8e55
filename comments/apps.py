from django.apps import AppConfig
from django.db.models.signals import pre_save


class CommentsConfig(AppConfig):
    name = "comments"

    def ready(self):
        from django_comments_xtd.models import publish_or_unpublish_on_pre_save

        from comments import (
            dashboard,  # noqa: F401 - adds its dashboard section
            tasks,  # noqa: F401 - registers its timed job
        )
        from comments.views import REMEMBER_COOKIE
        from pagecache.middleware import read_only_in_the_browser

        # "Remember me" fills the form in the browser: pages stay cacheable.
        read_only_in_the_browser(REMEMBER_COOKIE)

        # django-comments-xtd hides every reply when a comment stops being
        # public; here replies stay visible under a placeholder instead.
        pre_save.disconnect(publish_or_unpublish_on_pre_save, sender="comments.Comment")
