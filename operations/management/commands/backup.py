from django.core.management.base import BaseCommand, CommandError

from operations import backups


class Command(BaseCommand):
    help = (
        "Write one archive with the database and every uploaded file, plus a "
        "manifest. Restore it with: manage.py restore ARCHIVE"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default="backups",
            help="Folder for the archive (made if missing). Default: backups/",
        )

    def handle(self, *args, **options):
        try:
            path, manifest = backups.create(options["output"])
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        media = manifest["media"]
        self.stdout.write(
            f"{manifest['database']['vendor']} database and {media['files']} "
            f"uploaded file(s) ({media['bytes']} bytes) saved."
        )
        self.stdout.write(str(path))
