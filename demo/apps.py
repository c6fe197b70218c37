from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo collaborations (seeds 002 and 000) and the national benchmark data set: `load_demo`, `bench_data`."""

    name = "demo"
    verbose_name = _("Demo data")
