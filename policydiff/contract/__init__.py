"""The data contract: the model, field spec, units, quantities, sectors, JSON Schema and problems."""
