package aggregate

import (
	"testing"

	"github.com/motcua/motcua/internal/dossier"
)

// The receipt-day columns behind the 766 indicators of online dossiers,
// digitization, reuse and online payment (RULES-VN.md §6.2, §6.3, §7).
func TestContributionChannelColumns_RULES_6_3(t *testing.T) {
	scanned := []dossier.ComponentFiles{{Name: "Tờ khai", FileIDs: []string{"f1"}}}
	flagged := []dossier.ComponentFiles{{Name: "Tờ khai", Digitized: true}}
	reused := []dossier.ComponentFiles{{Name: "Giấy khai sinh", FileIDs: []string{"f2"}, Reused: true}}
	result := []string{"r1"}
	cases := []struct {
		name string
		d    dossier.Dossier
		want []Column // receipt-day columns expected at 1, beside the received column
	}{
		{"online without an electronic result does not count as online for 3.3 (RULES §7, S9 §3.3)",
			dossier.Dossier{Channel: dossier.ChannelOnline, FinishedAt: at(4, 9)}, nil},
		{"online settled with an electronic result counts for 3.3 (RULES §7)",
			dossier.Dossier{Channel: dossier.ChannelOnline, FinishedAt: at(4, 9), ResultFileIDs: result},
			[]Column{OnlineEResult}},
		{"an electronic result not yet issued at settlement counts nothing: the result is attached on approval (RULES §6.2 4.1)",
			dossier.Dossier{Channel: dossier.ChannelOnline, ResultFileIDs: result}, nil},
		{"papers attached as files are digitized, but 4.2 also asks for the electronic result (RULES §6.2 group 4)",
			dossier.Dossier{Channel: dossier.ChannelCounter, Components: scanned}, []Column{Digitized}},
		{"digitized at the counter and settled with an electronic result counts for 4.2 (Circular 01/2023 Art. 7)",
			dossier.Dossier{Channel: dossier.ChannelCounter, Components: flagged, FinishedAt: at(4, 9), ResultFileIDs: result},
			[]Column{Digitized, DigitizedEResult}},
		{"a paper taken from the applicant's data store is reused and shared (4.3, 4.4; Circular 01/2023 Art. 24)",
			dossier.Dossier{Channel: dossier.ChannelOnline, Components: reused}, []Column{Digitized, Reused, Shared}},
		{"an electronic result of an account holder's dossier is filed into their store: shared for 4.4 (Art. 24(2)(d))",
			dossier.Dossier{Channel: dossier.ChannelCounter, ApplicantUserID: 5, FinishedAt: at(4, 9), ResultFileIDs: result},
			[]Column{Shared}},
		{"an electronic result of someone without an account is not shared",
			dossier.Dossier{Channel: dossier.ChannelCounter, FinishedAt: at(4, 9), ResultFileIDs: result}, nil},
		{"a procedure with a fee paid at the counter is due but not paid online (3.6)",
			dossier.Dossier{Channel: dossier.ChannelCounter, FeeVND: 8000, PaidVND: 8000}, []Column{FeeDue}},
		{"a fee paid through the online provider counts for 3.6 (DuocThanhToanTrucTuyen)",
			dossier.Dossier{Channel: dossier.ChannelOnline, FeeVND: 8000, PaidVND: 8000, PaidOnline: true}, []Column{FeeDue, PaidOnline}},
		{"a financial obligation requested later makes a free procedure's dossier fee-bearing (3.6)",
			dossier.Dossier{Channel: dossier.ChannelCounter, PaymentDueVND: 50000}, []Column{FeeDue}},
		{"a free procedure is outside 3.6", dossier.Dossier{Channel: dossier.ChannelOnline}, nil},
	}
	receipt := []Column{Digitized, DigitizedEResult, OnlineEResult, FeeDue, PaidOnline, Reused, Shared}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.d.ProcessingAgencyID, c.d.ProcedureCode = 3, "1.000001"
			c.d.ReceivedAt, c.d.DueAt = at(1, 9), at(10, 17)
			got := Contribution(&c.d, dayStart)
			row := got[Key{AgencyID: 3, Procedure: "1.000001", Day: 20261201}]
			if row == nil {
				t.Fatal("nothing counted on the receipt day")
			}
			for _, col := range receipt {
				want := int64(0)
				for _, w := range c.want {
					if w == col {
						want = 1
					}
				}
				if row[col] != want {
					t.Errorf("column %s: %d, want %d", ColumnNames[col], row[col], want)
				}
			}
		})
	}
}

// Approving with an electronic result moves the receipt day's bucket: the
// counters of the month the dossier was received change when it is settled.
func TestDiffMovesReceiptDayOnSettlement(t *testing.T) {
	before := &dossier.Dossier{ProcessingAgencyID: 1, ProcedureCode: "p", Channel: dossier.ChannelOnline, ApplicantUserID: 9,
		ReceivedAt: at(1, 9), DueAt: at(10, 17)}
	after := *before
	after.FinishedAt, after.ResultFileIDs = at(4, 10), []string{"r"}
	d := Diff(before, &after, dayStart)
	if got := *d[Key{1, "p", 20261201}]; got != (Counts{OnlineEResult: 1, Shared: 1}) {
		t.Fatalf("receipt day: %v", got)
	}
	if got := *d[Key{1, "p", 20261204}]; got != (Counts{SettledEarly: 1, Open: -1, EResult: 1}) {
		t.Fatalf("settlement day: %v", got)
	}
}

// 5.4 counts a settled dossier once whether it was rated "không hài lòng",
// complained about (PAKN), or both (RULES-VN.md §6.2 group 5).
func TestComplainedOrDislikedCountsOnce_766_5_4(t *testing.T) {
	cases := []struct {
		name                 string
		d                    dossier.Dossier
		dislikes, complained int64
	}{
		{"complained about, rated well", dossier.Dossier{FinishedAt: at(4, 9), Rating: dossier.VerySatisfied, ComplaintCount: 1}, 0, 1},
		{"disliked and complained about twice", dossier.Dossier{FinishedAt: at(4, 9), Rating: dossier.Dissatisfied, ComplaintCount: 2}, 1, 0},
		{"complained about, not yet settled: not in 5.4 until settled", dossier.Dossier{ComplaintCount: 1}, 0, 0},
		{"settled without complaint or rating", dossier.Dossier{FinishedAt: at(4, 9)}, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.d.ProcessingAgencyID, c.d.ProcedureCode, c.d.Channel = 3, "p", dossier.ChannelCounter
			c.d.ReceivedAt, c.d.DueAt = at(1, 9), at(10, 17)
			got := Contribution(&c.d, dayStart)
			if d, n := sumBefore(got, Dislikes, 20261231), sumBefore(got, Complained, 20261231); d != c.dislikes || n != c.complained {
				t.Fatalf("dislikes %d complained %d, want %d %d", d, n, c.dislikes, c.complained)
			}
		})
	}
}
