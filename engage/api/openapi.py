"""The API's description (OpenAPI 3.1), for BI tools and for people wiring one up."""

ERROR = {"type": "object", "required": ["status", "error"],
         "properties": {"status": {"type": "integer"}, "error": {"type": "string"}}}
CONSULTATION = {
    "type": "object", "required": ["id", "slug", "title", "status", "audiences"],
    "properties": {
        "id": {"type": "integer"}, "slug": {"type": "string"}, "title": {"type": "string"},
        "status": {"type": "string", "enum": ["open", "closed", "published"]},
        "series": {"type": ["string", "null"]},
        "audiences": {"type": "array", "items": {"type": "string"}},
        "opens_at": {"type": ["string", "null"], "format": "date-time"},
        "closes_at": {"type": ["string", "null"], "format": "date-time"},
        "summary": {"type": "string", "description": "Path of the consultation's summary"},
        "answers": {"type": "string", "description": "Path of the consultation's answers as CSV"},
    },
}
SUMMARY = {
    "type": "object", "required": ["consultation", "suppression", "responses", "items", "values"],
    "description": "The summary the results page shows. Counts under the threshold are the string in "
                   "suppression.label, and counts that would let a hidden one be worked out are hidden too.",
    "properties": {
        "consultation": {"type": "object"},
        "suppression": {"type": "object", "properties": {"threshold": {"type": "integer"},
                                                         "label": {"type": "string"}}},
        "responses": {"type": ["integer", "string"]},
        "items": {"type": "array", "description": "Each question: key, type, value, wording per audience, "
                                                  "labels of answer ids, rows of protected counts",
                  "items": {"type": "object"}},
        "values": {"type": "array", "description": "The five values, with counts, sub-themes, phrases and "
                                                   "redacted quotes", "items": {"type": "object"}},
    },
}


def _errors(*statuses: int) -> dict:
    words = {401: "No token, or a revoked or unknown one", 404: "No such consultation with results",
             429: "Too many requests"}
    return {str(s): {"description": words[s], "content": {"application/json": {"schema": ERROR}}}
            for s in statuses}


def _consultation_id() -> list[dict]:
    return [{"name": "consultation_id", "in": "path", "required": True, "schema": {"type": "integer"}}]


def _paths() -> dict:
    return {
        "/consultations": {"get": {
            "summary": "List consultations with results", "operationId": "listConsultations",
            "responses": {"200": {"description": "The consultations", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"consultations": {"type": "array", "items": CONSULTATION}}}}}},
                **_errors(401, 429)}}},
        "/consultations/{consultation_id}/summary": {"get": {
            "summary": "The suppressed summary of one consultation", "operationId": "getSummary",
            "parameters": _consultation_id(),
            "responses": {"200": {"description": "The summary", "content": {"application/json": {"schema": SUMMARY}}},
                          **_errors(401, 404, 429)}}},
        "/consultations/{consultation_id}/answers.csv": {"get": {
            "summary": "One row per answer, redacted; flagged text is never included",
            "operationId": "getAnswers", "parameters": _consultation_id(),
            "responses": {"200": {"description": "CSV, UTF-8 with a header row",
                                  "content": {"text/csv": {"schema": {"type": "string"}}}},
                          **_errors(401, 404, 429)}}},
        "/openapi.json": {"get": {
            "summary": "This description", "operationId": "getOpenApi", "security": [],
            "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {
                "schema": {"type": "object"}}}}}}},
    }


def document() -> dict:
    """Return the OpenAPI document."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "engage data API", "version": "1",
                 "description": "Results for BI tools. A token can only read: nothing sent changes an answer or "
                                "a setting (reading a summary or the answers first tags comments still waiting "
                                "for their value tags, as the results pages do, and is audited). Every request "
                                "but this description needs "
                                "`Authorization: Bearer <token>`; an administrator makes tokens with "
                                "`flask api-tokens create --name NAME`."},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "paths": _paths(),
    }
