"""The old outbox goes: its waiting emails are tasks now (mail 0001)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("mail", "0001_initial"),
    ]

    operations = [migrations.DeleteModel(name="OutgoingEmail")]
