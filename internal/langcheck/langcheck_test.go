package langcheck

import (
	"slices"
	"testing"
)

func TestFindsTheOtherLanguage(t *testing.T) {
	cases := []struct {
		name, text string
		english    []string
		vietnamese []string
	}{
		{"a Vietnamese sentence", "Cần ghi rõ lý do khi yêu cầu bổ sung (Mẫu 02).", nil, []string{"Cần", "rõ", "lý", "yêu", "cầu", "bổ", "Mẫu"}},
		{"the mixed error of issue 22", "thời hạn không hợp lệ / invalid time limit", []string{"invalid", "time", "limit"}, []string{"thời", "hạn", "không", "hợp", "lệ"}},
		{"an English sentence", "The clock stopped for supplementation.", []string{"The", "for", "supplementation"}, nil},
		{"formats and systems are both languages'", "Tải PDF, XLSX; đăng nhập VNeID", nil, []string{"Tải", "đăng", "nhập"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := English(c.text); !slices.Equal(got, c.english) {
				t.Errorf("English(%q) = %q, want %q", c.text, got, c.english)
			}
			if got := Vietnamese(c.text); !slices.Equal(got, c.vietnamese) {
				t.Errorf("Vietnamese(%q) = %q, want %q", c.text, got, c.vietnamese)
			}
		})
	}
}
