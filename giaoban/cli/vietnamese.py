"""typer's and click's own words, in Vietnamese: usage errors, "Aborted", help headings,
and the type shown beside each option.

click writes its messages in English (typer's copy of it without gettext), so
they are translated where giaoban shows them: ``usage_error`` for a mistake on
the command line, ``help_words`` for the headings of a help page (typer's
module constants, set only when a help page is shown, since loading typer's
help code costs start-up time), ``name_metavars`` for the column of option
types that typer fills with Python types (``<bool>``, ``<list[Path]>``).
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
import typing
from collections.abc import Callable
from typing import Any

# (English, as click and typer write it) -> Vietnamese; tried in order, whole message.
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(english, re.DOTALL), vietnamese)
    for english, vietnamese in (
        (r"Missing option '(.+?)'\.(.*)", r"Thiếu tùy chọn '\1'.\2"),
        (r"Missing argument '(.+?)'\.(.*)", r"Thiếu đối số '\1'.\2"),
        (r"Missing parameter: (.+)", r"Thiếu tham số: \1"),
        (r"Missing command\.", "Thiếu lệnh."),
        (r"No such command '(.+?)'\. Did you mean '(.+?)'\?", r"Không có lệnh '\1'. Có phải '\2'?"),
        (r"No such command '(.+?)'\.", r"Không có lệnh '\1'."),
        (
            r"No such option: (\S+) \(Possible options: (.+)\)",
            r"Không có tùy chọn \1 (các tùy chọn gần giống: \2)",
        ),
        (r"No such option: (\S+)\s+Did you mean (.+)\?", r"Không có tùy chọn \1. Có phải \2?"),
        (r"No such option: (\S+)", r"Không có tùy chọn \1"),
        (r"Option '(.+?)' requires an argument\.", r"Tùy chọn '\1' cần một giá trị."),
        (r"Option '(.+?)' requires (\d+) arguments\.", r"Tùy chọn '\1' cần \2 giá trị."),
        (r"Option '(.+?)' does not take a value\.", r"Tùy chọn '\1' không nhận giá trị."),
        (r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", r"Thừa đối số: \1"),
        (r"Invalid value for (.+?): (.*)", r"Giá trị không hợp lệ cho \1: \2"),
        (r"Invalid value: (.*)", r"Giá trị không hợp lệ: \1"),
        # typer's completion installer
        (r"(\w+) completion installed in (.+)", r"Đã cài gợi ý lệnh cho \1 vào \2"),
        (
            r"Completion will take effect once you restart the terminal\.?",
            "Gợi ý lệnh có hiệu lực khi mở lại cửa sổ dòng lệnh.",
        ),
        (
            r"Shell (.+?) (?:is )?not supported\.?",
            r"Chưa hỗ trợ gợi ý lệnh cho trình dòng lệnh \1.",
        ),
    )
)


def _not_a_day(found: re.Match[str]) -> str:
    """click's "'31/02/2026' does not match the formats '%Y-%m-%d', '%d/%m/%Y'.": a day in
    the right form that does not exist is said to be so; else the forms it may take."""
    value = found["value"]
    formats = re.findall(r"'([^']*)'", found["formats"])
    if any(re.fullmatch(_format_pattern(f), value) for f in formats):
        what = "ngày" if any("%d" in f for f in formats) else "tháng"
        return f"{what} {value} không có thật"
    return f"'{value}' không phải ngày dạng {' hoặc '.join(map(_format_words, formats))}"


_FORMAT_PATTERNS = {"%Y": r"\d{4}", "%m": r"\d{1,2}", "%d": r"\d{1,2}", "%H": r"\d{1,2}"}
_FORMAT_WORDS = {"%Y": "YYYY", "%m": "MM", "%d": "DD", "%H": "HH", "%M": "MM", "%S": "SS"}


def _format_pattern(form: str) -> str:
    """A strptime form as a pattern of its shape: '%d/%m/%Y' -> digits/digits/digits."""
    parts = re.split(r"(%[A-Za-z])", form)
    return "".join(
        _FORMAT_PATTERNS.get(p, r"\d{2}") if p.startswith("%") and len(p) == 2 else re.escape(p)
        for p in parts
    )


def _format_words(form: str) -> str:
    """A strptime form as giaoban's help writes it: YYYY-MM-DD, dd/mm/yyyy."""
    words = re.sub(r"%[A-Za-z]", lambda m: _FORMAT_WORDS.get(m[0], m[0]), form)
    return words.lower() if "/" in form else words  # dd/mm/yyyy, as Vietnamese dates are


