"""The command-line layer: parse options, call one core function, render."""
