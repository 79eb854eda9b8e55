from django.core.management.base import BaseCommand

from comments.emails import send_due, send_moderator_digest


class Command(BaseCommand):
    help = (
        "Send the moderators' digest when it is due and every email waiting in the "
        "outbox, retrying those that failed. Run it from cron every minute or few."
    )

    def handle(self, *args, **options):
        digested = send_moderator_digest()
        sent = send_due()
        self.stdout.write(f"{digested} held comment(s) reported; {sent} email(s) sent.")
