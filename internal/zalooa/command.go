package zalooa

import (
	"regexp"
	"strings"

	"github.com/motcua/motcua/internal/textfold"
)

// CommandKind is what a follower asks for.
type CommandKind string

// Commands a follower may send. Written the way people type them, with or
// without diacritics, in any case.
const (
	CmdTrack  CommandKind = "track"  // "tra cứu 000.00.12.H99-261203-0042"
	CmdTicket CommandKind = "ticket" // "lấy số tư pháp"
	CmdBook   CommandKind = "book"   // "đặt lịch"
	CmdLink   CommandKind = "link"   // "liên kết 0912345678"
	CmdHelp   CommandKind = "help"   // anything else
)

// Command is a follower's message understood.
type Command struct {
	Kind CommandKind
	Arg  string // the dossier code or tracking reference, the area, the phone number
}

var (
	spaces = regexp.MustCompile(`\s+`)
	// A dossier code (000.00.12.H99-261203-0042) or a tracking reference:
	// letters, digits, dots and dashes.
	codeRe  = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.\-]{3,40}$`)
	phoneRe = regexp.MustCompile(`^(\+?84|0)[0-9]{9}$`)
)

// Parse reads a follower's text.
func Parse(text string) Command {
	t := strings.TrimSpace(spaces.ReplaceAllString(text, " "))
	folded := textfold.Fold(t) // lower case, no diacritics
	for _, p := range []struct {
		kind     CommandKind
		prefixes []string
	}{
		{CmdTrack, []string{"tra cuu ", "tracuu ", "tc "}},
		{CmdTicket, []string{"lay so ", "layso "}},
		{CmdLink, []string{"lien ket ", "lienket "}},
	} {
		for _, pre := range p.prefixes {
			if !strings.HasPrefix(folded, pre) {
				continue
			}
			// The argument keeps its own spelling: an area's name is
			// matched folded later, a code is upper-cased.
			arg := strings.TrimSpace(string([]rune(t)[len([]rune(pre)):]))
			switch p.kind {
			case CmdTrack:
				if arg = strings.ToUpper(arg); !codeRe.MatchString(arg) {
					return Command{Kind: CmdHelp}
				}
			case CmdLink:
				arg = strings.NewReplacer(" ", "", ".", "", "-", "").Replace(arg)
				if !phoneRe.MatchString(arg) {
					return Command{Kind: CmdHelp}
				}
			}
			return Command{Kind: p.kind, Arg: arg}
		}
	}
	if folded == "dat lich" || folded == "datlich" {
		return Command{Kind: CmdBook}
	}
	if folded == "lay so" {
		return Command{Kind: CmdTicket}
	}
	return Command{Kind: CmdHelp}
}

// HelpText is the answer to anything not understood.
const HelpText = "Trung tâm Phục vụ hành chính công xin chào. Bạn có thể nhắn:\n" +
	"• \"tra cứu <mã hồ sơ>\" để xem tình trạng hồ sơ;\n" +
	"• \"lấy số <lĩnh vực>\" để lấy số thứ tự;\n" +
	"• \"đặt lịch\" để đặt lịch hẹn đến Trung tâm;\n" +
	"• \"liên kết <số điện thoại>\" để nhận thông báo về hồ sơ của bạn."
