package csc

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Peer is a local CSC v2 service holding keys in memory, for tests and the
// demo. The signer's phone is simulated: each authorization waits on
// Confirm or Refuse, announced on Requests, unless AutoConfirm is set.
type Peer struct {
	// Token is the bearer token clients must send.
	Token string
	// AuthTTL is how long the signer has to confirm (default 2 minutes);
	// SADTTL how long a SAD lasts once issued (default 5 minutes).
	AuthTTL, SADTTL time.Duration
	// AutoConfirm confirms every authorization at once (the demo's phone).
	AutoConfirm bool
	// Now is the clock; nil is time.Now.
	Now func() time.Time

	requests chan Request

	mu      sync.Mutex
	creds   map[string]*peerCred
	pending map[string]*authz // by handle
	sads    map[string]*authz // by SAD
}

// Request is one authorization waiting for the signer, as their phone
// would show it.
type Request struct {
	Handle       string
	CredentialID string
	UserID       string
	Description  string
	Hashes       [][]byte
}

type peerCred struct {
	userID string
	key    crypto.Signer
	chain  []*x509.Certificate
}

type authz struct {
	cred      string
	hashes    [][]byte
	deadline  time.Time // to confirm (pending) or to use (SAD)
	confirmed bool
	refused   bool
	sad       string
	left      int // signatures the SAD still allows
}

// NewPeer makes a service that accepts one bearer token.
func NewPeer(token string) *Peer {
	return &Peer{
		Token: token, requests: make(chan Request, 16),
		creds: map[string]*peerCred{}, pending: map[string]*authz{}, sads: map[string]*authz{},
	}
}

// AddCredential registers a key under an ID for a user.
func (p *Peer) AddCredential(id, userID string, key crypto.Signer, chain []*x509.Certificate) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.creds[id] = &peerCred{userID: userID, key: key, chain: chain}
}

// Requests announces authorizations waiting for the signer.
func (p *Peer) Requests() <-chan Request { return p.requests }

// Confirm is the signer approving on their phone.
func (p *Peer) Confirm(handle string) bool { return p.decide(handle, true) }

// Refuse is the signer declining on their phone.
func (p *Peer) Refuse(handle string) bool { return p.decide(handle, false) }

func (p *Peer) decide(handle string, ok bool) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	a := p.pending[handle]
	if a == nil || a.confirmed || a.refused || p.now().After(a.deadline) {
		return false
	}
	a.confirmed, a.refused = ok, !ok
	return true
}

