"""The editors' sources: db/content/**/*.toml, read and checked, one text per paragraph."""
