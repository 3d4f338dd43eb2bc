package catalog

import (
	"slices"
	"testing"
)

// Issue 21 item 5: the receipt lists what was given, not what the
// catalogue publishes. Circular 01/2018 Form 01 item 1 lists the papers
// received with their counts.
func TestReceipt_OnlyWhatWasGiven_Circular01_2018_Form01(t *testing.T) {
	p := shipped(t)["1.001193"]
	cases := []struct {
		name     string
		channel  string
		provided map[int]Provided
		lines    []int
		missing  []int
	}{
		{"online_birth_certificate_and_eform_conditionals_absent", ChannelOnline,
			map[int]Provided{3: {Files: 1}, 7: {Files: 1}}, []int{3, 7}, nil},
		{"counter_nothing_given_lists_nothing_and_says_what_is_missing", ChannelCounter,
			nil, nil, []int{3, 5, 6}},
		{"counter_abandoned_child_record_given_is_listed", ChannelCounter,
			map[int]Provided{0: {Originals: 1}, 3: {Originals: 1}, 5: {Originals: 1}, 6: {Originals: 1}}, []int{0, 3, 5, 6}, nil},
		{"counter_zero_counts_are_not_given", ChannelCounter,
			map[int]Provided{1: {}, 3: {Originals: 1}, 5: {Originals: 1}, 6: {Originals: 1}}, []int{3, 5, 6}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines, missing := p.Receipt(c.channel, c.provided)
			var idx []int
			for _, l := range lines {
				idx = append(idx, l.Index)
				if want := c.provided[l.Index]; l.Originals != want.Originals || l.Copies != want.Copies || l.Files != want.Files {
					t.Errorf("line %d prints %+v, given %+v", l.Index, l, want)
				}
			}
			if !slices.Equal(idx, c.lines) || !slices.Equal(missing, c.missing) {
				t.Fatalf("lines %v missing %v, want %v %v", idx, missing, c.lines, c.missing)
			}
		})
	}
}

func TestIsDeclaration(t *testing.T) {
	p := shipped(t)["1.001193"]
	var got []int
	for i, c := range p.Components {
		if c.IsDeclaration() {
			got = append(got, i)
		}
	}
	if !slices.Equal(got, []int{6, 7}) {
		t.Fatalf("declarations of 1.001193: %v, want the paper form and the e-form (6, 7)", got)
	}
}

func TestComponentIndex(t *testing.T) {
	p := shipped(t)["1.001193"]
	if i := p.ComponentIndex("giay chung sinh; truong hop khong co Giay chung sinh thi nop van ban cua nguoi lam chung xac nhan ve viec sinh; neu khong co nguoi lam chung thi phai co giay cam doan ve viec sinh."); i != 3 {
		t.Errorf("folded name: %d", i)
	}
	if i := p.ComponentIndex("- " + p.Components[6].Name); i != 6 {
		t.Errorf("bulleted name: %d", i)
	}
	if i := p.ComponentIndex("Giấy tờ khác"); i != -1 {
		t.Errorf("unknown paper: %d", i)
	}
}
