package web

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/internal/index766"
)

// Charts of the 766 dashboard, drawn on the server as SVG text by pure
// functions: no script, no external file, no style attribute (the content
// security policy refuses inline styles), only presentation attributes.
//
// Safety: every string that comes from data (agency names, labels, titles,
// links) goes through svgEsc, which escapes <, >, &, ' and "; numbers are
// written by strconv; colours and element names are constants. The result is
// well-formed XML (the tests parse it with encoding/xml) and can be embedded
// in a page as template.HTML.
//
// Layout: the root <svg> has width="100%" and a height in CSS pixels but no
// viewBox, and horizontal positions are percentages. Bars and lines stretch
// with the screen while the text keeps its size, so the charts stay readable
// on a 360-px phone and do not grow huge on a wide screen.
//
// Accessibility: each chart is role="img", named by its <title> and described
// by a <desc> that says every number in words; the page shows the same data
// in a table next to the chart. Colours reach 3:1 against white for shapes
// and 4.5:1 for text, and colour is never the only cue (patterns, marker
// shapes, dashes and the band name written out).

// Colours.
const (
	colText     = "#1a1a1a"
	colMuted    = "#4d4d4d"
	colGrid     = "#c7c7c7"
	colEarned   = "#0b4f9c"
	colTrack    = "#767676"
	colHatch    = "#595959"
	colHatchBg  = "#e6e6e6"
	colNoData   = "#f0f0f0"
	colOnTime   = "#a50e0e"
	colWhite    = "#ffffff"
	fontSize    = "15"
	fontSizeSm  = "13"
	maxNameRune = 44
)

// bandColour is the fill of a band, each dark enough for white text (≥ 4.5:1).
var bandColour = map[string]string{
	"excellent": "#0b6e2e",
	"good":      "#0b4f9c",
	"fair":      "#7a5c00",
	"average":   "#b34700",
	"weak":      "#a50e0e",
}

// esc escapes text and attribute values.
func svgEsc(s string) string { return html.EscapeString(s) }

// fmtNum writes v with dec decimals the way the language writes numbers:
// 1.234,50 in Vietnamese, 1,234.50 in English.
func fmtNum(lang string, v float64, dec int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', dec, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	thousands, point := ".", ","
	if lang == "en" {
		thousands, point = ",", "."
	}
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(point)
		b.WriteString(frac)
	}
	return b.String()
}

// fmtPts writes points with 2 decimals, or none when whole (54, 82,50).
func fmtPts(lang string, v float64) string {
	if v == math.Trunc(v) {
		return fmtNum(lang, v, 0)
	}
	return fmtNum(lang, v, 2)
}

// fmtCount writes a count with thousands separators.
func fmtCount(lang string, n int64) string { return fmtNum(lang, float64(n), 0) }

// pct is a percentage coordinate.
func svgPct(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) + "%" }

// px is a pixel coordinate.
func svgPx(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }

// shorten cuts a name to n runes with an ellipsis; the full name is kept in
// a <title> and in the table.
func svgShorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// textFn translates a message key; charts receive the page's.
type textFn func(key string, args ...any) string

// svgDoc writes the root element with its accessible name and description.
func svgDoc(b *strings.Builder, id string, height float64, title, desc string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" id="%s" width="100%%" height="%s" role="img" aria-labelledby="%s-title %s-desc" font-size="%s" fill="%s">`,
		svgEsc(id), svgPx(height), svgEsc(id), svgEsc(id), fontSize, colText)
	fmt.Fprintf(b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, svgEsc(id), svgEsc(title), svgEsc(id), svgEsc(desc))
}

// emptyChart is the chart of no data: a sentence, said twice (drawn and
// described).
func emptyChart(id, title, none string) string {
	var b strings.Builder
	svgDoc(&b, id, 32, title, none)
	fmt.Fprintf(&b, `<text x="0" y="20" fill="%s">%s</text></svg>`, colMuted, svgEsc(none))
	return b.String()
}

