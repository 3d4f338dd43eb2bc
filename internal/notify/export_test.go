package notify

import "context"

// Used by the notify_test package only: serve builds its ZaloTokens from the
// environment and opens them itself (cmd/motcua/background.go).

// NewZaloTokens opens the token pair on st, seeded with seedRefresh.
func NewZaloTokens(ctx context.Context, st TokenStore, appID, secretKey, seedRefresh string) (*ZaloTokens, error) {
	z := &ZaloTokens{URL: ZaloOAuthURL, AppID: appID, SecretKey: secretKey, Seed: seedRefresh}
	if err := z.Open(ctx, st); err != nil {
		return nil, err
	}
	return z, nil
}
