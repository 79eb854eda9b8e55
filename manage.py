#!/usr/bin/env python
import os
import sys

# Commands that must work before the site is configured.
NEEDS_NO_SETTINGS = {"help", "version", "--help", "-h", "--version"}
# Commands that read only the code and never serve, sign or send anything: they
# run with development settings, so a checkout or a build step needs no
# production secret to check migrations or build translations.
READS_ONLY_THE_CODE = {"makemigrations", "makemessages", "compilemessages"}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "recoverysite.settings")
    if len(sys.argv) > 1 and sys.argv[1] in READS_ONLY_THE_CODE:
        os.environ["DEBUG"] = "1"
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    if len(sys.argv) > 1 and sys.argv[1] not in NEEDS_NO_SETTINGS:
        # Django would keep this error for later and then fail somewhere else
        # ("Models aren't loaded yet"); say what is wrong with the settings.
        try:
            settings.INSTALLED_APPS  # noqa: B018 (reading it loads the settings)
        except ImproperlyConfigured as error:
            sys.exit(f"ImproperlyConfigured: {error}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
