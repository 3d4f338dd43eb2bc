package form

import "net/url"

// Fields is a posted form less its anti-forgery token, which changes with
// the session: what a request hash covers, so that a form sent again hashes
// the same, and what a refused form draws again.
func Fields(posted url.Values) url.Values {
	out := url.Values{}
	for k, v := range posted {
		if k != "csrf" {
			out[k] = v
		}
	}
	return out
}
