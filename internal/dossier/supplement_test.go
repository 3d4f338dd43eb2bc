package dossier

import (
	"reflect"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/apperr"
)

// The checklist of a supplementation request (issue 22 item 5): Form 02 of
// Circular 01/2018 lists each paper and what is wrong with it; Decree
// 118/2025 Art. 11(2) asks for specific guidance, once, in writing.
func TestRequestSupplementPapers_Circular01_2018_Form02_Decree118_Art11(t *testing.T) {
	known := []string{"Tờ khai đăng ký khai sinh", "Giấy chứng sinh"}
	envK := env
	envK.Components = known
	for _, c := range []struct {
		name   string
		cmd    Command
		env    Env
		code   string         // expected error code; "" = accepted
		papers []MissingPaper // expected in the payload
	}{
		{"Art11_papers_named_each_with_defect", Command{MissingPapers: []MissingPaper{
			{Name: "tờ khai đăng ký khai sinh", Defect: DefectIncomplete, Explanation: "  thiếu chữ ký người đi khai  "},
			{Name: "Giấy chứng sinh"},
			{Name: "Giấy ủy quyền", Other: true, Defect: DefectInvalid, Explanation: "chưa chứng thực"},
		}}, envK, "", []MissingPaper{
			{Name: "Tờ khai đăng ký khai sinh", Defect: DefectIncomplete, Explanation: "thiếu chữ ký người đi khai"},
			{Name: "Giấy chứng sinh", Defect: DefectMissing},
			{Name: "Giấy ủy quyền", Other: true, Defect: DefectInvalid, Explanation: "chưa chứng thực"},
		}},
		{"NFC_decomposed_name_matches_component", Command{MissingPapers: []MissingPaper{{Name: "Gia\u0302\u0301y chu\u031b\u0301ng sinh"}}}, envK, "",
			[]MissingPaper{{Name: "Giấy chứng sinh", Defect: DefectMissing}}},
		{"reason_only_still_accepted_for_older_API_clients", Command{Reason: "Thiếu giấy chứng sinh"}, envK, "", nil},
		{"Form02_nothing_named_no_reason_refused", Command{}, envK, "supplement_papers_required", nil},
		{"component_not_in_procedure_refused", Command{MissingPapers: []MissingPaper{{Name: "Sổ hộ khẩu"}}}, envK, "supplement_paper_unknown", nil},
		{"unknown_component_passes_when_procedure_not_known", Command{MissingPapers: []MissingPaper{{Name: "Sổ hộ khẩu"}}}, env, "",
			[]MissingPaper{{Name: "Sổ hộ khẩu", Defect: DefectMissing}}},
		{"incomplete_needs_explanation", Command{MissingPapers: []MissingPaper{{Name: "Giấy chứng sinh", Defect: DefectIncomplete}}}, envK, "supplement_paper_explanation_required", nil},
		{"invalid_needs_explanation", Command{MissingPapers: []MissingPaper{{Name: "Giấy chứng sinh", Defect: DefectInvalid, Explanation: "   "}}}, envK, "supplement_paper_explanation_required", nil},
		{"unknown_defect_refused", Command{MissingPapers: []MissingPaper{{Name: "Giấy chứng sinh", Defect: "lost"}}}, envK, "supplement_paper_defect_invalid", nil},
		{"same_paper_twice_refused", Command{MissingPapers: []MissingPaper{{Name: "Giấy chứng sinh"}, {Name: "GIẤY CHỨNG SINH"}}}, envK, "supplement_paper_duplicate", nil},
		{"other_paper_without_name_refused", Command{MissingPapers: []MissingPaper{{Other: true, Name: "  "}}}, envK, "supplement_paper_name_required", nil},
		{"zero_width_in_name_refused", Command{MissingPapers: []MissingPaper{{Other: true, Name: "Giấy\u200b ủy quyền"}}}, envK, "supplement_paper_invalid", nil},
		{"control_char_in_explanation_refused", Command{MissingPapers: []MissingPaper{{Name: "Giấy chứng sinh", Defect: DefectInvalid, Explanation: "a\x07b"}}}, envK, "supplement_paper_invalid", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := at(t, Processing)
			before := *d
			c.cmd.Action, c.cmd.Actor, c.cmd.At = ActRequestSupplement, specialist, t0.Add(30*time.Hour)
			ev, err := Apply(d, c.cmd, c.env)
			if c.code != "" {
				e, _ := apperr.As(err)
				if e == nil || e.Code != c.code {
					t.Fatalf("want %s, got %v", c.code, err)
				}
				if e.MessageVi == "" || e.Message == "" || e.MessageVi == e.Message {
					t.Errorf("messages must be given in each language: %q / %q", e.MessageVi, e.Message)
				}
				if d.Status != before.Status || d.SupplementCount != 0 {
					t.Errorf("a refused request changed the dossier: %s %d", d.Status, d.SupplementCount)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Status != SupplementRequested {
				t.Fatalf("status %s", d.Status)
			}
			got, ok := Decode[SupplementRequestPayload](ev.Action, ev.Payload)
			if !ok || !reflect.DeepEqual(got.MissingPapers, c.papers) {
				t.Fatalf("payload papers\n got %#v\nwant %#v", got.MissingPapers, c.papers)
			}
		})
	}
}
