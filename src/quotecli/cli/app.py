"""The Typer application: registers each concern's commands; holds no logic of its own."""

from __future__ import annotations

from typing import Annotated

import typer

from quotecli import __version__
from quotecli.cli import cluster, evaluate, library, quotes, report

app = typer.Typer(
    name="quotecli",
    help="Attributed quotations, speakers and places from news articles.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"quotecli {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Attributed quotations, speakers and places from news articles.

    Exit codes: 0 results printed, 1 nothing matched, 2 usage or input error, 130 interrupted.
    """


quotes.register(app)
library.register(app)
report.register(app)
evaluate.register(app)
cluster.register(app)


def main() -> None:
    app()