// groupBar is one group of the index for the bar chart.
type groupBar struct {
	Name                    string
	Points, Max, Unmeasured float64
}

// Layout of the group chart, in pixels.
const (
	gRowH    = 52.0
	gBarY    = 24.0 // from the row's top
	gBarH    = 18.0
	gSpan    = 99.5 // percent of the width used by the longest bar
	gLegendH = 24.0
)

// groupScale is the points the full width stands for: the largest maximum.
func groupScale(groups []groupBar) float64 {
	scale := 0.0
	for _, g := range groups {
		scale = math.Max(scale, g.Max)
	}
	return scale
}

// groupsChart draws, per group, a track as long as the group's maximum (on
// one scale for all groups, so a 22-point group is longer than a 10-point
// one), filled up to the points earned, with the unmeasured part at its end
// hatched. A legend follows.
func groupsChart(id, title, lang string, t textFn, groups []groupBar) string {
	scale := groupScale(groups)
	if len(groups) == 0 || scale <= 0 {
		return emptyChart(id, title, t("dash.svg.none"))
	}
	var desc []string
	for _, g := range groups {
		s := t("dash.svg.group_desc", g.Name, fmtNum(lang, g.Points, 2), fmtPts(lang, g.Max))
		if g.Unmeasured > 0 {
			s += " " + t("dash.svg.group_unmeasured", fmtPts(lang, g.Unmeasured))
		}
		desc = append(desc, s)
	}
	w := func(v float64) float64 { return v / scale * gSpan }
	legendTop := gRowH*float64(len(groups)) + 8
	var b strings.Builder
	svgDoc(&b, id, legendTop+3*gLegendH, title, strings.Join(desc, " "))
	fmt.Fprintf(&b, `<defs><pattern id="%s-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`+
		`<rect width="6" height="6" fill="%s"/><line x1="0" y1="0" x2="0" y2="6" stroke="%s" stroke-width="2.5"/></pattern></defs>`,
		svgEsc(id), colHatchBg, colHatch)
	for i, g := range groups {
		y := gRowH * float64(i)
		measured := math.Max(0, g.Max-g.Unmeasured)
		fmt.Fprintf(&b, `<g class="group">`)
		// Name and value in one line of text: it cannot overlap itself on a
		// narrow screen.
		fmt.Fprintf(&b, `<text x="0" y="%s">%s <tspan font-weight="700">%s</tspan></text>`, svgPx(y+16), svgEsc(g.Name+":"),
			svgEsc(t("dash.svg.of", fmtNum(lang, g.Points, 2), fmtPts(lang, g.Max))))
		// The track: what the group is worth; white where points were lost.
		fmt.Fprintf(&b, `<rect class="track" x="0" y="%s" width="%s" height="%s" fill="%s" stroke="%s" stroke-width="1"/>`,
			svgPx(y+gBarY), svgPct(w(g.Max)), svgPx(gBarH), colWhite, colTrack)
		if g.Points > 0 {
			fmt.Fprintf(&b, `<rect class="earned" x="0" y="%s" width="%s" height="%s" fill="%s"/>`,
				svgPx(y+gBarY), svgPct(w(math.Min(g.Points, g.Max))), svgPx(gBarH), colEarned)
		}
		if g.Unmeasured > 0 {
			fmt.Fprintf(&b, `<rect class="unmeasured" x="%s" y="%s" width="%s" height="%s" fill="url(#%s-hatch)" stroke="%s" stroke-width="1"/>`,
				svgPct(w(measured)), svgPx(y+gBarY), svgPct(w(math.Min(g.Unmeasured, g.Max))), svgPx(gBarH), svgEsc(id), colTrack)
		}
		b.WriteString(`</g>`)
	}
	legend := []struct{ fill, stroke, text string }{
		{colEarned, colEarned, t("dash.svg.legend_earned")},
		{colWhite, colTrack, t("dash.svg.legend_lost")},
		{"url(#" + svgEsc(id) + "-hatch)", colTrack, t("dash.svg.legend_unmeasured")},
	}
	for i, l := range legend {
		y := legendTop + gLegendH*float64(i)
		fmt.Fprintf(&b, `<rect x="1" y="%s" width="22" height="14" fill="%s" stroke="%s" stroke-width="1"/><text x="32" y="%s">%s</text>`,
			svgPx(y), l.fill, l.stroke, svgPx(y+12), svgEsc(l.text))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// trendPoint is one week of the trend; a nil value is a week without data,
// drawn as a gap, never as 0.
type trendPoint struct {
	Label  string   // short, under the axis: 07/12
	Long   string   // in the description: 07/12–13/12/2026
	Total  *float64 // out of 100
	OnTime *float64 // 2.1's ratio in percent
}

// Layout of the trend chart, in pixels and percent.
const (
	tTop     = 24.0
	tPlotH   = 200.0
	tLeft    = 7.0  // percent: room for the axis labels
	tRight   = 94.0 // percent: room for the last week's label
	tLegendH = 22.0
)

// trendY is the vertical pixel of a value from 0 to 100.
func trendY(v float64) float64 {
	v = math.Max(0, math.Min(100, v))
	return tTop + (100-v)*tPlotH/100
}

// trendX is the horizontal percent of week i of n.
func trendX(i, n int) float64 {
	if n <= 1 {
		return (tLeft + tRight) / 2
	}
	return tLeft + float64(i)*(tRight-tLeft)/float64(n-1)
}

// trendChart draws the total (solid line, filled dots) and 2.1's ratio
// (dashed line, hollow dots) week by week on one 0–100 scale, with the
// bands' lower bounds as grid lines. A week without data is shaded and
// breaks the lines.
func trendChart(id, title, lang string, t textFn, weeks []trendPoint) string {
	some := false
	for _, w := range weeks {
		some = some || w.Total != nil || w.OnTime != nil
	}
	if !some {
		return emptyChart(id, title, t("dash.svg.none"))
	}
	var desc []string
	for _, w := range weeks {
		switch {
		case w.Total == nil && w.OnTime == nil:
			desc = append(desc, t("dash.svg.week_none", w.Long))
		default:
			total := t("dash.svg.na")
			if w.Total != nil {
				total = fmtNum(lang, *w.Total, 2)
			}
			if w.OnTime == nil {
				desc = append(desc, t("dash.svg.week_no21", w.Long, total))
			} else {
				desc = append(desc, t("dash.svg.week", w.Long, total, fmtNum(lang, *w.OnTime, 2)))
			}
		}
	}
	n := len(weeks)
	step := (tRight - tLeft) / math.Max(1, float64(n-1))
	axisY := tTop + tPlotH
	legendTop := axisY + 34
	var b strings.Builder
	svgDoc(&b, id, legendTop+3*tLegendH, title, strings.Join(desc, " "))
	// Weeks without data, shaded: one band per run of such weeks.
	gap := func(i int) bool { return weeks[i].Total == nil && weeks[i].OnTime == nil }
	for i := 0; i < n; i++ {
		if !gap(i) {
			continue
		}
		j := i
		for j+1 < n && gap(j+1) {
			j++
		}
		fmt.Fprintf(&b, `<rect class="gap" x="%s" y="%s" width="%s" height="%s" fill="%s"/>`,
			svgPct(trendX(i, n)-step/2), svgPx(tTop), svgPct(step*float64(j-i+1)), svgPx(tPlotH), colNoData)
		i = j
	}
	// Grid: 0, the bands' lower bounds (named: they classify the total), 100.
	type gridLine struct {
		v    float64
		band string
	}
	grid := []gridLine{{0, ""}, {100, ""}}
	for _, band := range index766.Bands() {
		if band.Min > 0 {
			grid = append(grid, gridLine{band.Min, inLang(lang, band.NameVI, band.NameEN)})
		}
	}
	for _, g := range grid {
		y := trendY(g.v)
		label := fmtNum(lang, g.v, 0)
		if g.band != "" {
			label += " " + g.band
		}
		fmt.Fprintf(&b, `<line x1="0" y1="%s" x2="100%%" y2="%s" stroke="%s" stroke-width="1"/>`, svgPx(y), svgPx(y), colGrid)
		fmt.Fprintf(&b, `<text x="0" y="%s" font-size="%s" fill="%s">%s</text>`, svgPx(y-3), fontSizeSm, colMuted, svgEsc(label))
	}
	// Week labels: every other one, ending with the last.
	for i, w := range weeks {
		if (n-1-i)%2 != 0 {
			continue
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="%s" text-anchor="middle" fill="%s">%s</text>`,
			svgPct(trendX(i, n)), svgPx(axisY+18), fontSizeSm, colMuted, svgEsc(w.Label))
	}
	series := []struct {
		name   string
		get    func(trendPoint) *float64
		colour string
		dash   string
		hollow bool
	}{
		{"total", func(p trendPoint) *float64 { return p.Total }, colEarned, "", false},
		{"ontime", func(p trendPoint) *float64 { return p.OnTime }, colOnTime, "6 4", true},
	}
	for _, s := range series {
		fmt.Fprintf(&b, `<g class="series-%s">`, s.name)
		dash := ""
		if s.dash != "" {
			dash = ` stroke-dasharray="` + s.dash + `"`
		}
		for i := 1; i < n; i++ {
			a, c := s.get(weeks[i-1]), s.get(weeks[i])
			if a == nil || c == nil {
				continue
			}
			fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="2.5"%s/>`,
				svgPct(trendX(i-1, n)), svgPx(trendY(*a)), svgPct(trendX(i, n)), svgPx(trendY(*c)), s.colour, dash)
		}
		for i, w := range weeks {
			v := s.get(w)
			if v == nil {
				continue
			}
			fill, r := s.colour, "4.5"
			if s.hollow {
				fill, r = colWhite, "4"
			}
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="%s" stroke-width="2"/>`,
				svgPct(trendX(i, n)), svgPx(trendY(*v)), r, fill, s.colour)
		}
		b.WriteString(`</g>`)
	}
	// The latest total, written next to its dot.
	for i := n - 1; i >= 0; i-- {
		if v := weeks[i].Total; v != nil {
			fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" font-weight="700" fill="%s">%s</text>`,
				svgPct(trendX(i, n)), svgPx(trendY(*v)-9), colEarned, fmtNum(lang, *v, 2))
			break
		}
	}
	// Legend.
	y := legendTop
	fmt.Fprintf(&b, `<line x1="0" y1="%s" x2="28" y2="%s" stroke="%s" stroke-width="2.5"/><circle cx="14" cy="%s" r="4.5" fill="%s"/><text x="36" y="%s">%s</text>`,
		svgPx(y), svgPx(y), colEarned, svgPx(y), colEarned, svgPx(y+5), svgEsc(t("dash.svg.legend_total")))
	y += tLegendH
	fmt.Fprintf(&b, `<line x1="0" y1="%s" x2="28" y2="%s" stroke="%s" stroke-width="2.5" stroke-dasharray="6 4"/><circle cx="14" cy="%s" r="4" fill="%s" stroke="%s" stroke-width="2"/><text x="36" y="%s">%s</text>`,
		svgPx(y), svgPx(y), colOnTime, svgPx(y), colWhite, colOnTime, svgPx(y+5), svgEsc(t("dash.svg.legend_ontime")))
	y += tLegendH
	fmt.Fprintf(&b, `<rect x="1" y="%s" width="26" height="14" fill="%s" stroke="%s" stroke-width="1"/><text x="36" y="%s">%s</text>`,
		svgPx(y-7), colNoData, colGrid, svgPx(y+5), svgEsc(t("dash.svg.legend_gap")))
	b.WriteString(`</svg>`)
	return b.String()
}

