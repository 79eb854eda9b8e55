from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

# Each app that has demo content, in the order their content depends on each other.
DEMO_MODULES = ["recoverysite", "articles", "events", "comments"]


class Command(BaseCommand):
    help = (
        "Fill the site with demo content: the seed webinar page's article, pages, "
        "articles with images, and site texts. Running it again changes nothing."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        for app_label in DEMO_MODULES:
            if apps.is_installed(app_label):
                import_module(f"{app_label}.demo_content").load(self)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
