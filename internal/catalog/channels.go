package catalog

import (
	"encoding/json"
	"fmt"
)

// ChannelSet is the set of filing channels a component is for; the empty
// set means every channel. A bit set rather than a slice keeps Component
// comparable with ==, which callers rely on; it reads and writes as a JSON
// array of channel names (["counter","postal"]).
type ChannelSet uint8

// channelOrder fixes the bits and the order of List.
var channelOrder = []string{ChannelCounter, ChannelOnline, ChannelPostal}

// Channels builds a set from channel names; unknown names are an error.
func Channels(names ...string) (ChannelSet, error) {
	var s ChannelSet
	for _, n := range names {
		i := indexOf(n)
		if i < 0 {
			return 0, fmt.Errorf("catalog: unknown channel %q", n)
		}
		s |= 1 << i
	}
	return s, nil
}

func indexOf(name string) int {
	for i, n := range channelOrder {
		if n == name {
			return i
		}
	}
	return -1
}

// Has reports whether the set includes channel; the empty set includes all.
func (s ChannelSet) Has(channel string) bool {
	i := indexOf(channel)
	return s == 0 || (i >= 0 && s&(1<<i) != 0)
}

// List is the channel names of the set, in a fixed order (nil when empty).
func (s ChannelSet) List() []string {
	var out []string
	for i, n := range channelOrder {
		if s&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

func (s ChannelSet) MarshalJSON() ([]byte, error) {
	l := s.List()
	if l == nil {
		l = []string{}
	}
	return json.Marshal(l)
}

func (s *ChannelSet) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return err
	}
	v, err := Channels(names...)
	if err != nil {
		return err
	}
	*s = v
	return nil
}
