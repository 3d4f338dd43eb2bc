package forms

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/go-pdf/fpdf"
	qrcode "github.com/skip2/go-qrcode"
)

// qrSize is the printed side of the QR code in millimetres: large enough for
// a phone to read a 60–100 character URL at medium error correction.
const qrSize = 22.0

// qrPNG encodes content as a QR code (ISO/IEC 18004, which TCVN 7322:2009
// adopts, as Circular 01/2023 requires) in a PNG. Medium error correction
// survives the smudges and folds a paper slip collects.
func qrPNG(content string) ([]byte, error) {
	if content == "" {
		return nil, errors.New("qr: empty content")
	}
	png, err := qrcode.Encode(content, qrcode.Medium, 256)
	if err != nil {
		return nil, fmt.Errorf("qr: encode %q: %w", content, err)
	}
	return png, nil
}

// qr places a QR code PNG with its top-left corner at (x, y). A failure is
// recorded in the document and returned by render.
func (d *doc) qr(png []byte, x, y float64) {
	opt := fpdf.ImageOptions{ImageType: "PNG"}
	const name = "qr"
	d.pdf.RegisterImageOptionsReader(name, opt, bytes.NewReader(png))
	d.pdf.ImageOptions(name, x, y, qrSize, qrSize, false, opt, 0, "")
}
