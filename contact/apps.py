from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact form")

    def ready(self):
        from comments.privacy import register_personal_data
        from contact import (
            dashboard,  # noqa: F401 - adds its dashboard section
            tasks,  # noqa: F401 - registers the retention job
        )
        from contact.privacy import erase_sender, export_sender

        register_personal_data("contact_messages", export_sender, erase_sender)
