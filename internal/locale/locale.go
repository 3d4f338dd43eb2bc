// Package locale is the one place that knows the two languages of Một Cửa:
// the catalogue of texts shown to people, each a key with its Vietnamese and
// English wording, and the rendering of texts and client-safe errors in the
// language a person chose (Vietnamese by default).
//
// Errors raised by the rules (internal/apperr) carry a stable code and both
// wordings, written beside the rule that raises them so that the rule and
// what it says are defined once and read together; the transports never
// pick a wording themselves but ask [Error]. Page texts are keys registered
// by the page that uses them ([Add]), rendered with [Text]. miniflux's
// internal/locale is the model: one catalogue, one printer per language.
package locale

import (
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/motcua/motcua/internal/apperr"
)

// Lang is a language of the pages.
type Lang string

// The languages. Vietnamese is the language of the administration and the
// default; English is offered to foreigners and readers of the code.
const (
	VI Lang = "vi"
	EN Lang = "en"
)

// Parse reads a language code; anything but "en" is Vietnamese.
func Parse(s string) Lang {
	if s == string(EN) {
		return EN
	}
	return VI
}

var (
	mu      sync.RWMutex
	catalog = map[string][2]string{}
)

// Add registers texts, key → {Vietnamese, English}. A key registered twice
// is a programming error, found at start-up.
func Add(m map[string][2]string) {
	mu.Lock()
	defer mu.Unlock()
	for k, v := range m {
		if _, dup := catalog[k]; dup {
			panic("locale: message key registered twice: " + k)
		}
		catalog[k] = v
	}
}

// Has reports whether key is in the catalogue.
func Has(key string) bool {
	mu.RLock()
	defer mu.RUnlock()
	_, ok := catalog[key]
	return ok
}

// Keys lists the catalogue's keys, sorted (for the language tests).
// Keys is for the language tests of the pages (web); deadcode lists it, as intended.
func Keys() []string {
	mu.RLock()
	defer mu.RUnlock()
	return slices.Sorted(maps.Keys(catalog))
}

// Pair is a key's two wordings.
func Pair(key string) (vi, en string, ok bool) {
	mu.RLock()
	defer mu.RUnlock()
	m, ok := catalog[key]
	return m[0], m[1], ok
}

// Text is key in lang, formatted with args; a missing key shows itself
// ("!key") so that tests catch it.
func Text(lang Lang, key string, args ...any) string {
	vi, en, ok := Pair(key)
	if !ok {
		return "!" + key
	}
	s := vi
	if lang == EN {
		s = en
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// keyInternal is the text of an error that is not client-safe.
const keyInternal = "error.internal"

func init() {
	Add(map[string][2]string{
		keyInternal: {"Đã có lỗi trong hệ thống; dữ liệu của bạn chưa bị mất. Hãy thử lại sau ít phút.",
			"Something went wrong on our side; nothing you entered was lost. Please try again in a few minutes."},
	})
}

// Error is err as a person reads it in lang: a client-safe error's own
// wording, anything else the one sentence that says the fault is ours and
// nothing was lost (the details go to the log, never to the page).
func Error(lang Lang, err error) string {
	if e, ok := apperr.As(err); ok {
		if lang == EN {
			return e.Message
		}
		return e.MessageVi
	}
	return Text(lang, keyInternal)
}
