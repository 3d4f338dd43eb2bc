package dvcqg

import (
	"strconv"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
)

// The national codes every dossier is synchronised with (Decision
// 31/2021/QĐ-TTg Art. 30(3): every dossier and its progress; RULES-VN.md
// §1.2 for the codes, §12 "all of codes 1–10").
func TestDefaultStatusTable(t *testing.T) {
	cases := []struct {
		name  string
		local dossier.Status
		code  string
	}{
		{"RULES-VN §1.2 code 1 Mới đăng ký: filed online, not yet accepted", dossier.Submitted, "1"},
		{"RULES-VN §1.2 code 2 Được tiếp nhận: Decree 118 Art. 11(2) receipt, Form 01", dossier.Received, "2"},
		{"RULES-VN §1.2 code 3 Không được tiếp nhận: refusal slip Form 03", dossier.Refused, "3"},
		{"RULES-VN §1.2 code 4 Đang xử lý: transferred to the competent agency", dossier.Processing, "4"},
		{"RULES-VN §1.2 code 5 Yêu cầu bổ sung: Decree 118 Art. 11(2), Form 02", dossier.SupplementRequested, "5"},
		{"RULES-VN §1.2 code 6 Yêu cầu thực hiện nghĩa vụ tài chính", dossier.PaymentRequested, "6"},
		{"RULES-VN §1.2 code 7 Công dân yêu cầu rút hồ sơ", dossier.WithdrawalRequested, "7"},
		{"RULES-VN §1.2 code 8 Dừng xử lý: Decree 118 Art. 21, Form 05", dossier.Stopped, "8"},
		{"RULES-VN §1.2 code 9 Đã xử lý xong: result signed", dossier.Done, "9"},
		{"RULES-VN §1.2 code 10 Đã trả kết quả: result delivered", dossier.Returned, "10"},
		{"RULES-VN §1.3 refusal after appraisal goes as 3, as dossier.NationalCode has it", dossier.Rejected, "3"},
	}
	tab := DefaultStatusTable()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := tab.Code(c.local)
			if err != nil || got != c.code {
				t.Fatalf("Code(%s) = %q, %v; want %q", c.local, got, err, c.code)
			}
		})
	}
	// The table and the figures must not drift apart: every status the
	// aggregate knows has a code, and it is the one NationalCode reports.
	for _, s := range dossier.Statuses {
		got, err := tab.Code(s)
		if err != nil {
			t.Errorf("status %s has no national code: %v", s, err)
			continue
		}
		if want := s.NationalCode(); got != strconv.Itoa(want) {
			t.Errorf("status %s: table %s, dossier.NationalCode %d", s, got, want)
		}
	}
}

func TestLoadStatusTable(t *testing.T) {
	tab, err := LoadStatusTable([]byte(`{"rejected": "9"}`))
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := tab.Code(dossier.Rejected); c != "9" {
		t.Errorf("rejected = %q after override, want 9", c)
	}
	if c, _ := tab.Code(dossier.Received); c != "2" {
		t.Errorf("received = %q, want the default 2 kept", c)
	}
	for name, in := range map[string]string{
		"unknown local status (a typo)": `{"recieved": "2"}`,
		"code not a number":             `{"received": "two"}`,
		"code zero":                     `{"received": "0"}`,
		"not JSON":                      `{"received": `,
	} {
		if _, err := LoadStatusTable([]byte(in)); err == nil {
			t.Errorf("%s: %s accepted", name, in)
		}
	}
	if _, err := (StatusTable{}).Code(dossier.Received); err == nil {
		t.Error("an empty table gave a code instead of an error")
	}
}
