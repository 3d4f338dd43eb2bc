package catalog

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

func shipped(t *testing.T) map[string]Procedure {
	t.Helper()
	f, err := os.Open("../demo/data/procedures.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	procs, _, err := ParseFile(f)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]Procedure{}
	for _, p := range procs {
		by[p.Code] = p
	}
	return by
}

// The published texts of the shipped catalogue, read as the law reads them:
// Decree 45/2020 and Decree 118/2025 let an agency ask only the papers the
// published procedure lists, and a paper listed for a case only in that
// case; the channel a paper is for is the procedure's own text.
func TestClassify_PublishedTexts(t *testing.T) {
	by := shipped(t)
	cases := []struct {
		name      string
		code      string
		index     int
		prefix    string // instead of index
		want      Requirement
		condition string
		channels  []string
	}{
		// Birth registration, all eight published components.
		{"1.001193_abandoned_child_only_Decree118_2025", "1.001193", 0, "", Conditional, "trẻ em bị bỏ rơi", nil},
		{"1.001193_power_of_attorney_only_when_delegated_Decree45_2020", "1.001193", 1, "", Conditional, "ủy quyền thực hiện việc đăng ký khai sinh", nil},
		{"1.001193_surrogacy_only_Decree118_2025", "1.001193", 2, "", Conditional, "khai sinh cho trẻ em sinh ra do mang thai hộ", nil},
		{"1.001193_birth_certificate_or_its_alternatives_required_published_text", "1.001193", 3, "", Required, "", nil},
		{"1.001193_residence_paper_only_when_not_in_population_db_Decree104_2022", "1.001193", 4, "", Conditional, "cơ quan đăng ký hộ tịch không thể khai thác được thông tin về nơi cư trú của công dân", nil},
		{"1.001193_identity_paper_at_the_counter_only_published_text", "1.001193", 5, "", Required, "", []string{ChannelCounter}},
		{"1.001193_paper_declaration_counter_and_postal_only_published_text", "1.001193", 6, "", Required, "", []string{ChannelCounter, ChannelPostal}},
		{"1.001193_interactive_eform_online_only_Decree45_2020", "1.001193", 7, "", Required, "", []string{ChannelOnline}},
		// Other procedures of the catalogue.
		{"2.000635_declaration_or_request_letter_alternatives_counter_only", "2.000635", 3, "", Required, "", []string{ChannelCounter}},
		{"2.000635_power_of_attorney_only_when_delegated", "2.000635", 0, "", Conditional, "ủy quyền thực hiện yêu cầu cấp bản sao Trích lục hộ tịch", nil},
		{"1.000656_proof_of_death_for_long_dead_only", "1.000656", 2, "", Conditional, "đăng ký khai tử cho người chết đã lâu, không có Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử", nil},
		{"1.000894_marriage_declaration_counter_only", "1.000894", 0, "- Tờ khai đăng ký kết hôn", Required, "", []string{ChannelCounter}},
		{"2.000528_declaration_counter_and_postal_short_wording", "2.000528", -1, "", Required, "", []string{ChannelCounter, ChannelPostal}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, ok := by[c.code]
			if !ok {
				t.Fatalf("procedure %s not in the shipped catalogue", c.code)
			}
			i := c.index
			for j, comp := range p.Components {
				if c.prefix != "" && strings.HasPrefix(comp.Name, strings.TrimLeft(c.prefix, "- ")) {
					i = j
				}
			}
			if i < 0 {
				i = len(p.Components) + i
			}
			got := p.Components[i]
			if got.Requirement != c.want || got.Condition != c.condition || !slices.Equal(got.Channels.List(), c.channels) {
				t.Fatalf("%q\n got %s %q %v\nwant %s %q %v", got.Name, got.Requirement, got.Condition, got.Channels.List(), c.want, c.condition, c.channels)
			}
		})
	}
}

