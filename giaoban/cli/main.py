"""The giaoban application: one typer app, one module per command group.

Each command module under ``giaoban/cli/`` registers its commands on its own
``app = typer.Typer()``. The root app does not import them at start: its group
lists the commands from ``COMMANDS`` and imports a module only when one of its
commands is run (or completed, or asked for its own help). ``giaoban week``
then loads the report code and not the editing, history or import code.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from typing import Annotated, Any, NamedTuple

import typer
from typer.core import TyperCommand, TyperGroup

import giaoban
from giaoban.cli import vietnamese
from giaoban.store import progress


class Entry(NamedTuple):
    """Where a command lives, and what ``giaoban --help`` says about it."""

    module: str  # under giaoban.cli
    help: str  # the first paragraph of the command's own help, word for word


# The one table of commands, in the order ``giaoban --help`` lists them.
# tests/test_cli_lazy.py checks it against what the modules register.
COMMANDS: dict[str, Entry] = {
    "add": Entry(
        "add", "Thêm một thông báo: hỏi từng mục (mặc định), hoặc từ tùy chọn, hoặc từ tệp."
    ),
    "check": Entry("check", "Kiểm tra các tệp dữ liệu: báo mọi lỗi với tệp, dòng và cột."),
    "deadline": Entry("deadline", "Đọc một cụm từ chỉ hạn và giải thích hạn đó."),
    "doctor": Entry(
        "doctor",
        "Tìm những gì một lệnh bị ngắt để lại (thư mục tạm, khóa git, thay đổi chưa commit).",
    ),
    "done": Entry(
        "edit",
        "Ghi nhiệm vụ đã hoàn thành; nhiệm vụ định kỳ: ghi một lần (lần sớm nhất chưa xong).",
    ),
    "reopen": Entry(
        "edit", "Mở lại một nhiệm vụ đã hoàn thành hoặc đã hủy (định kỳ: bỏ ghi một lần)."
    ),
    "cancel": Entry("edit", "Hủy một nhiệm vụ, ghi lý do."),
    "stop": Entry(
        "edit", "Dừng một nhiệm vụ định kỳ từ một ngày (ghi 'until'); các lần trước vẫn giữ nguyên."
    ),
    "postpone": Entry(
        "edit", "Gia hạn: đổi hạn của nhiệm vụ, giữ hạn cũ và lý do trong 'extensions'."
    ),
    "note": Entry("edit", "Thêm một ghi chú tiến độ (có ngày) vào nhiệm vụ."),
    "edit": Entry(
        "edit", "Sửa thông báo bằng trình soạn thảo ($VISUAL/$EDITOR); chỉ ghi khi tệp hợp lệ."
    ),
    "export": Entry(
        "export", "Xuất toàn bộ sổ nhiệm vụ (JSON) cho công cụ khác, hoặc lịch hạn (iCalendar)."
    ),
    "import": Entry(
        "importer", "Đọc văn bản thông báo và tạo bản nháp YAML để kiểm tra, sửa rồi lưu."
    ),
    "init": Entry(
        "init",
        "Tạo sổ mới: data/ (danh mục đơn vị, cài đặt), kho git và hook kiểm tra trước commit.",
    ),
    "log": Entry(
        "log", "Lịch sử từ git: ai tạo, ai gia hạn (từ, đến, lý do), ai đổi trạng thái, ai sửa."
    ),
    "due": Entry(
        "reports",
        "Nhiệm vụ đến hạn trong N ngày tới theo đơn vị, rồi việc quá hạn, rồi việc tồn đọng.",
    ),
    "overdue": Entry(
        "reports",
        "Nhiệm vụ chưa xong đã quá hạn, mới quá hạn trước; việc tồn đọng đếm theo đơn vị.",
    ),
    "week": Entry(
        "reports",
        "Báo cáo tuần: việc đến hạn trong tuần (đến hết Chủ nhật) theo đơn vị, rồi việc quá hạn.",
    ),
    "stats": Entry(
        "reports",
        "Thống kê theo đơn vị: hoàn thành đúng hạn, quá hạn; đang thực hiện trong hạn, quá hạn.",
    ),
    "show": Entry("reports", "Xem một thông báo (và các nhiệm vụ của nó) hoặc một nhiệm vụ."),
    "list": Entry(
        "reports",
        "Liệt kê nhiệm vụ theo thứ tự trong tệp (nhiệm vụ đã hủy chỉ hiện khi --status cancelled).",
    ),
    "search": Entry(
        "reports",
        'Tìm nhiệm vụ theo nội dung, mã, hạn hoặc đơn vị ("van phong" tìm được "Văn phòng").',
    ),
    "diff": Entry(
        "review",
        "Thay đổi giữa hai trạng thái của sổ, theo nhiệm vụ: thêm, xóa, dời hạn, hoàn thành...",
    ),
    "git-setup": Entry(
        "review", "Cho 'git diff' và 'git log -p' hiện thay đổi của tệp thông báo theo nhiệm vụ."
    ),
    "textconv": Entry(
        "review",
        "Một tệp thông báo thành từng dòng theo nhiệm vụ (git dùng khi diff; xem git-setup).",
    ),
    "sync": Entry(
        "review",
        "Đồng bộ với kho chung: lấy về (rebase), kiểm tra, rồi đẩy lên; dừng khi có xung đột.",
    ),
    "task": Entry("edit", "Thêm nhiệm vụ vào một thông báo đã có."),
}

# One to three real command lines per command, shown at the end of its help ("Ví dụ:").
# tests/test_help_examples.py parses each line with its command, so they cannot rot.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "giaoban": ("giaoban week --today 2022-04-20", "giaoban check", "giaoban show 2022-04-14#6.2"),
    "add": (
        "giaoban add",
        "giaoban add --from-text thong-bao.docx",
        'giaoban add --title "Kết luận giao ban tháng 12" --date 05/12/2026 '
        '--task "Báo cáo kết quả | chủ trì: VP | hạn: trước ngày 20/12/2026"',
    ),
    "check": ("giaoban check", "giaoban check data/2022 --format json"),
    "deadline": (
        'giaoban deadline "trước ngày 25/02/2019" --ref 2019-02-18',
        'giaoban deadline "trước 14h00 thứ 6 hàng tuần" --today 2026-12-01 --json',
    ),
    "doctor": ("giaoban doctor", "giaoban doctor --fix"),
    "done": (
        "giaoban done 2022-04-14#6.1",
        'giaoban done 2022-04-14#6.2 --on 15/04/2022 --note "Đã gửi báo cáo tuần"',
    ),
    "reopen": (
        "giaoban reopen 2022-04-14#6.1",
        "giaoban reopen 2022-04-14#6.2 --occurrence 15/04/2022",
    ),
    "cancel": ('giaoban cancel 2022-04-14#5.1 --reason "Trùng với kế hoạch khác"',),
    "stop": ('giaoban stop 2022-04-14#6.2 --from 01/07/2022 --reason "Hết đợt cao điểm"',),
    "postpone": (
        'giaoban postpone 2022-04-14#6.1 "trước ngày 15/05/2022" --reason "Chờ ý kiến lãnh đạo"',
        'giaoban postpone 2022-04-14#6.1 "trong tháng 6/2022" --reason "Thiếu kinh phí" '
        '--approved-by "Bí thư phụ trách"',
    ),
    "note": ('giaoban note 2022-04-14#6.1 "Đã gửi dự thảo lần 1"',),
    "edit": ("giaoban edit 2022-04-14", "giaoban edit 2022-04-14#6.2"),
    "export": (
        "giaoban export --format json",
        "giaoban export --format ics --unit VP -o lich-vp.ics",
    ),
    "import": ("giaoban import thong-bao.docx -o nhap.yaml", "giaoban import thong-bao.pdf --save"),
    "init": ('giaoban init so-giao-ban --office "Văn phòng Tỉnh đoàn"', "giaoban init --ci gitlab"),
    "log": (
        "giaoban log 2022-04-14#6.2",
        "giaoban log --since 01/04/2022 --until 30/04/2022 --summary",
    ),
    "due": ("giaoban due --today 2022-04-20", "giaoban due --days 14 --unit VP --format md"),
    "overdue": ("giaoban overdue --today 2022-04-20", "giaoban overdue --all --format csv"),
    "week": (
        "giaoban week --today 2026-12-05",
        "giaoban week --next",
        "giaoban week -f docx -o tuan50.docx",
    ),
    "stats": (
        "giaoban stats --month 2022-04 --today 2022-05-01",
        "giaoban stats --from 01/01/2022 --to 30/06/2022 -f xlsx -o thong-ke.xlsx",
    ),
    "show": ("giaoban show 2022-04-14", "giaoban show 2022-04-14#6.2 --format json"),
    "list": ("giaoban list --unit VP --status open", "giaoban list --notice 2022-04-14"),
    "search": ('giaoban search "van phong"', 'giaoban search "kinh phí" --status open'),
    "diff": ("giaoban diff", "giaoban diff HEAD~5 HEAD --format json"),
    "git-setup": ("giaoban git-setup",),
    "textconv": ("giaoban textconv data/2022/2022-04-14-giao-ban-khoi-phong-trao.yaml",),
    "sync": ("giaoban sync",),
    "task": (
        'giaoban task add 2022-04-14 --text "Rà soát danh mục" --owner BTC '
        '--deadline "trong tháng 5/2022"',
    ),
}


def examples_epilog(name: str) -> str | None:
    """The "Ví dụ:" section of a command's help, each line a paragraph of its own.

    Every typer version keeps a paragraph break (0.13 shows paragraphs one a line and
    joins the lines inside one; newer versions show the text as written).
    """
    lines = EXAMPLES.get(name)
    return "\n\n".join((vietnamese.EXAMPLES_HEADING, *lines)) if lines else None


def build_command(module: str, name: str) -> Any:
    """Import ``giaoban.cli.<module>`` and build its (click) command ``name``, if any.

    Only that command is built: building one reads the annotations of all its
    parameters, about a millisecond a command.
    """
    module_app: typer.Typer = importlib.import_module(f"giaoban.cli.{module}").app
    for info in module_app.registered_commands:
        if info.name == name:
            return typer.main.get_command_from_info(
                info,
                pretty_exceptions_short=module_app.pretty_exceptions_short,
                rich_markup_mode=module_app.rich_markup_mode,
            )
    # A group (``add_typer``), or a command named after its function.
    return typer.main.get_group(module_app).commands.get(name)


class _NotLoaded(TyperCommand):
    """A command whose module is not imported yet: its name and help, nothing to run."""

    def __init__(self, name: str, entry: Entry) -> None:
        super().__init__(name=name, help=entry.help)
        self.module = entry.module


class LazyGroup(TyperGroup):
    """The root group: every command is listed from ``COMMANDS``; a command's module is
    imported when ``get_command`` must hand out the real command (to run it, complete
    its arguments or show its help).

    Listing the commands (``giaoban --help``, completing a command name) needs only
    their names and help, so it reads them from the table and imports nothing.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        loaded = self.commands  # any command typer built already
        self.commands = {name: _NotLoaded(name, entry) for name, entry in COMMANDS.items()}
        self.commands.update(loaded)
        self._listing = False
        _vietnamese_help(self)

    @contextmanager
    def _listing_only(self) -> Iterator[None]:
        previous, self._listing = self._listing, True
        try:
            yield
        finally:
            self._listing = previous

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if isinstance(command, _NotLoaded) and not self._listing:
            built = build_command(command.module, cmd_name)
            if built is None:
                raise RuntimeError(f"giaoban.cli.{command.module} does not register {cmd_name!r}")
            vietnamese.name_metavars(built)
            _dress(built, cmd_name)
            command = self.commands[cmd_name] = built
        return command

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: Any = None,
        complete_var: Any = None,
        standalone_mode: bool = True,
        **kw: Any,
    ) -> Any:
        """click's main, with its English messages and panels replaced: a usage error is
        the usage line, where to find help and the message, in Vietnamese (exit 2);
        Ctrl-C is "Đã hủy." (exit 1)."""
        words = list(sys.argv[1:] if args is None else args)
        utf8_output()
        if "--install-completion" in words:
            for param in self.params:
                if param.name == "install_completion":
                    param.callback = vietnamese.install_completion
        if not words or "-h" in words or "--help" in words:
            vietnamese.help_words()
            vietnamese.name_metavars(self)
            for param in self.params:
                if param.name in vietnamese.ROOT_HELP:
                    param.help = vietnamese.ROOT_HELP[param.name]  # type: ignore[attr-defined]
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **kw)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **kw)
        except (KeyboardInterrupt, EOFError):
            print(f"\n{vietnamese.ABORTED}", file=sys.stderr)
            sys.exit(1)
        except Exception as error:  # noqa: BLE001 - click's own, told apart by shape below
            if type(error).__name__ == "Abort":
                print(vietnamese.ABORTED, file=sys.stderr)
                sys.exit(1)
            if not hasattr(error, "format_message"):
                raise
            text, code = vietnamese.usage_error(error)
            print(text, file=sys.stderr)
            sys.exit(code)
        sys.exit(result if isinstance(result, int) else 0)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        with self._listing_only():
            super().format_help(ctx, formatter)

    def shell_complete(self, ctx: Any, incomplete: str) -> list[Any]:
        # Completing a command name lists them; completing its arguments goes
        # through resolve_command, which loads the command.
        with self._listing_only():
            return super().shell_complete(ctx, incomplete)


