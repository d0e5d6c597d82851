"""`python -m gravida` runs the CLI."""

from gravida.cli import main

main()
