"""``giaoban init``: a new ledger folder, its git repository and its pre-commit hook.

Creates (never overwrites) ``data/units.yaml`` (an empty registry with a
commented example), ``data/settings.yaml`` (every key, commented in
Vietnamese), the ignore lines for the lock and temporary files, runs
``git init`` when the folder is not in a work tree yet, and installs a
pre-commit hook that runs ``giaoban check`` on the staged data files, so an
invalid file cannot be committed.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from giaoban.edit.newnotice import render_flow_list, render_scalar
from giaoban.edit.transaction import LOCK_FILE, ensure_committable
from giaoban.history import git
from giaoban.history.story import init_message
from giaoban.model.timezone import DEFAULT_TZ
from giaoban.store.files import STAGING_PREFIX, FileExistsGiaobanError, write_atomic
from giaoban.store.loader import REGISTRY_FILE, SETTINGS_FILE

HOOK_MARK = "giaoban pre-commit hook"
_HOOK_CALL = "check_data "  # a hook line checking one data folder
IGNORE_LINES = (LOCK_FILE, f"{STAGING_PREFIX}*/")

UNITS_TEXT = """\
# Danh mục đơn vị (giaoban): các ban, đơn vị được giao nhiệm vụ, và các nhóm.
# Tên được so khớp không phân biệt hoa thường, dấu và khoảng trắng, nên
# "van phong trung uong doan", "VP" và "Văn phòng TW Đoàn" cùng chỉ một đơn vị.
# Xem docs/format.md. Ví dụ:
#
# units:
#   - name: Văn phòng Trung ương Đoàn          # tên đầy đủ (bắt buộc, không trùng)
#     short: [VP]                              # tên viết tắt
#     aliases: [Văn phòng TW Đoàn]             # các cách gọi khác trong thông báo
# groups:
#   - name: Các ban, đơn vị khối phong trào    # một tên thay cho nhiều đơn vị
#     members: [Văn phòng Trung ương Đoàn]
units: []
groups: []
"""


@dataclass(frozen=True)
class InitOptions:
    office: str | None = None
    timezone: str = DEFAULT_TZ
    week_cutoff: str = "thứ 6 14:00"
    strict_before: bool = False
    days_off: tuple[date, ...] = ()
    commit: bool = True


@dataclass
class InitReport:
    """What ``init_ledger`` did; paths it made and paths it found already there."""

    root: Path
    data_dir: Path
    created: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    changed: list[Path] = field(default_factory=list)  # existing files given lines (not committed)
    git_initialised: bool = False
    repo: Path | None = None
    hook: Path | None = None
    hook_kept: bool = False  # a hook that is not giaoban's: left alone, this ledger unguarded
    # core.hooksPath outside the repository: left alone, this ledger unguarded; the
    # repository's own hooks folder, which core.hooksPath set here would make the one run
    hooks_shared: Path | None = None
    hook_folders: tuple[str, ...] = ()  # the data folders the hook checks, this one among them
    ci: Path | None = None  # the pipeline file (created, or kept when it was there)
    commit: git.CommitOutcome | None = None


def settings_text(options: InitOptions) -> str:
    """``settings.yaml`` with every key and a Vietnamese comment on each."""
    rows = [
        ("office", options.office, "tên cơ quan, in ở đầu báo cáo"),
        ("timezone", options.timezone, "múi giờ của các hạn và của thời điểm hiện tại"),
        ("week_cutoff", options.week_cutoff, "hạn nộp báo cáo tuần (thứ, giờ)"),
        ("strict_before", options.strict_before, 'true: "trước ngày X" thì ngày X đã là trễ'),
        ("days_off", list(options.days_off), "ngày nghỉ riêng của cơ quan, YYYY-MM-DD"),
        ("commit", options.commit, "tự commit mỗi thay đổi khi dữ liệu nằm trong git"),
    ]
    values = [
        (k, render_flow_list(v) if isinstance(v, list) else ("" if v is None else render_scalar(v)))
        for k, v, _ in rows
    ]
    width = max(len(f"{k}: {v}") for k, v in values) + 2
    head = "# Cài đặt của văn phòng (giaoban). Mọi khóa đều tùy chọn; xem docs/format.md.\n"
    body = "".join(
        f"{f'{k}: {v}'.rstrip():<{width}}# {comment}\n"
        for (k, v), (_, _, comment) in zip(values, rows, strict=True)
    )
    return head + body


def hook_text(data_rels: Sequence[str], python: str) -> str:
    """The pre-commit hook: ``giaoban check`` on the staged versions of the data files
    of each data folder in ``data_rels`` (paths in the work tree: every ledger the
    repository holds, each checked with its own registry and settings).

    It exports the staged files (and the registry and settings) to a temporary
    folder, so it checks what will be committed, not the working tree (the folders
    ``ledgers:`` lists are looked for from the data folder in the work tree); and it
    finds giaoban without an activated virtual environment (``python`` is the
    interpreter giaoban was installed in; ``giaoban`` on PATH otherwise). A data
    folder inside another is left out of the outer one's check.
    """
    refused = (
        "giaoban: commit bị từ chối vì dữ liệu không hợp lệ (xem lỗi ở trên). "
        "Sửa rồi commit lại; bỏ qua một lần: git commit --no-verify"
    )
    missing = (
        "giaoban: không tìm thấy giaoban để kiểm tra dữ liệu; "
        "hãy cài giaoban, hoặc bỏ qua một lần: git commit --no-verify"
    )
    calls = []
    for rel in data_rels:
        inner = [o for o in data_rels if o != rel and (rel == "." or o.startswith(f"{rel}/"))]
        words = [rel, *(f":(exclude){o}" for o in inner)]
        calls.append(f"{_HOOK_CALL}{shlex.join(words)} || failed=1")
    return f"""#!/bin/sh
