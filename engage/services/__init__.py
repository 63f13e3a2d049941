"""Business rules: plain values and a Session in, typed domain errors out."""
