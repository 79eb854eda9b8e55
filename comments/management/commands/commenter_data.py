import json

from django.core.management.base import BaseCommand, CommandError

from comments.privacy import PERSONAL_DATA, erase_commenter, export_commenter


class Command(BaseCommand):
    help = (
        "Export (--export) as JSON, or anonymise (--erase), everything stored about "
        "one commenter's email address."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", action="store_true")
        action.add_argument("--erase", action="store_true")
        parser.add_argument(
            "--remove-text",
            action="store_true",
            help="With --erase, also delete the comments' text.",
        )

    def handle(self, *args, email, export, erase, remove_text, **options):
        if export:
            data = export_commenter(email)
            for name, (export_other, _erase) in PERSONAL_DATA.items():
                data[name] = export_other(email)
            if not any(data[name] for name in ["comments", *PERSONAL_DATA]):
                raise CommandError(f"Nothing stored about {email}.")
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            count = erase_commenter(email, remove_text=remove_text)
            self.stdout.write(
                f"Anonymised {count} comment(s); {email} is unsubscribed."
            )
            for name, (_export, erase_other) in PERSONAL_DATA.items():
                self.stdout.write(f"Erased {erase_other(email)} of {name}.")
