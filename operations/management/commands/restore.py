from django.core.management.base import BaseCommand, CommandError

from operations import backups


class Command(BaseCommand):
    help = (
        "Replace the database with the one in a backup archive made by "
        "manage.py backup, and put its uploaded files back."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz file manage.py backup wrote.")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, **options):
        if options["interactive"]:
            answer = input(
                "This replaces everything in the database with the backup's "
                "content. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            manifest = backups.restore(options["archive"])
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        media = manifest["media"]
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']}: the database and "
            f"{media['files']} uploaded file(s). Run manage.py migrate if this "
            f"version of the site is newer than the backup."
        )
