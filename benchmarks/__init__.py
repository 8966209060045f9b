"""`make bench`: the site measured against baselines in the same run."""
