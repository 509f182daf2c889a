from policydiff.cli.app import run

run()