# Inside "Invalid value for ...": what is wrong with the value.
_REASONS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = tuple(
    (re.compile(english), vietnamese)
    for english, vietnamese in (
        (r"Value error, ", ""),
        (r"'(?P<value>[^']*)' does not match the formats? (?P<formats>'.*')\.", _not_a_day),
        (r"Input should be greater than or equal to (\S+)", r"phải lớn hơn hoặc bằng \1"),
        (r"Input should be less than or equal to (\S+)", r"phải nhỏ hơn hoặc bằng \1"),
        (r"Input should be greater than (\S+)", r"phải lớn hơn \1"),
        (r"Input should be less than (\S+)", r"phải nhỏ hơn \1"),
        (r"Input should be a valid integer.*", "phải là số nguyên"),
        (r"Input should be a valid number.*", "phải là số"),
        (r"Input should be a valid boolean.*", "phải là true hoặc false"),
        (r"(.+?) is not one of (.+)\.", r"\1 không phải một trong \2."),
        (r"(.+?) is not a valid integer( range)?\.", r"\1 không phải số nguyên."),
        (r"(.+?) is not a valid float( range)?\.", r"\1 không phải số."),
        (r"(.+?) is not in the range (.+)\.", r"\1 nằm ngoài khoảng \2."),
        (r"(.+?) is not a valid boolean\.", r"\1 không phải true/false."),
        # typer's path checks, "File" or "file" as the version writes it
        (r"(?i:file|path|directory) (.+?) does not exist\.", r"\1 không tồn tại."),
        (r"(?i:file|path) (.+?) is a directory\.", r"\1 là một thư mục, không phải tệp."),
        (r"(?i:directory|path) (.+?) is a file\.", r"\1 là một tệp, không phải thư mục."),
        (r"(?i:file|path|directory) (.+?) is not readable\.", r"không được đọc \1."),
        (r"(?i:file|path|directory) (.+?) is not writable\.", r"không được ghi vào \1."),
    )
)


def message(english: str) -> str:
    """A click or typer message in Vietnamese (as it was, when it is not a known one)."""
    for pattern, vietnamese in _MESSAGES:
        found = pattern.fullmatch(english.strip())
        if found:
            return _reasons(found.expand(vietnamese))
    return _reasons(english)


def _reasons(text: str) -> str:
    for pattern, vietnamese in _REASONS:
        text = pattern.sub(vietnamese, text)
    return text


def usage(line: str) -> str:
    """``Usage: giaoban week [OPTIONS]`` in Vietnamese."""
    return (
        line.replace("Usage:", "Cách dùng:", 1)
        .replace("[OPTIONS]", "[TÙY CHỌN]")
        .replace("COMMAND [ARGS]...", "LỆNH [ĐỐI SỐ]...")
    )


def usage_error(error: Any) -> tuple[str, int]:
    """What to print for a click ``UsageError`` (or any ``ClickException``), and the exit
    code: the usage line, where to find help, and the message."""
    lines = []
    ctx = getattr(error, "ctx", None)
    if ctx is not None:
        lines.append(usage(ctx.get_usage()))
        lines.append(f"Xem '{ctx.command_path} -h' để biết cách dùng.")
    lines.append(f"giaoban: lỗi: {message(error.format_message())}")
    return "\n".join(lines), int(getattr(error, "exit_code", 1))


ABORTED = "Đã hủy."
EXAMPLES_HEADING = "Ví dụ:"

