"""Run by the earlier release: content beyond the demo that an upgrade must carry."""

import reversion
from django.core.management import call_command

from articles.models import Article
from recoverysite.models import Page, User

call_command("load_demo_content", verbosity=0)
call_command("import_wordpress", "tests/wordpress/fixtures/edge_cases.xml", verbosity=0)
page = Page.objects.get(slug="privacy")
for title in ["Privacy", "Privacy and your data"]:
    with reversion.create_revision():
        page.title = title
        page.save()
article = Article.objects.published().order_by("pk").first()
with reversion.create_revision():
    article.slug = article.slug + "-renamed"
    article.save()
User.objects.create_superuser("upgrader", "upgrader@example.org", "x")
