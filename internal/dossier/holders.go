package dossier

// HoldersAfter tells, for each event of a dossier's log, which agency held
// the dossier just after it: the one a form issued at that step speaks for
// (Form 02, 04, the stop and rejection notices) and the one a hand-over of
// the control slip (Form 05) starts from. current is the agency processing
// the dossier now. Each transfer records the agency it started from, so the
// holder after event i is the agency the first later transfer left, or the
// current one when none followed; reading backwards from the current holder
// needs no knowledge of where the dossier was filed.
func HoldersAfter(log []Event, current int64) []int64 {
	out := make([]int64, len(log))
	h := current
	for i := len(log) - 1; i >= 0; i-- {
		out[i] = h
		if p, ok := Decode[TransferPayload](log[i].Action, log[i].Payload); ok && p.FromAgencyID != 0 {
			h = p.FromAgencyID
		}
	}
	return out
}
