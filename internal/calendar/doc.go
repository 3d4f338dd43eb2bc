// Package calendar is the working-day calendar of Một Cửa: the Vietnamese
// lunar calendar, the public-holiday schedules, and due-date arithmetic with
// explanations. It is pure (no I/O, no clock) and uses only the standard
// library.
//
// # Time
//
// All civil dates and times are in Vietnam's zone, UTC+07:00 ([Zone], a fixed
// zone: no daylight saving since 1975, no tzdata needed). Working hours
// default to 07:00–11:30 and 13:30–17:00, Monday to Friday ([DefaultConfig];
// each province may set its own in [Config]).
//
// # Lunar calendar
//
// [SolarToLunar] and [LunarToSolar] implement the Vietnamese lunisolar
// calendar with Hồ Ngọc Đức's method: new moons (Meeus' series) and major
// solar terms computed at UTC+7, month 11 holding the winter solstice, the
// first month without a major term being the leap month. Chinese-calendar
// libraries reckon at UTC+8 and are wrong for Vietnam in some years (Tết
// 1985: 21 January in Vietnam, 20 February in China; 2007: 17 vs 18
// February). The range 1900–2100 ([MinYear]..[MaxYear]) is precomputed into a
// table of month starts, so conversions are exact inverses of each other.
//
// # Holidays
//
// Public holidays follow the Labour Code 2019 (45/2019/QH14), Art. 112(1):
// New Year's Day 1/1; Tết Nguyên Đán, 5 days chosen each year by the Prime
// Minister; Hùng Kings' day, 10/3 lunar; Reunification Day 30/4; Labour Day
// 1/5; National Day 2/9 plus one adjacent day. Art. 111(3): a holiday on the
// weekly rest day gives the next working day off. 2019–2020 fall under the
// Labour Code 2012 (Art. 115: National Day one day). Officially announced
// schedules of 2019–2026 — which days exactly, including swaps of a weekday
// for a make-up Saturday — ship as data (officialSchedules, from the
// notices cited in data/holidays-vn-official.json). An administrator enters
// a new notice as a [Schedule] in [Config.Overrides]. Years not yet
// announced get [ProposeSchedule]: the statute applied mechanically (Tết =
// the last two days of the lunar year and mùng 1–3, which reproduces every
// official Tết 2019–2026; compensatory days for weekend holidays; no swaps).
//
// # Due dates
//
// [Calendar.Due] follows the Civil Code 2015, Art. 147–148, and the practice
// recorded in RULES-VN §3:
//
//   - working_days N: the period starts the day after receipt (Art. 147);
//     due at closing time (17:00) of the Nth working day after the receipt
//     date, whatever the receipt time; a receipt on a non-working day (online,
//     on a Sunday) counts from that date;
//   - days N: due at closing time of receipt date + N; if that is not a
//     working day, of the next working day (Art. 148);
//   - same_day: received on a working day by 15:00 → closing time that day;
//     otherwise closing time of the next working day;
//   - working_hours N: N hours of working time from the receipt instant, for
//     internal steps (a half day is 4 hours);
//   - supplementation ([Calendar.Resume]): the clock stops while the applicant
//     supplements; the due date moves later by the working time that passed
//     between request and supplementation (DVCQG: "thời gian bổ sung" is
//     excluded);
//   - extension ([Calendar.Extend], Form 04): a person sets a new due date,
//     once, requested before the current due date; the calendar validates
//     and explains it, the dossier package enforces "once".
//
// Every [Due] lists the non-working days it skipped with their reasons and an
// explanation in Vietnamese then English.
//
// # Performance
//
// [New] precomputes, for every day of the index range (default 2000–2100),
// whether it is worked and the count of working days before it, plus the
// ordered list of working days. Adding N working days is two array reads,
// working time between two instants is O(1), and [Calendar.DueAt], the
// server's path, does not allocate. Measured (go test -bench . -run xxx
// ./internal/calendar/, AMD EPYC, 2 vCPU; see BENCHMARKS.md "## Calendar"):
//
//	BenchmarkDueAt_WorkingDays      ~12 ns/op   0 allocs   (~85 million due dates/s per core)
//	BenchmarkDueAt_MixedUnits       ~13 ns/op   0 allocs
//	BenchmarkDue_WithExplanation   ~4–7 µs/op  31 allocs   (explanation text dominates)
//	BenchmarkSolarToLunar           ~48 ns/op   0 allocs
//
// Building a calendar takes about 3 ms; [Default] builds it once.
package calendar
