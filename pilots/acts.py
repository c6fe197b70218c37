"""The acts of the pilot page: per act its form, the service it calls, and what the page says before and after.

The rules stay in pilots.services; an act here only reads the input, names the service, and words what will
happen (on the confirmation page of a consequential act) and what happened and comes next (after it).
"""

from django.core.exceptions import PermissionDenied
from django.forms import HiddenInput
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.templatetags.money import euro

from . import services
from .constants import GateOutcome, PilotStatus
from .forms import (
    AdviceForm,
    DecideForm,
    GateForm,
    MeasurementForm,
    MunicipalDecisionForm,
    RationaleForm,
    SpendForm,
    WithdrawForm,
)


def _amounts_text(amounts):
    return ", ".join(
        _("%(amount)s for %(year)s") % {"amount": euro(amount), "year": year}
        for year, amount in sorted(amounts.items())
        if amount
    )


def _now_with(pilot):
    step = pilot.step()
    return step.body if step else None


class Act:
    """One act of the pilot page: its form, the service call, and what it says before and after."""

    form_class = RationaleForm
    form_name = "rationale_form"
    anchor = "act"
    field_links = True  # the form is rendered with crispy, so its fields have ids "id_<name>" to link to
    confirm = False  # consequential acts ask first
    asks_on_confirmation = False  # the confirmation page itself asks for the input (e.g. a reason)
    danger = False  # cannot be undone: the confirm button is red
    title = ""

    takes_pilot = False

    def form(self, pilot, data=None, files=None):
        return self.form_class(data, files, pilot=pilot) if self.takes_pilot else self.form_class(data, files)

    def check(self, pilot, user):
        """A permission to test before the input is read (most acts leave this to their service)."""

    def run(self, pilot, user, form):
        raise NotImplementedError

    def will(self, pilot, form):
        """What will happen, said on the confirmation page (pilot as the act would leave it)."""
        return ""

    def did(self, pilot, form):
        """What happened and what happens next, said after the act."""
        return ""

    def details(self, form):
        """The typed input, repeated on the confirmation page."""
        rows = []
        for name, field in form.fields.items():
            if isinstance(field.widget, HiddenInput):
                continue
            value = form.cleaned_data.get(name)
            if value in (None, ""):
                continue
            if hasattr(field, "choices") and not hasattr(value, "pk"):
                value = dict(field.choices).get(value, value)
            elif name.startswith("amount_"):
                value = euro(value)
            rows.append((field.label, value))
        return rows


class Submit(Act):
    confirm = True
    title = gettext_lazy("Submit the proposal")

    def run(self, pilot, user, form):
        return services.submit(pilot, user)

    def will(self, pilot, form):
        if pilot.is_programme_document:
            return _(
                "The programme document goes to %(body)s. You can no longer change it afterwards, "
                "unless it is returned for revision."
            ) % {"body": _now_with(pilot)}
        return _(
            "The proposal goes to %(body)s. You can no longer change it afterwards, "
            "unless it is returned to the workgroup for revision."
        ) % {"body": _now_with(pilot)}

    def did(self, pilot, form):
        return _(
            "The proposal has been submitted and is now with %(body)s. "
            "You will hear from us when %(body)s has dealt with it."
        ) % {"body": _now_with(pilot)}


class Withdraw(Act):
    confirm = True
    form_class = WithdrawForm
    form_name = "withdraw_form"
    title = gettext_lazy("Withdraw the proposal")
    asks_on_confirmation = True  # the reason is typed on the confirmation page itself
    danger = True

    def run(self, pilot, user, form):
        return services.withdraw(pilot, user, form.cleaned_data["rationale"])

    def will(self, pilot, form):
        return _(
            "The proposal is withdrawn and goes no further along the route. Your reason is recorded in the history. "
            "This cannot be undone."
        )

    def did(self, pilot, form):
        return _("The proposal has been withdrawn; your reason is in the history. It goes no further along the route.")


class Forward(Act):
    def run(self, pilot, user, form):
        return services.forward(pilot, user, form.cleaned_data["rationale"])

    def did(self, pilot, form):
        return _("Assessed and forwarded: the proposal is now with %(body)s.") % {"body": _now_with(pilot)}


