"""What the review sets off, done by the worker: its emails (editorial/emails.py)."""

from django.apps import apps
from django_tasks import task

from editorial import emails


def find(label, pk):
    model = apps.get_model(label)
    return (
        model._default_manager.select_related("submitted_by", "sent_back_by")
        .filter(pk=pk)
        .first()
    )


@task
def review_requested(label, pk):
    """Tell the editors a draft waits for review, unless it no longer does."""
    item = find(label, pk)
    if item is None or not item.is_waiting_for_review():
        return "no longer waiting for review"
    return f"sent to {emails.review_requested(item)} address(es)"


@task
def sent_back(label, pk):
    """Tell the author an editor sent their draft back, unless it was sent again."""
    item = find(label, pk)
    if item is None or not item.is_sent_back():
        return "no longer sent back"
    return f"sent to {emails.sent_back(item)} address(es)"
