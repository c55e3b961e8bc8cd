from django.apps import apps
from django.contrib.contenttypes.management import create_contenttypes
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site


def ensure_site_tree(sender, using="default", **kwargs):
    """Wagtail's root page and default site are made by migrations; a flush (transactional
    tests) removes them. Put them back so that page trees can always be built."""
    if Page.objects.using(using).filter(depth=1).exists():
        return
    # This runs before contenttypes' own post_migrate handler: make Page's type now.
    ContentType.objects.clear_cache()
    create_contenttypes(apps.get_app_config("wagtailcore"), verbosity=0, using=using)
    locale, _ = Locale.objects.using(using).get_or_create(language_code="en")
    page_type = ContentType.objects.get_for_model(Page)
    root = Page.add_root(instance=Page(title="Root", slug="root", content_type=page_type, locale=locale))
    home = root.add_child(instance=Page(title="Guild", slug="home", content_type=page_type, locale=locale, live=True))
    Site.objects.using(using).get_or_create(
        hostname="localhost", port=80, defaults={"root_page": home, "is_default_site": True, "site_name": "Guild"}
    )
