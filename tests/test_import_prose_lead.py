"""News reports written as prose: where their jobs start."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importing import imported

FIRST_LINE_ASKS = """\
Tại cuộc họp, đồng chí Phó Bí thư Thường trực Huyện ủy yêu cầu các Ban, Văn phòng Huyện ủy \
phối hợp, tham mưu tổ chức thành công Đại hội đại biểu Đảng bộ huyện lần thứ IX, nhiệm kỳ \
2020 - 2025; lãnh đạo triển khai thực hiện Nghị quyết Đại hội đảng bộ các cấp ngay sau khi \
kết thúc Đại hội.
Các phòng chuyên môn báo cáo kết quả trong tháng 9/2020.
"""

ASSIGNED = """\
THÔNG BÁO
Kết luận của Thường trực Huyện ủy

Đồng chí Phó Bí thư giao nhiệm vụ cho Ban Tuyên giáo Huyện ủy tham mưu đẩy mạnh tuyên truyền \
trong quý III năm 2020; Ban Tổ chức Huyện ủy tham mưu sắp xếp tổ chức bộ máy.
"""


def drafted(tmp_path: Path, text: str) -> list[dict]:
    return imported(tmp_path, text)[0]


def test_a_long_first_line_that_asks_for_work_stays_in_the_body(tmp_path: Path) -> None:
    # with no "THÔNG BÁO" heading the first line names the draft, but a long sentence
    # with a request is the first job too, not only the title
    tasks = drafted(tmp_path, FIRST_LINE_ASKS)
    assert [t["text"][:20] for t in tasks][:2] == ["Tại cuộc họp, đồng c", "lãnh đạo triển khai "]


def test_an_assignment_opens_the_jobs_of_a_prose_text(tmp_path: Path) -> None:
    # "giao nhiệm vụ cho X ..." asks for work as "đề nghị", "yêu cầu" do: each clause
    # after it is a job
    tasks = drafted(tmp_path, ASSIGNED)
    assert [t["text"][:24] for t in tasks] == [
        "Đồng chí Phó Bí thư giao",
        "Ban Tổ chức Huyện ủy tha",
    ]


def test_the_unit_given_a_job_is_its_owner(tmp_path: Path) -> None:
    # "giao nhiệm vụ cho Ban Tuyên giáo Huyện ủy tham mưu ...": the unit after the
    # assignment does the work, not the one who speaks
    tasks = drafted(tmp_path, ASSIGNED)
    assert tasks[0]["owners"] == ["Ban Tuyên giáo Huyện ủy"]


CARRIED = """\
THÔNG BÁO
Kết luận của Thường trực Huyện ủy

Đồng chí Bí thư yêu cầu Văn phòng Huyện ủy chuẩn bị hội trường. Ban Tổ chức Huyện ủy tham mưu \
củng cố tổ chức bộ máy; dự kiến các chức danh cán bộ ngay sau đại hội; Ban Dân vận Huyện ủy \
tham mưu đẩy mạnh công tác dân vận.
"""


def test_a_clause_naming_no_unit_goes_on_with_the_unit_before_it(tmp_path: Path) -> None:
    # "...; dự kiến các chức danh ..." has no subject: it is Ban Tổ chức's next job
    tasks = drafted(tmp_path, CARRIED)
    assert [t["owners"] for t in tasks] == [
        ["Văn phòng Huyện ủy"],
        ["Ban Tổ chức Huyện ủy"],
        ["Ban Tổ chức Huyện ủy"],
        ["Ban Dân vận Huyện ủy"],
    ]


SENT_ON = """\
THÔNG BÁO
Ý kiến chỉ đạo của Chủ tịch UBND huyện

Chủ tịch UBND huyện yêu cầu Phòng Tài chính - Kế hoạch rà soát các khoản chi thường xuyên \
của năm 2024. Hồ sơ gửi về Văn phòng HĐND và UBND huyện trước ngày 12/11/2024. Đề nghị Phòng \
Nội vụ tổng hợp số biên chế còn thiếu. Yêu cầu nộp về Sở Nội vụ chậm nhất ngày 20/11/2024.
"""


def test_a_sentence_that_only_sends_the_job_on_gives_it_its_deadline(tmp_path: Path) -> None:
    # "Hồ sơ gửi về ... trước ngày X", "Yêu cầu nộp về ... chậm nhất ngày X": where and by
    # when the job before is sent, no job of its own
    tasks = drafted(tmp_path, SENT_ON)
    assert [(t["owners"], t["deadline"]) for t in tasks] == [
        (["Phòng Tài chính - Kế hoạch"], "trước ngày 12/11/2024"),
        (["Phòng Nội vụ"], "chậm nhất ngày 20/11/2024"),
    ]


DIRECTED = """\
Hội nghị rà soát công tác chuẩn bị mùa mưa bão

