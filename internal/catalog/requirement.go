package catalog

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/motcua/motcua/internal/textfold"
)

// Requirement says whether a paper must be provided. The published
// component list mixes the papers every applicant brings with the ones only
// some cases need ("Trường hợp trẻ em bị bỏ rơi…"); shown with equal weight
// they make a citizen hunt for papers the law does not ask of them (Decree
// 45/2020 and Decree 118/2025: only what the published procedure asks, and
// only in the case it names, may be asked).
type Requirement string

const (
	Required    Requirement = "required"    // every filing of the channels it applies to
	Conditional Requirement = "conditional" // only in the case Condition names
	Optional    Requirement = "optional"    // "(nếu có)": provided when the applicant has it
)

// Channels a component may be limited to. The values are those of
// dossier.Channel (KenhThucHien), kept as strings so that the catalogue does
// not depend on the dossier package.
const (
	ChannelCounter = "counter"
	ChannelOnline  = "online"
	ChannelPostal  = "postal"
)

// Classification is what the published text of a component says about when
// it is asked.
type Classification struct {
	Requirement Requirement
	// Condition is the case, in the text's own Vietnamese words, for a
	// conditional paper ("trẻ em bị bỏ rơi").
	Condition string
	// Channels limits the paper to some filing channels; empty means all.
	// The paper declaration is for counter and postal filings, the
	// interactive e-form replaces it online.
	Channels ChannelSet
}

// maxCondition bounds the condition kept from a text: it is shown beside the
// paper as a hint, the full text stays in the name.
const maxCondition = 200

var (
	leadingCase = regexp.MustCompile(`(?i)^(trường hợp|nếu) `)
	// A case stated inside the paper's own clause: "… trong trường hợp ủy
	// quyền…", "… đối với trường hợp đăng ký giám hộ cử".
	innerCase = regexp.MustCompile(`(?i)(?:\(|\s)(?:trong|đối với)\s+(?:các\s+)?trường hợp\s+`)
	// A case ends where its consequence starts ("thì", "phải", "không
	// phải" — the negation belongs to the consequence), where the list of
	// papers starts ("hồ sơ gồm"), or at a clause mark.
	// Only after a leading "Trường hợp" is "phải" the consequence; inside
	// the paper's clause ("trong trường hợp phương tiện không phải đăng
	// ký") it is part of the case.
	caseEnd     = regexp.MustCompile(`(?i)(?:^|\s+)(?:thì|theo các phương thức|theo quy định tại)\s|,?\s+(?:hồ sơ (?:bao )?gồm|kèm theo)(?:\s|$|:)|[.;:)(]`)
	leadingEnd  = regexp.MustCompile(`(?i)(?:^|\s+)(?:thì|(?:không )?phải|theo các phương thức|theo quy định tại)\s|,?\s+(?:hồ sơ (?:bao )?gồm|kèm theo)(?:\s|$|:)|[.;:)(]`)
	channelIn   = regexp.MustCompile(`(?i)trường hợp (?:nộp|gửi)(?: hồ sơ)?(?: theo hình thức)?\s+([^);]*)`)
	numbered    = regexp.MustCompile(`^([0-9]{1,2})\s*:\s*(.*)$`)
	dangling    = regexp.MustCompile(`(?i)\s(?:về|mà|của|là|gồm|như)$`)
	channelCase = regexp.MustCompile(`(?i)^(?:nộp|gửi)(?: hồ sơ)?(?: theo hình thức)?\s+(?:trực tiếp|trực tuyến|qua|thông qua)`)
	ifHas       = regexp.MustCompile(`(?i)\(\s*nếu có\s*\)`)
	channelFor  = regexp.MustCompile(`(?i)nếu (?:người có yêu cầu lựa chọn )?(?:nộp|gửi) hồ sơ (?:theo hình thức|qua)\s+([^);]*)`)
	inPerson    = regexp.MustCompile(`(?i)khi (?:làm thủ tục|nộp hồ sơ) trực tiếp`)
	bullet      = regexp.MustCompile(`^[-+•*\s]+`)
)

// Classify reads a component's published text. It is pure and conservative:
// a text it cannot read as a case or as optional is required, so that a
// reading mistake asks for one paper too many rather than one too few.
func Classify(text string) Classification {
	// The condition keeps the text's own letters; matching ignores case.
	s := strings.Join(strings.Fields(textfold.NFC(bullet.ReplaceAllString(text, ""))), " ")
	c := Classification{Requirement: Required, Channels: channelsOf(s)}
	// Only the paper's own first clause decides: what follows a full stop or
	// a semicolon is an exception or an alternative to the paper ("Giấy
	// chứng sinh; trường hợp không có Giấy chứng sinh thì…" is still asked,
	// one way or another).
	first := s
	if i := strings.IndexAny(first, ".;"); i >= 0 {
		first = first[:i]
	}
	switch {
	case leadingCase.MatchString(first):
		c.Requirement = Conditional
		rest := first[len(leadingCase.FindString(first)):]
		// "Trường hợp 1: Điều chỉnh dự án…": the case is what follows.
		if m := numbered.FindStringSubmatch(rest); m != nil {
			rest = m[2]
		}
		c.Condition = cutCase(rest, leadingEnd)
	case ifHas.MatchString(first):
		c.Requirement = Optional
	default:
		locs := innerCase.FindAllStringIndex(first, -1)
		// "Tờ khai … trong trường hợp người yêu cầu là cá nhân hoặc Văn bản
		// … trong trường hợp người yêu cầu là cơ quan": two cases joined
		// by "hoặc" are alternatives of one paper every applicant brings.
		if len(locs) == 1 || (len(locs) > 1 && !strings.Contains(strings.ToLower(first[locs[0][1]:locs[1][0]]), " hoặc ")) {
			c.Requirement = Conditional
			c.Condition = cutCase(first[locs[0][1]:], caseEnd)
		}
	}
	if c.Requirement == Conditional && channelCase.MatchString(c.Condition) {
		// "(trường hợp nộp trực tiếp hoặc thông qua dịch vụ bưu chính)" is
		// a channel, not a case of the applicant's.
		// The paper is asked on the channels the text names (all three:
		// every filing, in a different form each).
		var ch ChannelSet
		for _, m := range channelIn.FindAllStringSubmatch(s, -1) {
			ch |= channelWords(m[1])
		}
		if ch == ChannelSet(1<<len(channelOrder))-1 {
			ch = 0
		}
		c.Requirement, c.Condition, c.Channels = Required, "", ch
	}
	if c.Requirement == Conditional && vague[strings.ToLower(c.Condition)] {
		// "trong các trường hợp sau": the cases are listed elsewhere; asking
		// is safer than a condition that says nothing.
		c.Condition = ""
	}
	if c.Requirement == Conditional && isDigits(c.Condition) {
		c.Condition = "trường hợp " + c.Condition
	}
	if c.Requirement == Conditional && c.Condition == "" {
		c.Requirement = Required
	}
	return c
}

