"""The command-line shell: lazy loading of command modules, errors as one line."""

import importlib

import typer
from typer.testing import CliRunner

from inwriting.cli import app as shell


def test_every_command_is_owned_by_the_module_the_table_names() -> None:
    owners: dict[str, str] = {}
    for module in shell.MODULES:
        probe = typer.Typer()
        importlib.import_module(f"inwriting.cli.{module}").register(probe)
        names = [command.name for command in probe.registered_commands]
        names += [group.name or group.typer_instance.info.name for group in probe.registered_groups]
        for name in names:
            assert name is not None
            owners[name] = module
    assert owners == shell.COMMAND_MODULES


def test_only_the_owner_of_the_command_is_loaded() -> None:
    assert shell._modules_for(["today"]) == ("ledger",)
    assert shell._modules_for(["--debug", "lint", "x.md"]) == ("lint",)
    assert shell._modules_for(["today", "--help"]) == shell.MODULES
    assert shell._modules_for([]) == shell.MODULES
    assert shell._modules_for(["no-such-command"]) == shell.MODULES
    assert shell._modules_for(["--version"]) == ()


def test_import_mail_goes_to_the_mail_reader() -> None:
    assert shell._modules_for(["import", "mail", "inbox.mbox"]) == ("mail",)
    assert shell._modules_for(["import", "ledger.json"]) == ("data",)


def test_help_text_is_reflowed_into_paragraphs() -> None:
    help_text = "First line\nwraps on.\n\nA list:\n- one\n- two\n$ inwriting read\n  indented"
    assert shell._reflow(help_text) == (
        "First line wraps on.\n\nA list:\n- one\n- two\n$ inwriting read\n  indented"
    )


def test_a_commands_help_reads_as_paragraphs_not_source_lines() -> None:
    result = CliRunner().invoke(shell.app, ["correct", "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    words = " ".join(result.output.split())
    assert "applies it again as --kind. Only the latest statement can be corrected" in words
    # Within a paragraph every line but the last is filled: none breaks early where the source did.
    lines = result.output.split("╭")[0].splitlines()
    early = [
        line
        for line, after in zip(lines, lines[1:], strict=False)
        if line.strip() and after.strip() and len(line.strip()) < 60
    ]
    assert early == [] or early == [lines[1]]  # the usage line