Sau khi nghe các phòng báo cáo, bà Lê Thị Hoa chỉ đạo: Phòng Kinh tế phối hợp với Đội Quản \
lý trật tự đô thị kiểm tra các công trình đang thi công. Đối với các tuyến kênh, bà chỉ đạo \
các xã, thị trấn cần nạo vét, khơi thông dòng chảy.
"""

GIVEN = """\
Họp bàn về an toàn thực phẩm dịp cuối năm

Kết luận cuộc họp, đồng chí Trần Văn Nam, Phó Chủ tịch UBND huyện giao Phòng Y tế, Trung \
tâm Y tế huyện tăng cường kiểm tra các cơ sở kinh doanh; xử lý nghiêm các vi phạm. Giao Văn \
phòng HĐND và UBND huyện theo dõi, tổng hợp kết quả.
"""


def test_a_leaders_directions_open_the_jobs_and_the_leader_owns_none(tmp_path: Path) -> None:
    # "bà X chỉ đạo: ...": the jobs follow the colon, and the units she directs do them
    tasks = drafted(tmp_path, DIRECTED)
    assert [(t["text"][:20], t["owners"]) for t in tasks] == [
        ("Phòng Kinh tế phối h", ["Phòng Kinh tế"]),
        ("Đối với các tuyến kê", ["Các xã, thị trấn"]),
    ]


def test_a_bare_giao_after_the_speaker_opens_the_jobs_of_a_prose_text(tmp_path: Path) -> None:
    # "..., Phó Chủ tịch UBND huyện giao Phòng Y tế ...": work given without "đề nghị",
    # "yêu cầu"; each clause is a job, as after them
    tasks = drafted(tmp_path, GIVEN)
    assert [sorted(t["owners"]) for t in tasks] == [
        ["Phòng Y tế", "Trung tâm Y tế huyện"],
        ["Phòng Y tế", "Trung tâm Y tế huyện"],
        ["Văn phòng HĐND và UBND huyện"],
    ]


LISTED_BY_SEMICOLON = """\
Triển khai kế hoạch chuyển đổi số năm 2025

UBND tỉnh có ý kiến chỉ đạo như sau:
Giao các sở, ngành tỉnh; UBND các huyện, thị xã; Các đơn vị sự nghiệp trực thuộc tỉnh rà soát \
danh mục thủ tục hành chính cần số hóa. Giao Sở Thông tin và Truyền thông chủ trì hướng dẫn, \
tổng hợp kết quả; hoàn thành trước ngày 15/3/2025.
"""


def test_a_semicolon_after_a_unit_given_work_goes_on_with_the_list(tmp_path: Path) -> None:
    # "Giao A; B; C rà soát ...": one job for three owners, not three jobs
    tasks = drafted(tmp_path, LISTED_BY_SEMICOLON)
    assert sorted(tasks[0]["owners"]) == [
        "Các sở, ngành tỉnh",
        "Các đơn vị sự nghiệp trực thuộc tỉnh",
        "UBND các huyện, thị xã",
    ]
    assert len(tasks) == 2


def test_a_clause_that_only_says_when_the_job_is_done_gives_it_its_deadline(
    tmp_path: Path,
) -> None:
    # "...; hoàn thành trước ngày X": by when the job before is done, no job of its own
    tasks = drafted(tmp_path, LISTED_BY_SEMICOLON)
    assert tasks[1]["owners"] == ["Sở Thông tin và Truyền thông"]
    assert tasks[1]["deadline"] == "hoàn thành trước ngày 15/3/2025"
    assert tasks[1]["text"].endswith("tổng hợp kết quả; hoàn thành trước ngày 15/3/2025.")


GOES_ON = """\
Họp về công tác cán bộ

