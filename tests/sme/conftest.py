import pytest


@pytest.fixture
def catalogue(db, settings):
    settings.GUILD_REVIEW_LD_SIGNOFF = False
    from tests.support.courses import make_catalogue

    return make_catalogue()