# typer's help headings and notes (module constants of typer.rich_utils).
_HELP_WORDS = {
    "OPTIONS_PANEL_TITLE": "Tùy chọn",
    "ARGUMENTS_PANEL_TITLE": "Đối số",
    "COMMANDS_PANEL_TITLE": "Lệnh",
    "ERRORS_PANEL_TITLE": "Lỗi",
    "DEFAULT_STRING": "[mặc định: {}]",
    "REQUIRED_LONG_STRING": "[bắt buộc]",
    "ENVVAR_STRING": "[biến môi trường: {}]",
    "DEPRECATED_STRING": "(không dùng nữa) ",
    "ABORTED_TEXT": ABORTED,
    "RICH_HELP": "Xem [blue]'{command_path} {help_option}'[/] để biết cách dùng.",
}
HELP_OPTION = "Hiện hướng dẫn này rồi thoát."


def help_words() -> None:
    """Put typer's help headings in Vietnamese (before a help page is shown)."""
    # start-up: typer's help code loads only for a help page
    from typer import rich_utils

    for name, words in _HELP_WORDS.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, words)


def name_metavars(command: Any) -> None:
    """Give each option of ``command`` (and of its subcommands) a type column in
    Vietnamese: nothing for a flag, the choices for a choice, a word for the rest.

    Cosmetic, and typer's parameters differ between versions (its own type
    descriptor, or click's ``type``): a parameter this cannot read keeps typer's.
    """
    for sub in getattr(command, "commands", {}).values():
        name_metavars(sub)
    for param in getattr(command, "params", ()):
        with contextlib.suppress(Exception):
            if _is_argument(param):  # shown by its name, in usage lines and errors
                if param.metavar is None:
                    param.metavar = _ARGUMENTS.get(param.name, param.name.upper())
                # and its name says what it is: no Python type beside it ("<list[Path]>")
                param.display_type_rich = _no_type
            elif param.metavar is None:
                param.metavar = _metavar(param)


def _no_type(ctx: Any) -> None:
    return None


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument" or "Argument" in type(param).__name__


def _metavar(param: Any) -> str:
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    desc = getattr(param, "type_descriptor", None)
    if desc is not None:  # typer's own model
        choices, annotation = desc.choices, desc.annotation
        if desc.is_list:
            annotation = typing.get_args(annotation)[0]
        kind = getattr(annotation, "__name__", "")
    else:  # click's
        choices = getattr(param.type, "choices", None)
        kind = getattr(param.type, "name", "")
    if choices:  # spaced, so that a long list wraps between names, not inside one
        return " | ".join(str(getattr(c, "value", c)) for c in choices)
    return _TYPE_WORDS.get(kind.lower(), "GIÁ-TRỊ")


# Arguments by their name in the code -> as help and errors show them.
_ARGUMENTS = {
    "task_id": "MÃ-NHIỆM-VỤ",
    "new_deadline": "HẠN-MỚI",
    "notice_or_task": "MÃ",
    "item": "MÃ",
    "notice": "MÃ-THÔNG-BÁO",
    "text": "CHỮ",
    "phrase": "CỤM-TỪ-HẠN",
    "file": "TỆP",
    "paths": "ĐƯỜNG-DẪN",
    "folder": "THƯ-MỤC",
    "source": "NGUỒN",
    "target": "ĐÍCH",
}
# Typer's own options of the root command (shell completion).
ROOT_HELP = {
    "install_completion": "Cài gợi ý lệnh (phím Tab) cho trình dòng lệnh đang dùng.",
    "show_completion": "In mã gợi ý lệnh của trình dòng lệnh đang dùng, để chép hoặc tự cài.",
}

_TYPE_WORDS = {
    "int": "SỐ",
    "integer": "SỐ",
    "integer range": "SỐ",
    "float": "SỐ",
    "path": "ĐƯỜNG-DẪN",
    "directory": "THƯ-MỤC",
    "file": "TỆP",
    "str": "CHỮ",
    "text": "CHỮ",
    "datetime": "NGÀY",
}


def install_completion(ctx: Any, param: Any, value: Any) -> Any:
    """``--install-completion``: typer's installer, its messages in Vietnamese."""
    if not value or ctx.resilient_parsing:
        return value
    # start-up: typer's completion module, only when completion is being installed
    from typer.completion import install_callback

    out, code = io.StringIO(), 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            install_callback(ctx, param, value)
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 1
    for line in out.getvalue().splitlines():
        print(message(line), file=sys.stderr if code else sys.stdout)
    sys.exit(code)
