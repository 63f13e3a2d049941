"""Forms: survey pages are generated from definitions through a question-type registry."""
