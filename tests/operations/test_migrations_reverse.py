"""Every migration of the site's own apps can be undone and done again."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from articles.models import Article

OWN_APPS = ["comments", "events", "articles", "recoverysite"]


@pytest.mark.slow
def test_migrations_reverse_to_zero_and_forward_again_with_demo_content(
    transactional_db,
):
    call_command("load_demo_content", verbosity=0)
    assert Article.objects.exists()
    for app in OWN_APPS:
        call_command("migrate", app, "zero", verbosity=0, interactive=False)
    tables = connection.introspection.table_names()
    for app in OWN_APPS:
        assert not [table for table in tables if table.startswith(f"{app}_")]

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", verbosity=0)
    assert Client().get("/").status_code == 200
    assert Article.objects.exists()