RETURNED = gettext_lazy(
    "The proposal has gone back to the workgroup for revision. The workgroup can change it and submit it again."
)
DOCUMENT_RETURNED = gettext_lazy(
    "The programme document has gone back for revision. The programme manager can change it and submit it again."
)


def returned(pilot):
    return str(DOCUMENT_RETURNED if pilot.is_programme_document else RETURNED)


class Return(Act):
    def run(self, pilot, user, form):
        return services.return_for_revision(pilot, user, form.cleaned_data["rationale"])

    def did(self, pilot, form):
        return returned(pilot)


class Start(Act):
    def run(self, pilot, user, form):
        return services.start(pilot, user)

    def did(self, pilot, form):
        if pilot.is_programme_document:
            return _("The work of the programme document has started. Record spending on this page.")
        return _(
            "The pilot has started. Record spending and measurements on this page; "
            "the go/no-go moments decide whether it continues."
        )


class Advise(Act):
    form_class = AdviceForm
    form_name = "advice_form"

    def run(self, pilot, user, form):
        data = form.cleaned_data
        return services.record_advice(pilot, user, data["outcome"], data["rationale"], data["conditions"])

    def did(self, pilot, form):
        outcome = dict(form.fields["outcome"].choices)[form.cleaned_data["outcome"]]
        return _("Advice recorded: %(outcome)s. The proposal is now with %(body)s.") % {
            "outcome": str(outcome).lower(),
            "body": _now_with(pilot),
        }


class Decide(Act):
    confirm = True
    form_class = DecideForm
    form_name = "decide_form"
    takes_pilot = True
    title = gettext_lazy("Record the decision")

    def run(self, pilot, user, form):
        data = form.cleaned_data
        return services.decide(
            pilot,
            user,
            data["outcome"],
            data["rationale"],
            amounts=form.amounts(),
            conditions_note=data.get("conditions_note", ""),
        )

    def will(self, pilot, form):
        body = services.deciding_body(pilot)
        outcome = form.cleaned_data["outcome"]
        if outcome == "approved" and not form.amounts():
            text = _(
                "%(body)s approves the proposal; no money is released. "
                "The decision is final and goes into the decision log."
            ) % {"body": body}
        elif outcome == "approved":
            text = _(
                "%(body)s approves the proposal and releases %(amounts)s from the pilot budget. "
                "The decision is final and goes into the decision log."
            ) % {"body": body, "amounts": _amounts_text(form.amounts())}
        if outcome == "approved":
            if form.open_conditions:
                text += " " + _(
                    "The conditions still open stay on the proposal, with your statement of how they are dealt "
                    "with, until they are met."
                )
            return text
        if outcome == "rejected":
            return _(
                "%(body)s rejects the proposal; no money is released. "
                "The decision is final and goes into the decision log."
            ) % {"body": body}
        if pilot.is_programme_document:
            return _("The programme document goes back for revision; the route starts again when it is resubmitted.")
        return _("The proposal goes back to the workgroup for revision; the route starts again when it is resubmitted.")

    def did(self, pilot, form):
        outcome = form.cleaned_data["outcome"]
        if outcome == "approved" and pilot.is_programme_document:
            if form.amounts():
                return _("Decision recorded: approved, %(amounts)s released.") % {
                    "amounts": _amounts_text(form.amounts())
                }
            return _("Decision recorded: approved. No money was requested or released.")
        if outcome == "approved":
            return _("Decision recorded: approved, %(amounts)s released. The workgroup can now start the pilot.") % {
                "amounts": _amounts_text(form.amounts())
            }
        if outcome == "rejected":
            return _("Decision recorded: rejected. The proposal is closed; no money is released.")
        return returned(pilot)


