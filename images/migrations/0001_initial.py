"""
The image library, formerly a model of the project package: the table and its
rows stay as they are; the next migration gives the table its new name.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [('recoverysite', '0006_editorial_roles'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Image',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('file', models.FileField(editable=False, max_length=255, upload_to='', verbose_name='file')),
                        ('alt', models.CharField(help_text='Required. Say what the picture shows, as you would to someone on the phone: “Two people talking on a park bench”, not “image” or the file name. One sentence is usually enough; skip “picture of”. Screen readers read it aloud, and it is shown when the picture cannot load.', max_length=250, verbose_name='description (alt text)')),
                        ('caption', models.CharField(blank=True, help_text='Optional. Shown under the picture when it is placed in text.', max_length=300, verbose_name='caption')),
                        ('credit', models.CharField(blank=True, help_text='Who made the picture or where it comes from, e.g. “Photo: Sam Lee” or “Unsplash”. Keep it as the licence asks.', max_length=200, verbose_name='credit')),
                        ('original_name', models.CharField(blank=True, editable=False, max_length=200, verbose_name='uploaded as')),
                        ('width', models.PositiveIntegerField(default=0, editable=False, verbose_name='width')),
                        ('height', models.PositiveIntegerField(default=0, editable=False, verbose_name='height')),
                        ('renditions', models.JSONField(default=dict, editable=False)),
                        ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded')),
                        ('uploaded_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                    ],
                    options={
                        'db_table': 'recoverysite_image',
                        'verbose_name': 'image',
                        'verbose_name_plural': 'images',
                        'ordering': ['-uploaded_at', '-pk'],
                    },
                ),
            ],
        ),
    ]
