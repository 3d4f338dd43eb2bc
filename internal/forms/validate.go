package forms

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrInvalid is wrapped by every validation error, so that callers can tell
// bad input (a 4xx for an API) from a rendering failure.
var ErrInvalid = errors.New("invalid form data")

// checker gathers every problem with one form before failing, so that a
// caller fixing its mapping sees all missing fields at once.
type checker struct {
	form     string
	problems []string
}

func newChecker(form string) *checker { return &checker{form: form} }

func (c *checker) text(field, v string) {
	if clean(v) == "" {
		c.problems = append(c.problems, field+" is required")
	}
}

func (c *checker) time(field string, t time.Time) {
	if t.IsZero() {
		c.problems = append(c.problems, field+" is required")
	}
}

func (c *checker) require(ok bool, problem string) {
	if !ok {
		c.problems = append(c.problems, problem)
	}
}

func (c *checker) components(field string, cs []Component) {
	for i, comp := range cs {
		if clean(comp.Name) == "" {
			c.problems = append(c.problems, fmt.Sprintf("%s[%d].Name is required", field, i))
		}
		if comp.Originals < 0 || comp.Copies < 0 {
			c.problems = append(c.problems, fmt.Sprintf("%s[%d] has a negative count", field, i))
		}
	}
}

func (c *checker) err() error {
	if len(c.problems) == 0 {
		return nil
	}
	return fmt.Errorf("forms: %s: %w: %s", c.form, ErrInvalid, strings.Join(c.problems, "; "))
}
