"""Forms never show a control character, so what they send back passes the edge.

The edge refuses a control character in any parameter (core.middleware). Text stored before that rule, or that came
from elsewhere, can still hold one (Word's line break within a paragraph is a vertical tab): an edit form that showed
it as it is would send it back and be refused, and the person could never save the page, stuck on a character they
cannot see. Every widget is drawn by this renderer (settings.FORM_RENDERER), which shows such text as
core.safe_text.xml_safe makes it: a word processor's line break as a new line, anything else as "�", which the
person sees and can remove.
"""

from django.forms.renderers import DjangoTemplates

from .safe_text import xml_safe


class ControlCharacterFreeRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if isinstance(widget, dict) and isinstance(widget.get("value"), str):
            widget["value"] = xml_safe(widget["value"])
        return super().render(template_name, context, request=request)