var vague = map[string]bool{"sau": true, "sau đây": true, "nêu trên": true, "trên": true, "này": true, "đó": true}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func cutCase(s string, end *regexp.Regexp) string {
	if loc := end.FindStringIndex(s); loc != nil {
		head, tail := s[:loc[0]], s[loc[1]:]
		// "Trường hợp nội dung đăng ký thay đổi về: tên hộ kinh doanh…":
		// a case cut at a colon after a dangling word goes on after it.
		if s[loc[1]-1] == ':' && dangling.MatchString(strings.TrimSpace(head)) {
			if more := cutCase(tail, end); more != "" {
				head = strings.TrimSpace(head) + " " + more
			}
		}
		s = head
	}
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ","))
	s = strings.TrimSpace(dangling.ReplaceAllString(s, ""))
	if len(s) > maxCondition {
		s = s[:maxCondition]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
		s += "…"
	}
	return s
}

// channelsOf reads "(nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức
// trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính)" and "… khi làm thủ tục
// trực tiếp". The empty set means the text limits nothing.
func channelsOf(s string) ChannelSet {
	var out ChannelSet
	for _, m := range channelFor.FindAllStringSubmatch(s, -1) {
		out |= channelWords(m[1])
	}
	if out == 0 && inPerson.MatchString(s) {
		out, _ = Channels(ChannelCounter)
	}
	return out
}

// channelWords maps the channel words of a phrase ("trực tiếp hoặc gửi hồ
// sơ qua hệ thống bưu chính") to channels.
func channelWords(phrase string) ChannelSet {
	phrase = strings.ToLower(phrase)
	var names []string
	if strings.Contains(phrase, "trực tiếp") {
		names = append(names, ChannelCounter)
	}
	if strings.Contains(phrase, "bưu chính") || strings.Contains(phrase, "bưu điện") {
		names = append(names, ChannelPostal)
	}
	if strings.Contains(phrase, "trực tuyến") {
		names = append(names, ChannelOnline)
	}
	set, _ := Channels(names...)
	return set
}

// AppliesTo reports whether the paper is asked of a filing through channel.
func (c Component) AppliesTo(channel string) bool {
	return c.Channels.Has(channel)
}

// Asked reports whether a filing through channel must carry the paper:
// required and applying to the channel. Conditional papers are asked only
// when their case applies, which the applicant knows and the system does
// not; optional ones never.
func (c Component) Asked(channel string) bool {
	return c.Requirement == Required && c.AppliesTo(channel)
}

// Applicable is a component of a procedure with its position in
// Procedure.Components, which is how filings and receipts refer to it.
type Applicable struct {
	Index int
	Component
}

// ComponentsFor lists the components a filing through channel may carry, in
// published order: the filing form offers them and the counter checklist
// lists them; the others (the paper declaration online, the e-form at the
// counter) are not asked at all.
func (p Procedure) ComponentsFor(channel string) []Applicable {
	var out []Applicable
	for i, c := range p.Components {
		if c.AppliesTo(channel) {
			out = append(out, Applicable{Index: i, Component: c})
		}
	}
	return out
}

// MissingRequired lists the indexes of the papers a filing through channel
// must carry and does not: provided tells whether paper i was uploaded or
// handed over.
func (p Procedure) MissingRequired(channel string, provided func(i int) bool) []int {
	var out []int
	for i, c := range p.Components {
		if c.Asked(channel) && !provided(i) {
			out = append(out, i)
		}
	}
	return out
}

// UnmarshalJSON keeps procedure versions stored before components carried a
// requirement loadable: the requirement is derived from the published text,
// as the importer derives it today.
func (c *Component) UnmarshalJSON(b []byte) error {
	type plain Component
	var v plain
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*c = Component(v)
	switch {
	case c.Requirement == "":
		c.classify()
	case !ValidRequirement(c.Requirement):
		return fmt.Errorf("catalog: component requirement %q is not required, conditional or optional", c.Requirement)
	}
	return nil
}

func (c *Component) classify() {
	k := Classify(c.Name)
	c.Requirement, c.Condition, c.Channels = k.Requirement, k.Condition, k.Channels
}

// ValidRequirement reports whether r is one of the three requirements.
func ValidRequirement(r Requirement) bool {
	return r == Required || r == Conditional || r == Optional
}