// Short texts of the forms the catalogue uses, one rule each.
func TestClassify_Rules(t *testing.T) {
	cases := []struct {
		name, text string
		want       Requirement
		condition  string
	}{
		{"leading_truong_hop_thi", "- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản.", Conditional, "trẻ em bị bỏ rơi"},
		{"leading_neu", "Nếu người yêu cầu là người nước ngoài thì nộp bản dịch.", Conditional, "người yêu cầu là người nước ngoài"},
		{"inner_doi_voi_truong_hop", "Văn bản cử người giám hộ đối với trường hợp đăng ký giám hộ cử.", Conditional, "đăng ký giám hộ cử"},
		{"neu_co_optional", "Giấy tờ chứng minh quan hệ (nếu có)", Optional, ""},
		{"exception_after_semicolon_keeps_required", "Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng", Required, ""},
		{"plain_paper_required", "Tờ khai theo mẫu", Required, ""},
		{"case_with_empty_words_stays_required", "Trường hợp thì nộp", Required, ""},
		{"leading_case_negated_consequence_1.005280", "Trường hợp ủy quyền cho đơn vị cung cấp dịch vụ bưu chính không phải là tổ chức thì nộp văn bản", Conditional, "ủy quyền cho đơn vị cung cấp dịch vụ bưu chính"},
		{"inner_case_keeps_its_negation_1.004222", "Văn bản xác nhận địa điểm đậu, đỗ trong trường hợp phương tiện không phải đăng ký", Conditional, "phương tiện không phải đăng ký"},
		{"numbered_case_reads_its_description_1.014632", "Trường hợp 1: Xác nhận điều kiện về nhà ở xã hội. Hồ sơ gồm", Conditional, "Xác nhận điều kiện về nhà ở xã hội"},
		{"numbered_case_without_description_1.009664", "(4) Đối với trường hợp 4, hồ sơ bao gồm: Văn bản đề nghị", Conditional, "trường hợp 4"},
		{"case_going_on_after_a_colon_2.000720", "* Trường hợp nội dung đăng ký thay đổi về: tên hộ kinh doanh, địa chỉ trụ sở", Conditional, "nội dung đăng ký thay đổi về tên hộ kinh doanh, địa chỉ trụ sở"},
		{"cases_listed_elsewhere_stay_required_1.010727", "Báo cáo đề xuất cấp giấy phép môi trường trong các trường hợp sau: a) dự án", Required, ""},
		{"channel_cases_are_channels_not_cases_1.013237", "Đơn đề nghị (bản gốc trong trường hợp nộp trực tiếp hoặc thông qua dịch vụ bưu chính; tệp tin trong trường hợp nộp trực tuyến)", Required, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Classify(c.text)
			if got.Requirement != c.want || got.Condition != c.condition {
				t.Fatalf("got %s %q, want %s %q", got.Requirement, got.Condition, c.want, c.condition)
			}
		})
	}
}

// Every component of the shipped catalogue gets a requirement, and a
// conditional one names its case.
func TestClassify_WholeCatalogue(t *testing.T) {
	counts := map[Requirement]int{}
	for code, p := range shipped(t) {
		for i, c := range p.Components {
			if !ValidRequirement(c.Requirement) {
				t.Errorf("%s component %d: requirement %q", code, i, c.Requirement)
			}
			if (c.Requirement == Conditional) != (c.Condition != "") {
				t.Errorf("%s component %d: %s with condition %q", code, i, c.Requirement, c.Condition)
			}
			counts[c.Requirement]++
		}
	}
	if counts[Required] == 0 || counts[Conditional] == 0 {
		t.Fatalf("classifier reads nothing: %v", counts)
	}
}

