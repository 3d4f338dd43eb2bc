package auth

import (
	"strings"
	"testing"
)

func TestPasswordHash(t *testing.T) {
	h, err := HashPassword("mật khẩu đúng")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("not an argon2id PHC string: %s", h)
	}
	for _, c := range []struct {
		pw   string
		want bool
	}{{"mật khẩu đúng", true}, {"mật khẩu sai", false}, {"", false}} {
		ok, err := CheckPassword(h, c.pw)
		if err != nil || ok != c.want {
			t.Errorf("CheckPassword(%q) = %v, %v; want %v", c.pw, ok, err, c.want)
		}
	}
	h2, _ := HashPassword("mật khẩu đúng")
	if h2 == h {
		t.Fatal("two hashes of one password must differ (salt)")
	}
	if _, err := CheckPassword("$bcrypt$x", "a"); err == nil {
		t.Fatal("a foreign hash must be refused")
	}
}

func TestToken(t *testing.T) {
	tok, hash, err := NewToken()
	if err != nil || len(tok) < 40 || HashToken(tok) != hash || strings.Contains(hash, tok) {
		t.Fatalf("token %q hash %q err %v", tok, hash, err)
	}
}
