"""The hand-tuned cases of the repository's sample: takes nothing, gives which village, team,
bloc, model and agency deliberately departs from a rule (so that `handbook check` on the sample
shows the rules at work: the README's table of 12 warnings, tests/test_sample_data.py) and the
comment each file carries above the departing line, plus the other hand-picked choices.

Places are (commune short name, village index) into sample_places.COMMUNES. A note is
(needle, comment): the comment goes on its own line above the first line holding the needle.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------
# Units and teams (Đề án Tổ DVCĐ Bắc Giang, P2.III)

NO_TEAM_VILLAGE = ("tan-son", 4)    # thôn Rừng Sậu: TEAM-COVERAGE
TEAM_A = ("ngoc-thien", 1)          # exception kiem_nhiem, allowed: no warning
TEAM_B = ("cao-xa", 2)              # a group of 6: TEAM-GROUP-SIZE
TEAM_C = ("dong-tam", 0)            # a group of 56 households: TEAM-GROUP-HOUSEHOLDS
TEAM_D = ("nam-duong", 2)           # no 2024 rating: TEAM-RATED

NO_TEAM_NOTE = "Cố ý: thôn này chưa có Tổ Dân vận cộng đồng (để kiểm tra quy tắc phủ kín 100% thôn)."
TEAM_A_EXCEPTION_NOTE = ("Bí thư chi bộ thôn đồng thời là Phó Chủ tịch UBND xã, kiêm nhiệm nhiều việc; "
                         "chi bộ thống nhất cử đồng chí chi ủy viên, trưởng thôn làm tổ trưởng, "
                         "phó trưởng thôn làm tổ phó.")
TEAM_NOTES = {
    TEAM_A: ("exceptions:", "Cố ý (trường hợp đặc biệt được phép): kiêm nhiệm, tổ trưởng là chi ủy viên, "
                            "trưởng thôn; không sinh cảnh báo."),
    TEAM_B: ("- name: Nhóm 1", "Cố ý: nhóm này có 6 người, vượt mức 3–5 người (cảnh báo TEAM-GROUP-SIZE)."),
    TEAM_C: ("households: 56", "Cố ý: nhóm phụ trách 56 hộ, vượt mức 30–50 hộ (cảnh báo TEAM-GROUP-HOUSEHOLDS)."),
    TEAM_D: ("ratings:", "Cố ý: chưa có xếp loại năm 2024 (cảnh báo TEAM-RATED)."),
}

# ---------------------------------------------------------------------------------------
# Blocs (Đề án Khối DVCS Bắc Kạn)

BLOC_E, BLOC_F, BLOC_G = "cao-thuong", "tam-tien", "doan-bai"  # no rules; 2 untrained; no 2024 dialogue
BLOC_F_UNTRAINED = {6, 8}  # roster places: bí thư đoàn and chỉ huy trưởng quân sự, newly appointed
PILOTS = {"phuc-son", "dong-tam", "chu", "thang", "tran-phu"}
HEAD_IS_SECRETARY = {"nam-duong", "hoang-van-thu"}
DEPUTY_IS_VICE_CHAIR = {"cao-xa", "tam-tien", "thang"}
# Members trained in a minority language: (commune, positions)
TRAINED_IN_NUNG = ("tan-son", ("truong_cong_an", "chu_tich_mttq"))

BLOC_NOTES = {
    BLOC_E: [("dialogues:", "Cố ý: Khối chưa ban hành quy chế hoạt động, không có khóa rules (cảnh báo BLOC-RULES).")],
    BLOC_F: [("- id: p-khoi-tam-tien-07", "Cố ý: thành viên này và thành viên p-khoi-tam-tien-09 chưa được tập huấn "
                                          "(cảnh báo BLOC-TRAINING).")],
    BLOC_G: [("dialogues:", "Cố ý: chỉ có một cuộc đối thoại năm 2023, năm 2024 chưa đối thoại (cảnh báo BLOC-DIALOGUE).")],
}

# ---------------------------------------------------------------------------------------
# Models and assignments (HD 02-HD/BDVTU)

MODEL_H = "mh-camera-an-ninh-thang"  # a photo marked for publishing, not vetted: PHOTO-APPROVAL
MODEL_H_NOTE = ("approved: false", "Cố ý: ảnh được đánh dấu đăng công khai nhưng chưa kiểm duyệt "
                                   "(cảnh báo PHOTO-APPROVAL).")

CONCENTRATED = "cao-xa"              # three provincial units on one commune: ASSIGN-CONCENTRATION-COMMUNE
WEDNESDAY_AGENCY = "pc-so-tai-chinh"  # an activity on a Wednesday: ASSIGN-WEEKEND-DAY
LATE_REPORT_AGENCY = "pc-so-y-te"     # the August monthly report filed on the 28th: ASSIGN-REPORT-LATE
LATE_REPORT_MONTH = 8

CONCENTRATED_NOTE = ("communes:", "Cố ý: xã Cao Xá có 3 đơn vị cấp tỉnh phụ trách (pc-so-tu-phap, pc-so-xay-dung, "
                                  "pc-so-thong-tin-truyen-thong), vượt mức 2 (cảnh báo ASSIGN-CONCENTRATION-COMMUNE).")
ASSIGNMENT_NOTES = {
    WEDNESDAY_AGENCY: ("date: 17/07/2024", "Cố ý: hoạt động vào thứ Tư, không phải thứ Bảy, Chủ nhật "
                                           "(cảnh báo ASSIGN-WEEKEND-DAY)."),
    LATE_REPORT_AGENCY: ("filed: 28/08/2024", "Cố ý: báo cáo tháng 8 gửi ngày 28, sau hạn ngày 25 "
                                              "(cảnh báo ASSIGN-REPORT-LATE)."),
}
