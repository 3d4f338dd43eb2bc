package org

import "testing"

func TestValidCode_Decision20_2020_Art4(t *testing.T) {
	cases := []struct {
		code string
		ok   bool
	}{
		{"000.00.01.H22", true},
		{"H15.50.05.13", true},
		{"G01", true},
		{"h22", false},     // upper-case only
		{"000..01", false}, // empty group
		{".H22", false},    // leading dot
		{"H22-01", false},  // dash not allowed
		{"A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S", false}, // 37 chars: over the 35 max
		{"A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R", true},    // exactly 35
	}
	for _, c := range cases {
		if got := ValidCode(c.code); got != c.ok {
			t.Errorf("ValidCode(%q) = %v, want %v", c.code, got, c.ok)
		}
	}
}

func TestActorCovers(t *testing.T) {
	a := Actor{Scope: []int64{2, 3}}
	if !a.Covers(3) || a.Covers(4) {
		t.Fatal("scope check wrong")
	}
	if !(Actor{AllScope: true}).Covers(99) {
		t.Fatal("all scope must cover everything")
	}
}