// A procedure version stored before components carried a requirement still
// loads, the requirement derived from its text.
func TestComponent_LegacyJSONDerivesRequirement(t *testing.T) {
	var p Procedure
	legacy := `{"code":"1.001193","components":[
	  {"name":"- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản.","copies_original":1,"copies_copy":0},
	  {"name":"Tờ khai (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp)","copies_original":1,"copies_copy":0},
	  {"name":"Giấy chứng sinh","copies_original":1,"copies_copy":0,"requirement":"optional"}]}`
	if err := json.Unmarshal([]byte(legacy), &p); err != nil {
		t.Fatal(err)
	}
	if c := p.Components[0]; c.Requirement != Conditional || c.Condition != "trẻ em bị bỏ rơi" {
		t.Errorf("legacy conditional: %+v", c)
	}
	if c := p.Components[1]; c.Requirement != Required || !slices.Equal(c.Channels.List(), []string{ChannelCounter}) {
		t.Errorf("legacy counter-only: %+v", c)
	}
	if c := p.Components[2]; c.Requirement != Optional {
		t.Errorf("a stored requirement (an administrator's correction) must be kept: %+v", c)
	}
	// A caller that builds components without a requirement (the admin
	// editor today) means the same content as the derived one.
	bare := p
	bare.Components = []Component{{Name: p.Components[0].Name, CopiesOriginal: 1}, {Name: p.Components[1].Name, CopiesOriginal: 1}, p.Components[2]}
	if !SameContent(p, bare) {
		t.Error("a component without a requirement must fingerprint as the derived one")
	}
	// Round trip: what is stored loads the same.
	b, _ := json.Marshal(p)
	var q Procedure
	if err := json.Unmarshal(b, &q); err != nil || !SameContent(p, q) {
		t.Fatalf("round trip changed the version: %v", err)
	}
}

// The filing form asks only what applies to its channel: online, the paper
// declaration and the identity paper shown at the counter are not asked;
// at the counter, the interactive e-form is not (item 2 of issue 21).
func TestComponentsFor_Channel_1_001193(t *testing.T) {
	p := shipped(t)["1.001193"]
	idx := func(ch string) []int {
		var out []int
		for _, a := range p.ComponentsFor(ch) {
			out = append(out, a.Index)
		}
		return out
	}
	if got := idx(ChannelOnline); !slices.Equal(got, []int{0, 1, 2, 3, 4, 7}) {
		t.Errorf("online: %v", got)
	}
	if got := idx(ChannelCounter); !slices.Equal(got, []int{0, 1, 2, 3, 4, 5, 6}) {
		t.Errorf("counter: %v", got)
	}
	if got := idx(ChannelPostal); !slices.Equal(got, []int{0, 1, 2, 3, 4, 6}) {
		t.Errorf("postal: %v", got)
	}
	// Online with only the e-form: the birth certificate is still missing;
	// the conditional papers are never "missing".
	missing := p.MissingRequired(ChannelOnline, func(i int) bool { return i == 7 })
	if !slices.Equal(missing, []int{3}) {
		t.Errorf("missing online: %v", missing)
	}
	missing = p.MissingRequired(ChannelCounter, func(i int) bool { return i == 3 })
	if !slices.Equal(missing, []int{5, 6}) {
		t.Errorf("missing at the counter: %v", missing)
	}
}

// Channels read and write as names; a component for every channel writes
// none; a name the dossier does not know is refused, not dropped.
func TestChannelSet_JSON(t *testing.T) {
	set, err := Channels(ChannelPostal, ChannelCounter)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(Component{Name: "Tờ khai", Requirement: Required, Channels: set})
	if !strings.Contains(string(b), `"channels":["counter","postal"]`) {
		t.Errorf("channels written as %s", b)
	}
	b, _ = json.Marshal(Component{Name: "Giấy chứng sinh", Requirement: Required})
	if strings.Contains(string(b), "channels") {
		t.Errorf("an all-channel component must write no channels: %s", b)
	}
	var c Component
	if err := json.Unmarshal([]byte(`{"name":"x","requirement":"required","channels":["counter","fax"]}`), &c); err == nil {
		t.Error("an unknown channel must be refused")
	}
	if err := json.Unmarshal([]byte(`{"name":"x","requirement":"maybe"}`), &c); err == nil {
		t.Error("an unknown requirement must be refused")
	}
	if !(Component{}).AppliesTo(ChannelOnline) || (Component{Channels: set}).AppliesTo(ChannelOnline) {
		t.Error("AppliesTo")
	}
}
