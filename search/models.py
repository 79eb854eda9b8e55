"""
What the site search finds: models that mix in ``Searchable``.

On PostgreSQL each row keeps a weighted search vector (title above summary above
body, English stemming), refreshed on every save; other databases search the
fields themselves (see ``search.sources``). The choice is made by database
vendor, in ``full_text_available()``, and nowhere else.
"""

from django.contrib.postgres import search as postgres_search
from django.contrib.postgres.search import SearchVector
from django.db import connection, models


def full_text_available():
    return connection.vendor == "postgresql"


class SearchVectorField(postgres_search.SearchVectorField):
    """PostgreSQL's tsvector; MySQL and MariaDB, which have no such type, keep text."""

    def db_type(self, connection):
        if connection.vendor == "mysql":
            return "longtext"
        return super().db_type(connection)


class Searchable(models.Model):
    """A stored search vector, refreshed on every save on PostgreSQL."""

    search_vector = SearchVectorField(null=True, editable=False)

    # Field names by weight: "A" ranks above "B", above "C". The first "A" field
    # is the title of a search result, the others make its snippet.
    search_weights = {}
    # The date shown with a result, if any.
    search_date_field = None
    # A short warning shown with a result ("Mentions suicide."), if any.
    search_note_field = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if full_text_available():
            type(self)._default_manager.filter(pk=self.pk).update(
                search_vector=self.search_vector_expression()
            )

    @classmethod
    def search_queryset(cls):
        """The rows visitors may find: only what they may see."""
        raise NotImplementedError(f"{cls.__name__} must say what visitors may find.")

    @classmethod
    def search_vector_expression(cls):
        return weighted_vector(cls.search_weights)


def weighted_vector(weights):
    """One search vector of the fields in ``weights`` ({"A": [field, …], …})."""
    vectors = [
        SearchVector(field, weight=weight, config="english")
        for weight, fields in weights.items()
        for field in fields
    ]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined += vector
    return combined


def search_index_operations(app_label, model_name, weights):
    """
    Migration operations for a Searchable model: on PostgreSQL, a GIN index on
    its search vector and the vectors of rows that exist already (``weights`` as
    the model's ``search_weights`` were then); elsewhere none.
    """
    from django.contrib.postgres.indexes import GinIndex
    from django.db import migrations

    index = GinIndex(fields=["search_vector"], name=f"{model_name}_search_gin")

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = apps.get_model(app_label, model_name)
        schema_editor.add_index(model, index)
        model.objects.update(search_vector=weighted_vector(weights))

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(apps.get_model(app_label, model_name), index)

    return [migrations.RunPython(forwards, backwards, elidable=True)]


class SearchableManager(models.Manager):
    """Leaves the (large) search vector out of ordinary queries."""

    def get_queryset(self):
        return super().get_queryset().defer("search_vector")
