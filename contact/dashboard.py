"""The contact messages nobody has handled yet, on the editors' dashboard."""

from django.utils.translation import gettext_lazy as _

from contact.models import Message
from editorial.dashboard import (
    ITEMS_PER_SECTION,
    Link,
    Section,
    change_url,
    changelist_url,
    section,
    short_date,
)


@section(35)
def contact_section(dashboard):
    if not dashboard.user.has_perm("contact.view_message"):
        return None
    unhandled = Message.objects.unhandled()
    newest = unhandled.select_related("topic").only(
        "pk", "name", "received_at", "topic__name"
    )[:ITEMS_PER_SECTION]
    return Section(
        key="contact",
        title=_("Contact messages not handled yet"),
        count=unhandled.count(),
        url=changelist_url(Message, "handled=no"),
        empty=_("Every message has been handled."),
        items=[
            Link(
                message.topic.name if message.topic else _("No topic"),
                change_url(message),
                _("from %(name)s, %(date)s")
                % {"name": message.name, "date": short_date(message.received_at)},
            )
            for message in newest
        ],
    )
