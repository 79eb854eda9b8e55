from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial")

    def ready(self):
        from editorial.revisions import first_version_after_commit
        from editorial.roles import create_roles

        # Groups and permissions are auth's: the roles follow its migrations.
        post_migrate.connect(create_roles, sender=apps.get_app_config("auth"))
        # Items made outside the admin (demo content, imports) get a first version.
        post_save.connect(first_version_after_commit, dispatch_uid="first_version")


# Subclassed through its module: AdminConfig itself in this module would be a
# second default configuration, and Django could not tell which is the app's.
class EditorialAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the site of ``editorial.sites``."""

    # Named in INSTALLED_APPS in place of django.contrib.admin; "editorial"
    # alone means EditorialConfig.
    default = False
    default_site = "editorial.sites.AdminSite"
