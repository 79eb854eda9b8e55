import pytest

from tests.comments.conftest import comment_data, open_policy, policy, post  # noqa: F401
from tests.factories import make_article, make_event, make_page, make_presenter


@pytest.fixture
def site(db):
    """One of each public thing, so every kind of address has something behind it."""
    presenter = make_presenter(name="Rae Presenter", slug="rae-presenter")
    return {
        "article": make_article(title="Hope", slug="hope", tags=["recovery"]),
        "event": make_event(
            title="Webinar", slug="webinar", presenters=[presenter], tags=["peer"]
        ),
        "page": make_page(title="About", slug="about", show_in_menu=True),
        "presenter": presenter,
    }
