"""The upload of a filled-in DIN template, and what it turns into: the normal proposal form, filled in."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .din_read import MAX_DOCUMENT_BYTES, check_package, check_upload, read_proposal
from .forms import BudgetRequestFormSet, PilotForm
from .models import Pilot

BUDGET_PREFIX = "budget"  # the prefix of the requested budget on the normal proposal form (PilotCreateView)


class DinUploadForm(forms.Form):
    workgroup = forms.ModelChoiceField(
        label=_("Workgroup"),
        queryset=None,
        error_messages={"invalid_choice": _("Choose a workgroup you write proposals for.")},
    )
    document = forms.FileField(
        label=_("Filled-in DIN template (.docx)"),
        help_text=_("A Word document made from the DIN template of this programme, at most 10 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
        ),
        error_messages={"required": _("Choose the Word document to upload.")},
    )

    def __init__(self, *args, workgroups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workgroup"].queryset = workgroups
        choices = list(workgroups[:2])
        if len(choices) == 1:
            self.initial.setdefault("workgroup", choices[0].pk)
        self.proposal = None

    def clean_document(self):
        upload = self.cleaned_data["document"]
        check_upload(upload.name or "", upload.size)  # before reading a byte of it
        data = upload.read(MAX_DOCUMENT_BYTES + 1)
        check_package(upload.name or "", data)
        self.proposal = read_proposal(data)
        return upload


def proposal_form_data(proposal, workgroup):
    """The proposal as the normal form would receive it from a browser: the preview re-posts exactly this."""
    data = {name: value for name, value in proposal.fields.items()}
    data["workgroup"] = str(workgroup.pk)
    rows = proposal.budget
    data.update(
        {
            f"{BUDGET_PREFIX}-TOTAL_FORMS": str(len(rows) + 1),  # one empty row for a year to add
            f"{BUDGET_PREFIX}-INITIAL_FORMS": "0",
            f"{BUDGET_PREFIX}-MIN_NUM_FORMS": "0",
            f"{BUDGET_PREFIX}-MAX_NUM_FORMS": "1000",
        }
    )
    for index, (year, amount) in enumerate(rows):
        data[f"{BUDGET_PREFIX}-{index}-year"] = year
        data[f"{BUDGET_PREFIX}-{index}-amount"] = amount
    return data


def proposal_forms(data, programme, workgroups):
    """The normal proposal form and its budget rows, bound to the data read from Word and checked as on save."""
    pilot = Pilot(programme=programme)
    form = PilotForm(data, instance=pilot, programme=programme, workgroups=workgroups)
    formset = BudgetRequestFormSet(data, instance=pilot, prefix=BUDGET_PREFIX)
    form.is_valid()
    formset.is_valid()
    return form, formset
