package apperr

import "testing"

func TestHTTPStatus(t *testing.T) {
	for kind, want := range map[Kind]int{Invalid: 422, BadInput: 400, Forbidden: 403, NotFound: 404, Conflict: 409,
		Unauthorized: 401, TooLarge: 413, Locked: 429, Kind(0): 400} {
		if got := kind.HTTPStatus(); got != want {
			t.Errorf("kind %d: %d, want %d", kind, got, want)
		}
	}
}
