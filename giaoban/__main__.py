from giaoban.cli.main import run

run()
