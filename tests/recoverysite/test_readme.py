"""The README's configuration table, which operators read first."""

import re
from collections import Counter

from django.conf import settings


def configuration_rows():
    readme = (settings.BASE_DIR / "README.md").read_text()
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([A-Z][A-Z0-9_]*)`", section, re.MULTILINE)


def test_the_configuration_table_names_each_variable_once():
    rows = configuration_rows()

    assert len(rows) > 20
    assert [name for name, count in Counter(rows).items() if count > 1] == []
