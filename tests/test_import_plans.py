"""What a clerk keeps of a plan: tasks, not goals, fields or general content.

A plan (Kế hoạch, Hướng dẫn) states its goals (Mục đích, yêu cầu), its
content, and in "Tổ chức thực hiện" who does what. The draft keeps as tasks
what assigns work or has a deadline; what it leaves out is kept as comments
at its end, and the summary says how many, so nothing of the text is lost.
A text with no item at all gives one task per paragraph, each to check.
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML
from typer.testing import CliRunner

from giaoban.cli.main import app
from giaoban.importer import draft_from_text
from giaoban.importer.yamltext import render_draft
from giaoban.model.units import Registry
from giaoban.store.loader import load_registry
from tests.importing import imported

HERE = Path(__file__).resolve().parent / "data" / "import"

PLAN = """\
UBND HUYỆN HIỆP HÒA
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
Số: 21/KH-PGDĐT
Hiệp Hòa, ngày 12 tháng 10 năm 2020
KẾ HOẠCH
Công tác pháp chế năm học 2020-2021

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của cán bộ, giáo viên về pháp luật.
2. Bảo đảm công tác pháp chế được thực hiện thường xuyên.
II. NỘI DUNG
1. Rà soát văn bản quy phạm pháp luật liên quan đến giáo dục.
2. Tổ chức tuyên truyền phổ biến pháp luật cho học sinh.
3. Báo cáo kết quả tự kiểm tra văn bản trước ngày 30/11/2020.
III. TỔ CHỨC THỰC HIỆN
1. Phòng GD&ĐT xây dựng kế hoạch, hướng dẫn các nhà trường thực hiện.
2. Các nhà trường căn cứ kế hoạch này xây dựng kế hoạch của đơn vị.
Nơi nhận:
- Các trường MN, TH, THCS;
- Lưu VT.
TRƯỞNG PHÒNG
Phạm Văn Hà
"""


def registry() -> Registry:
    return load_registry(HERE / "units.yaml", [])


def test_a_plan_keeps_the_work_it_assigns() -> None:
    draft = draft_from_text(PLAN, registry())
    assert [(t.item, t.text.split()[0]) for t in draft.tasks] == [
        ("II.3", "Báo"),  # content with a deadline of its own
        ("III.1", "Phòng"),
        ("III.2", "Các"),
    ]
    reasons = {item: why for item, _, why in draft.fields}
    assert reasons["I.1"] == reasons["I.2"] == "mục đích, yêu cầu"
    assert reasons["II.1"].startswith("nội dung chung, không có hạn")
    text = render_draft(draft)
    assert "# Các mục không lấy làm nhiệm vụ" in text
    assert "#   II.2 (nội dung chung" in text and "tuyên truyền phổ biến pháp luật" in text


def test_without_an_organisation_part_every_item_is_a_task() -> None:
    plain = PLAN.replace("III. TỔ CHỨC THỰC HIỆN", "III. CÔNG TÁC KHÁC")
    draft = draft_from_text(plain, registry())
    items = [t.item for t in draft.tasks]
    assert {"II.1", "II.2", "II.3", "III.1", "III.2"} <= set(items)
    assert not any(item.startswith("I.") for item in items)  # goals are never tasks


def test_a_parts_time_and_place_are_fields_and_its_time_its_deadline() -> None:
    text = """\
KẾ HOẠCH
Tổ chức Đại hội Chi đoàn năm học 2018-2019

