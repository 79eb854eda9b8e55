"""What the site keeps about people who used the contact form, for commenter_data."""

from contact.models import Message


def export_sender(email):
    return [
        {
            "name": message.name,
            "topic": message.topic.name if message.topic else None,
            "message": message.message,
            "received_at": message.received_at.isoformat(),
            "handled_at": message.handled_at.isoformat()
            if message.handled_at
            else None,
        }
        for message in Message.objects.for_email(email).select_related("topic")
    ]


def erase_sender(email):
    """Delete every message from ``email``; returns how many."""
    if not email.strip():
        return 0
    count, _details = Message.objects.for_email(email).delete()
    return count
