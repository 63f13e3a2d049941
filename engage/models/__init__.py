"""Models, one module per aggregate; imported here so Alembic sees them all."""
from engage.models.alert import SafeguardingAlert
from engage.models.api_token import ApiToken
from engage.models.audit import AuditEvent  # workspace
from engage.models.ballot import BallotTally, BallotTallySheet  # reach everyone
from engage.models.consultation import AccessCode, Consultation, ConsultationStatus, School
from engage.models.plan import ActionStatus, PlanAction, PlanPublication, YouSaid  # the plan and "You said, we did"
from engage.models.reads import CommentRead  # comments review
from engage.models.response import Answer, Response, ResponseStatus
from engage.models.safeguarding import (
    ContactRequest,
    FlagStatus,
    SafeguardingAction,
    SafeguardingFlag,
    Severity,
)
from engage.models.survey import SurveyFamily, SurveyItem, SurveyVersion
from engage.models.tagging import AnswerTag, TagSource
from engage.models.tally import SummaryQueue, SummaryTally  # results counted once, folded in as responses arrive
from engage.models.throttle import RateLimitCounter, SignInFailure
from engage.models.user import RecoveryCode, Role, User, user_schools  # workspace

__all__ = [
    "AccessCode",
    "ActionStatus",
    "Answer",
    "AnswerTag",
    "ApiToken",
    "AuditEvent",
    "BallotTally",
    "BallotTallySheet",
    "CommentRead",
    "Consultation",
    "ConsultationStatus",
    "ContactRequest",
    "FlagStatus",
    "PlanAction",
    "PlanPublication",
    "RateLimitCounter",
    "RecoveryCode",
    "Response",
    "ResponseStatus",
    "Role",
    "SafeguardingAction",
    "SafeguardingAlert",
    "SafeguardingFlag",
    "SignInFailure",
    "School",
    "Severity",
    "SummaryQueue",
    "SummaryTally",
    "SurveyFamily",
    "SurveyItem",
    "SurveyVersion",
    "TagSource",
    "User",
    "user_schools",
    "YouSaid",
]