1. Đối với các Chi đoàn lớp năm nhất:
- Thời gian tổ chức: từ ngày 15/10/2018 đến 24/11/2018.
- Địa điểm: Tại lớp học của các Chi đoàn.
- Ban Chấp hành lâm thời chuẩn bị văn kiện Đại hội.
- Chi đoàn bầu Ban Chấp hành nhiệm kỳ 2018-2019.
"""
    draft = draft_from_text(text, registry())
    assert [why for *_, why in draft.fields] == ["một thông tin 'nhãn: giá trị'"] * 2
    assert len(draft.tasks) == 2
    for task in draft.tasks:
        assert task.deadline == "từ ngày 15/10/2018 đến 24/11/2018"
        assert any("đã lấy thời gian của phần" in n for n in task.checks["deadline"])


def test_a_text_without_items_gives_one_task_per_paragraph_to_check() -> None:
    # no mark, and no request nor assignment to start the jobs of a prose text from
    text = (
        "Ngày 05/9/2024, UBND huyện ban hành Công văn số 412/UBND-VX về năm học mới.\n"
        "Các trường rà soát hồ sơ học sinh, gửi Phòng Giáo dục trước ngày 10/9/2024.\n"
        "Phòng Giáo dục tổng hợp danh sách, báo cáo UBND huyện trước ngày 15/9/2024.\n"
    )
    draft = draft_from_text(text, registry())
    assert draft.tasks, "never an empty draft in silence"
    assert draft.checks["tasks"] and "không thấy mục đánh số" in draft.checks["tasks"][0]
    assert all("có phải nhiệm vụ?" in " ".join(t.checks["item"]) for t in draft.tasks)
    assert "# kiểm tra: không thấy mục đánh số" in render_draft(draft)


def test_escaped_line_breaks_of_a_page_source_are_line_breaks() -> None:
    page = (
        "\\r\\n THÔNG BÁO\\r\\n Về việc tổ chức giải bóng đá\\r\\n như sau:\\r\\n"
        " - Các Công đoàn Bộ phận đăng ký danh sách chậm nhất ngày 26/3/2012.\\r\\n"
        " - Ban Văn thể họp bốc thăm vào 14 giờ ngày 28/3/2012.\\r\\n"
    )
    draft = draft_from_text(page, registry())
    assert [t.deadline for t in draft.tasks] == [
        "chậm nhất ngày 26/3/2012",
        "vào 14 giờ ngày 28/3/2012",
    ]
    assert not any("\\r" in t.text for t in draft.tasks)


def test_the_summary_counts_what_was_left_out(tmp_path: Path) -> None:
    source = tmp_path / "kh.txt"
    source.write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(source), "-o", str(tmp_path / "kh.yaml")])
    assert result.exit_code == 0, result.output
    assert "3 nhiệm vụ" in result.stderr
    assert "4 mục không lấy làm nhiệm vụ (ghi chú cuối bản nháp)" in result.stderr


INVITATION = """\
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
Số: 458/PGDĐT
Hiệp Hòa, ngày 12 tháng 10 năm 2020
THÔNG BÁO
Về việc tổ chức hội nghị trực tuyến công tác văn phòng

1. Nội dung: Triển khai công tác văn thư, thi đua khen thưởng năm học 2020-2021.
2. Thời gian tổ chức: 7 giờ 30 phút, ngày 14 tháng 10 năm 2020 (thứ Tư).
3. Địa điểm: Tại điểm cầu trường THCS Thị trấn Thắng và trường THPT số 1 Hiệp Hòa, \
huyện Hiệp Hòa, tỉnh Bắc Giang, đại biểu có mặt trước giờ khai mạc 15 phút để ổn định tổ chức.
4. Thành phần:
4.1. Lãnh đạo, chuyên viên Phòng GD&ĐT.
4.2. Tại điểm cầu trường THCS Thị Trấn Thắng: Hiệu trưởng các trường mầm non, tiểu học.
5. Yêu cầu và tiến độ thực hiện:
5.1. Trường THCS Thị trấn Thắng chuẩn bị phòng họp, hoàn thành trước ngày 13/10/2020.
6. Thời gian thực hiện: từ ngày 14/10/2020 đến ngày 30/10/2020.
"""


def test_an_invitations_facts_are_not_tasks() -> None:
    draft = draft_from_text(INVITATION, registry())
    items = [t.item for t in draft.tasks]
    # the time to do the work is tracked; the time and place of the event are not
    assert "6" in items and "2" not in items and "3" not in items
    assert "5.1" in items  # "Yêu cầu và tiến độ ..." is no goals part
    reasons = {item: why for item, _, why in draft.fields}
    assert reasons["3"] == "một thông tin 'nhãn: giá trị'"  # a long place is still a place
    assert reasons["4.1"] == reasons["4.2"] == "thông tin: thành phần, địa điểm, đối tượng..."


def test_letters_with_a_comma_are_item_marks() -> None:
    text = (HERE.parent / "import" / "fresh" / "congdoan-cdcntn-TB-giaiTDTT-2012.txt").read_text(
        encoding="utf-8"
    )
    items = [t.item for t in draft_from_text(text, registry()).tasks]
    assert items[:2] == ["I.a", "I.b"]  # "a," and "b," open items, as "a)" does


def test_a_list_of_things_is_not_a_list_of_tasks() -> None:
    text = """\
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO
Số: 459/PGDĐT
Hiệp Hòa, ngày 12 tháng 10 năm 2020
CÔNG VĂN
V/v Viết tin, bài chào mừng ngày Nhà giáo Việt Nam 20/11/2020

