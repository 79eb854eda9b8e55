from django.core.paginator import Paginator
from django.views.generic import TemplateView

from search.sources import MAX_QUERY_LENGTH, search, sources


class SearchView(TemplateView):
    template_name = "search/search.html"
    paginate_by = 10

    def get_context_data(self, **kwargs):
        terms = " ".join(self.request.GET.get("q", "").split())
        kind = self.request.GET.get("type", "")
        context = {
            "terms": terms[:MAX_QUERY_LENGTH],
            "kind": kind,
            "kinds": [(source.kind, source.label) for source in sources()],
            "too_long": len(terms) > MAX_QUERY_LENGTH,
        }
        if terms:
            results = search(context["terms"], kind=kind)
            page = Paginator(results, self.paginate_by).get_page(
                self.request.GET.get("page")
            )
            context.update(page_obj=page, results=page.object_list, count=len(results))
        return super().get_context_data(**context, **kwargs)
