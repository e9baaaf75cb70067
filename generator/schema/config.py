"""The province's configuration: one file, `data/config.yml`. Every default comes from the
source documents and names its clause; a province changes only what differs."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import field_validator, model_validator

from generator.schema.common import REPO_PATTERN, SLUG_PATTERN, URL_PATTERN, F, Markdown, Model, QARef, UnitRef, VnDate


class Level(Model):
    id: str = F("Mã cấp", "Mã cấp, ví dụ “tinh”, “huyen”, “xa”, “thon”.")
    name: str = F("Tên cấp", "Tên cấp, ví dụ “Cấp xã”.")
    kinds: list[str] = F("Các loại đơn vị", "Các loại đơn vị thuộc cấp này, ví dụ [xa, phuong, thi_tran].")


class Scheme(Model):
    id: str = F("Mã hệ", "Mã hệ thống đơn vị hành chính.")
    name: str = F("Tên", "Tên hệ thống.")
    levels: list[Level] = F("Các cấp", "Các cấp từ trên xuống dưới.")
    imprint: str | None = F(
        "Cách ghi trên trang thông tin xuất bản",
        "Cụm từ in sau “theo” ở trang thông tin xuất bản để người đọc biết số liệu ứng với bản đồ hành chính nào, "
        "ví dụ “mô hình chính quyền địa phương hai cấp (tỉnh – xã) áp dụng từ ngày 01/7/2025”; để trống thì in tên hệ.",
        None)


DEFAULT_SCHEMES = [
    Scheme(id="ba-cap", name="Ba cấp (trước 01/7/2025): tỉnh – huyện – xã",
           imprint="mô hình chính quyền địa phương ba cấp (tỉnh – huyện – xã) áp dụng trước ngày 01/7/2025", levels=[
        Level(id="tinh", name="Cấp tỉnh", kinds=["tinh", "thanh_pho_tw"]),
        Level(id="huyen", name="Cấp huyện", kinds=["huyen", "thanh_pho", "thi_xa", "quan"]),
        Level(id="xa", name="Cấp xã", kinds=["xa", "phuong", "thi_tran"]),
        Level(id="thon", name="Thôn, tổ dân phố", kinds=["thon", "to_dan_pho", "ban", "khu", "ap", "khom", "lang"]),
    ]),
    Scheme(id="hai-cap", name="Hai cấp (từ 01/7/2025): tỉnh – xã",
           imprint="mô hình chính quyền địa phương hai cấp (tỉnh – xã) áp dụng từ ngày 01/7/2025", levels=[
        Level(id="tinh", name="Cấp tỉnh", kinds=["tinh", "thanh_pho_tw"]),
        Level(id="xa", name="Cấp xã", kinds=["xa", "phuong", "dac_khu"]),
        Level(id="thon", name="Thôn, tổ dân phố", kinds=["thon", "to_dan_pho", "ban", "khu", "ap", "khom", "lang"]),
    ]),
]

KIND_LABELS = {
    "tinh": "tỉnh", "thanh_pho_tw": "thành phố", "huyen": "huyện", "thanh_pho": "thành phố",
    "thi_xa": "thị xã", "quan": "quận", "xa": "xã", "phuong": "phường", "thi_tran": "thị trấn",
    "dac_khu": "đặc khu", "thon": "thôn", "to_dan_pho": "tổ dân phố", "ban": "bản", "khu": "khu",
    "ap": "ấp", "khom": "khóm", "lang": "làng",
}


class Deadline(Model):
    id: str = F("Mã hạn", "Mã hạn báo cáo.")
    name: str = F("Tên", "Tên hạn báo cáo.")
    applies_to: Literal["to_dan_van", "khoi_dan_van", "phan_cong"] = F(
        "Áp dụng cho", "to_dan_van (Tổ Dân vận cộng đồng), khoi_dan_van hoặc phan_cong (cơ quan phụ trách xã)."
    )
    frequency: Literal["thang", "quy", "6_thang", "nam"] = F("Kỳ", "thang, quy, 6_thang hoặc nam.")
    day: int = F("Trước ngày", "Báo cáo gửi trước ngày này (trong tháng).", ge=1, le=31)
    month: int | None = F("Tháng", "Tháng của hạn (với kỳ 6 tháng và năm). Với kỳ quý, để trống: là tháng cuối quý.", None, ge=1, le=12)
    source: str = F("Căn cứ", "Văn bản và mục quy định hạn này.")


DEFAULT_DEADLINES = [
    Deadline(id="to-6-thang", name="Báo cáo 6 tháng về Tổ Dân vận cộng đồng", applies_to="to_dan_van",
             frequency="6_thang", day=15, month=6, source="Đề án Tổ DVCĐ Bắc Giang, Phần thứ ba, điểm 2"),
    Deadline(id="to-nam", name="Báo cáo năm về Tổ Dân vận cộng đồng", applies_to="to_dan_van",
             frequency="nam", day=20, month=11, source="Đề án Tổ DVCĐ Bắc Giang, Phần thứ ba, điểm 2"),
    Deadline(id="pc-thang", name="Báo cáo tháng về hoạt động tại cơ sở", applies_to="phan_cong",
             frequency="thang", day=25, source="HD 02-HD/BDVTU, mục IV.2"),
    Deadline(id="pc-quy", name="Báo cáo quý về hoạt động tại cơ sở", applies_to="phan_cong",
             frequency="quy", day=25, source="HD 02-HD/BDVTU, mục IV.2"),
    Deadline(id="pc-6-thang", name="Báo cáo 6 tháng về hoạt động tại cơ sở", applies_to="phan_cong",
             frequency="6_thang", day=15, month=6, source="HD 02-HD/BDVTU, mục IV.2"),
    Deadline(id="pc-nam", name="Báo cáo năm về hoạt động tại cơ sở", applies_to="phan_cong",
             frequency="nam", day=15, month=12, source="HD 02-HD/BDVTU, mục IV.2"),
]


class Grade(Model):
    id: str = F("Mã mức", "Mã mức xếp loại.")
    name: str = F("Tên mức", "Tên mức xếp loại.")


DEFAULT_GRADES = [
    Grade(id="xuat_sac", name="Hoàn thành xuất sắc nhiệm vụ"),
    Grade(id="tot", name="Hoàn thành tốt nhiệm vụ"),
    Grade(id="hoan_thanh", name="Hoàn thành nhiệm vụ"),
    Grade(id="khong_hoan_thanh", name="Không hoàn thành nhiệm vụ"),
]


class Thresholds(Model):
    group_size_min: int = F("Nhóm tối thiểu", "Số người tối thiểu của một nhóm (Đề án Tổ DVCĐ, P2.III.2: 3).", 3, ge=1)
    group_size_max: int = F("Nhóm tối đa", "Số người tối đa của một nhóm (Đề án Tổ DVCĐ, P2.III.2: 5).", 5, ge=1)
    households_min: int = F("Số hộ tối thiểu", "Số hộ tối thiểu một nhóm phụ trách (P2.III.2: 30).", 30, ge=0)
    households_max: int = F("Số hộ tối đa", "Số hộ tối đa một nhóm phụ trách (P2.III.2: 50).", 50, ge=0)
    bloc_size_min: int = F("Khối tối thiểu", "Số thành viên tối thiểu của Khối (Đề án Khối DVCS, P2.I.1: 7).", 7, ge=1)
    bloc_size_max: int = F("Khối tối đa", "Số thành viên tối đa của Khối (Đề án Khối DVCS, P2.I.1: 13).", 13, ge=1)
    dialogues_per_year: int = F("Đối thoại mỗi năm", "Số cuộc đối thoại tối thiểu mỗi năm (Đề án Khối DVCS, mục tiêu 4: 1).", 1, ge=0)
    weekend_days_per_month: int = F("Ngày cuối tuần mỗi tháng", "Số ngày thứ Bảy, Chủ nhật tối thiểu mỗi tháng (HD 02, II.3: 1).", 1, ge=0)
    activities_from: VnDate = F("Tính hoạt động từ", "Tháng bắt đầu tính hoạt động tại cơ sở (HD 02, II.3: 10/2021).", dt.date(2021, 10, 1))
    max_provincial_units_per_commune: int = F(
        "Số đơn vị cấp tỉnh tối đa ở một xã", "Quá số này thì cảnh báo tập trung (HD 02, V.3).", 2, ge=1)
    max_district_share: float = F(
        "Tỷ lệ tối đa vào một huyện", "Tỷ lệ đơn vị cấp tỉnh dồn vào một huyện mà quá thì cảnh báo (HD 02, V.3).", 0.5, gt=0, le=1)
    team_coverage_year: int = F("Năm phủ kín", "Năm phải có Tổ ở 100% thôn, tổ dân phố (Đề án Tổ DVCĐ, P2.II.3: 2024).", 2024)

    @model_validator(mode="after")
    def _ranges(self) -> "Thresholds":
        if self.group_size_min > self.group_size_max:
            raise ValueError("Ngưỡng group_size_min lớn hơn group_size_max.")
        if self.households_min > self.households_max:
            raise ValueError("Ngưỡng households_min lớn hơn households_max.")
        if self.bloc_size_min > self.bloc_size_max:
            raise ValueError("Ngưỡng bloc_size_min lớn hơn bloc_size_max.")
        return self


SeverityName = Literal["error", "warning", "info", "off"]


NO_LEVEL = "khong"


class DistrictDuties(Model):
    """Which level of the active scheme carries the duties the source documents give to districts
    (the rules that count by district); left empty: the district level where the scheme has one,
    otherwise the rule does not run."""

    assignment_spread: str | None = F(
        "Cấp thay huyện khi tránh dồn đơn vị cấp tỉnh", "Cấp dùng để đo việc “tránh tập trung vào một huyện” khi phân công "
        "đơn vị cấp tỉnh về xã (HD 02-HD/BDVTU, V.3): mã một cấp của hệ đang dùng, ví dụ “xa” (không dồn quá tỷ lệ "
        "max_district_share vào một xã), hoặc “khong” (không kiểm tra). Để trống: cấp huyện nếu hệ có cấp huyện, "
        "nếu không thì không kiểm tra.", None, pattern=SLUG_PATTERN, max_length=40)
    pilot_bloc: str | None = F(
        "Cấp thay huyện khi chọn Khối làm điểm", "Cấp mà mỗi đơn vị phải có ít nhất một Khối làm điểm (Đề án Khối DVCS, "
        "mục tiêu 5: mỗi huyện): mã một cấp của hệ đang dùng, ví dụ “tinh” (cả tỉnh ít nhất một Khối làm điểm), hoặc "
        "“khong” (không kiểm tra). Để trống: cấp huyện nếu hệ có cấp huyện, nếu không thì không kiểm tra.",
        None, pattern=SLUG_PATTERN, max_length=40)


class LocalDecision(Model):
    """What the province decided where an answer leaves the choice to it — above all who now
    carries a duty the source documents gave to districts. Printed under that answer, on the
    site and in the handbooks, as the province's own decision with its basis; the handbook
    never names a body the province has not named."""

    answer: QARef = F("Câu hỏi – đáp", "Mã câu hỏi – đáp mà quyết định này trả lời, ví dụ “hai-cap-bao-cao-to-dvcd”.")
    decision: str = F(
        "Tỉnh đã quyết định", "Việc tỉnh đã quyết định, viết thành câu đầy đủ, ví dụ “Ban Tuyên giáo và Dân vận Tỉnh ủy "
        "tổng hợp báo cáo về Tổ Dân vận cộng đồng của các đảng ủy xã.”", min_length=1, max_length=600)
    basis: str | None = F(
        "Căn cứ", "Văn bản của tỉnh quy định việc này, ví dụ “Hướng dẫn số 05-HD/BTGDVTU ngày 10/9/2025”.", None,
        max_length=200)


class Province(Model):
    name: str = F("Tên tỉnh", "Tên tỉnh, ví dụ “Bắc Giang”.")
    unit: UnitRef = F("Mã đơn vị tỉnh", "Mã của tỉnh trong danh sách đơn vị hành chính.")
    board: str = F("Cơ quan biên soạn", "Cơ quan biên soạn sổ tay, ví dụ “Ban Dân vận Tỉnh ủy Bắc Giang”.")


class ReportSettings(Model):
    """How the periodic reports are headed and signed (Vietnamese Party document conventions)."""

    superior: str = F("Cơ quan chủ quản", "Dòng trên của tiêu đề cơ quan, ví dụ “TỈNH ỦY BẮC GIANG”.", "TỈNH ỦY")
    issuer: str = F("Cơ quan ban hành", "Dòng dưới của tiêu đề cơ quan, ví dụ “BAN DÂN VẬN”.", "BAN DÂN VẬN")
    number_suffix: str = F("Ký hiệu", "Ký hiệu sau số báo cáo, ví dụ “BC/BDVTU”.", "BC/BDVTU")
    number: str | None = F("Số", "Số báo cáo; để trống thì in chỗ trống để điền tay.", None)
    place: str = F("Địa danh", "Địa danh ghi ở dòng ngày tháng, ví dụ “Bắc Giang”.", "")
    signing: str = F("Thẩm quyền ký", "Ví dụ “T/M BAN THƯỜNG VỤ” hoặc “K/T TRƯỞNG BAN”.", "K/T TRƯỞNG BAN")
    signer_title: str = F("Chức vụ người ký", "Ví dụ “PHÓ TRƯỞNG BAN”.", "PHÓ TRƯỞNG BAN")
    signer_name: str | None = F("Họ tên người ký", "Để trống thì để chỗ ký tay.", None)
    recipients: list[str] = F("Nơi nhận", "Danh sách nơi nhận in ở cuối báo cáo.", [
        "Thường trực Tỉnh ủy (b/c)", "Ban Thường vụ Tỉnh ủy (b/c)", "Các huyện ủy, thành ủy", "Lưu Văn phòng"])


class PublishSettings(Model):
    """Where the builds go (so an internal build can never land where the public site is served)."""

    public_dirs: list[str] = F(
        "Thư mục bản công khai", "Các thư mục (tính từ thư mục dự án) nơi đặt bản công khai, ngoài site/; "
        "lệnh dựng không bao giờ ghi bản nội bộ vào đó.", [])




class CmsSettings(Model):
    """Where the web editor (/admin/) reads and saves: the content repository on GitHub or GitLab."""

    repo: str = F(
        "Kho nội dung", "Kho chứa dữ liệu trên GitHub hoặc GitLab, dạng chủ/tên, ví dụ “ban-dan-van-bac-giang/so-tay”; "
        "trang biên tập trên web đăng nhập và lưu vào kho này.", pattern=REPO_PATTERN, max_length=200)
    forge: Literal["github", "gitlab"] = F(
        "Nơi đặt kho", "github (GitHub) hoặc gitlab (GitLab): nơi đặt kho nội dung.", "github")
    branch: str = F("Nhánh chính", "Nhánh chính của kho; mỗi lần lưu trên web mở một yêu cầu gộp vào nhánh này.", "main",
                    min_length=1, max_length=200)
    base_url: str | None = F(
        "Máy chủ đăng nhập OAuth", "Địa chỉ máy chủ OAuth (nếu tỉnh có), ví dụ “https://dang-nhap.example.vn”; "
        "để trống thì biên tập viên đăng nhập bằng mã truy cập cá nhân.", None, pattern=URL_PATTERN)

    @field_validator("repo")
    @classmethod
    def _github_owner_name(cls, value: str) -> str:
        if "//" in value or value.endswith((".", ".git")):
            raise ValueError("Ghi kho dạng chủ/tên, không có “.git” ở cuối, ví dụ “ban-dan-van/so-tay”.")
        return value

    @model_validator(mode="after")
    def _github_two_parts(self) -> "CmsSettings":
        if self.forge == "github" and self.repo.count("/") != 1:
            raise ValueError(f"Kho GitHub ghi đúng hai phần chủ/tên, không phải “{self.repo}”.")
        return self


DEFAULT_FOREWORD = """\
Công tác dân vận là nhiệm vụ của cả hệ thống chính trị, của mỗi cán bộ, đảng viên. Ở thôn, tổ dân phố, \
công tác ấy được làm hằng ngày qua Tổ Dân vận cộng đồng, Khối Dân vận cơ sở và những cán bộ được phân công \
về cơ sở: gần dân, lắng nghe Nhân dân, giải thích chủ trương của Đảng, chính sách, pháp luật của Nhà nước, \
cùng Nhân dân bàn bạc và tổ chức thực hiện.