# {HOOK_MARK} (written by `giaoban init`): refuses a commit whose staged
# data files are invalid, using `giaoban check`. Skip once: git commit --no-verify
# One line 'check_data FOLDER' per data folder (ledger) of this repository.
PYTHON={shlex.quote(python)}
if [ -x "$PYTHON" ] && "$PYTHON" -c "import giaoban" >/dev/null 2>&1; then
    giaoban() {{ "$PYTHON" -m giaoban "$@"; }}
elif ! command -v giaoban >/dev/null 2>&1; then
    echo {shlex.quote(missing)} >&2
    exit 1
fi
check_data() (  # check_data DATA [PATHSPEC...]: the staged notices of one data folder
    DATA=$1
    files=$(git -c core.quotepath=off diff --cached --name-only --diff-filter=ACMR -- "$@" \\
        | grep -E '\\.yaml$')
    [ -n "$files" ] || exit 0
    tmp=$(mktemp -d 2>/dev/null || mktemp -d -t giaoban) || exit 1
    trap 'rm -rf "$tmp"' EXIT
    printf '%s\\n' "$files" "$DATA/{REGISTRY_FILE}" "$DATA/{SETTINGS_FILE}" \\
        | git checkout-index -q --stdin --prefix="$tmp/"
    real=$(pwd)/$DATA  # the folders 'ledgers:' lists are counted from the real one
    cd "$tmp" || exit 1
    set -- giaoban check --data "$DATA" --ledgers-from "$real"
    while IFS= read -r f; do
        set -- "$@" "$f"
    done <<EOF
$files
EOF
    "$@"
)
failed=0
{chr(10).join(calls)}
if [ "$failed" != 0 ]; then
    echo {shlex.quote(refused)} >&2
    exit 1
