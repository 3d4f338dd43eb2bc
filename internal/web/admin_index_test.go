package web_test

import (
	"net/url"
	"testing"
)

func TestAdminEntersIndexInputs(t *testing.T) {
	e := sqliteEnv(t)
	b := e.signedIn("admin")
	b.get("/admin/index-inputs").must(t, 200, "1.1 TTHC công bố đúng hạn", "chưa đo")
	form := url.Values{"agency": {"000.00.10.H99"}, "month": {"2026-11"}, "indicator": {"1.1"}, "numerator": {"12"}, "denominator": {"10"}, "note": {"QĐ 123"}}
	b.post("/admin/index-inputs", form).must(t, 422, "tử số không lớn hơn mẫu số", `value="QĐ 123"`)
	form.Set("numerator", "nine")
	b.post("/admin/index-inputs", form).must(t, 422, "Tử số và mẫu số là số nguyên")
	form.Set("numerator", "9")
	b.post("/admin/index-inputs", form).must(t, 200, "Đã lưu số liệu chỉ số.", "Sở Tư pháp", "QĐ 123")
	e.signedIn("director").post("/admin/index-inputs", form).must(t, 403)
}
