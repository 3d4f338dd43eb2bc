package api_test

import (
	"context"
	"testing"
)

// Uploads honour Idempotency-Key like every other write (issue 16 item 11):
// the same key and body three times is one file; the same key with another
// body is the usual conflict; no key is a fresh upload each time.
func TestUploadIdempotency(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		count := func() int {
			var n int
			if err := e.st.QueryRow(context.Background(), `SELECT COUNT(*) FROM files`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		before := count()
		key := map[string]string{"Idempotency-Key": newKey()}
		first := e.uploadPart("citizen", "file", "giay-to.pdf", pdf, key)
		if first.status != 201 || first.str("file_id") == "" {
			t.Fatalf("upload: %d %s", first.status, first.raw)
		}
		for i := range 2 {
			again := e.uploadPart("citizen", "file", "giay-to.pdf", pdf, key)
			if again.status != 201 || again.str("file_id") != first.str("file_id") || again.header.Get("Idempotent-Replayed") != "true" {
				t.Fatalf("retry %d: %d %s (first %s)", i+1, again.status, again.raw, first.raw)
			}
		}
		if n := count(); n != before+1 {
			t.Fatalf("three uploads with one key stored %d files", n-before)
		}
		other := append(append([]byte{}, pdf...), "% another\n"...)
		for name, r := range map[string]resp{
			"other_body": e.uploadPart("citizen", "file", "giay-to.pdf", other, key),
			"other_name": e.uploadPart("citizen", "file", "khac.pdf", pdf, key),
		} {
			if r.status != 422 || r.errCode() != "idempotency_key_reused" {
				t.Fatalf("%s with the same key: %d %s", name, r.status, r.raw)
			}
			bilingual(t, r)
		}
		// Another user's key space is their own.
		if r := e.uploadPart("counter", "file", "giay-to.pdf", pdf, key); r.status != 201 || r.str("file_id") == first.str("file_id") {
			t.Fatalf("another user, same key: %d %s", r.status, r.raw)
		}
		// Without a key every upload is new, as before.
		a, b := e.upload("citizen", "a.pdf", pdf), e.upload("citizen", "a.pdf", pdf)
		if a.status != 201 || b.status != 201 || a.str("file_id") == b.str("file_id") {
			t.Fatalf("keyless uploads: %s / %s", a.raw, b.raw)
		}
	})
}
