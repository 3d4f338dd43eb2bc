// Package clientip tells the address of the client behind a request. The
// rate limiters and the payment gateway's vnp_IpAddr read it from here, so
// that both see the same client: the connection's peer, or, when that peer is
// one of our own reverse proxies, the address that proxy put in
// X-Forwarded-For. A header from anyone else is ignored: a client can write
// any X-Forwarded-For it likes.
package clientip

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Resolver knows which peers are trusted proxies. The zero value trusts none
// and answers the connection's peer.
type Resolver struct {
	trusted []netip.Prefix
}

// Parse reads a comma- or space-separated list of CIDRs (or bare addresses),
// as in MOTCUA_TRUSTED_PROXIES="10.0.0.0/8, 192.168.1.10".
func Parse(list string) (Resolver, error) {
	var r Resolver
	for _, f := range strings.FieldsFunc(list, func(c rune) bool { return c == ',' || c == ' ' || c == '\t' }) {
		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return Resolver{}, fmt.Errorf("trusted proxies: %q is neither an address nor a CIDR", f)
			}
			f = netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()).String()
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return Resolver{}, fmt.Errorf("trusted proxies: %q is not a CIDR: %w", f, err)
		}
		r.trusted = append(r.trusted, p.Masked())
	}
	return r, nil
}

func (r Resolver) isTrusted(a netip.Addr) bool {
	for _, p := range r.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// Addr is the client's address. Walking X-Forwarded-For from the right, each
// hop added by a trusted proxy is skipped; the first address not ours is the
// client. A malformed entry stops the walk at the last trusted hop, so a
// forged header can never name an arbitrary address through us.
func (r Resolver) Addr(req *http.Request) netip.Addr {
	peer := peerAddr(req.RemoteAddr)
	if !peer.IsValid() || !r.isTrusted(peer) {
		return peer
	}
	hops := forwarded(req.Header.Values("X-Forwarded-For"))
	client := peer
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(hops[i])
		if err != nil {
			return client
		}
		client = a.Unmap()
		if !r.isTrusted(client) {
			return client
		}
	}
	return client
}

// String is Addr as text ("" when the peer cannot be read).
func (r Resolver) String(req *http.Request) string {
	a := r.Addr(req)
	if !a.IsValid() {
		return ""
	}
	return a.String()
}

// Key is the address as a rate-limiting key: an IPv4 address itself, an IPv6
// address by its /64, since one subscriber is usually given a whole /64 and
// could otherwise take a fresh address for every try.
func Key(a netip.Addr) string {
	if !a.IsValid() {
		return "unknown"
	}
	if a.Is4() {
		return a.String()
	}
	p, _ := a.Prefix(64)
	return p.String()
}

func peerAddr(remote string) netip.Addr {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}
	}
	return a.Unmap()
}

func forwarded(values []string) []string {
	var hops []string
	for _, v := range values {
		for _, h := range strings.Split(v, ",") {
			hops = append(hops, strings.TrimSpace(h))
		}
	}
	return hops
}
