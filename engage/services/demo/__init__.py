"""Demo and benchmark content, kept apart from the services real data goes through: the demo
consultations and accounts, and the bulk synthetic responses."""
