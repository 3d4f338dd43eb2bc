package model

// Replay is a stored response to an earlier request with the same key.
type Replay struct {
	RequestHash string
	StatusCode  int
	Response    []byte
}