fi
"""


def hook_folders(text: str) -> list[str]:
    """The data folders a hook of giaoban's checks: its 'check_data' lines, or the one
    'DATA=' of a hook written before a hook checked several."""
    found = []
    for line in text.splitlines():
        if line.startswith((_HOOK_CALL, "DATA=")):
            words = shlex.split(line.removeprefix("DATA=").removeprefix(_HOOK_CALL))
            if words:
                found.append(words[0])
    return found


# --- CI: the shared repository rejects invalid notices ---------------------------------------

CI_FILES = {"gitlab": ".gitlab-ci.yml", "github": ".github/workflows/giaoban-check.yml"}
DEFAULT_PACKAGE = "giaoban"

_CI_HEAD = """\
# giaoban: kiểm tra sổ giao ban (giaoban check) ở mỗi lần push và mỗi {request},
# để kho chung không nhận tệp thông báo sai. Tệp do `giaoban init --ci {provider}` viết.
#
# GIAOBAN_PACKAGE là gói giaoban mà pip cài (mọi cách viết của pip đều được).
# giaoban chưa có trên PyPI: hãy trỏ tới bản của cơ quan, ví dụ
#   giaoban @ git+https://git.co-quan.vn/van-phong/giaoban.git@v0.1.0
# hoặc một tệp .whl trên máy chủ nội bộ.
{override}
"""


def ci_text(provider: str, data_rel: str, package: str = DEFAULT_PACKAGE) -> str:
    """The pipeline file of ``provider`` (``gitlab`` or ``github``) that runs
    ``giaoban check`` on the data folder ``data_rel`` on every push and merge request."""
    check = shlex.join(["giaoban", "check", data_rel or "."])
    if provider == "gitlab":
        override = "# Biến cùng tên đặt trong Settings > CI/CD > Variables được ưu tiên."
        head = _CI_HEAD.format(request="merge request", provider=provider, override=override)
        return head + _GITLAB.format(package=json.dumps(package, ensure_ascii=False), check=check)
    if provider == "github":
        override = (
            "# Biến GIAOBAN_PACKAGE trong Settings > Secrets and variables > Actions >\n"
            "# Variables được ưu tiên. Gitea Actions cũng đọc được tệp này."
        )
        head = _CI_HEAD.format(request="pull request", provider=provider, override=override)
        expression = "${{ vars.GIAOBAN_PACKAGE || '" + package.replace("'", "''") + "' }}"
        package_value = json.dumps(expression, ensure_ascii=False)
        return head + _GITHUB.format(package=package_value, check=check)
    raise ValueError(f"unknown CI provider {provider!r}")


_GITLAB = """\
variables:
  GIAOBAN_PACKAGE: {package}

workflow:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS
      when: never
    - if: $CI_COMMIT_BRANCH

giaoban-check:
  image: python:3.11
  script:
    - pip install --quiet "$GIAOBAN_PACKAGE"
    - {check}
"""

_GITHUB = """\
name: giaoban check
on:
  push:
  pull_request:
jobs:
  check:
    runs-on: ubuntu-latest
    env:
      GIAOBAN_PACKAGE: {package}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install --quiet "$GIAOBAN_PACKAGE"
      - run: {check}
"""


def _write_ci(repo: Path, data_dir: Path, provider: str, package: str, report: InitReport) -> None:
    path = repo / CI_FILES[provider]
    data_rel = data_dir.resolve().relative_to(repo.resolve()).as_posix()
    path.parent.mkdir(parents=True, exist_ok=True)
    _create(path, ci_text(provider, "" if data_rel == "." else data_rel, package), report)
    report.ci = path


def _create(path: Path, text: str, report: InitReport) -> None:
    try:
        write_atomic(path, text.encode("utf-8"), exclusive=True)
    except FileExistsGiaobanError:
        report.kept.append(path)
        return
    report.created.append(path)


def _ignore(root: Path, report: InitReport) -> None:
    """Add the lock and temporary-folder patterns to ``.gitignore``.

    An existing ``.gitignore`` is changed but not committed: it may hold the
    user's own uncommitted lines.
    """
    path = root / ".gitignore"
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    missing = [line for line in IGNORE_LINES if line not in old.splitlines()]
    if not missing:
        return
    sep = "" if not old or old.endswith("\n") else "\n"
    new = old + sep + "# giaoban: khóa và tệp tạm\n" + "".join(f"{m}\n" for m in missing)
    write_atomic(path, new.encode("utf-8"))
    (report.changed if old else report.created).append(path)


def _install_hook(repo: Path, data_dir: Path, python: str, report: InitReport) -> None:
    """Install (or extend) the hook in the repository's hooks folder. Nothing is written
    outside the repository: a ``core.hooksPath`` elsewhere (a folder the user's other
    repositories share) is left alone, as a hook that is not giaoban's is."""
    found = git.hooks_of(repo)
    if found is None:
        return
    hooks = found.folder
    hook = hooks / "pre-commit"
    report.hook = hook
    if found.shared:
        report.hooks_shared = found.own
        return
    old = hook.read_text(encoding="utf-8", errors="replace") if hook.exists() else ""
    if old and HOOK_MARK not in old:
        report.hook_kept = True
        return
    data_rel = data_dir.resolve().relative_to(repo.resolve()).as_posix() or "."
    # the ledgers the hook already guards stay guarded (one repository, several ledgers)
    folders = list(dict.fromkeys([*hook_folders(old), data_rel]))
    report.hook_folders = tuple(folders)
    hooks.mkdir(parents=True, exist_ok=True)
    write_atomic(hook, hook_text(folders, python).encode("utf-8"))
    hook.chmod(0o755)


