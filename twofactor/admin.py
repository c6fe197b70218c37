"""The admin site shows per user which second factors they have and resets them after a lost phone; the device
models themselves (with their secrets, in English) are not shown."""

from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnAttestation

from . import services
from .models import UserSecondFactor

for device_model in (TOTPDevice, StaticDevice, services.Passkey, WebAuthnAttestation):
    try:
        admin.site.unregister(device_model)
    except NotRegistered:
        pass


@admin.action(description=_("Reset two-factor authentication"), permissions=["change"])
def reset_second_factors(modeladmin, request, queryset):
    if request.POST.get("confirmed") == "1":
        for user in queryset:
            removed = services.reset_devices(user, by=request.user, via="admin", request=request)
            total = sum(removed.values())
            modeladmin.message_user(
                request,
                ngettext(
                    "%(user)s: %(count)s second factor removed. At the next login they set up a new one.",
                    "%(user)s: %(count)s second factors removed. At the next login they set up a new one.",
                    total,
                )
                % {"user": user.get_username(), "count": total},
                messages.SUCCESS,
            )
        return None
    return render(
        request,
        "admin/twofactor/reset_confirm.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": _("Reset two-factor authentication?"),
            "users": queryset,
            "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
            "opts": modeladmin.model._meta,
        },
    )


@admin.register(UserSecondFactor)
class UserSecondFactorAdmin(admin.ModelAdmin):
    list_display = ["username", "full_name", "is_staff", "authenticator_app", "recovery_codes", "passkeys"]
    list_filter = ["is_staff", "is_superuser"]
    search_fields = ["username", "first_name", "last_name", "email"]
    ordering = ["username"]
    actions = [reset_second_factors]
    fields = ["username", "full_name", "authenticator_app", "recovery_codes", "passkeys"]
    readonly_fields = fields

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_totp=Count("totpdevice", filter=Q(totpdevice__confirmed=True), distinct=True),
                n_codes=Count("staticdevice__token_set", distinct=True),
                n_passkeys=Count("webauthncredential", distinct=True),
            )
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # The list's action needs the change permission; a user's own page stays read-only.
        return obj is None and super().has_change_permission(request)

    @admin.display(description=_("name"))
    def full_name(self, user):
        return user.get_full_name()

    @admin.display(description=_("authenticator app"), boolean=True)
    def authenticator_app(self, user):
        return bool(user.n_totp)

    @admin.display(description=_("recovery codes left"))
    def recovery_codes(self, user):
        return user.n_codes

    @admin.display(description=_("passkeys"))
    def passkeys(self, user):
        return user.n_passkeys
