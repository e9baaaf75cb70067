"""The `handbook` command: takes the command line, gives the group `main` with every command
registered on it (pyproject's entry point, `generator.cli.main:main`). A thin layer over the
pipeline: everything it prints is Vietnamese; user mistakes end in a message and an exit
code, never a traceback. The group and what the commands share are in `group`; importing the
`commands_*` modules registers the commands."""

from __future__ import annotations

from generator.cli import commands_data, commands_editors, commands_new, commands_output  # noqa: F401  (they register the commands)
from generator.cli.group import main

__all__ = ["main"]

if __name__ == "__main__":  # pragma: no cover
    main()
