from django.contrib import admin
from django.db import models

from core.admin import ReadOnlyMixin

from .models import Publication, PublicationEvent, Publisher


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "collaboration", "tooi_uri"]
    list_select_related = ["collaboration"]
    search_fields = ["name", "collaboration__name"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # a TOOI address is https


class ReadOnlyAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """Publication is changed only by its acts (publication.services, on the decision's publication page)."""


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ["decision", "state", "published_at", "ground", "changed_at"]
    list_filter = ["state", "decision__body__programme"]
    list_select_related = ["decision__body"]
    search_fields = ["decision__subject_title"]


@admin.register(PublicationEvent)
class PublicationEventAdmin(ReadOnlyAdmin):
    list_display = ["decision", "act", "ground", "actor", "at", "via"]
    list_filter = ["act", "via"]
    list_select_related = ["decision__body", "actor"]
    search_fields = ["decision__subject_title"]
