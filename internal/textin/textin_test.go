package textin

import "testing"

func TestRules(t *testing.T) {
	cases := []struct {
		name             string
		in               string
		line, block, nam bool
	}{
		{"plain", "Nguyễn Văn An", true, true, true},
		{"empty", "", true, true, true},
		{"nul", "admin\x00", false, false, false},
		{"esc", "An\x1b[31m", false, false, false},
		{"del", "An\x7f", false, false, false},
		{"c1", "An\u0085", false, false, false},
		{"newline", "dòng 1\ndòng 2", false, true, false},
		{"crlf", "a\r\nb", false, true, false},
		{"tab", "a\tb", false, true, false},
		{"bidi_override", "An\u202Egnp.exe", false, false, false},
		{"bidi_isolate", "\u2066An\u2069", false, false, false},
		{"zero_width_only", "\u200b\u200c\u200d", true, true, false},
		{"zero_width_inside", "Ng\u200buyễn", true, true, false},
		{"bom", "\ufeffAn", true, true, false},
		{"hangul_filler_only", "\u3164\u3164", true, true, false},
		{"bad_utf8", "An\xff", false, false, false},
		{"emoji_and_cjk", "Lê 黎 🙂", true, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, ok := Line(c.in); ok != c.line {
				t.Errorf("Line(%q) = %v, want %v", c.in, ok, c.line)
			}
			if _, ok := Block(c.in); ok != c.block {
				t.Errorf("Block(%q) = %v, want %v", c.in, ok, c.block)
			}
			p, ok := Name(c.in)
			if ok != c.nam {
				t.Errorf("Name(%q) = %v, want %v", c.in, ok, c.nam)
			}
			if !ok && (p.Vi() == "" || p.En() == "" || p.Vi() == p.En()) {
				t.Errorf("problem must be described in both languages: %q / %q", p.Vi(), p.En())
			}
		})
	}
}

func FuzzLine(f *testing.F) {
	for _, s := range []string{"", "An", "a\x00b", "\u202e", "\xff", "dòng\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, line := Line(s)
		_, block := Block(s)
		_, name := Name(s)
		// Line is the strictest transport rule and Name adds to it.
		if line && !block || name && !line {
			t.Fatalf("rules not nested for %q: line=%v block=%v name=%v", s, line, block, name)
		}
		if line {
			for _, r := range s {
				if r < 0x20 || r == 0x7f || IsBidiControl(r) {
					t.Fatalf("Line accepted %q", s)
				}
			}
		}
	})
}
