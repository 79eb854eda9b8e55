"""
What each imported WordPress item became, formerly a model of the articles app:
the table and its rows stay as they are; the next migration renames the table.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [('articles', '0007_featured_image_from_library'), ('contenttypes', '0002_remove_content_type_name')]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='WordPressItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('source', models.CharField(help_text="The exported site's address (wp:base_blog_url).", max_length=200, verbose_name='WordPress site')),
                        ('kind', models.CharField(choices=[('author', 'Author'), ('post', 'Post, page, event or organizer'), ('comment', 'Comment')], max_length=10, verbose_name='kind')),
                        ('wp_id', models.CharField(help_text='The post or comment number, or the login of an author.', max_length=200, verbose_name='WordPress ID')),
                        ('guid', models.CharField(blank=True, max_length=500, verbose_name='WordPress GUID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('checksum', models.CharField(help_text='Tells whether the item changed in a later export.', max_length=64)),
                        ('sticky', models.BooleanField(default=False, help_text='The post was pinned to the top of the WordPress blog. Articles have no such flag yet, so it is kept here.', verbose_name='sticky on WordPress')),
                        ('imported_at', models.DateTimeField(auto_now_add=True, verbose_name='imported')),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                    ],
                    options={
                        'db_table': 'articles_wordpressitem',
                        'verbose_name': 'imported WordPress item',
                        'verbose_name_plural': 'imported WordPress items',
                        'constraints': [models.UniqueConstraint(fields=('source', 'kind', 'wp_id'), name='wordpress_item_once')],
                    },
                ),
            ],
        ),
    ]
