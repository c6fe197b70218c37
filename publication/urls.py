app_name = "publication"

urlpatterns = []
