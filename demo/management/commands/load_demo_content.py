from django.core.management.base import BaseCommand
from django.db import transaction

from demo import articles, comments, events, registrations, series, site


class Command(BaseCommand):
    help = (
        "Fill the site with demo content: the seed webinar page's article, pages, "
        "articles with images, webinars, a weekly series and site texts. Running "
        "it again changes nothing."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        # In the order their content depends on each other.
        for part in [site, articles, events, series, registrations, comments]:
            part.load(self)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
