package citizens

import (
	"context"
	"errors"

	"github.com/motcua/motcua/internal/model"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service/internal/core"
)

// Answered returns the stored response of a write the actor already made
// under an idempotency key, and whether there is one. Pages use it to
// recognise a form sent again after it succeeded (a double click, a resend
// after a slow answer) before uploading its files a second time; the write
// itself stays guarded by the key either way.
func (s *Citizens) Answered(ctx context.Context, actor org.Actor, key string) ([]byte, bool, error) {
	if key == "" || len(key) > 200 {
		return nil, false, nil
	}
	r, err := s.Store.IdempotentReplay(ctx, core.IdemScope(actor), key)
	if errors.Is(err, model.ErrNotFound) {
		return nil, false, nil
	} else if err != nil {
		return nil, false, err
	}
	if r.StatusCode == 0 { // claimed by a write still in progress
		return nil, false, nil
	}
	return r.Response, true, nil
}
