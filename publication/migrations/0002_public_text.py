"""The public text of a decision is stored with its publication (#21): the pages, the feed, the sitemap and the public
search read one redacted text. Publications made before get theirs here, with today's rules."""

from django.db import migrations, models

from publication.redaction import public_text

BATCH = 500


def store_public_text(apps, schema_editor):
    Publication = apps.get_model("publication", "Publication")
    batch = []
    for publication in Publication.objects.select_related("decision").order_by("pk").iterator(chunk_size=BATCH):
        publication.public_title = public_text(publication.decision.subject_title)
        publication.public_rationale = public_text(publication.decision.rationale)
        batch.append(publication)
        if len(batch) == BATCH:
            Publication.objects.bulk_update(batch, ["public_title", "public_rationale"])
            batch = []
    Publication.objects.bulk_update(batch, ["public_title", "public_rationale"])


class Migration(migrations.Migration):
    dependencies = [
        ("publication", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name="public_rationale",
            field=models.TextField(blank=True, verbose_name="public rationale"),
        ),
        migrations.AddField(
            model_name="publication",
            name="public_title",
            field=models.TextField(blank=True, verbose_name="public subject"),
        ),
        migrations.RunPython(store_public_text, migrations.RunPython.noop),
    ]
