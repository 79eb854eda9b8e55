from django import template

from pagecache.tags import add_cache_tags
from registrations.forms import RegistrationForm
from registrations.models import Registration, count_tag, options_for

register = template.Library()


@register.inclusion_tag("registrations/section.html", takes_context=True)
def registration_form(context, event):
    """The registration form of an event page; the count only if the editor asks."""
    count = 0
    if options_for(event).shows_attendee_count:
        add_cache_tags(context["request"], count_tag(event.pk))
        count = Registration.objects.filter(event=event).confirmed().count()
    return {"event": event, "form": RegistrationForm(event), "count_shown": count}
