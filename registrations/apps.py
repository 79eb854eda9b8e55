from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Registrations")

    def ready(self):
        from comments.privacy import register_personal_data
        from registrations import (
            dashboard,  # noqa: F401 - adds its dashboard section
            signals,
        )
        from registrations.privacy import erase_registrant, export_registrant

        register_personal_data("registrations", export_registrant, erase_registrant)

        pre_save.connect(
            signals.remember_before, sender="events.Event", dispatch_uid="reg-before"
        )
        post_save.connect(
            signals.follow_event, sender="events.Event", dispatch_uid="reg-follow"
        )