1. Định hướng chủ đề tập trung vào các nội dung:
- Công tác tham mưu, chỉ đạo và tổ chức thực hiện các nhiệm vụ giáo dục tại đơn vị.
- Những giải pháp, kinh nghiệm thực tiễn trong thực hiện chương trình giáo dục phổ thông.
- Công tác chủ nhiệm lớp; kỹ năng, phương pháp tổ chức hoạt động trải nghiệm.
2. Tổ chức thực hiện:
- Tổ chức phát động trong toàn thể cán bộ, giáo viên tham gia viết bài.
- Mỗi đơn vị chọn ít nhất 01 bài viết nộp về Phòng GD&ĐT trước ngày 26/10/2020.
"""
    draft = draft_from_text(text, registry())
    assert [t.item for t in draft.tasks] == ["2.1", "2.2"]
    assert [why for *_, why in draft.fields] == ["một ý trong danh sách liệt kê"] * 3


TRAINING = """\
ĐOÀN TNCS HỒ CHÍ MINH
BCH ĐOÀN KHỐI CÁC CƠ QUAN
Số: 12/TB-ĐK
Hà Nội, ngày 05 tháng 3 năm 2024
THÔNG BÁO
Về việc tập huấn nghiệp vụ công tác Đoàn năm 2024

1. Nội dung tập huấn gồm:
- Công tác tuyên truyền, giáo dục chính trị tư tưởng đáp ứng yêu cầu nhiệm vụ mới.
- Kỹ năng tổ chức sinh hoạt chi đoàn theo chủ đề.
- Những kinh nghiệm quản lý đoàn viên trên phần mềm.
- Việc thu, nộp và quản lý đoàn phí.
2. Công tác chuẩn bị:
- Các chi đoàn cử 02 đồng chí tham dự, gửi danh sách trước ngày 10/3/2024.
- Văn phòng Đoàn Khối chuẩn bị hội trường và tài liệu.
"""


def test_a_list_of_topics_with_one_odd_entry_is_still_a_list() -> None:
    # three of four entries open with a noun; "đáp ứng yêu cầu" asks nothing of anyone
    draft = draft_from_text(TRAINING, registry())
    assert [t.item for t in draft.tasks] == ["2.1", "2.2"]
    assert [item for item, _, why in draft.fields if why == "một ý trong danh sách liệt kê"] == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
    ]


def test_entries_that_name_who_acts_are_tasks_not_a_list() -> None:
    text = TRAINING.replace(
        "- Việc thu, nộp và quản lý đoàn phí.",
        "- Các chi đoàn đăng ký chủ đề sinh hoạt với Văn phòng.",
    )
    draft = draft_from_text(text, registry())
    assert [t.item for t in draft.tasks][:4] == ["1.1", "1.2", "1.3", "1.4"]


DUTIES = """\
UBND TỈNH AN GIANG
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH
Số: 35/KH-SVHTTDL
An Giang, ngày 02 tháng 4 năm 2024
KẾ HOẠCH
Tổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2024

