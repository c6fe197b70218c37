from django.urls import path

from .views import history, lists, plan, risks

app_name = "programmes"

urlpatterns = [
    path("programmes/", plan.ProgrammeListView.as_view(), name="list"),
    path("programmes/<int:pk>/", plan.ProgrammeDetailView.as_view(), name="detail"),
    path("programmes/<int:pk>/edit/", plan.ProgrammeUpdateView.as_view(), name="edit"),
    path("programmes/<int:programme_pk>/edit/<slug:part>/", plan.PlanPartsView.as_view(), name="edit_parts"),
    path("programmes/<int:programme_pk>/plan/<slug:part>/new/", plan.PlanItemCreateView.as_view(), name="item_create"),
    path(
        "programmes/<int:programme_pk>/plan/<slug:part>/<int:pk>/edit/",
        plan.PlanItemUpdateView.as_view(),
        name="item_edit",
    ),
    path(
        "programmes/<int:programme_pk>/plan/<slug:part>/<int:pk>/delete/",
        plan.PlanItemDeleteView.as_view(),
        name="item_delete",
    ),
    path("programmes/<int:programme_pk>/workgroups/", lists.WorkgroupListView.as_view(), name="workgroups"),
    path("programmes/<int:programme_pk>/workgroups/new/", plan.WorkgroupCreateView.as_view(), name="workgroup_create"),
    path("programmes/<int:programme_pk>/milestones/", lists.MilestoneListView.as_view(), name="milestones"),
    path("programmes/<int:programme_pk>/people/", lists.PersonListView.as_view(), name="people"),
    path("programmes/<int:programme_pk>/risks/", risks.RiskListView.as_view(), name="risks"),
    path("programmes/<int:programme_pk>/risks/new/", risks.RiskCreateView.as_view(), name="risk_create"),
    path("risks/<int:pk>/edit/", risks.RiskUpdateView.as_view(), name="risk_edit"),
    path("milestones/<int:pk>/edit/", plan.MilestoneUpdateView.as_view(), name="milestone_edit"),
    path("workgroups/<int:pk>/", plan.WorkgroupDetailView.as_view(), name="workgroup"),
    path("workgroups/<int:pk>/edit/", plan.WorkgroupUpdateView.as_view(), name="workgroup_edit"),
    path("workgroups/<int:pk>/members/", plan.WorkgroupMembersView.as_view(), name="workgroup_members"),
    path("history/<slug:model>/<int:pk>/", history.RecordHistoryView.as_view(), name="history"),
]
