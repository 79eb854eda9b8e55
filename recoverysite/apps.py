from django.apps import AppConfig


class RecoverySiteConfig(AppConfig):
    name = "recoverysite"
    verbose_name = "Site"
