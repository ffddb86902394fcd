"""`python -m inwriting` runs the command line."""

from inwriting.cli.app import main

if __name__ == "__main__":
    main()
