"""Reading data files: bounded file reads, the YAML node layer, the checker, finding the data directory."""
