"""`{% cell column object %}`: one cell of a list page, drawn from its core.columns.Column."""

import datetime
from decimal import Decimal

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import conditional_escape

from core.templatetags.money import euro

register = template.Library()


@register.simple_tag(takes_context=True)
def cell(context, column, obj):
    value = column.value(obj)
    if column.template:
        cell_template = context.template.engine.get_template(column.template)
        with context.push(object=obj, value=value):
            return cell_template.render(context)
    return conditional_escape(shown(value))


def shown(value):
    """A value as the page shows it: a date written out, an amount in euros, nothing as a dash."""
    if value is None or value == "":
        return "–"
    if isinstance(value, datetime.datetime):
        return date_filter(value, "j F Y H:i")
    if isinstance(value, datetime.date):
        return date_filter(value, "j F Y")
    if isinstance(value, Decimal):
        return euro(value)
    return str(value)
