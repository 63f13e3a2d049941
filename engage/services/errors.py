"""Domain errors, each mapped to one HTTP status at the edge (engage.errors)."""


class DomainError(Exception):
    """A request the rules refuse, with a message fit to show a respondent."""

    status = 400

    def __init__(self, message: str = ""):
        super().__init__(message or self.__doc__)
        self.message = message or (self.__doc__ or "")


class NotFound(DomainError):
    """We could not find that. Check the link or code and try again."""

    status = 404


class ConsultationClosed(DomainError):
    """This survey is closed, so it cannot take answers now."""

    status = 410


class ResponseMissing(DomainError):
    """We could not find your answers. Please start again."""

    status = 404
