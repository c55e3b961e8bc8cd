import pytest


@pytest.fixture
def no_signoff(settings):
    """A course review workflow of peer review only (no L&D sign-off step)."""
    settings.GUILD_REVIEW_LD_SIGNOFF = False


@pytest.fixture
def catalogue(db, no_signoff):
    from tests.support.courses import make_catalogue

    return make_catalogue()
