package clientip

import (
	"net/http/httptest"
	"testing"
)

func TestAddr(t *testing.T) {
	proxies, err := Parse("10.0.0.0/8, 192.168.1.10")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		r      Resolver
		remote string
		xff    []string
		want   string
	}{
		{"no proxy trusted: the peer, header ignored", Resolver{}, "203.0.113.7:5000", []string{"1.2.3.4"}, "203.0.113.7"},
		{"untrusted peer forging the header", proxies, "203.0.113.7:5000", []string{"1.2.3.4"}, "203.0.113.7"},
		{"trusted proxy: the client it saw", proxies, "10.1.2.3:443", []string{"198.51.100.9"}, "198.51.100.9"},
		{"client-written entries left of the real one are ignored", proxies, "10.1.2.3:443", []string{"1.1.1.1, 198.51.100.9"}, "198.51.100.9"},
		{"two trusted hops", proxies, "10.1.2.3:443", []string{"198.51.100.9, 192.168.1.10"}, "198.51.100.9"},
		{"several header lines", proxies, "10.1.2.3:443", []string{"6.6.6.6", "198.51.100.9"}, "198.51.100.9"},
		{"garbage stops at the last trusted hop", proxies, "10.1.2.3:443", []string{"198.51.100.9, not-an-ip"}, "10.1.2.3"},
		{"trusted proxy without header", proxies, "10.1.2.3:443", nil, "10.1.2.3"},
		{"IPv4-mapped IPv6 peer", proxies, "[::ffff:10.1.2.3]:443", []string{"198.51.100.9"}, "198.51.100.9"},
		{"IPv6 client", proxies, "10.1.2.3:443", []string{"2001:db8::1"}, "2001:db8::1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/", nil)
			req.RemoteAddr = c.remote
			for _, v := range c.xff {
				req.Header.Add("X-Forwarded-For", v)
			}
			if got := c.r.String(req); got != c.want {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestParseRefusesGarbage(t *testing.T) {
	for _, bad := range []string{"10.0.0.0/33", "proxy.example", "10.0.0/8"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestKeyGroupsIPv6By64(t *testing.T) {
	r := Resolver{}
	a, b := httptest.NewRequest("GET", "/", nil), httptest.NewRequest("GET", "/", nil)
	a.RemoteAddr, b.RemoteAddr = "[2001:db8:1:2::1]:1", "[2001:db8:1:2:ffff::9]:1"
	if Key(r.Addr(a)) != Key(r.Addr(b)) || Key(r.Addr(a)) != "2001:db8:1:2::/64" {
		t.Fatalf("keys %s %s", Key(r.Addr(a)), Key(r.Addr(b)))
	}
}
