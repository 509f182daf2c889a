from policydiff.cli import run

run()
