"""Models, one module per aggregate; imported here so Alembic sees them all."""
from engage.models.consultation import AccessCode, Consultation, ConsultationStatus, School
from engage.models.response import Answer, Response, ResponseStatus
from engage.models.survey import SurveyFamily, SurveyItem, SurveyVersion

__all__ = [
    "AccessCode",
    "Answer",
    "Consultation",
    "ConsultationStatus",
    "Response",
    "ResponseStatus",
    "School",
    "SurveyFamily",
    "SurveyItem",
    "SurveyVersion",
]