def init_ledger(
    root: Path,
    options: InitOptions,
    python: str,
    data_name: str = "data",
    commit_now: bool = True,
    ci: str | None = None,
    ci_package: str = DEFAULT_PACKAGE,
) -> InitReport:
    """Set up a ledger in ``root``: data folder, git repository, hook, first commit.

    Args:
        root: the folder (created when missing).
        options: the settings to write.
        python: the interpreter the hook runs giaoban with (``sys.executable``).
        data_name: the data folder's name under ``root``.
        commit_now: commit the files made (``--no-commit`` turns it off; the
            ``commit`` setting written is ``options.commit``).
        ci: also write the pipeline file of this provider (a key of ``CI_FILES``) at the
            top of the work tree; ``ci_package`` is what it installs with pip.
    """
    data_dir = root / data_name
    if commit_now and options.commit:
        _refuse_dishonest_commit(root, data_dir, ci)
    report = InitReport(root, data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    _create(data_dir / REGISTRY_FILE, UNITS_TEXT, report)
    _create(data_dir / SETTINGS_FILE, settings_text(options), report)
    _ignore(root, report)
    repo = git.work_tree(root)
    if repo is None:
        result = git.init_repo(root)
        report.git_initialised = bool(result and result.ok)
        repo = git.work_tree(root)
    report.repo = repo
    if repo is None:
        return report
    _install_hook(repo, data_dir, Path(python).as_posix(), report)
    if ci is not None:
        _write_ci(repo, data_dir, ci, ci_package, report)
    if commit_now and options.commit and report.created:
        report.commit = _first_commit(repo, report.created, options.office)
    return report


def _refuse_dishonest_commit(root: Path, data_dir: Path, ci: str | None) -> None:
    """Before anything is written: refuse, as every edit does (``ensure_committable``),
    when the files ``init`` would create and commit cannot be committed alone, honestly,
    now (a detached HEAD, a stopped rebase or merge, a lock; a path deleted but not
    committed, or ignored). Files already there are kept and not committed; a folder in no
    repository gets a new one, where nothing can be lost."""
    top = git.work_tree(next(p for p in (root, *root.resolve().parents) if p.is_dir()))
    if top is None:
        return
    planned = [data_dir / REGISTRY_FILE, data_dir / SETTINGS_FILE, root / ".gitignore"]
    if ci is not None:
        planned.append(top / CI_FILES[ci])
    for path in planned:
        if not path.exists():
            ensure_committable(path, commit=True)


def _first_commit(repo: Path, paths: Sequence[Path], office: str | None) -> git.CommitOutcome:
    message = init_message(office).text()
    result = git.commit_files(repo, list(paths), message)
    if result.ok:
        return git.CommitOutcome(True, git.head_commit(repo))
    return git.CommitOutcome(False, problem=git.explain_failure(result, repo, paths, message))
