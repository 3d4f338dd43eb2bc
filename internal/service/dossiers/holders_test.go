package dossiers_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/service"
)

// The holders of a log as the store returns it (payloads as stored text):
// a dossier sent from the Justice department (2) to the Police (3) and back,
// then to the Police again, is printed on each form by whoever held it then.
func TestHoldersAfterReadsTheStoredLog(t *testing.T) {
	ev := func(a dossier.Action, payload string) model.StoredEvent {
		return model.StoredEvent{Action: string(a), Payload: json.RawMessage(payload)}
	}
	evs := []model.StoredEvent{
		ev(dossier.ActSubmit, `{"channel":"online","procedure_version":1}`),
		ev(dossier.ActReceive, `{"code":"X","due_at":"2026-12-11T17:00:00+07:00","due_explain":"e"}`),
		ev(dossier.ActTransfer, `{"from_agency_code":"A1","from_agency_id":1,"to_agency_code":"A2","to_agency_id":2}`),
		ev(dossier.ActTransfer, `{"from_agency_code":"A2","from_agency_id":2,"to_agency_code":"A3","to_agency_id":3}`),
		ev(dossier.ActExtend, `{"due_at":"2026-12-18T17:00:00+07:00","previous_due_at":"2026-12-11T17:00:00+07:00","reason":"r","signer":"s"}`),
		ev(dossier.ActTransfer, `{"from_agency_id":3,"to_agency_id":2}`), // before agency codes were recorded
		ev(dossier.ActTransfer, `{"from_agency_code":"A2","from_agency_id":2,"to_agency_code":"A3","to_agency_id":3}`),
		ev(dossier.ActStop, `{"reason":"quá hạn bổ sung"}`),
	}
	d := &dossier.Dossier{ProcessingAgencyID: 3}
	want := []int64{1, 1, 2, 3, 3, 2, 3, 3}
	if got := service.HoldersAfter(d, evs); !reflect.DeepEqual(got, want) {
		t.Fatalf("holders %v, want %v", got, want)
	}
}
