from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from editorial.revisions import (
    items_without_versions,
    keep_first_version,
    versioned_models,
)


class Command(BaseCommand):
    help = (
        "Give every article, page, event and presenter without a version its first "
        "one, so its first edit in the admin can be compared and undone. Running it "
        "again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database, **options):
        for model in versioned_models():
            count = 0
            # One revision per item: restoring it must bring back that item only.
            for obj in items_without_versions(model, database).iterator(2000):
                count += keep_first_version(obj, database)
            self.stdout.write(
                f"{model._meta.verbose_name_plural.capitalize()}: "
                f"{count} first version(s) saved."
            )
