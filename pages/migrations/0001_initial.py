"""
The standalone pages, formerly a model of the project package: the table and
its rows stay as they are; the next migration gives the table its new name.
"""

import search.models
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [('recoverysite', '0006_editorial_roles')]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Page',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('search_vector', search.models.SearchVectorField(editable=False, null=True)),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('published', 'Published')], default='draft', help_text='Drafts are visible only to staff, on the public address.', max_length=10, verbose_name='status')),
                        ('published_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, help_text='Shown to visitors as the date. A date in the future schedules the item: it appears by itself at that moment.', verbose_name='publication date')),
                        ('unpublish_at', models.DateTimeField(blank=True, help_text='Optional. At this moment the item leaves the site by itself: lists, feeds, search and its own page. Staff can still preview it.', null=True, verbose_name='unpublish date')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='last updated')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('slug', models.SlugField(help_text="The last part of the page's address.", max_length=200, verbose_name='slug')),
                        ('body', models.TextField(blank=True, verbose_name='body')),
                        ('menu_order', models.PositiveSmallIntegerField(default=0, help_text='Lower numbers come first in the menu.', verbose_name='menu order')),
                        ('show_in_menu', models.BooleanField(default=False, help_text='Top-level published pages only.', verbose_name='show in menu')),
                        ('parent', models.ForeignKey(blank=True, help_text='Optional: places this page under a top-level page.', limit_choices_to={'parent': None}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='children', to='pages.page', verbose_name='parent page')),
                    ],
                    options={
                        'db_table': 'recoverysite_page',
                        'ordering': ['menu_order', 'title'],
                        'permissions': [('publish_page', 'Can publish, schedule and unpublish pages')],
                        'constraints': [models.UniqueConstraint(fields=('parent', 'slug'), name='page_slug_unique_under_parent'), models.UniqueConstraint(condition=models.Q(('parent', None)), fields=('slug',), name='page_slug_unique_at_top')],
                    },
                ),
            ],
        ),
    ]