def utf8_output() -> None:
    """Write standard output and standard error in UTF-8 whatever their encoding.

    A redirect on a Vietnamese Windows (cp1258, which has no precomposed "ầ") or a
    latin-1 locale cannot take Vietnamese: Python would stop at the first such
    character with a traceback, leaving half a table or half a JSON document. JSON
    and CSV are UTF-8 anyway, and so is every other file giaoban writes.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding in ("utf-8", "utf8"):
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(ValueError, OSError):  # a stream that cannot change: left as it is
                reconfigure(encoding="utf-8")


def _dress(command: Any, name: str) -> None:
    """Give a built command (and each of its subcommands) Vietnamese usage and help
    lines, and its examples."""
    _vietnamese_help(command)
    command.epilog = examples_epilog(name)
    for sub in getattr(command, "commands", {}).values():
        _dress(sub, name)  # "task add": the examples of "task"


def _vietnamese_help(command: Any) -> None:
    """``command``'s usage line and ``-h``'s own line, in Vietnamese (typer builds the
    command; its usage and help option are click's, in English)."""
    made_option, made_usage = command.get_help_option, command.get_usage

    def get_help_option(ctx: Any) -> Any:
        option = made_option(ctx)
        if option is not None:
            option.help, option.metavar = vietnamese.HELP_OPTION, ""
        return option

    def get_usage(ctx: Any) -> str:
        return vietnamese.usage(made_usage(ctx))

    command.get_help_option, command.get_usage = get_help_option, get_usage


def _version(value: bool) -> None:
    if value:
        typer.echo(f"giaoban {giaoban.__version__}")
        raise typer.Exit()


def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help="In phiên bản của giaoban rồi thoát.",
        ),
    ] = False,
) -> None:
    # Before every command (giving the app a callback also makes typer build a group
    # even when no command module has been imported): long reads show a bar.
    progress.show_with(_progress_bar)


def _progress_bar(total: int, label: str) -> AbstractContextManager[Callable[[int], None]]:
    """A progress bar on standard error when it is a terminal."""
    if not sys.stderr.isatty():
        return nullcontext(lambda steps: None)
    from giaoban.render.progress import progress as bar  # start-up: rich only for a long read

    return bar(total, label)


app = typer.Typer(
    name="giaoban",
    help="Sổ theo dõi nhiệm vụ sau hội nghị giao ban (giaoban).",
    epilog=examples_epilog("giaoban"),
    cls=LazyGroup,
    callback=_root,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=True,
    pretty_exceptions_enable=False,
)


def run() -> None:
    """Console-script entry point."""
    app()
