# Filterable lists (workgroups, milestones, people): being written.
from django.views.generic import TemplateView


class WorkgroupListView(TemplateView):
    pass


class MilestoneListView(TemplateView):
    pass


class PersonListView(TemplateView):
    pass
