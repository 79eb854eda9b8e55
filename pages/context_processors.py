from django.utils.functional import SimpleLazyObject

from pages.models import Page


def menu(request):
    """The menu's pages, queried only by templates that show them."""
    return {"menu_pages": SimpleLazyObject(lambda: list(Page.objects.in_menu()))}
