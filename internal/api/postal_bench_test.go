package api_test

import (
	"fmt"
	"testing"

	"github.com/motcua/motcua/internal/store/storetest"
)

// BenchmarkPostalPickup measures one signed picked_up webhook end to end on
// SQLite: signature, nonce claim, the filing with its pickup event and leg.
func BenchmarkPostalPickup(b *testing.B) {
	e := newPostalEnv(b, storetest.SQLite(b))
	b.ResetTimer()
	for i := range b.N {
		r := e.report(pickedUp(fmt.Sprintf("bench-%d", i), fmt.Sprintf("EB%09dVN", i)))
		if r.status != 201 {
			b.Fatalf("%d %s", r.status, r.raw)
		}
	}
}
