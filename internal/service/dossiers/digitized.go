package dossiers

import (
	"context"
	"slices"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/textfold"
)

// digitizedInput reads the receive action's components: the papers the
// officer digitized, each with digitized set and, if not scanned before,
// the scans just uploaded.
func (s *Dossiers) digitizedInput(ctx context.Context, actor org.Actor, in []dossier.ComponentFiles) ([]dossier.ComponentFiles, error) {
	for _, c := range in {
		if !c.Digitized {
			return nil, apperr.Newf(apperr.Invalid, "receive_components_digitized",
				"Khi tiếp nhận, danh sách thành phần chỉ ghi các giấy tờ đã số hóa (digitized = true); %q chưa đánh dấu.",
				"On receipt, components list the papers digitized (digitized = true); %q is not marked.", c.Name)
		}
	}
	return s.checkComponents(ctx, actor, in)
}

// markDigitized flags the components the one-stop scanned on receipt
// (DuocSoHoa, Circular 01/2023 Arts. 7–8), attaching the scans. Files an
// applicant submitted online are electronic already and are not digitized
// (Circular 03/2025 Art. 5(2)); a paper without a scan is not digitized.
func markDigitized(d *dossier.Dossier, marks []dossier.ComponentFiles, ev *dossier.Event) error {
	if len(marks) == 0 {
		return nil
	}
	// The state before the event shares the slice: change a copy.
	d.Components = slices.Clone(d.Components)
	var names []string
	for _, m := range marks {
		i := slices.IndexFunc(d.Components, func(c dossier.ComponentFiles) bool { return textfold.Fold(c.Name) == textfold.Fold(m.Name) })
		if i < 0 {
			return apperr.Newf(apperr.Invalid, "digitized_component_unknown",
				"Hồ sơ không có thành phần %q.", "The dossier has no component %q.", m.Name)
		}
		c := &d.Components[i]
		if (d.Channel == dossier.ChannelOnline && len(c.FileIDs) > 0) || c.Reused {
			return apperr.Newf(apperr.Invalid, "digitized_electronic",
				"Thành phần %q đã nộp dưới dạng điện tử, không cần số hóa (Thông tư 03/2025/TT-VPCP Điều 5 khoản 2).",
				"Component %q was submitted electronically and needs no digitization (Circular 03/2025 Art. 5(2)).", c.Name)
		}
		c.FileIDs = append(slices.Clone(c.FileIDs), m.FileIDs...)
		if len(c.FileIDs) == 0 {
			return apperr.Newf(apperr.Invalid, "digitized_needs_scan",
				"Thành phần %q chưa có bản quét: hãy đính kèm tệp quét trước khi đánh dấu đã số hóa.",
				"Component %q has no scan: attach the scanned file before marking it digitized.", c.Name)
		}
		c.Digitized = true
		names = append(names, c.Name)
	}
	p, _ := dossier.Decode[dossier.ReceivePayload](ev.Action, ev.Payload)
	p.Digitized = names
	ev.SetPayload(p)
	return nil
}
