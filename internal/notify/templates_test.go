package notify_test

import (
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/notify"
)

var ict = time.FixedZone("ICT", 7*3600)

func facts(kind notify.Kind) notify.Facts {
	return notify.Facts{Kind: kind, Name: "Nguyễn Văn Dân", Code: "000.00.10.H99-261201-0001",
		Submitted: time.Date(2026, 12, 1, 8, 30, 0, 0, ict), Procedure: "Đăng ký khai sinh", Agency: "Sở Tư pháp",
		Due: time.Date(2026, 12, 15, 17, 0, 0, 0, ict), PrevDue: time.Date(2026, 12, 10, 17, 0, 0, 0, ict),
		Reason:   "Thiếu bản sao Giấy chứng sinh có chứng thực; tờ khai chưa ghi đủ họ tên người đi đăng ký và quan hệ với người được đăng ký khai sinh",
		TrackURL: "https://dichvucong.h99.gov.vn/track/000.00.10.H99-261201-0001", Return: "counter",
		At: time.Date(2026, 12, 16, 3, 0, 0, 0, time.UTC)}
}

// TestMessages_RULES_VN_1_4_and_4 checks what the applicant is told at each
// step (RULES-VN.md §1.4; §4 for the apology and new date, Form 04).
func TestMessages_RULES_VN_1_4_and_4(t *testing.T) {
	for _, c := range []struct {
		name  string
		f     func(notify.Facts) notify.Facts
		email []string // in the e-mail, Vietnamese then English
		sms   []string
	}{
		{"received with the appointment (Form 01)", func(f notify.Facts) notify.Facts { f.Kind = notify.KindReceived; return f },
			[]string{"000.00.10.H99-261201-0001", "Ngày hẹn trả kết quả: 17:00 15/12/2026", "Track it at: https://dichvucong.h99.gov.vn/track/"},
			[]string{"da duoc tiep nhan", "Hen tra ket qua 17:00 15/12/2026", "https://dichvucong.h99.gov.vn/track/000.00.10.H99-261201-0001"}},
		{"supplementation: what is missing (Form 02)", func(f notify.Facts) notify.Facts { f.Kind = notify.KindSupplement; return f },
			[]string{"Nội dung cần bổ sung: Thiếu bản sao Giấy chứng sinh", "What is missing: Thiếu bản sao", "Mẫu 02"},
			[]string{"can bo sung: Thieu ban sao Giay chung sinh", "..."}},
		{"supplementation before reception names the filing time", func(f notify.Facts) notify.Facts {
			f.Kind, f.Code, f.TrackURL = notify.KindSupplement, "", ""
			return f
		}, []string{"nộp lúc 08:30 01/12/2026", "filed at 08:30 01/12/2026"}, []string{"Ho so nop luc 08:30 01/12/2026 can bo sung"}},
		{"apology and new date (RULES-VN §4, Form 04)", func(f notify.Facts) notify.Facts { f.Kind = notify.KindExtended; return f },
			[]string{"Sở Tư pháp xin lỗi Ông/Bà Nguyễn Văn Dân", "(17:00 10/12/2026)", "Lý do: Thiếu", "hẹn lại ngày trả kết quả: 17:00 15/12/2026", "Mẫu 04", "apologises", "New date for the result: 17:00 15/12/2026"},
			[]string{"Xin loi Ong/Ba", "Hen lai 17:00 15/12/2026", "Ly do: Thieu"}},
		{"result ready at the counter", func(f notify.Facts) notify.Facts { f.Kind = notify.KindResultReady; return f },
			[]string{"đã có kết quả", "đến Bộ phận Một cửa", "collect it"}, []string{"da co ket qua. Moi nhan tai Bo phan Mot cua."}},
		{"result ready online", func(f notify.Facts) notify.Facts { f.Kind, f.Return = notify.KindResultReady, "online"; return f },
			[]string{"kết quả điện tử", "Download the electronic result"}, []string{"Nhan ket qua dien tu: https://"}},
		{"rejected: the decision is ready (Decree 61 Art. 21)", func(f notify.Facts) notify.Facts {
			f.Kind, f.Outcome = notify.KindDecision, "rejected"
			return f
		}, []string{"không đủ điều kiện giải quyết", "not eligible"}, []string{"khong du dieu kien giai quyet. Ly do:"}},
		{"stopped at the applicant's request, no reason", func(f notify.Facts) notify.Facts {
			f.Kind, f.Outcome, f.Reason = notify.KindDecision, "stopped", ""
			return f
		}, []string{"dừng giải quyết", "has been stopped"}, []string{"da dung giai quyet. Tra cuu:"}},
		{"result handed to the post (Decision 45/2016)", func(f notify.Facts) notify.Facts { f.Kind = notify.KindPosted; return f },
			[]string{"giao cho bưu chính ngày 16/12/2026", "handed to the post on 16/12/2026"}, []string{"da gui qua buu dien ngay 16/12/2026"}},
		{"refused at reception (Form 03)", func(f notify.Facts) notify.Facts { f.Kind, f.Code = notify.KindRefused, ""; return f },
			[]string{"không được tiếp nhận", "Mẫu 03", "was not accepted"}, []string{"khong duoc tiep nhan. Ly do: Thieu"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := notify.Render(c.f(facts("")))
			if err != nil {
				t.Fatal(err)
			}
			vi := strings.Index(r.Body, "Kính gửi Ông/Bà Nguyễn Văn Dân")
			en := strings.Index(r.Body, "-- English --")
			if vi != 0 || en < 0 || !strings.Contains(r.Subject, " / ") {
				t.Fatalf("Vietnamese first, English under it:\n%s\n%s", r.Subject, r.Body)
			}
			for _, s := range c.email {
				if !strings.Contains(r.Body, s) {
					t.Errorf("e-mail lacks %q:\n%s", s, r.Body)
				}
			}
			for _, s := range c.sms {
				if !strings.Contains(r.SMS, s) {
					t.Errorf("SMS lacks %q: %s", s, r.SMS)
				}
			}
			// One GSM-7 segment, no diacritics.
			n, ok := notify.GSMLength(r.SMS)
			if !ok || n > notify.SMSLimit {
				t.Errorf("SMS not one GSM-7 segment (%d, %v): %s", n, ok, r.SMS)
			}
			if r.Zalo.Template == "" || r.Zalo.Data["customer_name"] != "Nguyễn Văn Dân" {
				t.Errorf("zalo payload %+v", r.Zalo)
			}
		})
	}
}

func TestPlainGSM(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Hồ sơ đã được tiếp nhận", "Ho so da duoc tiep nhan"},
		{"ĐĂNG KÝ KHAI SINH", "DANG KY KHAI SINH"},
		{"Ủy ban nhân dân — “xã”", "Uy ban nhan dan - \"xa\""},
		{"giấy tờ… 日本", "giay to... ??"},
	} {
		got := notify.Plain(c.in)
		if got != c.want {
			t.Errorf("Plain(%q) = %q, want %q", c.in, got, c.want)
		}
		if _, ok := notify.GSMLength(got); !ok {
			t.Errorf("Plain(%q) is not GSM-7", c.in)
		}
	}
	if n, ok := notify.GSMLength("a{b}€"); !ok || n != 8 {
		t.Errorf("extended characters count twice: %d %v", n, ok)
	}
	if _, ok := notify.GSMLength("Hồ sơ"); ok {
		t.Error("diacritics are not GSM-7")
	}
}
