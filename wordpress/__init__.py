"""
Moving a WordPress site over: ``importer.import_wordpress()`` reads a WordPress
export (WXR) and brings in its authors, posts, pages, events, tags and threaded
comments, with redirects from the old addresses. docs/wordpress-import.md is the
operator's guide; ``manage.py import_wordpress`` is the command.
"""
