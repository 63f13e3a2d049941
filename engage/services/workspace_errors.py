"""Domain errors of the staff workspace, each mapped to one HTTP status (engage.errors)."""
from engage.services.errors import DomainError


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
        super().__init__(f"The survey has {len(problems)} problem(s), so it was not saved.")
        self.problems = problems
