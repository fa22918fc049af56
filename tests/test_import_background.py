"""The background of the work (its basis, a document issued) is never a task."""

from __future__ import annotations

from pathlib import Path

from tests.importing import imported

BASIS = """\
THÔNG BÁO
Về việc rà soát văn bản
- Căn cứ Quy chế làm việc của Ban Thường vụ ban hành kèm theo Quyết định số 84 ngày 22/02/2013;
- Văn phòng rà soát các văn bản đã ban hành trước ngày 15/11/2013;
- Căn cứ kết quả rà soát, Ban Tổ chức đề xuất sửa đổi trước ngày 30/11/2013.
"""

NEWS = """\
Báo cáo kết quả phòng, chống dịch

Ủy ban nhân dân tỉnh vừa ban hành Công văn số 1974/UBND-KGVX chỉ đạo các sở báo cáo kết quả \
phòng, chống dịch. Theo đó, thực hiện Công văn số 2964/VPCP-TH của Văn phòng Chính phủ; \
UBND tỉnh yêu cầu các sở báo cáo trước ngày 27/4/2020.
"""


def drafted(tmp_path: Path, text: str) -> tuple[list[dict], str]:
    return imported(tmp_path, text, "tb.txt")


def test_the_basis_of_a_notice_is_no_task(tmp_path: Path) -> None:
    # "Căn cứ Quy chế ..." says what the notice rests on; "Căn cứ kết quả rà soát, Ban
    # Tổ chức đề xuất ... trước ngày ..." is a dated job that opens the same way
    tasks, output = drafted(tmp_path, BASIS)
    assert [t["text"][:12] for t in tasks] == ["Văn phòng rà", "Căn cứ kết q"]
    assert "bối cảnh, không giao việc): Căn cứ Quy chế" in output


def test_a_document_issued_or_carried_out_is_no_task(tmp_path: Path) -> None:
    # a news item's lead ("vừa ban hành Công văn số ...") and the cited document
    # ("thực hiện Công văn số ...") ask nothing; the request after them is the job
    tasks, _output = drafted(tmp_path, NEWS)
    assert [t["text"] for t in tasks] == ["UBND tỉnh yêu cầu các sở báo cáo trước ngày 27/4/2020."]


REPORTED = """\
Huyện chuẩn bị khai giảng năm học mới

Đó là ý kiến chỉ đạo của bà Lê Thu Hà, Phó Chủ tịch UBND huyện, tại buổi làm việc với ngành \
giáo dục ngày 20/8.

Phòng Giáo dục và Đào tạo kiểm tra cơ sở vật chất các trường trước ngày \
01/9/2024.
"""


def test_a_news_lead_naming_whose_directions_it_reports_is_no_task(tmp_path: Path) -> None:
    # "Đó là ý kiến chỉ đạo của ..." says who spoke; the directions follow it (here a
    # paragraph of its own: "bà X chỉ đạo: ..." would open the jobs of a prose text)
    tasks, output = drafted(tmp_path, REPORTED)
    assert [t["text"][:22] for t in tasks] == ["Phòng Giáo dục và Đào "]
    assert "bối cảnh, không giao việc): Đó là ý kiến chỉ đạo" in output


NEWS_REPORT = """\
Huyện đẩy nhanh tiến độ xây dựng trường học

Chủ tịch UBND huyện yêu cầu Phòng Giáo dục và Đào tạo rà soát các công trình trường học. Theo \
Phòng Kinh tế và Hạ tầng, đến nay có 12 công trình đã hoàn thành. Dự kiến, tại kỳ họp cuối \
năm, UBND huyện sẽ trình HĐND huyện danh mục đầu tư. Sau thời hạn trên, nếu chủ đầu tư không \
báo cáo, UBND huyện sẽ yêu cầu Kho bạc tạm dừng thanh toán.
"""


def test_a_news_items_figures_forecast_and_sanction_are_no_task(tmp_path: Path) -> None:
    # figures on a body's word ("Theo Phòng ..., ..."), a forecast ("Dự kiến, ... sẽ
    # trình"), what follows if the work is not done ("nếu ... không ..., ... sẽ ...")
    # report; they ask no one for anything
    tasks, output = drafted(tmp_path, NEWS_REPORT)
    assert [t["text"][:30] for t in tasks] == ["Chủ tịch UBND huyện yêu cầu Ph"]
    assert output.count("(tường thuật (số liệu, việc dự kiến, chế tài nếu không làm)") == 3


NEWS_DESCRIBES = """\
Huyện đẩy nhanh tiến độ xây dựng trường học

Chủ tịch UBND huyện yêu cầu Phòng Giáo dục và Đào tạo rà soát các công trình trường học. Nhiều \
phòng học tạm ở vùng cao đã xuống cấp. Năm 2023 toàn huyện xây mới 40 phòng học. \
Tập trung sửa chữa các phòng học tạm trước mùa mưa bão. Và thông qua các buổi làm việc để nắm \
bắt kiến nghị của nhà trường.
"""


def test_a_news_items_description_is_no_task(tmp_path: Path) -> None:
    # "Nhiều phòng học tạm ... đã xuống cấp", "Năm 2023 toàn huyện xây mới ...": no request, no unit
    # acting, no time, no verb opening a direction; "Tập trung sửa chữa ..." directs and
    # "Và thông qua ..." goes on with the request: those stay jobs
    tasks, output = drafted(tmp_path, NEWS_DESCRIBES)
    assert [t["text"][:20] for t in tasks] == [
        "Chủ tịch UBND huyện ",
        "Tập trung sửa chữa c",
        "Và thông qua các buổ",
    ]
    assert output.count("(câu tả tình hình (không đề nghị") == 2
