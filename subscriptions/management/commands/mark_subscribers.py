import sys

from django.core.management.base import BaseCommand, CommandError

from subscriptions.models import Subscriber

STATUSES = {
    "bounced": Subscriber.Status.BOUNCED,
    "complained": Subscriber.Status.COMPLAINED,
}


class Command(BaseCommand):
    help = (
        "Mark addresses as bounced or complained (from the mail server's bounce "
        "reports or a provider's complaint feed): they get no more updates."
    )

    def add_arguments(self, parser):
        parser.add_argument("status", choices=sorted(STATUSES))
        parser.add_argument(
            "emails",
            nargs="*",
            help="Addresses; with none, one address a line is read from stdin.",
        )

    def handle(self, *args, status, emails, **options):
        addresses = emails or [
            line for line in sys.stdin.read().splitlines() if line.strip()
        ]
        if not addresses:
            raise CommandError("No addresses given.")
        marked, unknown = 0, []
        for address in addresses:
            subscriber = Subscriber.objects.for_email(address).first()
            if subscriber is None:
                unknown.append(address.strip())
                continue
            subscriber.set_status(STATUSES[status])
            marked += 1
        self.stdout.write(f"Marked {marked} subscriber(s) as {status}.")
        for address in unknown:
            self.stdout.write(f"Not a subscriber: {address}")