// rankBar is one agency in the ranking, best first.
type rankBar struct {
	Rank     int
	Name     string
	Total    float64
	BandCode string
	BandName string
	Href     string
	Current  bool // the agency the page shows
}

// Layout of the ranking chart.
const (
	rHead = 22.0
	rRowH = 52.0
	rBarY = 24.0
	rBarH = 22.0
	rSpan = 99.5 // percent of the width standing for 100 points
	// rInside is the total from which the value is written inside the bar.
	rInside = 45.0
)

// rankX is the percent where a total ends on the ranking's 0–100 scale.
func rankX(v float64) float64 { return math.Max(0, math.Min(100, v)) * rSpan / 100 }

// rankingChart draws each agency's total on a 0–100 scale in its band's
// colour, with the bands' lower bounds as dashed lines; the name and the
// bar link to the agency's dashboard. Links leave the tab order
// (tabindex="-1"): the table beside the chart holds the same links for
// keyboards and screen readers, which treat the chart as one image.
func rankingChart(id, title, lang string, t textFn, rows []rankBar) string {
	if len(rows) == 0 {
		return emptyChart(id, title, t("dash.svg.none"))
	}
	var desc []string
	for _, r := range rows {
		desc = append(desc, t("dash.svg.rank_desc", r.Rank, r.Name, fmtNum(lang, r.Total, 2), r.BandName))
	}
	height := rHead + rRowH*float64(len(rows))
	var b strings.Builder
	svgDoc(&b, id, height, title, strings.Join(desc, " "))
	for _, band := range index766.Bands() {
		if band.Min <= 0 {
			continue
		}
		v := band.Min
		x := svgPct(rankX(v))
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="1" stroke-dasharray="3 3"/>`,
			x, svgPx(rHead-4), x, svgPx(height), colGrid)
		fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="%s" text-anchor="middle" fill="%s">%s</text>`,
			x, svgPx(rHead-8), fontSizeSm, colMuted, fmtNum(lang, v, 0))
	}
	for i, r := range rows {
		y := rHead + rRowH*float64(i)
		colour := bandColour[r.BandCode]
		if colour == "" {
			colour = colMuted
		}
		name := fmt.Sprintf("%d. %s", r.Rank, svgShorten(r.Name, maxNameRune))
		weight := ""
		if r.Current {
			name += " " + t("dash.svg.current")
			weight = ` font-weight="700"`
		}
		fmt.Fprintf(&b, `<a href="%s" tabindex="-1"><title>%s</title>`, svgEsc(r.Href), svgEsc(r.Name))
		// The whole row answers a tap, not only the painted text and bar.
		fmt.Fprintf(&b, `<rect class="hit" x="0" y="%s" width="100%%" height="%s" fill="%s" fill-opacity="0"/>`, svgPx(y), svgPx(rRowH), colWhite)
		fmt.Fprintf(&b, `<text x="0" y="%s" fill="%s" text-decoration="underline"%s>%s</text>`, svgPx(y+17), colEarned, weight, svgEsc(name))
		end := rankX(r.Total)
		fmt.Fprintf(&b, `<rect class="bar" x="0" y="%s" width="%s" height="%s" fill="%s"/>`, svgPx(y+rBarY), svgPct(end), svgPx(rBarH), colour)
		value := svgEsc(fmtNum(lang, r.Total, 2) + " · " + r.BandName)
		if r.Total >= rInside {
			fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="end" fill="%s" font-weight="700">%s</text>`, svgPct(end-1), svgPx(y+rBarY+16), colWhite, value)
		} else {
			fmt.Fprintf(&b, `<text x="%s" y="%s" fill="%s" font-weight="700">%s</text>`, svgPct(end+1), svgPx(y+rBarY+16), colText, value)
		}
		b.WriteString(`</a>`)
	}
	b.WriteString(`</svg>`)
	return b.String()
}
