from decimal import Decimal, InvalidOperation

from django import template

register = template.Library()


@register.filter
def euro(value, cents=None):
    """€ 168.900 (whole euros) or € 12.500,50: Dutch notation, whatever the active language."""
    if value in (None, ""):
        return "–"
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return value
    sign = "-" if amount < 0 else ""
    amount = abs(amount).quantize(Decimal("0.01"))
    whole, fraction = divmod(amount, 1)
    text = f"{int(whole):,}".replace(",", ".")
    if fraction or cents == "cents":
        text += "," + f"{fraction:.2f}"[2:]
    return f"{sign}€\u00a0{text}"


@register.filter
def percentage_of(value, total):
    """value as a percentage of total, 0–100 with one decimal, for CSS: always a decimal point, never a comma.

    A string, so Django's localization leaves it alone ("36.2", not the Dutch "36,2" that makes a width invalid).
    """
    try:
        share = max(Decimal(0), min(Decimal(100), Decimal(value) * 100 / Decimal(total))) if total else Decimal(0)
    except (InvalidOperation, TypeError, ValueError):
        share = Decimal(0)
    return f"{share:.1f}"


@register.filter
def isodate(value, fmt="j M Y"):
    """'2026-12-01' (as the dashboard figures carry dates) shown as a Dutch date."""
    import datetime

    from django.utils.dateformat import format as date_format

    try:
        return date_format(datetime.date.fromisoformat(str(value)), fmt)
    except ValueError:
        return value
