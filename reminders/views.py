"""The page where a person chooses how notifications reach them and which reminders they do not want by e-mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from .forms import PreferenceForm
from .models import NotificationSetting, ReminderPreference


@login_required
def preferences(request):
    preference = ReminderPreference.objects.filter(user=request.user).first() or ReminderPreference(user=request.user)
    chosen = {s.kind: s for s in NotificationSetting.objects.filter(user=request.user)}
    initial = {"muted": preference.muted, **{f"delivery_{kind}": s.delivery for kind, s in chosen.items()}}
    form = PreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            preference.muted = form.cleaned_data["muted"]
            preference.save()
            for kind, delivery in form.deliveries().items():
                setting = chosen.get(kind) or NotificationSetting(user=request.user, kind=kind)
                setting.delivery = delivery
                setting.save()  # full_clean: decisions on one's own proposals cannot be switched off
        messages.success(request, _("Your notification settings have been saved."))
        return redirect("reminders:preferences")
    token = Token.objects.filter(user=request.user).first()
    return render(request, "reminders/preferences.html", {"form": form, "back": reverse("home"), "token": token})
