package calendar

import (
	"fmt"
	"strings"
	"time"
)

// Explanations are one paragraph, Vietnamese first then English, meant to be
// shown to the applicant and the officer as is (DESIGN: "deadlines are
// explainable"). They are built only by Due, Resume and Extend; DueAt, the
// server's hot path, never pays for them.

// ExplainSep parts the Vietnamese and the English explanation of a due date
// (Due.Explain, stored with the dossier): a page shows the one its reader
// chose (ExplainIn); the API and the record keep both.
const ExplainSep = "\n\n"

// ExplainIn is the part of an explanation in lang ("vi" or "en"); one
// written before the parts were separated is returned whole.
func ExplainIn(explain, lang string) string {
	vi, en, ok := strings.Cut(explain, ExplainSep)
	if !ok {
		return explain
	}
	if lang == "en" {
		return en
	}
	return vi
}

func fmtTime(t time.Time) string { return t.In(Zone).Format("15:04 02/01/2006") }

func fmtDateVI(d Date) string { return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year) }

// viDay: "Thứ sáu 24/01/2025"; enDay: "Friday 2025-01-24".
func viDay(d Date) string { return viWeekday(d.Weekday()) + " " + fmtDateVI(d) }
func enDay(d Date) string { return d.Weekday().String() + " " + d.String() }

func viWeekday(w time.Weekday) string { return shortNote(weekdayName(w)) }

// skippedSummary condenses skipped days: plain weekends are counted, holiday
// days are grouped by occasion into date ranges.
func skippedSummary(s []Skipped) (vi, en string) {
	if len(s) == 0 {
		return "không có ngày nghỉ nào bị bỏ qua", "no non-working day was skipped"
	}
	weekends := 0
	type group struct {
		from, to Date
		vi, en   string
	}
	var groups []group
	for _, k := range s {
		wvi, wen, plain := occasion(k)
		if plain {
			weekends++
			continue
		}
		if n := len(groups); n > 0 && groups[n-1].vi == wvi && groups[n-1].to.AddDays(1) == k.Date {
			groups[n-1].to = k.Date
			continue
		}
		groups = append(groups, group{k.Date, k.Date, wvi, wen})
	}
	var vparts, eparts []string
	if weekends > 0 {
		vparts = append(vparts, fmt.Sprintf("%d ngày nghỉ cuối tuần", weekends))
		eparts = append(eparts, fmt.Sprintf("%d weekend day(s)", weekends))
	}
	for _, g := range groups {
		vr, er := fmtDateVI(g.from), g.from.String()
		if g.to != g.from {
			vr += "–" + fmtDateVI(g.to)
			er += "–" + g.to.String()
		}
		vparts = append(vparts, vr+": "+g.vi)
		eparts = append(eparts, er+": "+g.en)
	}
	return fmt.Sprintf("bỏ qua %d ngày không làm việc (%s)", len(s), strings.Join(vparts, "; ")),
		fmt.Sprintf("%d non-working day(s) skipped (%s)", len(s), strings.Join(eparts, "; "))
}

// occasion returns the occasion part of a reason ("Tết … — kind" → "Tết …")
// in each language, and whether the day is an ordinary weekend day.
func occasion(k Skipped) (vi, en string, plain bool) {
	if k.Reason == weekdayName(k.Date.Weekday()) && isWeekend(k.Date) {
		return "", "", true
	}
	head := func(s string) string {
		if i := strings.Index(s, " — "); i > 0 {
			return s[:i]
		}
		return s
	}
	return head(NoteIn(k.Reason, "vi")), head(NoteIn(k.Reason, "en")), false
}

func (c *Calendar) hoursText() string {
	parts := make([]string, len(c.hours))
	for i, p := range c.hours {
		parts[i] = p.String()
	}
	return strings.Join(parts, ", ")
}

