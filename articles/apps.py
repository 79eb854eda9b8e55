from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"

    def ready(self):
        from articles.models import Article
        from pagecache.schedules import on_schedule

        # Lists, feeds and the sitemap change when a scheduled article appears.
        on_schedule("articles", Article.objects.next_change)
