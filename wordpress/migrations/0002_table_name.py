"""The table of the moved model takes this app's name."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("wordpress", "0001_initial"),
        ("recoverysite", "0007_models_moved_to_their_apps"),
    ]

    operations = [migrations.AlterModelTable(name="wordpressitem", table=None)]