class RecordMunicipalDecision(Act):
    """One municipality's decision. No confirmation page (an uploaded document cannot travel through one): the form
    itself says that a recorded decision cannot be changed."""

    form_class = MunicipalDecisionForm
    form_name = "municipal_form"
    takes_pilot = True
    anchor = "municipalities"

    def run(self, pilot, user, form):
        data = form.cleaned_data
        return services.record_municipal_decision(
            pilot,
            user,
            data["municipality"],
            data["outcome"],
            data["decided_on"],
            data["organ"],
            rationale=data["rationale"],
            document=data.get("document"),
        )

    def did(self, pilot, form):
        data = form.cleaned_data
        text = _("The decision of %(municipality)s has been recorded: %(outcome)s.") % {
            "municipality": data["municipality"],
            "outcome": dict(form.fields["outcome"].choices)[data["outcome"]].lower(),
        }
        if pilot.status == PilotStatus.APPROVED:
            text += " " + _(
                "With it the municipalities have approved the proposal and its money has been released; the "
                "workgroup can now start the pilot."
            )
        elif pilot.status == PilotStatus.REJECTED:
            text += " " + _("With it the municipalities have decided: the proposal is rejected; no money is released.")
        return text


class RecordGate(Act):
    confirm = True
    form_class = GateForm
    form_name = "gate_form"
    takes_pilot = True
    anchor = "gates"
    field_links = False  # one small hand-written form per go/no-go moment
    title = gettext_lazy("Record the go/no-go moment")

    def run(self, pilot, user, form):
        data = form.cleaned_data
        return services.record_gate(data["gate"], user, data["outcome"], data["rationale"])

    def will(self, pilot, form):
        gate, outcome = form.cleaned_data["gate"], form.cleaned_data["outcome"]
        if outcome == GateOutcome.STOP:
            text = _("The pilot stops and its unspent money returns to the pilot budget.")
        elif outcome == GateOutcome.ADJUST:
            text = _("The pilot continues with a revised plan, kept as a new version.")
        elif gate.is_final:
            text = _(
                "This is the final go/no-go moment: the pilot is completed (embedded in regular work) "
                "and its unspent money returns to the pilot budget."
            )
        else:
            text = _("The pilot continues.")
        return text + " " + _("The decision is final and goes into the decision log.")

    def did(self, pilot, form):
        if pilot.status == PilotStatus.STOPPED:
            return _("Go/no-go moment recorded: stop. The pilot has stopped and its unspent money has returned.")
        if pilot.status == PilotStatus.COMPLETED:
            return _(
                "Go/no-go moment recorded: the pilot is completed and embedded in regular work; "
                "its unspent money has returned."
            )
        if form.cleaned_data["outcome"] == GateOutcome.ADJUST:
            return _("Go/no-go moment recorded: adjust. The revised plan is kept as a new version; the pilot runs on.")
        return _("Go/no-go moment recorded: continue. The pilot runs on.")


class Spend(Act):
    form_class = SpendForm
    form_name = "spend_form"
    takes_pilot = True
    anchor = "spend"
    field_links = False

    def run(self, pilot, user, form):
        data = form.cleaned_data
        return services.record_spending(pilot, user, data["year"], data["amount"], data["note"])

    def did(self, pilot, form):
        return _("Spending of %(amount)s recorded for %(year)s; it shows in the money table.") % {
            "amount": euro(form.cleaned_data["amount"]),
            "year": form.cleaned_data["year"],
        }


class Measure(Act):
    form_class = MeasurementForm
    form_name = "measurement_form"
    takes_pilot = True
    anchor = "indicators"

    def check(self, pilot, user):
        if not user.has_perm("pilots.change_pilot", pilot):
            raise PermissionDenied

    def run(self, pilot, user, form):
        self.check(pilot, user)
        return form.save()

    def did(self, pilot, form):
        return _("The measurement has been saved and shows in the chart of %(indicator)s.") % {
            "indicator": form.cleaned_data["indicator"]
        }


ACTS = {
    "submit": Submit(),
    "withdraw": Withdraw(),
    "forward": Forward(),
    "return": Return(),
    "start": Start(),
    "advise": Advise(),
    "decide": Decide(),
    "municipal": RecordMunicipalDecision(),
    "gate": RecordGate(),
    "spend": Spend(),
    "measure": Measure(),
}
