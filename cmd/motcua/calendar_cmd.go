package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/motcua/motcua/internal/calendar"
)

const calendarUsage = "motcua calendar lunar DATE... | holidays YEAR | due --received RFC3339 --amount N --unit working_days|days|same_day"

// calendarMain runs "motcua calendar …" (args start after the word
// "calendar"). Output is machine-friendly, one item per line; bad input gets
// exactly one bilingual line on stderr and exit status 2, so scripts can tell
// usage errors from success.
func calendarMain(args []string, stdout, stderr io.Writer) int {
	fail := func(format string, a ...any) int {
		msg := fmt.Sprintf(format, a...)
		// Keep the promise of one line even if a message ever has a newline.
		msg = strings.ReplaceAll(msg, "\n", " ")
		fmt.Fprintf(stderr, "motcua calendar: %s\n", msg)
		return 2
	}
	if len(args) == 0 {
		return fail("thiếu lệnh con / missing subcommand (%s)", calendarUsage)
	}
	switch args[0] {
	case "lunar":
		return calendarLunar(args[1:], stdout, fail)
	case "holidays":
		return calendarHolidays(args[1:], stdout, fail)
	case "due":
		return calendarDue(args[1:], stdout, fail)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, "usage: "+calendarUsage)
		return 0
	}
	return fail("lệnh con không tồn tại / unknown subcommand %q (%s)", args[0], calendarUsage)
}

type failFunc func(format string, a ...any) int

func calendarLunar(args []string, stdout io.Writer, fail failFunc) int {
	if len(args) == 0 {
		return fail("thiếu ngày / missing DATE (motcua calendar lunar YYYY-MM-DD...)")
	}
	// Convert everything first: on bad input nothing is printed on stdout.
	lines := make([]string, 0, len(args))
	for _, a := range args {
		d, err := calendar.ParseDate(a)
		if err != nil {
			return fail("%v", err)
		}
		l, err := calendar.SolarToLunar(d)
		if err != nil {
			return fail("%v", err)
		}
		lines = append(lines, d.String()+" L:"+l.String())
	}
	fmt.Fprintln(stdout, strings.Join(lines, "\n"))
	return 0
}

func calendarHolidays(args []string, stdout io.Writer, fail failFunc) int {
	if len(args) != 1 {
		return fail("cần đúng một năm / exactly one YEAR expected (motcua calendar holidays YEAR)")
	}
	year, err := strconv.Atoi(args[0])
	if err != nil || len(args[0]) != 4 {
		return fail("năm không hợp lệ / invalid year %q", args[0])
	}
	c := calendar.Default()
	days, err := c.Holidays(year)
	if err != nil {
		first, last := c.Range()
		return fail("năm %d ngoài phạm vi hỗ trợ / year %d outside the supported range %d–%d", year, year, first.Year, last.Year)
	}
	var b strings.Builder
	for _, d := range days {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	io.WriteString(stdout, b.String())
	return 0
}

func calendarDue(args []string, stdout io.Writer, fail failFunc) int {
	fs := flag.NewFlagSet("motcua calendar due", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported by fail, on one line
	received := fs.String("received", "", "receipt instant, RFC3339")
	amount := fs.String("amount", "", "time limit amount (integer ≥ 0)")
	unit := fs.String("unit", "", "working_days, days, same_day (or working_hours)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stdout, "usage: motcua calendar due --received RFC3339 --amount N --unit working_days|days|same_day")
			return 0
		}
		return fail("tham số không hợp lệ / invalid arguments: %v", err)
	}
	if fs.NArg() > 0 {
		return fail("tham số thừa / unexpected arguments %q", fs.Args())
	}
	if *received == "" {
		return fail("thiếu --received / missing --received (RFC3339, e.g. 2025-01-24T16:20:00+07:00)")
	}
	t, err := time.Parse(time.RFC3339, *received)
	if err != nil {
		return fail("thời điểm tiếp nhận không hợp lệ / invalid --received %q (RFC3339, e.g. 2025-01-24T16:20:00+07:00)", *received)
	}
	if *unit == "" {
		return fail("thiếu --unit / missing --unit (working_days, days, same_day)")
	}
	u, err := calendar.ParseUnit(*unit)
	if err != nil {
		return fail("đơn vị không hợp lệ / unknown unit %q (working_days, days, same_day)", *unit)
	}
	n := 0
	switch {
	case *amount == "" && u != calendar.SameDay:
		return fail("thiếu --amount / missing --amount")
	case *amount != "":
		n, err = strconv.Atoi(*amount)
		if err != nil {
			return fail("số lượng không hợp lệ / invalid amount %q", *amount)
		}
		if n < 0 {
			return fail("số lượng âm / negative amount %d", n)
		}
	}
	due, err := calendar.Default().DueAt(t, calendar.Rule{Amount: n, Unit: u})
	if err != nil {
		return fail("%v", err)
	}
	fmt.Fprintln(stdout, due.In(calendar.Zone).Format(time.RFC3339))
	return 0
}
