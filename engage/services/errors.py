"""Domain errors, each mapped to one HTTP status at the edge (engage.errors)."""

from engage.words import how_many


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

    def __init__(self, slug: str | None = None):
        super().__init__()
        self.slug = slug  # which consultation closed, so the page can link to what came of it


class ResponseMissing(DomainError):
    """We could not find your answers. Please start again."""

    status = 404


class SignInFailed(DomainError):
    """The email address or password is not right."""

    status = 400


class NotAllowed(DomainError):
    """You do not have permission to do that."""

    status = 403


class InvalidChange(DomainError):
    """That change cannot be made now."""

    status = 409


class InvalidInput(DomainError):
    """Something in the form is not right. Check it and try again."""

    status = 400

    def __init__(self, message: str = "", field: str | None = None):
        super().__init__(message)
        self.field = field


class DefinitionRejected(DomainError):
    """The survey has problems, so it was not saved."""

    status = 400

    def __init__(self, problems: list):
        super().__init__(f"The survey has {how_many(len(problems), 'problem')}, so it was not saved.")
        self.problems = problems
