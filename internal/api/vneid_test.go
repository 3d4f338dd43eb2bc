package api_test

import (
	"context"
	"testing"

	"github.com/motcua/motcua/internal/auth"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/store"
)

// A dossier is marked as filed with a VNeID-verified identity (766
// indicator 4.5b) only when the applicant is the person the e-ID asserted:
// the ID number in the body must be the account's verified one (issue 16
// item 13; Decree 69/2024/NĐ-CP). Filing for someone else is still allowed,
// just not marked.
func TestVNeIDVerifiedTiedToClaim(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		ctx := context.Background()
		const own = "001090012345"
		hash, _ := auth.HashPassword(demoPassword)
		mk := func(username, sub, idNumber string) {
			err := e.st.InTx(ctx, func(tx *store.Tx) error {
				id, err := tx.CreateUser(ctx, org.User{Username: username, Name: "Công dân " + username, Role: org.RoleCitizen, IDNumber: idNumber}, hash)
				if err != nil {
					return err
				}
				// As the e-ID sign-in leaves it: a subject and the asserted ID number.
				_, err = tx.Exec(ctx, `UPDATE users SET oidc_subject = ? WHERE id = ?`, sub, id)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		mk("vneid", "vneid-subject-1", own)
		mk("plain", "", own)
		mk("vneid_noid", "vneid-subject-2", "") // the e-ID asserted a name only
		cases := []struct {
			name, user, idNumber, applicant string
			verified                        bool
		}{
			{"own_id_number", "vneid", own, "Nguyễn Văn Dân", true},
			{"someone_elses_id_number", "vneid", "001090099999", "Nguyễn Văn Dân", false},
			{"not_signed_in_with_vneid", "plain", own, "Công dân plain", false},
			{"no_id_claim_own_name", "vneid_noid", own, "công dân VNEID_NOID", true},
			{"no_id_claim_other_name", "vneid_noid", own, "Nguyễn Văn Dân", false},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				b := submitBody(criminalRecord)
				b["applicant"].(map[string]any)["id_number"] = c.idNumber
				b["applicant"].(map[string]any)["name"] = c.applicant
				r := e.do("POST", "/api/v1/dossiers", c.user, b, map[string]string{"Idempotency-Key": newKey()})
				if r.status != 201 {
					t.Fatalf("submit: %d %s", r.status, r.raw)
				}
				d, err := e.st.Dossier(ctx, int64(r.num("id")))
				if err != nil {
					t.Fatal(err)
				}
				if d.VNeIDVerified != c.verified {
					t.Fatalf("VNeIDVerified = %v, want %v", d.VNeIDVerified, c.verified)
				}
			})
		}
	})
}
