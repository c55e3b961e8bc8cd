class LearningError(Exception):
    """A request a person made that the rules refuse. `message` is translated and safe to show."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message
