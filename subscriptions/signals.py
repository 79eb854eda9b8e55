"""
An editor's save of a published article or webinar starts the look for new
items at once, instead of at the next timed run. Connected in
SubscriptionsConfig.ready(); the task is queued after the save commits.
"""

from operations.background import enqueue_after_commit
from subscriptions import tasks


def look_soon_for_new_items(sender, instance, raw=False, **kwargs):
    if not raw and instance.is_published():
        enqueue_after_commit(tasks.notice_new_items)
