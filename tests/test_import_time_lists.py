"""A notice's requests with their "Thời gian thực hiện:" list (QA 11a, 07).

The real notice of the Đoàn trường ĐH Vinh (2020): a request, then "Thời gian thực
hiện:" with two bullets giving its time, then a second request. The requests are the
tasks; the bullets are the time of the first, not tasks; nothing of it vanishes.
"""

from __future__ import annotations

from datetime import date

from giaoban.deadline import DeadlineSettings
from giaoban.importer.deadlines import find_deadlines

# http://vinhuni.edu.vn/hoc-sinh-sinh-vien-hoc-vien/doan-hoi/seo/thuc-hien-dong-phuc-ao-thanh-
# nien-viet-nam-thu-hai-dau-tuan-va-trong-tuan-cao-diem-263-96300
VINH = """\
Thực hiện đồng phục áo thanh niên Việt Nam thứ Hai đầu tuần và trong tuần cao điểm 26/3

Ban Thường vụ Đoàn trường đề nghị Ban Chấp hành các Đoàn Viện, liên chi đoàn, chi đoàn, \
Đoàn trường THPT Chuyên thông báo đến tận các ĐVTN đồng loạt thực hiện mặc đồng phục áo \
thanh niên Việt Nam, đeo phù hiệu khi đến trường vào các ngày Thứ Hai đầu tuần và trong \
tuần cao điểm kỷ niệm Ngày thành lập Đoàn TNCS Hồ Chí Minh.

Thời gian thực hiện:

- Tất cả các thứ Hai đầu tuần trong Tháng Thanh niên từ khi công văn này ban hành.

- Tuần cao điểm 26/3: Bắt đầu từ buổi sáng ngày 23/3/2020 (Thứ Hai) đến hết ngày \
27/3/2020 (Thứ Sáu).

Đề nghị Ban Chấp hành các đoàn viện, liên chi đoàn chủ trì và phối hợp với các liên chi \
hội sinh viên thông báo cụ thể, chỉ đạo các đồng chí bí thư chi đoàn, lớp trưởng quán \
triệt, phổ biến cho đoàn viên thanh niên biết và thực hiện nghiêm túc, đầy đủ.

Đây là một trong những căn cứ quan trọng để Ban Thường vụ Đoàn trường đánh giá, xếp loại \
thi đua trong Tháng Thanh niên 2020./.
"""
WEEK = "từ buổi sáng ngày 23/3/2020 (Thứ Hai) đến hết ngày 27/3/2020 (Thứ Sáu)"


def test_a_range_with_its_weekdays_is_one_deadline() -> None:
    found = find_deadlines(f"Bắt đầu {WEEK}.", date(2020, 3, 1), DeadlineSettings())
    assert [(f.phrase, f.reading.kind) for f in found] == [(WEEK, "period")]
