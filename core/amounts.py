"""Euro amounts: one parser for every place a person types one (forms, acts, admin; the API only reads).

A person may type an amount the Dutch way or the English way: `12500`, `12.500`, `12.500,50`, `€ 12.500`,
`12500,50`, `12500.50`, `12,500.50`. The notations cannot be confused: a separator followed by exactly three
digits groups thousands, one followed by one or two digits marks the cents. The size is checked on the text,
before any arithmetic, so forty nines are a Dutch error message and not a decimal.InvalidOperation.
"""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

CENT = Decimal("0.01")
MAX_WHOLE_DIGITS = 10  # models store max_digits=12, decimal_places=2
MAXIMUM = Decimal("9999999999.99")

_NOTATIONS = [
    (re.compile(r"^\d{1,3}(\.\d{3})+(,\d{1,2})?$"), ".", ","),  # 12.500 and 12.500,50
    (re.compile(r"^\d+(,\d{1,2})?$"), "", ","),  # 12500 and 12500,50
    (re.compile(r"^\d{1,3}(,\d{3})+(\.\d{1,2})?$"), ",", "."),  # 12,500 and 12,500.50
    (re.compile(r"^\d+\.\d{1,2}$"), "", "."),  # 12500.50, as a Decimal prints
]

MESSAGES = {
    "invalid": _("Enter an amount in euros, e.g. 12.500 or 12.500,50."),
    "too_large": _("This amount is too large: at most € 9.999.999.999,99."),
    "negative": _("An amount cannot be negative."),
    "cents": _("An amount has at most two decimals (cents)."),
}


def parse_euro(value):
    """The amount as a Decimal with two places, or a ValidationError with a Dutch message. Never an exception else."""
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise ValidationError(MESSAGES["invalid"], code="invalid")
    if isinstance(value, int | Decimal):
        return _checked(Decimal(value))
    text = value.strip().replace("€", "").replace("EUR", "").replace("\u00a0", "").replace(" ", "")
    negative = text.startswith("-")
    text = text.removeprefix("-")
    for pattern, thousands, decimal_mark in _NOTATIONS:
        if pattern.match(text):
            whole, _mark, cents = (
                text.replace(thousands, "").partition(decimal_mark) if thousands else (text.partition(decimal_mark))
            )
            break
    else:
        if re.fullmatch(r"[\d.,]+", text) and len(re.sub(r"\D", "", text)) > MAX_WHOLE_DIGITS + 2:
            raise ValidationError(MESSAGES["too_large"], code="too_large")
        raise ValidationError(MESSAGES["invalid"], code="invalid")
    whole = whole.lstrip("0") or "0"
    if len(whole) > MAX_WHOLE_DIGITS:  # before any arithmetic
        raise ValidationError(MESSAGES["too_large"], code="too_large")
    amount = Decimal(f"{whole}.{cents or '0'}")
    return _checked(-amount if negative else amount)


def _checked(amount):
    if not amount.is_finite():
        raise ValidationError(MESSAGES["invalid"], code="invalid")
    if abs(amount) > MAXIMUM:  # a comparison, not a quantize: safe for any size
        raise ValidationError(MESSAGES["too_large"], code="too_large")
    if amount.as_tuple().exponent < -2 and amount != amount.quantize(CENT):
        raise ValidationError(MESSAGES["cents"], code="cents")
    if amount < 0:
        raise ValidationError(MESSAGES["negative"], code="negative")
    return amount.quantize(CENT)


def dutch(amount):
    """12500 → '12.500', 12500.5 → '12.500,50': how an amount stands in an input a Dutch person reads."""
    amount = Decimal(amount).quantize(CENT)
    whole, fraction = divmod(amount, 1)
    text = f"{int(whole):,}".replace(",", ".")
    return text + ("," + f"{fraction:.2f}"[2:] if fraction else "")


class EuroField(forms.DecimalField):
    """A form field for euros: any notation of parse_euro, shown the Dutch way, never negative."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def __init__(self, *, max_digits=12, decimal_places=2, min_value=Decimal("0"), **kwargs):
        kwargs.pop("localize", None)
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, min_value=min_value, **kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return parse_euro(value)

    def prepare_value(self, value):
        try:
            return dutch(parse_euro(value)) if value not in self.empty_values else value
        except ValidationError:
            return value  # what the person typed, shown back with its error

    def widget_attrs(self, widget):
        return {}  # no step/min/max: the field is text, its rules are the validators'


class MoneyField(models.DecimalField):
    """A DecimalField whose form field is EuroField, so ModelForms and the admin parse euros one way.

    It deconstructs as a plain DecimalField: the column and the migrations are those of a DecimalField.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": EuroField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.DecimalField", args, kwargs
