"""Staff account security: password rules, two-step sign-in, sign-in throttling."""
