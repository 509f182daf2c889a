"""Render stage: every output format is a function `(model, RenderOptions) -> str`."""
