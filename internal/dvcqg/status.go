package dvcqg

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"github.com/motcua/motcua/internal/dossier"
)

// StatusTable maps a local status to the national status code sent in
// TrangThaiHoSo and TrangThai. It is a value, not a switch, because a
// province's platform may expect another code for a status (a sub-status, or
// a refusal after appraisal, which the evidence does not settle): the
// administrator edits the JSON, the code does not change.
type StatusTable map[dossier.Status]string

// DefaultStatusTable is RULES-VN.md §1.2 (the codes 1–10 of the Thanh Hóa
// system, the same names as the 766 methodology). A refusal after appraisal
// (rejected) goes as 3, as dossier.Status.NationalCode has it, so that the
// figures and the sync agree; a province whose platform expects otherwise
// sets it in its table.
func DefaultStatusTable() StatusTable {
	return StatusTable{
		dossier.Submitted:           "1",
		dossier.Received:            "2",
		dossier.Refused:             "3",
		dossier.Processing:          "4",
		dossier.SupplementRequested: "5",
		dossier.PaymentRequested:    "6",
		dossier.WithdrawalRequested: "7",
		dossier.Stopped:             "8",
		dossier.Done:                "9",
		dossier.Returned:            "10",
		dossier.Rejected:            "3",
	}
}

// LoadStatusTable reads a table from JSON ({"received": "2", ...}) over the
// defaults, so a province writes only what differs. A status the system does
// not know, or a code that is not a positive number, is refused: a typo in
// the table would otherwise send every such dossier with no status at all.
func LoadStatusTable(b []byte) (StatusTable, error) {
	var raw map[string]string
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("dvcqg: status table: %w", err)
	}
	t := DefaultStatusTable()
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := dossier.Status(k)
		if !s.Valid() {
			return nil, fmt.Errorf("dvcqg: status table: unknown local status %q", k)
		}
		if n, err := strconv.Atoi(raw[k]); err != nil || n <= 0 {
			return nil, fmt.Errorf("dvcqg: status table: %q maps to %q, not a national code", k, raw[k])
		}
		t[s] = raw[k]
	}
	return t, nil
}

// Code is the national code of s. A status missing from the table is an
// error, never a silent empty code.
func (t StatusTable) Code(s dossier.Status) (string, error) {
	c, ok := t[s]
	if !ok || c == "" {
		return "", fmt.Errorf("dvcqg: no national code for status %q", s)
	}
	return c, nil
}
