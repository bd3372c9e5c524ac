"""The CLI loads a command's module only when that command runs, so its table of commands must match the modules."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from cxassist import cli


def registered(module_name: str) -> dict[str, str | None]:
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers()
    cli.command_module(next(n for n, (m, _) in cli.COMMANDS.items() if m == module_name)).register(commands)
    return {action.dest: action.help for action in commands._choices_actions}


@pytest.mark.parametrize("module_name", sorted({module for module, _ in cli.COMMANDS.values()}))
def test_the_command_table_lists_what_each_module_registers(module_name: str) -> None:
    listed = {name: help_text for name, (module, help_text) in cli.COMMANDS.items() if module == module_name}
    assert registered(module_name) == listed, (
        f"cxassist/cli/{module_name}.py registers commands that cxassist.cli.COMMANDS does not list as they are: "
        "add or correct them there (name, module and help), or the command cannot be found"
    )


def test_help_lists_every_command_without_loading_them(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--help"])
    assert exited.value.code == 0
    quick = capsys.readouterr().out
    assert quick == cli.build_parser(every_command=True).format_help()
    assert all(name in quick for name in cli.COMMANDS)


def test_version_and_help_load_no_command_and_no_database_code() -> None:
    probe = (
        "import sys\n"
        "from cxassist.cli import main\n"
        "for argv in (['--version'], ['--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('cxassist.cli.', 'sqlalchemy', 'PySide6', 'cxassist.app')\n"
        "loaded = [m for m in sys.modules if m.startswith(heavy)]\n"
        "print(sorted(loaded), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("cxassist ")
    assert done.stderr.strip() == "['cxassist.cli.common']"


def test_an_unknown_command_is_refused_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["no-such-command"])
    assert exited.value.code == 2
    assert "invalid choice: 'no-such-command'" in capsys.readouterr().err
