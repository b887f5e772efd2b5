"""`doppel-client`: Doppel from the command line. Run `doppel-client --help`."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import socket
import sys
from collections.abc import Sequence
from typing import Any, Callable, NoReturn

from .client import Doppel, server_url
from .config import load_config, save_config
from .errors import (
    AuthenticationError,
    ConfigurationError,
    DoppelError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from .frames import COLUMN_TYPES

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_NOT_FOUND = 4
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a command the signal ended

EXIT_CODES = f"""exit codes:
  {EXIT_OK}    done
  {EXIT_FAILED}    the server or a job failed (a training or generation ended FAILED or CANCELLED, a conflict, the server unreachable)
  {EXIT_USAGE}    usage error: bad arguments, or a request the server refused as invalid (400/422, the field named)
  {EXIT_AUTH}    not logged in, a wrong or revoked token or password (401), or not allowed (403, e.g. a read-only token)
  {EXIT_NOT_FOUND}    no such project, dataset, model, batch or token (404)
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C); a training or generation being waited for is cancelled on the server first
       (a second Ctrl-C stops waiting for the server to confirm)
  {EXIT_BROKEN_PIPE}  the output's reader went away (`doppel-client ... | head`); nothing more is printed

--json prints one JSON document on stdout (on an error: {{"error": {{status, title, detail, field, problem}}}});
progress bars and messages go to stderr. The server and token come from --url/--token, else DOPPEL_URL/DOPPEL_TOKEN,
else the login saved by `doppel-client login`."""


class UsageError(Exception):
    """A command line that cannot be carried out as given."""


def _key_values(pairs: Sequence[str] | None, what: str) -> dict[str, Any]:
    """KEY=VALUE pairs as a dict; a value that reads as JSON (5, 0.5, true, "x") takes that type, else it is a string."""
    values: dict[str, Any] = {}
    for pair in pairs or []:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"{what} must be KEY=VALUE, not {pair!r}")
        try:
            values[key] = json.loads(raw)
        except json.JSONDecodeError:
            values[key] = raw
    return values


def _client(args: argparse.Namespace) -> Doppel:
    return Doppel(args.url, args.token)


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    if os.environ.get("DOPPEL_PASSWORD"):
        return os.environ["DOPPEL_PASSWORD"]
    if not sys.stdin.isatty():
        raise UsageError("no password: pass --password-stdin or set DOPPEL_PASSWORD")
    return getpass.getpass("Password: ")


def _username(args: argparse.Namespace) -> str:
    username = args.username or os.environ.get("DOPPEL_USERNAME") or load_config().get("username")
    if username:
        return str(username)
    if not sys.stdin.isatty():
        raise UsageError("no username: pass --username or set DOPPEL_USERNAME")
    return input("Username: ").strip()


def _signed_in(args: argparse.Namespace) -> Doppel:
    """A client signed in with the password: managing tokens needs one, an API token may not."""
    return Doppel.login(_username(args), _password(args), server_url(args.url))


def _model_summary(model: dict[str, Any]) -> str:
    lines = [f"model {model['id']}: {model['algorithm']} on dataset {model['datasetId']}, {model['status']}"]
    progress = model.get("progress") or {}
    if model["status"] == "TRAINING" and progress:
        lines.append(f"  progress: {progress.get('stage')}, epoch {progress.get('epoch')}/{progress.get('epochs')}")
    if model.get("queuePosition"):
        lines.append(f"  queue position: {model['queuePosition']}")
    if model.get("error"):
        lines.append(f"  error: {model['error']}")
    evaluation = model.get("evaluation") or {}
    if evaluation.get("status") not in (None, "NONE"):
        lines.append(f"  evaluation: {evaluation['status']}, quality {evaluation.get('qualityScore')}, privacy {evaluation.get('privacyScore')}")
    return "\n".join(lines)


def cmd_login(args: argparse.Namespace) -> tuple[Any, str]:
    url = args.url or os.environ.get("DOPPEL_URL")
    if not url:
        if not sys.stdin.isatty():
            raise UsageError("no server: pass --url or set DOPPEL_URL")
        url = input("Doppel URL [http://localhost:8080]: ").strip() or "http://localhost:8080"
    url = url.rstrip("/")
    username = _username(args)
    session = Doppel.login(username, _password(args), url)
    try:
        name = args.token_name or f"doppel-client on {socket.gethostname()}"
        created = session.tokens.create(name, "full")
    finally:
        session.close()
    path = save_config({"url": url, "token": created.secret, "username": username, "tokenId": created.token.id})
    result = {"url": url, "username": username, "tokenId": created.token.id, "tokenName": name, "config": str(path)}
    return result, f"logged in to {url} as {username}; API token '{name}' (id {created.token.id}) saved in {path}"


def _project(client: Doppel, wanted: str) -> Any:
    if wanted.isdigit():
        return client.project(int(wanted))
    for project in client.projects():
        if project.name == wanted:
            return project
    return client.create_project(wanted)


def cmd_upload(args: argparse.Namespace) -> tuple[Any, str]:
    types = {column: str(kind) for column, kind in _key_values(args.type, "--type").items()}
    for column, kind in types.items():
        if kind not in COLUMN_TYPES:
            raise UsageError(f"--type {column}={kind}: the type must be one of {', '.join(COLUMN_TYPES)}")
    if not os.path.isfile(args.file):
        raise UsageError(f"no such file: {args.file}")
    with _client(args) as client:
        dataset = _project(client, args.project).upload(args.file, name=args.name, types=types or None)
    columns = ", ".join(f"{name} ({kind})" for name, kind in dataset.types.items())
    return dataset.data, f"dataset {dataset.id}: {dataset.name}, {dataset.row_count} rows; columns: {columns}"


def cmd_train(args: argparse.Namespace) -> tuple[Any, str]:
    settings = _key_values(args.set, "--set")
    privacy = _key_values(args.privacy, "--privacy") or None
    with _client(args) as client:
        model = client.dataset(args.dataset).train(
            args.algorithm, wait=args.wait, seed=args.seed, differential_privacy=privacy, progress=not args.no_progress, **settings
        )
    return model.data, _model_summary(model.data)


def cmd_status(args: argparse.Namespace) -> tuple[Any, str]:
    with _client(args) as client:
        model = client.model(args.model)
    return model.data, _model_summary(model.data)


def cmd_generate(args: argparse.Namespace) -> tuple[Any, str]:
    conditions = _key_values(args.condition, "--condition") or None
    with _client(args) as client:
        batch = client.model(args.model).generate(
            args.rows, seed=args.seed, anomalies=args.anomalies, conditions=conditions, wait=args.wait, progress=not args.no_progress
        )
    data = batch.data
    text = f"batch {data['id']}: {data['status']}, {data['requestedRows']} rows asked"
    if data.get("rowCount") is not None:
        text += f", {data['rowCount']} made ({data.get('anomalyRows') or 0} anomalies)"
    return data, text


def cmd_download(args: argparse.Namespace) -> tuple[Any, str]:
    with _client(args) as client:
        batch = client.batch(args.batch)
        path = batch.download(
            args.output,
            args.format,
            compress=args.compress,
            delimiter=args.delimiter,
            dialect=args.dialect,
            table=args.table,
            progress=not args.no_progress,
        )
    size = path.stat().st_size
    return {"batch": batch.id, "path": str(path), "format": args.format, "bytes": size}, f"batch {batch.id} saved to {path} ({size} bytes)"


def cmd_evaluate(args: argparse.Namespace) -> tuple[Any, str]:
    with _client(args) as client:
        model = client.model(args.model)
        evaluation = model.evaluate(args.target) if args.again or args.target else model.evaluation()
        report = model.report_html(args.report) if args.report else None
    text = f"model {model.id}: quality {evaluation.get('qualityScore')}, privacy {evaluation.get('privacyScore')}"
    if report:
        evaluation = {**evaluation, "reportPath": str(report)}
        text += f"\nreport saved to {report}"
    return evaluation, text


def cmd_token_create(args: argparse.Namespace) -> tuple[Any, str]:
    with _signed_in(args) as session:
        created = session.tokens.create(args.name, args.scope)
    token = vars(created.token)
    return {"token": token, "secret": created.secret}, f"token {created.token.id} ({created.token.scope}): {created.secret}\n(shown only now)"


def cmd_token_list(args: argparse.Namespace) -> tuple[Any, str]:
    with _client(args) as client:
        tokens = client.tokens.list()
    lines = [f"{t.id}\t{t.scope}\t{t.prefix}…\t{t.name}\tlast used {t.last_used_at or 'never'}" for t in tokens]
    return [vars(t) for t in tokens], "\n".join(lines) or "no tokens"


def cmd_token_revoke(args: argparse.Namespace) -> tuple[Any, str]:
    with _signed_in(args) as session:
        session.tokens.revoke(args.id)
    return {"revoked": args.id}, f"token {args.id} revoked"


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON on stdout")
    common.add_argument("--url", help="the server (default: $DOPPEL_URL, else the saved login)")
    common.add_argument("--token", help="an API token (default: $DOPPEL_TOKEN, else the saved login)")
    progress = argparse.ArgumentParser(add_help=False)
    progress.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    password = argparse.ArgumentParser(add_help=False)
    password.add_argument("--username", help="default: $DOPPEL_USERNAME, else the saved login's, else asked")
    password.add_argument("--password-stdin", action="store_true", help="read the password from stdin (default: $DOPPEL_PASSWORD, else asked)")

    parser = argparse.ArgumentParser(
        prog="doppel-client",
        description="Doppel from the command line: upload, train, generate, download, evaluate.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace], tuple[Any, str]], help_text: str, *parents: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=help_text, description=help_text, parents=[common, *parents], epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter
        )
        sub.set_defaults(run=run)
        return sub

    login = command("login", cmd_login, "sign in with your password, create a full API token and save it", password)
    login.add_argument("--token-name", help="the token's name (default: 'doppel-client on <host>')")

    upload = command("upload", cmd_upload, "upload a CSV or Parquet file into a project")
    upload.add_argument("file")
    upload.add_argument("--project", required=True, help="a project id, or a name (created when no project has it)")
    upload.add_argument("--name", help="the dataset's name (default: the file's)")
    upload.add_argument("--type", action="append", metavar="COLUMN=TYPE", help=f"a column's type, one of {', '.join(COLUMN_TYPES)} (repeatable)")

    train = command("train", cmd_train, "train a model on a dataset", progress)
    train.add_argument("dataset", type=int, help="dataset id")
    train.add_argument("--algorithm", "-a", required=True, help="e.g. TabularARGN, GaussianCopula (GET /api/algorithms lists them)")
    train.add_argument("--set", action="append", metavar="NAME=VALUE", help="an algorithm setting, e.g. max_epochs=5 (repeatable)")
    train.add_argument("--privacy", action="append", metavar="NAME=VALUE", help="a differential privacy setting, e.g. max_epsilon=5")
    train.add_argument("--seed", type=int)
    train.add_argument("--wait", action="store_true", help="follow the training with a progress bar; Ctrl-C cancels it on the server")

    status = command("status", cmd_status, "a model's status, progress and evaluation scores")
    status.add_argument("model", type=int, help="model id")

    generate = command("generate", cmd_generate, "generate a batch of synthetic rows", progress)
    generate.add_argument("model", type=int, help="model id")
    generate.add_argument("--rows", "-n", type=int, required=True)
    generate.add_argument("--anomalies", type=float, metavar="RATIO", help="share of labelled anomalous rows, e.g. 0.01")
    generate.add_argument("--condition", action="append", metavar="COLUMN=VALUE", help="a fixed value every row carries (repeatable)")
    generate.add_argument("--seed", type=int)
    generate.add_argument("--wait", action="store_true", help="follow the generation with a progress bar; Ctrl-C cancels it on the server")

    download = command("download", cmd_download, "download a batch to a file", progress)
    download.add_argument("batch", type=int, help="batch id")
    download.add_argument("--output", "-o", required=True, help="the file to write")
    download.add_argument("--format", "-f", default="csv", choices=["csv", "json", "jsonl", "sql", "parquet"])
    download.add_argument("--compress", action="store_true", help="gzip it")
    download.add_argument("--delimiter", choices=[",", ";", "|", "tab"], help="CSV delimiter")
    download.add_argument("--dialect", choices=["mysql", "postgresql"], help="SQL dialect")
    download.add_argument("--table", help="SQL table name")

    evaluate = command("evaluate", cmd_evaluate, "a model's quality and privacy evaluation (waits until it is computed)")
    evaluate.add_argument("model", type=int, help="model id")
    evaluate.add_argument("--again", action="store_true", help="evaluate again")
    evaluate.add_argument("--target", help="evaluate again, with this column as the utility test's target")
    evaluate.add_argument("--report", metavar="PATH", help="also save the HTML report here")

    token = commands.add_parser("token", help="create, list or revoke your API tokens", description="create, list or revoke your API tokens")
    tokens = token.add_subparsers(dest="token_command", required=True, metavar="SUBCOMMAND")
    create = tokens.add_parser("create", help="create a token (signs in with your password)", parents=[common, password])
    create.set_defaults(run=cmd_token_create)
    create.add_argument("name")
    create.add_argument("--scope", choices=["read", "full"], default="read")
    listing = tokens.add_parser("list", help="list your tokens", parents=[common])
    listing.set_defaults(run=cmd_token_list)
    revoke = tokens.add_parser("revoke", help="revoke a token (signs in with your password)", parents=[common, password])
    revoke.set_defaults(run=cmd_token_revoke)
    revoke.add_argument("id", type=int)
    return parser


def _exit_code(error: DoppelError) -> int:
    if isinstance(error, (AuthenticationError, PermissionDeniedError, ConfigurationError)):
        return EXIT_AUTH
    if isinstance(error, NotFoundError):
        return EXIT_NOT_FOUND
    if isinstance(error, ValidationError):
        return EXIT_USAGE
    return EXIT_FAILED


def _fail(args: argparse.Namespace, code: int, message: str, error: dict[str, Any]) -> NoReturn:
    print(f"doppel-client: error: {message}", file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps({"error": error}))
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Runs one command and exits with its code (see EXIT_CODES)."""
    try:
        try:
            _run_command(argv)
        finally:
            # Here rather than at exit, where a closed pipe could only be reported with a traceback.
            sys.stdout.flush()
    except BrokenPipeError:
        # As for a command that SIGPIPE ended: no traceback, and nothing more written to the closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.dup2(devnull, sys.stderr.fileno())
        sys.exit(EXIT_BROKEN_PIPE)


def _run_command(argv: Sequence[str] | None) -> NoReturn:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        result, text = args.run(args)
    except KeyboardInterrupt:
        _fail(args, EXIT_INTERRUPTED, "interrupted", {"detail": "interrupted"})
    except UsageError as e:
        _fail(args, EXIT_USAGE, str(e), {"detail": str(e)})
    except DoppelError as e:
        _fail(args, _exit_code(e), str(e), {"status": e.status, "title": e.title, "detail": e.detail, "field": e.field, "problem": e.problem})
    print(json.dumps(result, indent=2, default=str) if args.json else text)
    sys.exit(EXIT_OK)
