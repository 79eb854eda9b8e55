"""What the site keeps about subscribers, for the commenter_data command."""

from django.db import transaction

from mail.models import OutgoingEmail
from subscriptions.models import Subscriber


def export_subscriber(email):
    return [
        {
            "email": subscriber.email,
            "status": subscriber.status,
            "topics": subscriber.topics,
            "frequency": subscriber.frequency,
            "language": subscriber.language,
            "subscribed_at": subscriber.subscribed_at.isoformat(),
            "confirmed_at": subscriber.confirmed_at.isoformat()
            if subscriber.confirmed_at
            else None,
            "last_confirmation_email_at": subscriber.confirmation_sent_at.isoformat()
            if subscriber.confirmation_sent_at
            else None,
        }
        for subscriber in Subscriber.objects.for_email(email)
    ]


@transaction.atomic
def erase_subscriber(email):
    """Forget ``email`` as a subscriber: the row, its links and its queued mail."""
    if not email.strip():
        return 0
    count, _details = Subscriber.objects.for_email(email).delete()
    OutgoingEmail.objects.waiting().to_address(email).delete()
    return count
