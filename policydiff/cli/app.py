"""The policydiff app: `main(argv) -> int` runs one command and maps what it raised to the
exit-code contract (`exit.ExitCode`). Commands live one group a module beside this one."""

import functools
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

import typer

from policydiff._version import __version__
from policydiff.cli.exit import ExitCode
from policydiff.contract.errors import PolicydiffError

DEBUG_ENV_VAR = "POLICYDIFF_DEBUG"
F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="policydiff",
    help="Compare the numeric targets of policy documents year over year.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_debug = False


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"policydiff {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version_callback, is_eager=True,
                                          help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option("--debug", envvar=DEBUG_ENV_VAR,
                                        help="On an internal error, show its traceback.")] = False,
) -> None:
    """policydiff: which targets were raised, lowered, dropped or added, year over year."""
    global _debug
    _debug = debug


def _safe(text: str) -> str:
    from policydiff.render.text import one_line

    return one_line(text)


def _internal_error(error: BaseException) -> None:
    if _debug or os.environ.get(DEBUG_ENV_VAR, "") not in ("", "0"):
        traceback.print_exception(error)
    else:
        sys.stderr.write(f"policydiff: internal error (a bug in policydiff): {type(error).__name__}: "
                         f"{_safe(str(error))}\nRun again with --debug (or {DEBUG_ENV_VAR}=1) for the "
                         "traceback, and report it with the command you ran.\n")


def guarded(func: F) -> F:
    """A command body whose typed errors become one message and their exit code: no traceback
    reaches a user, in `main` and in-process callers (tests) alike."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PolicydiffError as error:
            sys.stderr.write(f"policydiff: {_safe(str(error))}\n")
            raise typer.Exit(ExitCode.USAGE) from None
        except BrokenPipeError:
            # the reader went away (`policydiff units | head -1`): end quietly, as cat does; left
            # to click, it would exit 1
            from policydiff.cli import closed_pipe

            raise typer.Exit(closed_pipe()) from None
        except KeyboardInterrupt:
            sys.stderr.write("policydiff: interrupted\n")
            raise typer.Exit(ExitCode.INTERRUPTED) from None
        except Exception as error:
            if type(error).__module__.partition(".")[0] in ("typer", "click"):
                raise  # Exit, Abort, BadParameter: the command line's own outcomes
            _internal_error(error)
            raise typer.Exit(ExitCode.INTERNAL) from None
    return wrapper  # type: ignore[return-value]


def command(name: str | None = None, **settings: Any) -> Callable[[F], F]:
    """`@app.command()` for a guarded command body."""
    def decorate(func: F) -> F:
        app.command(name, **settings)(guarded(func))
        return func
    return decorate


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with `argv` (default: sys.argv[1:]) and return the exit code."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="policydiff", standalone_mode=True)
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (ExitCode.OK if code is None else ExitCode.USAGE)
    except KeyboardInterrupt:
        sys.stderr.write("policydiff: interrupted\n")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        raise
    except Exception as error:  # noqa: BLE001 - outside a command: option parsing, callbacks
        _internal_error(error)
        return ExitCode.INTERNAL
    return ExitCode.OK


# The commands, one group a module; imported last because they decorate `app`.
from policydiff.cli import analyst, compare, curate, data, extract, maintenance, verify  # noqa: E402, F401