I. MỤC ĐÍCH, YÊU CẦU
1. Khơi dậy phong trào đọc sách trong cộng đồng.
II. TỔ CHỨC THỰC HIỆN
1. Trung tâm Văn hóa tỉnh
- Chủ trì tổ chức các hoạt động hưởng ứng tại trụ sở.
- Trưng bày sách chuyên đề, hoàn thành trước ngày 15/4/2024.
- Phối hợp với các trường học tổ chức đọc sách cho học sinh.
2. Phòng Văn hóa - Thông tin các huyện
- Tuyên truyền về Ngày Sách trên hệ thống truyền thanh cơ sở.
- Báo cáo kết quả về Sở trước ngày 25/4/2024.
3. Các trường học
- Tổ chức tiết đọc sách tại thư viện trường.
- Khuyến khích học sinh quyên góp sách cho thư viện.
"""


def test_a_units_undated_duties_beside_dated_ones_are_standing_duties() -> None:
    draft = draft_from_text(DUTIES, registry())
    # under each unit, the dated duty is tracked; where none of a unit's
    # duties is dated, all stay tasks: nothing says which of them the clerk follows
    assert [t.item for t in draft.tasks] == ["II.1.2", "II.2.2", "II.3.1", "II.3.2"]
    standing = [item for item, _, why in draft.fields if why.startswith("việc thường xuyên")]
    assert standing == ["II.1.1", "II.1.3", "II.2.1"]


def test_outside_a_plans_organisation_part_undated_bullets_stay_tasks() -> None:
    text = DUTIES.replace("II. TỔ CHỨC THỰC HIỆN", "II. NHIỆM VỤ CỤ THỂ").replace(
        "I. MỤC ĐÍCH, YÊU CẦU\\n1. Khơi dậy phong trào đọc sách trong cộng đồng.\\n", ""
    )
    draft = draft_from_text(text, registry())
    assert "II.1.1" in [t.item for t in draft.tasks]


CONTEST = """\
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN LỤC NAM
Số: 88/KH-PGDĐT
Lục Nam, ngày 15 tháng 9 năm 2023
KẾ HOẠCH
Cuộc thi "Em yêu sách" năm học 2023-2024

1. Đối tượng: học sinh tiểu học.
2. Địa điểm nhận bài dự thi: Báo Thiếu niên Tiền phong, số 5 Hòa Mã, Hà Nội.
3. Thời gian nộp bài: các trường nộp bài dự thi trước ngày 30/11/2023.
4. Kinh phí
4.1. Kinh phí tổ chức cuộc thi được bố trí trong dự toán chi thường xuyên hằng năm của nhà trường.
"""


def test_a_place_naming_a_unit_and_a_yearly_budget_are_no_tasks() -> None:
    draft = draft_from_text(CONTEST, registry())
    assert [t.item for t in draft.tasks] == ["3"]
    reasons = {item: why for item, _, why in draft.fields}
    assert reasons["2"] == "một thông tin 'nhãn: giá trị'"  # a long place label, a newspaper
    assert reasons["4.1"] == "thông tin: thành phần, địa điểm, đối tượng..."  # "hằng năm"


STEPS_TO_A_REPORT = """\
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN TÂN YÊN
Số: 301/PGDĐT
Tân Yên, ngày 02 tháng 10 năm 2023
V/v Báo cáo thống kê kỳ đầu năm học 2023-2024

Kính gửi: Hiệu trưởng các trường Mầm non, Tiểu học, THCS.
1. Cách thực hiện báo cáo
- Đăng nhập phần mềm cơ sở dữ liệu ngành bằng tài khoản của trường.
- Chuyển hồ sơ học sinh lên năm học mới.
- Kiểm tra, cập nhật đầy đủ thông tin học sinh, giáo viên.
- Duyệt và gửi báo cáo lên hệ thống trước ngày 20/10/2023.
2. Hồ sơ gửi kèm
- Các trường gửi bản giấy báo cáo có chữ ký, đóng dấu về Phòng.
- Các trường lưu hồ sơ tại đơn vị.
- Các trường nộp bản mềm qua thư điện tử trước ngày 22/10/2023.
"""


def test_undated_steps_before_a_dated_last_step_are_its_steps() -> None:
    draft = draft_from_text(STEPS_TO_A_REPORT, registry())
    items = [t.item for t in draft.tasks]
    assert items[0] == "1.4"  # the dated step is the job
    steps = [item for item, _, why in draft.fields if why.startswith("một bước")]
    assert steps == ["1.1", "1.2", "1.3"]
    # each item of part 2 names who acts: all stay tasks
    assert items[1:] == ["2.1", "2.2", "2.3"]


TOURNAMENT = """\
CÔNG ĐOÀN TRƯỜNG THPT NGUYỄN TRÃI
THÔNG BÁO
Về việc tổ chức giải cờ vua năm 2024

