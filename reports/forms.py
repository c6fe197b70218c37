from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from pilots.models import Pilot
from programmes.forms import DATE_WIDGET, SHORT_TEXT, ProgrammeScopedForm
from programmes.models import GovernanceBody, Person, Workgroup

from .models import Course, ProgrammeReport, ReportingSchedule, ReviewOutcome


def reported_pilots(programme):
    """The pilots a workgroup reports on: not the programme documents, which have no workgroup."""
    return Pilot.objects.filter(programme=programme, workgroup__isnull=False).order_by("title")


class ScheduleForm(ProgrammeScopedForm):
    class Meta:
        model = ReportingSchedule
        fields = [
            "workgroup",
            "pilot",
            "reporters",
            "frequency",
            "first_due",
            "dates",
            "remind_before",
            "remind_after",
            "escalate_after",
            "active",
        ]
        widgets = {
            "first_due": DATE_WIDGET,
            "dates": forms.Textarea(attrs={"rows": 3}),
            "reporters": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pilot"].queryset = reported_pilots(self.programme)
        self.fields["reporters"].queryset = (
            Person.objects.filter(memberships__workgroup__programme=self.programme).distinct().order_by("name")
        )

    def clean_remind_before(self):
        value = self.cleaned_data.get("remind_before")
        if value is not None and value < 0:
            raise forms.ValidationError(_("Reminder days cannot be negative."))
        return value


class ReportForm(forms.Form):
    """The fixed format. Indicator fields are added per indicator of the pilot."""

    progress = forms.CharField(
        label=_("Progress"), widget=forms.Textarea(attrs={"rows": 5}), required=False, max_length=20000
    )
    bottlenecks = forms.CharField(
        label=_("Bottlenecks (knelpunten)"), widget=SHORT_TEXT, required=False, max_length=20000
    )
    lessons = forms.CharField(label=_("Lessons (leeropbrengsten)"), widget=SHORT_TEXT, required=False, max_length=20000)
    course = forms.ChoiceField(label=_("Status of the work"), choices=[("", "—"), *Course.choices], required=False)
    attachment = forms.FileField(label=_("Attachment"), required=False)

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        for indicator in self.indicators:
            label = indicator.name + (f" ({indicator.unit})" if indicator.unit else "")
            if indicator.target is not None:
                label += " – " + str(_("target")) + f" {indicator.target}".replace(".", ",")
            self.fields[f"indicator_{indicator.pk}"] = forms.CharField(label=label, required=False, max_length=30)

    def measurements(self):
        return {i.pk: self.cleaned_data.get(f"indicator_{i.pk}", "") for i in self.indicators}

    def indicator_fields(self):
        return [self[f"indicator_{i.pk}"] for i in self.indicators]


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ReviewOutcome.choices, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Comment"), widget=SHORT_TEXT, required=False, max_length=5000)


class RequestForm(forms.Form):
    workgroup = forms.ModelChoiceField(label=_("Workgroup"), queryset=Workgroup.objects.none())
    pilot = forms.ModelChoiceField(label=_("Pilot"), queryset=Pilot.objects.none(), required=False)
    due_date = forms.DateField(label=_("Due date"), widget=DATE_WIDGET)
    period_start = forms.DateField(label=_("Period from"), widget=DATE_WIDGET, required=False)
    note = forms.CharField(label=_("What is asked"), max_length=300, required=False)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workgroup"].queryset = programme.workgroups.all()
        self.fields["pilot"].queryset = reported_pilots(programme)


class ProgrammeReportCreateForm(forms.Form):
    period_start = forms.DateField(label=_("Period from"), widget=DATE_WIDGET)
    period_end = forms.DateField(label=_("Period to"), widget=DATE_WIDGET)


SUMMARY_MAX_LENGTH = 20000


class ProgrammeReportSummaryForm(forms.ModelForm):
    """The report's own summary and one summary per action line (fields `summary_<pk>`)."""

    class Meta:
        model = ProgrammeReport
        fields = ["summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, summaries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["summary"].max_length = SUMMARY_MAX_LENGTH
        self.fields["summary"].validators.append(MaxLengthValidator(SUMMARY_MAX_LENGTH))
        self.summaries = {f"summary_{summary.pk}": summary for summary in summaries}
        for name, summary in self.summaries.items():
            self.fields[name] = forms.CharField(
                label=summary.action_line.title if summary.action_line_id else _("Summary"),
                required=False,
                max_length=SUMMARY_MAX_LENGTH,
                strip=False,
            )

    def changed_summaries(self):
        """The action-line summaries whose text was sent and differs from what is stored."""
        for name, summary in self.summaries.items():
            if name in self.data and self.cleaned_data[name] != summary.summary:
                summary.summary = self.cleaned_data[name]
                yield summary


class AdoptForm(forms.Form):
    """Which body adopted (stelde vast) the programme report, when, and with what remark."""

    body = forms.ModelChoiceField(
        label=_("Adopted by"),
        queryset=GovernanceBody.objects.none(),
        empty_label=_("Choose the body"),
        error_messages={
            "required": _("Choose the body of this programme that adopted the report."),
            "invalid_choice": _("Choose the body of this programme that adopted the report."),
        },
    )
    date = forms.DateField(label=_("Date of the decision"), widget=DATE_WIDGET)
    rationale = forms.CharField(
        label=_("Remark (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example the meeting in which the body adopted the report."),
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = GovernanceBody.objects.filter(programme=programme).order_by("order", "name")
        self.fields["body"].label_from_instance = body_name


def body_name(body):
    """ "Bestuurlijk Overleg (BO)": the full name, which the decision and the document carry."""
    return f"{body.name} ({body.abbreviation})" if body.abbreviation and body.abbreviation != body.name else body.name
