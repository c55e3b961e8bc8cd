class ScormImportError(Exception):
    """A package Guild refuses, with a message that names the problem (shown to the uploader)."""


class ScormRuntimeError(Exception):
    """A commit Guild refuses; `status` is the HTTP status the run-time endpoint answers with."""

    def __init__(self, message, *, status=400):
        super().__init__(message)
        self.status = status
