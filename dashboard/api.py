"""A read-only JSON API of the dashboard figures, for collaborations that feed their own BI tool.

Token authentication (a user's token, made and revoked on the site or by an administrator) or the browser
session; the same object permissions as the pages. The OpenAPI schema is at /api/schema/, documented at
/api/docs/.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from programmes.models import Programme

from . import figures
from .views import readable_programmes


class ProgrammeRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    collaboration = serializers.CharField()


class PipelineBarSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Pilot status; 'on_route' bars are split per body where pilots wait.")
    label = serializers.CharField()
    count = serializers.IntegerField()


class MoneyYearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    budget = serializers.FloatField(help_text="Pilot budget of the year, in euros.")
    released = serializers.FloatField(help_text="Released by decisions, minus what was returned.")
    spent = serializers.FloatField()
    released_unspent = serializers.FloatField()
    available = serializers.FloatField(help_text="Budget minus what is released and what is reserved.")


class PointSerializer(serializers.Serializer):
    date = serializers.DateField()
    value = serializers.FloatField()


class IndicatorSerializer(serializers.Serializer):
    pilot = serializers.CharField()
    pilot_url = serializers.CharField()
    indicator = serializers.CharField()
    unit = serializers.CharField(allow_blank=True)
    baseline = serializers.FloatField(allow_null=True)
    target = serializers.FloatField(allow_null=True)
    latest = serializers.FloatField(allow_null=True)
    points = PointSerializer(many=True)


class RiskCellSerializer(serializers.Serializer):
    impact = serializers.IntegerField()
    count = serializers.IntegerField()
    level = serializers.ChoiceField(choices=["low", "medium", "high"])


class RiskRowSerializer(serializers.Serializer):
    likelihood = serializers.IntegerField()
    cells = RiskCellSerializer(many=True)


class RisksSerializer(serializers.Serializer):
    rows = RiskRowSerializer(many=True)
    high = serializers.IntegerField()
    open = serializers.IntegerField()


class UpcomingSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["gate", "meeting", "milestone"])
    date = serializers.DateField()
    title = serializers.CharField()
    url = serializers.CharField(allow_blank=True)
    overdue = serializers.BooleanField()


class OverdueReportSerializer(serializers.Serializer):
    title = serializers.CharField()
    due_date = serializers.DateField()
    days = serializers.IntegerField()
    url = serializers.CharField()


class ActionLineSerializer(serializers.Serializer):
    title = serializers.CharField()
    pilots_running = serializers.IntegerField()
    pilots_on_route = serializers.IntegerField()
    pilots_total = serializers.IntegerField()
    on_track = serializers.IntegerField()
    attention = serializers.IntegerField()
    delayed = serializers.IntegerField()


class DashboardSerializer(serializers.Serializer):
    programme = ProgrammeRefSerializer()
    date = serializers.DateField()
    pipeline = PipelineBarSerializer(many=True)
    money = MoneyYearSerializer(many=True)
    indicators = IndicatorSerializer(many=True)
    risks = RisksSerializer()
    upcoming = UpcomingSerializer(many=True)
    overdue_reports = OverdueReportSerializer(many=True)
    action_lines = ActionLineSerializer(many=True)


NOT_LOGGED_IN = OpenApiResponse(description="No or an invalid token.")
NOT_YOURS = OpenApiResponse(description="You may not read this programme.")
NOT_FOUND = OpenApiResponse(description="No programme with this id.")


class ProgrammeListView(APIView):
    """The programmes you may read."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: ProgrammeRefSerializer(many=True), 401: NOT_LOGGED_IN})
    def get(self, request):
        programmes = (
            readable_programmes(request.user).select_related("collaboration").order_by("collaboration__name", "title")
        )
        return Response([{"id": p.pk, "title": p.title, "collaboration": str(p.collaboration)} for p in programmes])


class ProgrammeDashboardView(APIView):
    """The dashboard figures of one programme, as the dashboard page shows them."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses={200: DashboardSerializer, 401: NOT_LOGGED_IN, 403: NOT_YOURS, 404: NOT_FOUND})
    def get(self, request, pk):
        programme = get_object_or_404(Programme.objects.select_related("collaboration"), pk=pk)
        if not request.user.has_perm("programmes.view_programme", programme):
            raise PermissionDenied
        return Response(figures.programme_figures(programme))
