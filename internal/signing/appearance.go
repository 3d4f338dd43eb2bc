package signing

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"strings"
	"sync"
	"time"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The visible box is drawn as an image. pdfsign writes the box's text in
// the standard Times-Roman font, which has no Vietnamese letters, so the
// signer's name would print as garbage; an image drawn with the DejaVu fonts
// the forms use shows every diacritic. The signer's identity that counts is
// the certificate inside the signature, which every reader shows.

// pxPerPt is the image resolution: 3 px per point (216 dpi) stays sharp
// when printed.
const pxPerPt = 3

// The box is a JPEG, not a PNG: pdfsign copies a JPEG as it is but turns a
// PNG into raw pixels one interface call at a time, with an alpha mask,
// which made the image 60% of the cost of a signature. Quality 90 keeps
// the letters' edges clean on a white ground.
const jpegQuality = 90

var (
	fontsOnce           sync.Once
	fontsErr            error
	regularTT, boldTT   *opentype.Font
	hoChiMinh           = time.FixedZone("ICT", 7*3600)
	sealColor           = color.RGBA{0xb0, 0x10, 0x10, 0xff} // red, like an agency stamp
	personalColor       = color.RGBA{0x10, 0x30, 0x90, 0xff} // ink blue
	appearanceLineRatio = 1.35
)

func loadFonts() error {
	fontsOnce.Do(func() {
		if regularTT, fontsErr = opentype.Parse(dejavusans.TTF); fontsErr != nil {
			return
		}
		boldTT, fontsErr = opentype.Parse(dejavusansbold.TTF)
	})
	return fontsErr
}

type line struct {
	text string
	bold bool
}

// appearanceLines is what the box says, in Vietnamese: the documents are
// Vietnamese administrative documents whatever the reader's language.
func appearanceLines(kind Kind, name, title string, at time.Time) []line {
	var ls []line
	// A long agency name goes on two lines rather than shrinking the whole
	// box to a size nobody can read.
	if words := strings.Fields(name); len([]rune(name)) > 28 && len(words) > 1 {
		half, n := 0, 0
		for half < len(words)-1 && n+len([]rune(words[half])) <= len([]rune(name))/2 {
			n += len([]rune(words[half])) + 1
			half++
		}
		half = max(half, 1)
		ls = append(ls, line{"Ký bởi: " + strings.Join(words[:half], " "), true}, line{strings.Join(words[half:], " "), true})
	} else {
		ls = append(ls, line{"Ký bởi: " + name, true})
	}
	if kind == Seal {
		ls = append(ls, line{"Chữ ký số của cơ quan", false})
	} else if title != "" {
		ls = append(ls, line{"Chức vụ: " + title, false})
	}
	ls = append(ls, line{"Thời gian ký: " + at.In(hoChiMinh).Format("15:04 02/01/2006"), false})
	return ls
}

// renderAppearance draws the box as a JPEG of w×h points.
func renderAppearance(kind Kind, name, title string, at time.Time, w, h float64) ([]byte, error) {
	if err := loadFonts(); err != nil {
		return nil, fmt.Errorf("signing: fonts: %w", err)
	}
	W, H := int(w*pxPerPt), int(h*pxPerPt)
	img := image.NewRGBA(image.Rect(0, 0, W, H))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	ink := personalColor
	if kind == Seal {
		ink = sealColor
	}
	border := max(2, W/200)
	for _, r := range []image.Rectangle{
		image.Rect(0, 0, W, border), image.Rect(0, H-border, W, H),
		image.Rect(0, 0, border, H), image.Rect(W-border, 0, W, H),
	} {
		draw.Draw(img, r, image.NewUniform(ink), image.Point{}, draw.Src)
	}

	ls := appearanceLines(kind, name, title, at)
	pad := float64(border) * 4
	// The font size fits both the height (all lines) and the width (the
	// longest line), so that a long agency name shrinks instead of being cut.
	size := (float64(H) - 2*pad) / (float64(len(ls)) * appearanceLineRatio)
	faces := map[bool]font.Face{}
	defer func() {
		for _, f := range faces {
			f.Close()
		}
	}()
	face := func(bold bool, size float64) (font.Face, error) {
		tt := regularTT
		if bold {
			tt = boldTT
		}
		return opentype.NewFace(tt, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	}
	for _, l := range ls {
		f, err := face(l.bold, size)
		if err != nil {
			return nil, err
		}
		adv := font.MeasureString(f, l.text)
		f.Close()
		if avail := float64(W) - 2*pad; float64(adv.Round()) > avail {
			size *= avail / float64(adv.Round())
		}
	}
	for _, bold := range []bool{false, true} {
		f, err := face(bold, size)
		if err != nil {
			return nil, err
		}
		faces[bold] = f
	}
	d := font.Drawer{Dst: img, Src: image.NewUniform(ink)}
	lineH := size * appearanceLineRatio
	top := (float64(H) - lineH*float64(len(ls))) / 2
	for i, l := range ls {
		d.Face = faces[l.bold]
		d.Dot = fixed.P(int(pad), int(top+lineH*float64(i)+size))
		d.DrawString(l.text)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: jpegQuality}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
