from django.conf import settings
from django.core.management.base import BaseCommand

from comments.privacy import purge_ip_addresses


class Command(BaseCommand):
    help = "Erase the IP addresses of comments older than COMMENTS_IP_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=settings.COMMENTS_IP_RETENTION_DAYS
        )

    def handle(self, *args, days, **options):
        count = purge_ip_addresses(days)
        self.stdout.write(
            f"Erased the IP address of {count} comment(s) older than {days} days."
        )
