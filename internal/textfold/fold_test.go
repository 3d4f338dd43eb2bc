package textfold

import "testing"

func TestFold(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"precomposed", "Đăng ký khai sinh", "dang ky khai sinh"},
		{"decomposed_input", "Đa\u0306ng ky\u0301", "dang ky"},
		{"upper_d_stroke", "ĐỒNG THÁP", "dong thap"},
		{"spaces_collapsed", "  Nguyễn   Văn\tA ", "nguyen van a"},
		{"ascii_unchanged", "abc 123", "abc 123"},
		{"empty", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Fold(c.in); got != c.want {
				t.Fatalf("Fold(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestNFC(t *testing.T) {
	if got := NFC(" Đa\u0306ng "); got != "Đăng" {
		t.Fatalf("NFC = %q", got)
	}
}

func BenchmarkFold(b *testing.B) {
	for b.Loop() {
		Fold("Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở")
	}
}
