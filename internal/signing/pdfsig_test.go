package signing_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/signing"
)

// pdfsigSignature is what poppler's pdfsig says of one signature.
type pdfsigSignature struct {
	commonName string
	valid      bool // "Signature Validation: Signature is Valid."
	total      bool // "Total document signed"
}

// pdfsig runs poppler's pdfsig without certificate validation (it would
// need our root in an NSS database, and certutil is not installed with
// poppler-utils). Without pdfsig the check is skipped locally and fails in
// CI (CI=true), which installs poppler-utils as it does for pdftotext.
func pdfsig(t *testing.T, doc []byte) []pdfsigSignature {
	t.Helper()
	bin, err := exec.LookPath("pdfsig")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdfsig not found; CI must install poppler-utils")
		}
		t.Skip("pdfsig not found: install poppler-utils to cross-check signatures")
	}
	f := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(f, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command(bin, "-nocert", "-no-ocsp", f)
	cmd.Stdout, cmd.Stderr = &out, &out
	_ = cmd.Run() // pdfsig exits non-zero on a bad signature; the text says which
	var sigs []pdfsigSignature
	for _, l := range strings.Split(out.String(), "\n") {
		l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "- "))
		switch {
		case strings.HasPrefix(l, "Signature #"):
			sigs = append(sigs, pdfsigSignature{})
		case len(sigs) == 0:
		case strings.HasPrefix(l, "Signer Certificate Common Name: "):
			sigs[len(sigs)-1].commonName = strings.TrimPrefix(l, "Signer Certificate Common Name: ")
		case l == "Signature Validation: Signature is Valid.":
			sigs[len(sigs)-1].valid = true
		case l == "Total document signed":
			sigs[len(sigs)-1].total = true
		}
	}
	if len(sigs) == 0 && !strings.Contains(out.String(), "does not contain any signatures") {
		t.Fatalf("pdfsig said nothing we can read:\n%s", out.String())
	}
	return sigs
}

// Poppler agrees with our verdicts on the files we sign: the same number of
// signatures, the same signer, the same integrity and coverage.
func TestPdfsigAgrees(t *testing.T) {
	p := newPKI(t)
	form := mustSign(t, p.seal, form01(t), sealReq)
	two := mustSign(t, p.leader, mustSign(t, p.seal, resultPDF(t), sealReq), leaderReq)
	changed := bytes.Clone(form)
	i := bytes.Index(changed, []byte("/Producer"))
	changed[i+1] ^= 0x20
	for _, tc := range []struct {
		name string
		doc  []byte
		want signing.Code
	}{
		{"Form 01 sealed", form, signing.Valid},
		{"result sealed then signed by the leader", two, signing.Valid},
		{"a byte changed after signing", changed, signing.Modified},
		{"bytes appended after signing", append(bytes.Clone(form), "\n% edited\n"...), signing.Modified},
		{"unsigned", resultPDF(t), signing.Unsigned},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := mustVerify(t, tc.doc, p.opts())
			if rep.Verdict.Code != tc.want {
				t.Fatalf("our verdict %s, want %s", rep.Verdict.Code, tc.want)
			}
			theirs := pdfsig(t, tc.doc)
			if len(theirs) != len(rep.Signatures) {
				t.Fatalf("pdfsig sees %d signatures, we see %d", len(theirs), len(rep.Signatures))
			}
			for i, s := range rep.Signatures {
				if theirs[i].commonName != s.Certificate.Subject.CommonName {
					t.Errorf("signature %d: pdfsig signer %q, ours %q", i+1, theirs[i].commonName, s.Certificate.Subject.CommonName)
				}
				if theirs[i].valid != s.Intact {
					t.Errorf("signature %d: pdfsig valid %v, our intact %v", i+1, theirs[i].valid, s.Intact)
				}
				if theirs[i].total != s.CoversWholeDocument {
					t.Errorf("signature %d: pdfsig total %v, ours %v", i+1, theirs[i].total, s.CoversWholeDocument)
				}
			}
		})
	}
}
