import pytest


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the courses services' after-commit signals inside a test transaction, as production does after commit."""
    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return run


@pytest.fixture
def reward_settings(db):
    from rewards.models import RewardSettings

    return RewardSettings.load()
