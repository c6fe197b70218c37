"""Comments and annexes are written on the site (discussion.services); the admin shows them and their history.
A comment is moderated on the site too: hiding it takes a reason that everybody reads."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from core.admin import ReadOnlyMixin

from .models import Annex, Comment


@admin.register(Comment)
class CommentAdmin(ReadOnlyMixin, SimpleHistoryAdmin):
    list_display = ["created_at", "author", "pilot", "experiment", "report", "visibility", "hidden_at"]
    list_filter = ["programme", "visibility"]
    list_select_related = ["author", "pilot", "experiment", "report__workgroup", "report__pilot"]
    search_fields = ["text"]


@admin.register(Annex)
class AnnexAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["title", "pilot", "experiment", "version", "uploaded_by", "uploaded_at", "download"]
    list_select_related = ["pilot", "experiment", "uploaded_by"]
    readonly_fields = ["download"]
    exclude = ["file"]

    @admin.display(description="")
    def download(self, annex):
        return format_html('<a href="{}">{}</a>', reverse("discussion:annex", args=[annex.pk]), annex.filename)