I. Thời gian và thủ tục:
a) Đăng ký: Các tổ công đoàn gửi danh sách vận động viên về Ban Văn thể trước ngày 05/3/2024.
b) Thời gian dự kiến tổ chức thi đấu: 18/03 đến 22/03/2024
c) Tổ chức bốc thăm xếp cặp: 15h30, ngày 12/03/2024 tại phòng họp nhà trường.
II. Địa điểm:
1. Phòng họp: Tầng 2 nhà A, số 12/3 đường Lê Lợi.
"""


def test_the_time_after_a_label_is_the_deadline_of_what_it_labels(tmp_path: Path) -> None:
    # "Tổ chức bốc thăm: 15h30, ngày 12/03/2024": an activity and its time, a task;
    # a place's house number ("số 12/3") is no date
    tasks = imported(tmp_path, TOURNAMENT, "tb.txt")[0]
    assert [(t["item"], t.get("deadline")) for t in tasks] == [
        ("I.a", "trước ngày 05/3/2024"),
        ("I.b", "18/03 đến 22/03/2024"),
        ("I.c", "15h30, ngày 12/03/2024"),
    ]


DOSSIER = """\
BCH ĐOÀN TRƯỜNG ĐẠI HỌC THỦY LỢI
THÔNG BÁO
Về việc quyết toán kinh phí hoạt động hè năm 2024

  • Ngày 05/8/2024, Đoàn trường chuyển kinh phí hoạt động hè về các đoàn khoa.
  • Các đoàn khoa chi kinh phí theo dự toán đã duyệt.

Chậm nhất ngày 30/8/2024, các đoàn khoa nộp hồ sơ quyết toán về Văn phòng Đoàn trường. \
Hồ sơ bao gồm:

  • Danh sách ký nhận tiền của các chi đoàn.
  • Biên bản họp BCH đoàn khoa về việc chi kinh phí.
  • Đối với khoản chưa chi hết, BCH đoàn khoa báo cáo Đoàn trường hướng xử lý.
"""


def test_the_documents_a_dossier_holds_are_not_tasks(tmp_path: Path) -> None:
    # after "Hồ sơ bao gồm:", bullets naming a document are its parts; one that asks
    # a unit for work is still a task
    source = tmp_path / "tb.txt"
    source.write_text(DOSSIER, encoding="utf-8")
    result = CliRunner().invoke(app, ["import", str(source), "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    texts = [t["text"] for t in YAML(typ="safe").load(result.stdout)["tasks"]]
    assert not any(t.startswith(("Danh sách ký nhận", "Biên bản họp")) for t in texts)
    assert any(t.startswith("Đối với khoản chưa chi hết") for t in texts)
    assert any(t.startswith("Chậm nhất ngày 30/8/2024") for t in texts)
    assert "Danh sách ký nhận tiền của các chi đoàn." in result.stdout  # kept as a comment


SCHEDULE = """\
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN YÊN DŨNG
KẾ HOẠCH
Kiểm tra nội bộ trường học năm học 2024-2025

I. Lịch kiểm tra
1. Các trường tự kiểm tra hồ sơ chuyên môn.
- Tháng 10 năm 2024, gồm:
Các trường mầm non: Tân Liễu, Nham Sơn
- Tháng 11 năm 2024, gồm:
Các trường tiểu học: Lãng Sơn, Trí Yên
2. Các trường gửi báo cáo về Phòng GD&ĐT trước ngày 15/12/2024.
"""


def test_sub_items_that_only_time_an_item_carry_its_job(tmp_path: Path) -> None:
    # "- Tháng 10 năm 2024, gồm: ..." says when, not what: the task says both
    tasks = imported(tmp_path, SCHEDULE, "kh.txt")[0]
    slots = [t for t in tasks if t["item"].startswith("I.1.")]
    assert [(t["item"], t["deadline"]) for t in slots] == [
        ("I.1.1", "Tháng 10 năm 2024"),
        ("I.1.2", "Tháng 11 năm 2024"),
    ]
    assert all(" ".join(t["text"].split()).startswith("Các trường tự kiểm tra") for t in slots)
    assert " ".join(slots[0]["text"].split()).endswith("Các trường mầm non: Tân Liễu, Nham Sơn")
