package signing_test

import (
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/langcheck"
	"github.com/motcua/motcua/internal/signing"
)

// Every verdict reads in one language each, every word, as the dossier page
// shows only the reader's language (issue 22 item 4).
func TestVerdictOneLanguageEach(t *testing.T) {
	codes := []signing.Code{signing.Valid, signing.Unsigned, signing.Modified, signing.Broken, signing.Untrusted,
		signing.Expired, signing.NotYetValid, signing.Revoked, signing.OtherSigner, signing.Code("new")}
	names := []string{"Nguyễn Thị Hĩn", justice, planning}
	for _, c := range codes {
		for _, rev := range []signing.RevocationStatus{signing.RevocationGood, signing.RevocationUnknown} {
			v := signing.Verdict{Code: c, Signer: names[0], Organization: names[1], Expected: names[2], Revocation: rev}
			vi, en := v.Message("vi"), v.Message("en")
			if vi == en || vi == "" || en == "" {
				t.Fatalf("%s: %q / %q", c, vi, en)
			}
			if w := langcheck.English(vi); len(w) > 0 {
				t.Errorf("%s: Vietnamese has English %q: %q", c, w, vi)
			}
			for _, n := range names {
				en = strings.ReplaceAll(en, n, "")
			}
			if w := langcheck.Vietnamese(en); len(w) > 0 {
				t.Errorf("%s: English has Vietnamese %q: %q", c, w, en)
			}
		}
	}
}
