"""The people screens of the Wagtail admin (/cms/users/), as L&D admins use them.

L&D admins manage people and their roles (groups). They never make anyone a superuser and never set
anyone's password: a superuser could take over every account, and a password set by someone else is
known to two people. Superusers are made with `manage.py createsuperuser`; people set their own
password through the sign-in page's reset email (WAGTAILUSERS_PASSWORD_ENABLED is off)."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet


class _NoSuperuserField:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("is_superuser", None)


class PersonCreationForm(_NoSuperuserField, UserCreationForm):
    pass


class PersonEditForm(_NoSuperuserField, UserEditForm):
    pass


class PersonViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm

