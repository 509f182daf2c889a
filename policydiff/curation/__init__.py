"""Tools for curators: validate, review against a git revision, the git diff driver."""
