"""The "You said, we did" plan as a Word document."""
import io

from docx import Document

STATUS = {"planned": "We will", "in_progress": "Under way", "done": "We did"}


def render(title: str, statements) -> bytes:
    """Return the plan as DOCX bytes: each statement with its actions and outcomes."""
    doc = Document()
    doc.add_heading(f"You said, we did: {title}", level=0)
    for statement in statements:
        doc.add_heading(f"You said (value {statement.value_id})", level=1)
        doc.add_paragraph(statement.text)
        for band, text in statement.child_text.items():
            doc.add_paragraph(f"In {band} wording: {text}", style="List Bullet")
        for action in statement.actions:
            doc.add_heading(STATUS.get(action.status, action.status), level=2)
            doc.add_paragraph(action.text)
            due = action.due_on.isoformat() if action.due_on else "no date"
            doc.add_paragraph(f"Owner: {action.owner}. Due: {due}. Status: {action.status}.")
            if action.outcome:
                doc.add_paragraph(f"As a result: {action.outcome}")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
