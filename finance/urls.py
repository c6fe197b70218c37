from django.urls import path

from .views import BudgetView

app_name = "finance"

urlpatterns = [
    path("programmes/<int:programme_pk>/budget/", BudgetView.as_view(), name="budget"),
]
