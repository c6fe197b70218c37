import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

GIN = "search_entry_vector_gin"


def create_gin_index(apps, schema_editor):
    """PostgreSQL only: the index that keeps full-text search fast over the national data set. SQLite has no GIN
    (and no tsvector): there search falls back to a plain match and the column stays empty."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {GIN} ON search_searchentry USING gin (vector)")


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN}")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("programmes", "0003_bodies_move_here"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=20, verbose_name="kind")),
                ("object_id", models.PositiveBigIntegerField()),
                ("title", models.CharField(max_length=600, verbose_name="title")),
                ("text", models.TextField(blank=True, verbose_name="text")),
                ("vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                (
                    "programme",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="programmes.programme",
                    ),
                ),
            ],
            options={
                "verbose_name": "search entry",
                "verbose_name_plural": "search entries",
                "indexes": [models.Index(fields=["programme", "kind"], name="search_sear_program_fd0ffe_idx")],
                "constraints": [
                    models.UniqueConstraint(fields=("kind", "object_id"), name="searchentry_one_per_object")
                ],
            },
        ),
        migrations.RunPython(create_gin_index, drop_gin_index, elidable=False),
    ]
