from django import template

from editorial.dashboard import build_dashboard

register = template.Library()


@register.simple_tag(takes_context=True)
def editor_dashboard(context):
    """The dashboard sections the logged-in person may see."""
    return build_dashboard(context["request"].user)
