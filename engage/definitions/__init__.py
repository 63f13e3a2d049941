"""Survey definitions: the YAML format, its validation and loading into the database."""