func (p *Peer) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Peer) ttl(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

func token() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

type apiError struct {
	status      int
	code, descr string
}

func fail(w http.ResponseWriter, e apiError) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(e.status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": e.code, "error_description": e.descr})
}

func invalid(descr string) apiError { return apiError{http.StatusBadRequest, "invalid_request", descr} }

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// ServeHTTP serves the API under any prefix ending in the method name
// ("/csc/v2/credentials/info").
func (p *Peer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		fail(w, apiError{http.StatusMethodNotAllowed, "invalid_request", "POST expected"})
		return
	}
	path := r.URL.Path
	method := path[strings.LastIndex(path, "/csc/v2/")+len("/csc/v2/"):]
	if !strings.Contains(path, "/csc/v2/") {
		fail(w, apiError{http.StatusNotFound, "invalid_request", "unknown method"})
		return
	}
	if method != "info" && r.Header.Get("Authorization") != "Bearer "+p.Token {
		fail(w, apiError{http.StatusUnauthorized, "invalid_token", "Invalid access token"})
		return
	}
	var in struct {
		UserID        string   `json:"userID"`
		CredentialID  string   `json:"credentialID"`
		NumSignatures int      `json:"numSignatures"`
		Hashes        [][]byte `json:"hashes"`
		HashOID       string   `json:"hashAlgorithmOID"`
		SignAlgo      string   `json:"signAlgo"`
		Description   string   `json:"description"`
		Handle        string   `json:"handle"`
		SAD           string   `json:"SAD"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&in); err != nil {
		fail(w, invalid("Malformed request"))
		return
	}
	switch method {
	case "info":
		reply(w, 200, map[string]any{"specs": "2.0.0.2", "name": "Một Cửa local CSC peer", "lang": "vi-VN",
			"authType": []string{"external"},
			"methods":  []string{"credentials/list", "credentials/info", "credentials/authorize", "credentials/authorizeCheck", "signatures/signHash"}})
	case "credentials/list":
		p.list(w, in.UserID)
	case "credentials/info":
		p.info(w, in.CredentialID)
	case "credentials/authorize":
		p.authorize(w, in.CredentialID, in.NumSignatures, in.Hashes, in.Description)
	case "credentials/authorizeCheck":
		p.check(w, in.Handle)
	case "signatures/signHash":
		p.signHash(w, in.CredentialID, in.SAD, in.Hashes, in.HashOID, in.SignAlgo)
	default:
		fail(w, apiError{http.StatusNotFound, "invalid_request", "unknown method"})
	}
}

func (p *Peer) list(w http.ResponseWriter, user string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ids := []string{}
	for id, c := range p.creds {
		if user == "" || c.userID == user {
			ids = append(ids, id)
		}
	}
	reply(w, 200, map[string]any{"credentialIDs": ids})
}

func (p *Peer) info(w http.ResponseWriter, id string) {
	p.mu.Lock()
	c := p.creds[id]
	p.mu.Unlock()
	if c == nil {
		fail(w, invalid("Invalid parameter credentialID"))
		return
	}
	var certs []string
	for _, x := range c.chain {
		certs = append(certs, base64.StdEncoding.EncodeToString(x.Raw))
	}
	algo := []string{oidRSA}
	if _, ok := c.key.Public().(*ecdsa.PublicKey); ok {
		algo = []string{ecdsaAlgos[crypto.SHA256], ecdsaAlgos[crypto.SHA384]}
	}
	leaf := c.chain[0]
	reply(w, 200, map[string]any{
		"key": map[string]any{"status": "enabled", "algo": algo},
		"cert": map[string]any{"status": "valid", "certificates": certs,
			"issuerDN": leaf.Issuer.String(), "subjectDN": leaf.Subject.String(),
			"serialNumber": leaf.SerialNumber.Text(16),
			"validFrom":    leaf.NotBefore.UTC().Format("20060102150405Z"),
			"validTo":      leaf.NotAfter.UTC().Format("20060102150405Z")},
		"auth":      map[string]any{"mode": "explicit"},
		"SCAL":      "2",
		"multisign": 1,
	})
}

func (p *Peer) authorize(w http.ResponseWriter, id string, n int, hashes [][]byte, descr string) {
	p.mu.Lock()
	c := p.creds[id]
	if c == nil {
		p.mu.Unlock()
		fail(w, invalid("Invalid parameter credentialID"))
		return
	}
	// SCAL 2: the SAD is bound to the hashes the signer saw.
	if n < 1 || len(hashes) != n {
		p.mu.Unlock()
		fail(w, invalid("Invalid value for parameter numSignatures"))
		return
	}
	a := &authz{cred: id, hashes: hashes, left: n, deadline: p.now().Add(p.ttl(p.AuthTTL, 2*time.Minute))}
	h := token()
	p.pending[h] = a
	if p.AutoConfirm {
		a.confirmed = true
	}
	p.mu.Unlock()
	if !p.AutoConfirm {
		select {
		case p.requests <- Request{Handle: h, CredentialID: id, UserID: c.userID, Description: descr, Hashes: hashes}:
		default: // nobody watching the phone: the request will expire
		}
	}
	reply(w, http.StatusAccepted, map[string]string{"handle": h})
}

func (p *Peer) check(w http.ResponseWriter, handle string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	a := p.pending[handle]
	switch {
	case a == nil:
		fail(w, invalid("Invalid parameter handle"))
	case a.refused:
		delete(p.pending, handle)
		fail(w, apiError{http.StatusBadRequest, "access_denied", "The signer refused the authorization"})
	case a.confirmed:
		delete(p.pending, handle)
		a.sad = token()
		ttl := p.ttl(p.SADTTL, 5*time.Minute)
		a.deadline = p.now().Add(ttl)
		p.sads[a.sad] = a
		reply(w, 200, map[string]any{"SAD": a.sad, "expiresIn": int(ttl.Seconds())})
	case p.now().After(a.deadline):
		delete(p.pending, handle)
		fail(w, apiError{http.StatusBadRequest, "expired_token", "The authorization request expired"})
	default:
		reply(w, http.StatusAccepted, map[string]string{"handle": handle})
	}
}

func (p *Peer) signHash(w http.ResponseWriter, id, sad string, hashes [][]byte, hashOID, algo string) {
	p.mu.Lock()
	a := p.sads[sad]
	c := p.creds[id]
	switch {
	case a == nil || a.cred != id || c == nil:
		p.mu.Unlock()
		fail(w, invalid("Invalid parameter SAD"))
		return
	case p.now().After(a.deadline):
		delete(p.sads, sad)
		p.mu.Unlock()
		fail(w, invalid("SAD expired"))
		return
	case len(hashes) == 0 || len(hashes) > a.left:
		p.mu.Unlock()
		fail(w, invalid("Numbers of signatures is too high"))
		return
	}
	for _, h := range hashes {
		if !contains(a.hashes, h) {
			p.mu.Unlock()
			fail(w, invalid("Hash is not authorized by the SAD"))
			return
		}
	}
	a.left -= len(hashes)
	if a.left == 0 {
		delete(p.sads, sad)
	}
	p.mu.Unlock()

	var opts crypto.SignerOpts
	switch {
	case algo == oidRSA:
		if _, ok := c.key.Public().(*rsa.PublicKey); !ok {
			fail(w, invalid("Invalid parameter signAlgo"))
			return
		}
		h, ok := hashByOID(hashOID)
		if !ok {
			fail(w, invalid("Invalid parameter hashAlgorithmOID"))
			return
		}
		opts = h
	default:
		h, ok := ecdsaHash(algo)
		if _, isEC := c.key.Public().(*ecdsa.PublicKey); !ok || !isEC {
			fail(w, invalid("Invalid parameter signAlgo"))
			return
		}
		opts = h
	}
	var sigs [][]byte
	for _, h := range hashes {
		if len(h) != opts.HashFunc().Size() {
			fail(w, invalid("Invalid Base64 hash string parameter"))
			return
		}
		s, err := c.key.Sign(rand.Reader, h, opts)
		if err != nil {
			fail(w, apiError{http.StatusInternalServerError, "server_error", "signing failed"})
			return
		}
		sigs = append(sigs, s)
	}
	reply(w, 200, map[string]any{"signatures": sigs})
}

func contains(list [][]byte, h []byte) bool {
	for _, x := range list {
		if bytes.Equal(x, h) {
			return true
		}
	}
	return false
}

func hashByOID(oid string) (crypto.Hash, bool) {
	for h, o := range hashOIDs {
		if o == oid {
			return h, true
		}
	}
	return 0, false
}

func ecdsaHash(algo string) (crypto.Hash, bool) {
	for h, o := range ecdsaAlgos {
		if o == algo {
			return h, true
		}
	}
	return 0, false
}
