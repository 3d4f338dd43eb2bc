package catalog

import "strings"

// Online service levels (Decree 42/2022/NĐ-CP Art. 11(1), RULES-VN.md §7).
const (
	OnlineFull    = "full"    // dịch vụ công trực tuyến toàn trình
	OnlinePartial = "partial" // dịch vụ công trực tuyến một phần
	OnlineNone    = "none"
	OnlineUnknown = "unknown" // the source does not say
)

// KnownOnlineLevel reports whether level is one the index can count.
func KnownOnlineLevel(level string) bool {
	return level == OnlineFull || level == OnlinePartial || level == OnlineNone
}

// Audience of a procedure for 766 indicator 4.5a.
const (
	AudienceCitizens      = "citizens"      // individuals may file it
	AudienceOrganisations = "organisations" // organisations only
	AudienceUnknown       = ""              // the source lists no subjects
)

// individuals are the subjects that make a procedure one "for citizens" in
// 4.5a: Vietnamese citizens, Vietnamese residing abroad and foreigners
// (RULES-VN.md §6.2 group 4, "TTHC có đối tượng là công dân"). Civil
// servants file as individuals too.
var individuals = []string{"công dân", "người việt nam định cư", "người nước ngoài", "cá nhân", "cán bộ, công chức"}

// Audience classifies the published subjects (đối tượng thực hiện).
func (p Procedure) Audience() string {
	s := strings.ToLower(strings.TrimSpace(p.Subjects))
	if s == "" {
		return AudienceUnknown
	}
	for _, w := range individuals {
		if strings.Contains(s, w) {
			return AudienceCitizens
		}
	}
	return AudienceOrganisations
}
