from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("Email updates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from comments.privacy import register_personal_data
        from subscriptions.privacy import erase_subscriber, export_subscriber

        register_personal_data("subscriptions", export_subscriber, erase_subscriber)
