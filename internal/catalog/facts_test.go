package catalog

import "testing"

// 4.5a counts procedures whose subjects are individuals (RULES-VN.md §6.2
// group 4); the subjects are the catalogue's "đối tượng thực hiện".
func TestAudience_766_4_5a(t *testing.T) {
	cases := []struct{ subjects, want string }{
		{"Công dân Việt Nam", AudienceCitizens},
		{"Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam", AudienceCitizens},
		{"Người Việt Nam định cư ở nước ngoài", AudienceCitizens},
		{"Người nước ngoài", AudienceCitizens},
		{"Doanh nghiệp, Hợp tác xã", AudienceOrganisations},
		{"Tổ chức nước ngoài, Doanh nghiệp có vốn đầu tư nước ngoài", AudienceOrganisations},
		{"", AudienceUnknown},
		{"   ", AudienceUnknown},
	}
	for _, c := range cases {
		if got := (Procedure{Subjects: c.subjects}).Audience(); got != c.want {
			t.Errorf("%q: %q, want %q", c.subjects, got, c.want)
		}
	}
}

func TestKnownOnlineLevel_Decree42_Art11(t *testing.T) {
	for level, want := range map[string]bool{"full": true, "partial": true, "none": true, "unknown": false, "": false, "4": false} {
		if KnownOnlineLevel(level) != want {
			t.Errorf("%q: %v", level, !want)
		}
	}
}