Cuốn sổ tay này tập hợp những câu hỏi mà tổ trưởng, thành viên Tổ Dân vận cộng đồng, thành viên Khối Dân vận \
cơ sở và cán bộ cơ sở thường gặp trong công việc, trả lời ngắn gọn, dễ hiểu. Mỗi câu trả lời ghi rõ văn bản \
và mục làm căn cứ để người đọc tra cứu khi cần.

Sổ tay là tài liệu tham khảo, không thay thế văn bản của Đảng và Nhà nước; khi văn bản được sửa đổi, bổ sung \
thì thực hiện theo văn bản mới. Trong quá trình sử dụng, Ban biên soạn mong nhận được ý kiến góp ý của cán bộ, \
đảng viên và Nhân dân để lần xuất bản sau hoàn thiện hơn.
"""


class FrontMatter(Model):
    """What the printed handbooks carry before the contents: the foreword and the circulation line."""

    foreword: Markdown = F(
        "Lời nói đầu", "Lời nói đầu in ở trang sau bìa phụ của các sổ tay (Markdown). Có sẵn một lời nói đầu chung; "
        "để chuỗi rỗng (\"\") thì không in trang này.", DEFAULT_FOREWORD, max_length=6000)
    circulation: str = F(
        "Dòng lưu hành", "Dòng in trên bìa và trang thông tin xuất bản, ví dụ “Tài liệu lưu hành nội bộ”; "
        "để chuỗi rỗng thì không in.", "Tài liệu lưu hành nội bộ", max_length=200)


class Config(Model):
    province: Province = F("Tỉnh", "Tỉnh mà bộ dữ liệu này mô tả.")
    report: ReportSettings = F("Báo cáo định kỳ", "Tiêu đề, số, nơi nhận và chữ ký của báo cáo 6 tháng và năm.", ReportSettings())
    scheme: str = F("Hệ đơn vị hành chính", "Mã hệ đang dùng: “ba-cap” (tỉnh – huyện – xã, trước 2025) hoặc “hai-cap”.", "ba-cap")
    schemes: list[Scheme] = F("Các hệ đơn vị", "Khai báo các hệ đơn vị hành chính và các cấp của từng hệ.", DEFAULT_SCHEMES)
    reference_date: VnDate = F(
        "Ngày chốt số liệu", "Ngày chốt số liệu: các quy tắc theo năm, theo tháng tính đến ngày này."
    )
    deadlines: list[Deadline] = F("Hạn báo cáo", "Các hạn báo cáo định kỳ.", DEFAULT_DEADLINES)
    rating_scale: list[Grade] = F("Thang xếp loại", "Các mức xếp loại Tổ Dân vận cộng đồng hằng năm.", DEFAULT_GRADES)
    thresholds: Thresholds = F("Ngưỡng", "Các ngưỡng của quy tắc.", Thresholds())
    rules: dict[str, SeverityName] = F(
        "Mức độ quy tắc", "Đổi mức độ của một quy tắc theo mã: error, warning, info hoặc off (tắt).", {}
    )
    publish: PublishSettings = F("Xuất bản", "Nơi đặt bản công khai.", PublishSettings())
    district_duties: DistrictDuties = F(
        "Việc của huyện sau sắp xếp", "Với hệ không còn cấp huyện (hai cấp, từ 01/7/2025): cấp nào nhận các việc mà văn bản "
        "nguồn giao cho huyện, để các quy tắc tính theo huyện chạy ở cấp đó hoặc không chạy. Tỉnh quyết định theo "
        "hướng dẫn của mình.", DistrictDuties())
    local_decisions: list[LocalDecision] = F(
        "Quyết định của tỉnh", "Những việc văn bản giao cho huyện (hoặc câu trả lời để tỉnh quyết định) mà tỉnh đã quyết "
        "định ai làm, làm thế nào: in ngay dưới câu trả lời tương ứng, trên trang web và trong sổ tay.", [])
    front_matter: FrontMatter = F(
        "Phần đầu sổ tay", "Lời nói đầu và dòng lưu hành của các sổ tay in.", FrontMatter())
    cms: CmsSettings | None = F(
        "Trang biên tập trên web", "Kho nội dung mà trang biên tập /admin/ đăng nhập và lưu vào; thiếu mục này thì "
        "trang biên tập không đăng nhập được.", None)
    sample: bool = F("Dữ liệu mẫu", "Bộ dữ liệu là dữ liệu mẫu.", False)

    @model_validator(mode="after")
    def _scheme_declared(self) -> "Config":
        if self.scheme not in {s.id for s in self.schemes}:
            raise ValueError(f"Hệ “{self.scheme}” chưa được khai trong schemes.")
        levels = [level.id for level in self.active_scheme.levels]
        allowed = {"assignment_spread": levels[1:levels.index("xa") + 1] if "xa" in levels else levels[1:],
                   "pilot_bloc": levels[:levels.index("xa") + 1] if "xa" in levels else levels}
        for duty, ok in allowed.items():
            chosen = getattr(self.district_duties, duty)
            if chosen and chosen != NO_LEVEL and chosen not in ok:
                raise ValueError(f"district_duties.{duty}: cấp “{chosen}” không dùng được với hệ “{self.scheme}”; "
                                 f"chọn một trong {', '.join(ok + [NO_LEVEL])}.")
        return self

    @property
    def active_scheme(self) -> Scheme:
        return next(s for s in self.schemes if s.id == self.scheme)

    def district_duty_level(self, duty: str) -> str | None:
        """The level id that carries a former district duty (a field of `district_duties`) under
        the active scheme, or None when the duty's rule does not run."""
        chosen = getattr(self.district_duties, duty)
        if chosen == NO_LEVEL:
            return None
        if chosen:
            return chosen
        return "huyen" if "huyen" in [level.id for level in self.active_scheme.levels] else None
