"""The translators' catalogs: read and checked, templates extracted, updates merged."""