Chủ tịch UBND huyện yêu cầu Phòng Tài chính - Kế hoạch bố trí kinh phí. Đề nghị Phòng Nội vụ \
rà soát số biên chế còn thiếu. Đồng thời báo cáo kết quả về Văn phòng HĐND và UBND huyện trước \
ngày 20/11/2024.
"""


def test_a_sentence_opening_with_dong_thoi_goes_on_with_the_unit_before(tmp_path: Path) -> None:
    # "Đồng thời báo cáo ..." names no unit: the same unit's next job, with its own date
    tasks = drafted(tmp_path, GOES_ON)
    assert [(t["owners"], t.get("deadline")) for t in tasks] == [
        (["Phòng Tài chính - Kế hoạch"], None),
        (["Phòng Nội vụ"], None),
        (["Phòng Nội vụ"], "trước ngày 20/11/2024"),
    ]


URGENT_THEN_DATED = """\
Rà soát các dự án chậm tiến độ

Giám đốc Sở yêu cầu Phòng Kế hoạch khẩn trương kiểm tra, đôn đốc các dự án đang thi công theo \
đúng hồ sơ thiết kế và báo cáo kết quả về Giám đốc Sở trước ngày 15/8/2024.
"""

URGENT_AND_SENT = """\
Rà soát các dự án chậm tiến độ

Giám đốc Sở yêu cầu Phòng Kế hoạch khẩn trương kiểm tra, đôn đốc các dự án đang thi công theo \
đúng hồ sơ thiết kế và gửi báo cáo về Văn phòng Sở trước ngày 15/8/2024.
"""


def test_an_urgent_job_and_a_dated_job_in_one_sentence_are_two_jobs(tmp_path: Path) -> None:
    # "khẩn trương kiểm tra ... và báo cáo ... trước ngày X": the date closes the report only,
    # the first job keeps its urgency; "kiểm tra, đôn đốc" share their object, one job
    tasks = drafted(tmp_path, URGENT_THEN_DATED)
    assert [(t["owners"], t.get("deadline")) for t in tasks] == [
        (["Phòng Kế hoạch"], "khẩn trương"),
        (["Phòng Kế hoạch"], "trước ngày 15/8/2024"),
    ]
    assert tasks[0]["text"].endswith("theo đúng hồ sơ thiết kế")
    assert tasks[1]["text"].startswith("báo cáo kết quả về Giám đốc Sở")


@pytest.mark.parametrize(
    "text",
    [
        URGENT_AND_SENT,
        # "," chains the steps of one job: the report delivers the work checked
        URGENT_THEN_DATED.replace(" và báo cáo", ", báo cáo"),
    ],
)
def test_an_urgent_job_sent_on_or_reported_by_a_date_stays_one_job(
    tmp_path: Path, text: str
) -> None:
    # "... và gửi báo cáo về ... trước ngày X" only sends the job on: its date is the job's
    tasks = drafted(tmp_path, text)
    assert [(t["owners"], t.get("deadline")) for t in tasks] == [
        (["Phòng Kế hoạch"], "trước ngày 15/8/2024"),
    ]


LEAD_TIME = """\
Giao ban công tác tháng 3

Ngày 28/3/2024, UBND xã họp giao ban. Kết luận cuộc họp, Chủ tịch UBND xã yêu cầu các ban \
ngành tập trung thực hiện các nhiệm vụ trong tháng 4/2024 đó là làm tốt công tác phòng chống \
cháy rừng. Đẩy mạnh thu ngân sách trên địa bàn. Tổ chức tốt lễ giỗ Tổ trong các ngày lễ sắp tới.
"""


def test_the_time_of_the_jobs_a_lead_in_announces_carries_to_them(tmp_path: Path) -> None:
    # "... các nhiệm vụ trong tháng 4/2024 đó là ...": the lead-in's time is that of the jobs
    # after it that give none; "đó là" ends the lead-in as a colon does
    tasks = drafted(tmp_path, LEAD_TIME)
    assert [(t["text"][:16], t["owners"], t.get("deadline")) for t in tasks] == [
        ("làm tốt công tác", ["Các ban ngành"], "trong tháng 4/2024"),
        ("Đẩy mạnh thu ngâ", ["Các ban ngành"], "trong tháng 4/2024"),
        ("Tổ chức tốt lễ g", ["Các ban ngành"], "trong các ngày lễ sắp tới"),
    ]
