package web_test

import (
	"net/url"
	"testing"
)

// A NUL byte, another control character or a bidi override in a page's
// path, its query, a posted form or a file name is answered with the error
// page (400) in both databases, instead of a 500 on PostgreSQL or a stored
// NUL on SQLite (issue 16 item 3).
func TestPagesRefuseControlCharacters(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		const msg = "ký tự điều khiển không được phép"
		anon := e.browser()
		anon.get("/procedures/%00").must(t, 400, msg)
		anon.get("/track/H%00").must(t, 400, msg)
		anon.get("/track?code=%1B%5B2J").must(t, 400, msg)
		anon.get("/procedures?q=%E2%80%AE").must(t, 400, msg)
		anon.get("/login")
		anon.post("/login", url.Values{"username": {"admin\x00"}, "password": {"x"}}).must(t, 400, msg)

		// A filing form: a NUL in a value, a bidi override in a file name.
		b := e.signedIn("citizen")
		key := citFormKey(t, b.get(citFilePath).must(t, 200))
		form := citApplicant(key)
		form.Set("address", "12 Lê Lợi\x00")
		b.citPostFiles(citFilePath, form, citFile{"file_0", "to-khai.pdf", citPDF("to khai")}).must(t, 400, msg)
		key = citFormKey(t, b.get(citFilePath).must(t, 200))
		b.citPostFiles(citFilePath, citApplicant(key), citFile{"file_0", "to-khai\u202efdp.exe", citPDF("to khai")}).must(t, 400, msg)
		// A multi-line address is legitimate text.
		key = citFormKey(t, b.get(citFilePath).must(t, 200))
		form = citApplicant(key)
		form.Set("address", "12 Lê Lợi\r\nphường Trung Tâm")
		b.citPostFiles(citFilePath, form, citFile{"file_0", "to-khai.pdf", citPDF("to khai")}).must(t, 200, "Đã nộp hồ sơ.")
	})
}
