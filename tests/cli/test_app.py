"""The command-line shell: lazy loading of command modules, errors as one line."""

import importlib

import typer

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
