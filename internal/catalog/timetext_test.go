package catalog

import "testing"

// Time limits as the national catalogue writes them per channel (the
// shipped crawl's methods[].time_raw; RULES-VN §3.1 on units).
func TestParseTimeLimit_NationalCatalogueTexts(t *testing.T) {
	cases := []struct {
		text string
		want TimeLimit
		ok   bool
	}{
		{"3 Ngày làm việc", TimeLimit{3, UnitWorkingDays}, true},
		{"05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", TimeLimit{5, UnitWorkingDays}, true},
		{"30 Ngày", TimeLimit{30, UnitDays}, true},
		{"Trong thời hạn 30 ngày, kể từ ngày nhận đủ hồ sơ hợp lệ", TimeLimit{30, UnitDays}, true},
		{"Không quá 02 ngày làm việc", TimeLimit{2, UnitWorkingDays}, true},
		{"Trong ngày", TimeLimit{0, UnitSameDay}, true},
		{"Ngay trong ngày tiếp nhận yêu cầu", TimeLimit{0, UnitSameDay}, true},
		{"1 Giờ", TimeLimit{0, UnitSameDay}, true},
		{"1", TimeLimit{}, false},                  // the bare number that lost its unit
		{"105", TimeLimit{}, false},                // idem
		{"Không có thông tin", TimeLimit{}, false}, // 2.000635 in the crawl
		{"0,5 ngày làm việc", TimeLimit{}, false},  // half days are not whole amounts
		{"0 Ngày", TimeLimit{}, false},
		{"", TimeLimit{}, false},
	}
	for _, c := range cases {
		got, ok := ParseTimeLimit(c.text)
		if got != c.want || ok != c.ok {
			t.Errorf("%q: %+v %v, want %+v %v", c.text, got, ok, c.want, c.ok)
		}
	}
}