func (c *Calendar) explainDue(d Due) string {
	recv := d.From
	rd := DateOf(recv)
	dd := DateOf(d.At)
	var vi, en string
	switch d.Rule.Unit {
	case WorkingDays:
		vi = fmt.Sprintf("Thời hạn %d ngày làm việc, tính từ ngày tiếp theo ngày tiếp nhận (Bộ luật Dân sự 2015, Điều 147), hết hạn vào giờ đóng cửa của ngày làm việc thứ %d", d.Rule.Amount, d.Rule.Amount)
		en = fmt.Sprintf("Time limit %d working days, counted from the day after receipt (Civil Code 2015 Art. 147), ending at closing time of the %s working day", d.Rule.Amount, ordinal(d.Rule.Amount))
	case Days:
		target := rd.AddDays(d.Rule.Amount)
		vi = fmt.Sprintf("Thời hạn %d ngày, tính từ ngày tiếp theo ngày tiếp nhận (Bộ luật Dân sự 2015, Điều 147), ngày cuối cùng là %s", d.Rule.Amount, viDay(target))
		en = fmt.Sprintf("Time limit %d calendar days, counted from the day after receipt (Civil Code 2015 Art. 147), last day %s", d.Rule.Amount, enDay(target))
		if target != dd {
			vi += "; ngày đó là ngày nghỉ nên hết hạn vào cuối ngày làm việc tiếp theo (Điều 148)"
			en += "; that is not a working day, so the period ends with the next working day (Art. 148)"
		}
	case SameDay:
		cut := clock(c.cutoff)
		if rd == dd {
			vi = fmt.Sprintf("Giải quyết trong ngày: tiếp nhận trong ngày làm việc, không muộn hơn %s, nên trả trong ngày", cut)
			en = fmt.Sprintf("Same-day procedure: received on a working day by %s, so due the same day", cut)
		} else {
			vi = fmt.Sprintf("Giải quyết trong ngày: tiếp nhận sau %s hoặc vào ngày nghỉ, nên trả vào ngày làm việc tiếp theo", cut)
			en = fmt.Sprintf("Same-day procedure: received after %s or on a non-working day, so due the next working day", cut)
		}
	case WorkingHours:
		vi = fmt.Sprintf("Thời hạn %d giờ làm việc (giờ làm việc %s, ngày làm việc %s)", d.Rule.Amount, c.hoursText(), durText(c.perDay))
		en = fmt.Sprintf("Budget %d working hours (working hours %s, a working day is %s)", d.Rule.Amount, c.hoursText(), durText(c.perDay))
	}
	sv, se := skippedSummary(d.Skipped)
	return fmt.Sprintf("Tiếp nhận lúc %s (%s). %s; %s. Hạn trả kết quả: %s (%s)."+ExplainSep+"Received %s (%s). %s; %s. Due %s (%s).",
		fmtTime(recv), viWeekday(rd.Weekday()), vi, sv, fmtTime(d.At), viWeekday(dd.Weekday()),
		recv.Format("2006-01-02 15:04"), rd.Weekday(), en, se, d.At.Format("2006-01-02 15:04"), dd.Weekday())
}

func (c *Calendar) explainResume(d Due, suspended, resumed time.Time) string {
	sv, se := skippedSummary(d.Skipped)
	return fmt.Sprintf("Tạm dừng tính thời hạn để bổ sung hồ sơ từ %s đến %s: %s thời gian làm việc (tính tròn phút, bỏ phần giây lẻ). Hạn cũ %s được cộng thêm khoảng thời gian đó; %s. Hạn mới: %s (%s)."+ExplainSep+
		"The clock stopped for supplementation from %s to %s: %s of working time (in whole minutes, seconds dropped). The previous due date %s moves later by that time; %s. New due date %s (%s).",
		fmtTime(suspended), fmtTime(resumed), durText(d.Suspended), fmtTime(d.From), sv, fmtTime(d.At), viWeekday(DateOf(d.At).Weekday()),
		suspended.Format("2006-01-02 15:04"), resumed.Format("2006-01-02 15:04"), durText(d.Suspended), d.From.Format("2006-01-02 15:04"), se, d.At.Format("2006-01-02 15:04"), DateOf(d.At).Weekday())
}

func (c *Calendar) explainExtend(d Due, requested time.Time) string {
	sv, se := skippedSummary(d.Skipped)
	extra := c.WorkingTime(d.From, d.At)
	return fmt.Sprintf("Gia hạn (Mẫu 04, xin lỗi và hẹn lại ngày trả kết quả, chỉ một lần): đề nghị lúc %s, trước hạn cũ %s; hạn mới %s (%s), thêm %s thời gian làm việc; %s."+ExplainSep+
		"Extension (Form 04, apology and new appointment, once only): requested %s, before the previous due date %s; new due date %s (%s), %s more working time; %s.",
		fmtTime(requested), fmtTime(d.From), fmtTime(d.At), viWeekday(DateOf(d.At).Weekday()), durText(extra), sv,
		requested.Format("2006-01-02 15:04"), d.From.Format("2006-01-02 15:04"), d.At.Format("2006-01-02 15:04"), DateOf(d.At).Weekday(), durText(extra), se)
}

// durText: "8h", "2h30m", "0h".
func durText(d time.Duration) string {
	h := int(d / time.Hour)
	m := int(d % time.Hour / time.Minute)
	if m == 0 {
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%02dm", h, m)
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
