from django import template

from subscriptions.forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("subscriptions/form.html")
def subscribe_form(place, heading=""):
    """The subscribe form; ``place`` keeps its ids apart from another on the page."""
    return {"form": SubscribeForm(place=place), "heading": heading, "place": place}
