"""`quotecli extract` (a Dask cluster into a Parquet dataset) and `quotecli export`.

Dask and pyarrow are optional (`pip install 'quotecli[dask]'`) and imported only when one of
these commands runs, never by `--help` or any other command.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from quotecli.cli.common import DbOption, ModelOption, open_library, stderr, translate_errors, warn
from quotecli.cli.reading import (
    DateFieldOption,
    GlobOption,
    IdFieldOption,
    TextFieldOption,
    TitleFieldOption,
    UrlFieldOption,
    read_options,
)

if TYPE_CHECKING:
    from quotecli.cluster.engine import JobReport

DEFAULT_TASK_SIZE = 500


class ExportFormat(StrEnum):
    PARQUET = "parquet"


InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files, directories, - for stdin, web URLs (as `add` reads them) or fsspec URLs"
        " (s3://..., the filesystem's package installed)."
    ),
]
OutOption = Annotated[
    str,
    typer.Option(
        "--out", "-o", help="Dataset directory (a path or an fsspec URL such as s3://...)."
    ),
]
ClusterOption = Annotated[
    str | None,
    typer.Option(help="Address of a running Dask scheduler, e.g. tcp://host:8786."),
]
WorkersOption = Annotated[
    int | None,
    typer.Option(
        min=1, help="Start a local cluster of N worker processes. Default: the number of cores."
    ),
]
TaskSizeOption = Annotated[
    int,
    typer.Option(min=1, help="Articles per task (one Parquet part per task)."),
]


def extract(
    inputs: InputsArgument,
    out: OutOption,
    cluster: ClusterOption = None,
    workers: WorkersOption = None,
    task_size: TaskSizeOption = DEFAULT_TASK_SIZE,
    model: ModelOption = None,
    glob: GlobOption = None,
    text_field: TextFieldOption = None,
    title_field: TitleFieldOption = None,
    date_field: DateFieldOption = None,
    url_field: UrlFieldOption = None,
    id_field: IdFieldOption = None,
) -> None:
    """Extract articles on a Dask cluster into a Parquet dataset (one file per task).

    Each worker loads the pipeline once. A finished task is never redone: after a crash or
    Ctrl-C, the same command does only what is missing. Import the dataset with
    `quotecli add DIR`; read it with pyarrow, DuckDB, pandas or Spark.
    """
    if cluster is not None and workers is not None:
        raise typer.BadParameter("give --cluster or --workers, not both", param_hint="--workers")
    from quotecli.cluster import require_engine

    require_engine()
    from quotecli.cli.progress import progress
    from quotecli.cluster.engine import Job, run_job
    from quotecli.cluster.inputs import iter_inputs
    from quotecli.parallel import default_jobs

    job = Job(out, model, cluster, workers or default_jobs(), task_size)
    read = read_options(glob, text_field, title_field, date_field, url_field, id_field)
    with progress("extracting") as bar:
        task = bar.add_task("extracting", total=None, unit="articles")
        report = run_job(
            job,
            iter_inputs(inputs, warn, read),
            on_result=lambda result: bar.advance(task, result.articles),
            on_skip=lambda done: bar.advance(task, len(done.articles)),
        )
    _summarise(report, out)


def _summarise(report: JobReport, out: str) -> None:
    for path, error in report.failures:
        warn(f"{path}: extraction failed ({error}); skipped")
    stderr.print(
        f"{report.written} part(s) written ({report.articles} article(s), {report.quotes}"
        f" quote(s)), {report.already_done} already done, in {out}"
    )


def export(
    out: Annotated[str, typer.Argument(help="New dataset directory (path or fsspec URL).")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="parquet.")],
    db: DbOption = None,
) -> None:
    """Write the library as a Parquet dataset, the same that `quotecli extract` writes."""
    from quotecli.cluster import require_engine

    require_engine()
    from quotecli.cluster.library_io import export_library

    with open_library(db) as library:
        articles, quotes = export_library(library, out)
    stderr.print(f"{articles} article(s) with {quotes} quote(s) written to {out}")


def register(app: typer.Typer) -> None:
    """Add `extract` and `export` to the application."""
    for command in (extract, export):
        app.command()(translate_errors(command))
