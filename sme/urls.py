app_name = "sme"
urlpatterns = []
