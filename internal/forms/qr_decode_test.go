package forms

import (
	"bytes"
	"image"
	_ "image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// The QR code printed on Form 01 is read back from the PDF itself, as a
// phone would read it from paper, and must carry that dossier's tracking URL
// (issue 16 item 13): without this, removing the code or printing another
// dossier's URL passed every test.
func TestReceiptQRDecodes(t *testing.T) {
	for _, url := range []string{trackURL, "https://motcua.example.vn/track/000.00.31.H26-261201-0007"} {
		f := receipt()
		f.TrackURL = url
		var buf bytes.Buffer
		if err := RenderReceipt(&buf, f); err != nil {
			t.Fatal(err)
		}
		codes := pdfQRCodes(t, buf.Bytes())
		if len(codes) != 1 || codes[0] != url {
			t.Fatalf("QR codes on Form 01: %q, want exactly [%q]", codes, url)
		}
	}
}

// pdfQRCodes extracts every image of a PDF with poppler's pdfimages and
// returns the text of those that decode as QR codes.
func pdfQRCodes(t *testing.T, pdf []byte) []string {
	t.Helper()
	bin, err := exec.LookPath("pdfimages")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdfimages not found; CI must install poppler-utils")
		}
		t.Skip("pdfimages not found: skipping the QR decoding check")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "form.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-png", in, filepath.Join(dir, "img")).CombinedOutput(); err != nil {
		t.Fatalf("pdfimages: %v: %s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "img-*.png"))
	var codes []string
	for _, p := range pngs {
		fh, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		img, _, err := image.Decode(fh)
		fh.Close()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		bmp, err := gozxing.NewBinaryBitmapFromImage(img)
		if err != nil {
			t.Fatal(err)
		}
		res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
		if err != nil {
			continue // not a QR code (a logo, a seal)
		}
		codes = append(codes, res.GetText())
	}
	return codes
}
