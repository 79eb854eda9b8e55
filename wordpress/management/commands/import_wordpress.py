import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wordpress.importer import WordPressImportError, import_wordpress


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools → Export → All content): authors, posts, "
        "pages, events, tags, threaded comments and media, with redirects from the "
        "old addresses. Running it again changes nothing; see "
        "docs/wordpress-import.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The WordPress export (.xml).")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="A copy of the site's wp-content/uploads folder.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Go through the whole import, then undo it and print the report.",
        )
        parser.add_argument(
            "--author-map",
            action="append",
            default=[],
            metavar="LOGIN=USERNAME",
            help=(
                "Give a WordPress author's posts to an existing user here instead "
                "of a new one; repeat for each author, or separate with commas."
            ),
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Update items already imported when the export changed them.",
        )
        parser.add_argument(
            "--report-file",
            type=Path,
            help=(
                "Also write the report, with every item it concerns, to this CSV "
                "file (opens in a spreadsheet)."
            ),
        )

    def handle(
        self,
        *args,
        export,
        media_dir,
        dry_run,
        author_map,
        update,
        report_file=None,
        **options,
    ):
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(f"--media-dir {media_dir} is not a folder.")
        # Checked before importing, so that a typo costs no import.
        if report_file is not None and not report_file.parent.is_dir():
            raise CommandError(
                f"--report-file {report_file}: the folder {report_file.parent} "
                "does not exist."
            )
        try:
            report = import_wordpress(
                export,
                media_dir=media_dir,
                author_map=parse_author_map(author_map),
                update=update,
                dry_run=dry_run,
                progress=ProgressBar(self.stderr) if self.stderr.isatty() else None,
            )
        except WordPressImportError as error:
            raise CommandError(f"{error} Nothing was imported.") from None
        for line in report.lines():
            self.stdout.write(line)
        if report_file is not None:
            with report_file.open("w", newline="", encoding="utf-8") as file:
                report.write_csv(file)
            self.stdout.write(f"Report written to {report_file}.")


def parse_author_map(values):
    mapping = {}
    for value in values:
        for pair in value.split(","):
            login, separator, username = pair.partition("=")
            if not separator or not login.strip() or not username.strip():
                raise CommandError(
                    f"--author-map takes LOGIN=USERNAME pairs, not “{pair}”."
                )
            mapping[login.strip()] = username.strip()
    return mapping


class ProgressBar:
    """A one-line text bar per stage, redrawn a few times a second."""

    width = 30

    def __init__(self, stream):
        self.stream = stream
        # Plain text: the error colour Django gives stderr is not for progress.
        self.stream.style_func = None
        self.label = None
        self.drawn_at = 0.0
        self.finished = set()

    def __call__(self, label, done, total):
        if label in self.finished:
            return
        now = time.monotonic()
        finished = done >= total
        if label == self.label and not finished and now - self.drawn_at < 0.2:
            return
        if self.label not in {None, label} and self.label not in self.finished:
            self.stream.write("")
        self.label, self.drawn_at = label, now
        share = done / total if total else 1
        filled = round(self.width * share)
        bar = "#" * filled + "." * (self.width - filled)
        ending = "\n" if finished else ""
        self.stream.write(f"\r{label:10} [{bar}] {share:4.0%}", ending=ending)
        if finished:
            self.finished.add(label)
