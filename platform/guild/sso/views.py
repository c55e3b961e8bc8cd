from allauth.socialaccount.providers.saml import views as saml_views
from django.views.decorators.csrf import csrf_exempt

from . import services
from .adapters import refusal_page


@csrf_exempt  # the identity provider posts here, as in allauth's own view
def saml_acs(request, organization_slug):
    """allauth's SAML assertion consumer, refusing a response that was already used (a replay)."""
    if request.method == "POST" and not services.first_use_of_saml_response(request.POST.get("SAMLResponse", "")):
        return refusal_page(request, services.REPLAY_MESSAGE, status=400)
    return saml_views.acs(request, organization_slug=organization_slug)
