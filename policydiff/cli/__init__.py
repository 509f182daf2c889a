"""The command-line adapter: parses options, calls the core, maps typed errors to exit codes."""
