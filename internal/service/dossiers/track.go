package dossiers

import (
	"context"
	"crypto/subtle"
	"fmt"

	"github.com/motcua/motcua/internal/apperr"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/service/internal/core"
)

// Tracked is the public answer about a dossier. Anyone with the code sees
// its status; the procedure, the agency and the dates only with the lookup
// key printed on Form 01 (Full is then set). The procedure alone can be
// sensitive (a criminal-record certificate, a divorce), and codes are
// sequential, so they can be guessed.
type Tracked struct {
	Code   string
	Status dossier.Status
	Full   *dossier.Dossier // nil without the right key
}

var errTrackKey = apperr.New(apperr.Forbidden, "track_key_wrong",
	"Mã tra cứu không đúng; hãy nhập mã tra cứu in trên Giấy tiếp nhận và hẹn trả kết quả, cạnh mã hồ sơ.",
	"The lookup key is wrong; enter the lookup key printed on the receipt and appointment slip, beside the dossier code.")

// TrackFrom answers a public look-up of code from the client address from,
// with the receipt's lookup key when the caller has it. Look-ups are limited
// per address (TrackBurst, then one per TrackEvery) so that codes cannot be
// walked through; the API and the web page share the limit.
func (s *Dossiers) TrackFrom(ctx context.Context, from, code, key string) (*Tracked, error) {
	if from == "" {
		from = "local"
	}
	if ok, wait := s.Limits().Track.Allow(from); !ok {
		return nil, core.Throttle("too_many_lookups",
			fmt.Sprintf("Tra cứu quá nhiều lần từ địa chỉ này; thử lại sau %d giây.", core.Secs(wait)),
			fmt.Sprintf("Too many look-ups from this address; try again in %d seconds.", core.Secs(wait)), wait)
	}
	d, err := s.Track(ctx, code)
	if err != nil {
		return nil, err
	}
	t := &Tracked{Code: d.Code, Status: d.Status}
	if key == "" || d.Code == "" {
		// Before reception there is no receipt, so no lookup key: the
		// tracking reference tells the status only.
		return t, nil
	}
	want, err := s.TrackKey(ctx, d.Code)
	if err != nil {
		return nil, err
	}
	if subtle.ConstantTimeCompare([]byte(core.NormalKey(key)), []byte(core.NormalKey(want))) != 1 {
		return nil, errTrackKey
	}
	t.Full = d
	return t, nil
}
