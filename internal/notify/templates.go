package notify

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"
	"time"
)

// Kind is what a citizen is told (RULES-VN.md §1.4 and §4); each kind has an
// e-mail (Vietnamese, then English), a short SMS and a Zalo template.
type Kind string

const (
	KindReceived    Kind = "received"     // accepted, with the code and appointment (Form 01)
	KindRefused     Kind = "refused"      // not accepted, with the reason (Form 03)
	KindSupplement  Kind = "supplement"   // what is missing (Form 02)
	KindExtended    Kind = "extended"     // apology and new date (Form 04)
	KindResultReady Kind = "result_ready" // approved: the result is ready
	KindDecision    Kind = "decision"     // rejected or stopped: the written decision is ready
	KindPosted      Kind = "posted"       // the result was handed to the post
)

// Kinds lists every kind, for configuration (one ZNS template each).
var Kinds = []Kind{KindReceived, KindRefused, KindSupplement, KindExtended, KindResultReady, KindDecision, KindPosted}

// Facts are the dossier data a message speaks of. Times are shown in
// Vietnam time.
type Facts struct {
	Kind      Kind
	Name      string // the applicant
	Code      string // empty before reception
	Submitted time.Time
	Procedure string
	Agency    string
	Due       time.Time
	PrevDue   time.Time
	Reason    string
	TrackURL  string // public tracking page of the dossier, or the portal
	Return    string // counter, postal, online
	Outcome   string // decision: rejected or stopped
	At        time.Time
}

// Rendered is one event's messages, per channel.
type Rendered struct {
	Subject string
	Body    string // e-mail
	SMS     string // GSM-7, one segment when it fits
	Zalo    ZaloPayload
}

var vnZone = time.FixedZone("ICT", 7*3600)

func vnTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(vnZone).Format("15:04 02/01/2006")
}

func vnDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(vnZone).Format("02/01/2006")
}

// ref names the dossier: its code, or before reception its filing time.
func (f Facts) ref(lang string) string {
	if f.Code != "" {
		return f.Code
	}
	if lang == "en" {
		return "filed at " + vnTime(f.Submitted)
	}
	return "nộp lúc " + vnTime(f.Submitted)
}

var emailTmpl = template.Must(template.New("email").Funcs(template.FuncMap{"t": vnTime, "d": vnDate}).Parse(`
{{define "received.subject"}}Hồ sơ {{.Code}} đã được tiếp nhận / Your application has been received{{end}}
{{define "received.vi"}}Bộ phận Một cửa đã tiếp nhận hồ sơ "{{.Procedure}}" của Ông/Bà.
Mã hồ sơ: {{.Code}}
Ngày hẹn trả kết quả: {{t .Due}}
Cơ quan giải quyết: {{.Agency}}{{if .TrackURL}}
Tra cứu tình trạng hồ sơ: {{.TrackURL}}{{end}}{{end}}
{{define "received.en"}}The one-stop office has received your application "{{.Procedure}}".
Dossier code: {{.Code}}
Appointment for the result: {{t .Due}} (Vietnam time)
Handled by: {{.Agency}}{{if .TrackURL}}
Track it at: {{.TrackURL}}{{end}}{{end}}

{{define "refused.subject"}}Hồ sơ không được tiếp nhận / Your application was not accepted{{end}}
{{define "refused.vi"}}Hồ sơ "{{.Procedure}}" Ông/Bà {{.Ref}} không được tiếp nhận (Phiếu từ chối tiếp nhận, Mẫu 03).
Lý do: {{.Reason}}{{end}}
{{define "refused.en"}}Your application "{{.Procedure}}" {{.RefEN}} was not accepted (refusal slip, Form 03).
Reason: {{.Reason}}{{end}}

{{define "supplement.subject"}}Hồ sơ {{.Ref}} cần bổ sung / Your application needs more documents{{end}}
{{define "supplement.vi"}}Hồ sơ "{{.Procedure}}" ({{.Ref}}) cần được bổ sung, hoàn thiện (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, Mẫu 02).
Nội dung cần bổ sung: {{.Reason}}
Thời gian chờ bổ sung không tính vào thời hạn giải quyết. Cơ quan chỉ yêu cầu bổ sung một lần.{{if .TrackURL}}
Xem và bổ sung hồ sơ: {{.TrackURL}}{{end}}{{end}}
{{define "supplement.en"}}Your application "{{.Procedure}}" ({{.RefEN}}) needs to be completed (supplementation request, Form 02).
What is missing: {{.Reason}}
The time waiting for you does not count against the deadline. Supplementation is requested only once.{{if .TrackURL}}
See and complete it: {{.TrackURL}}{{end}}{{end}}

{{define "extended.subject"}}Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{.Code}} / Apology and new date{{end}}
{{define "extended.vi"}}{{.Agency}} xin lỗi Ông/Bà {{.Name}} vì hồ sơ "{{.Procedure}}", mã {{.Code}}, chưa được giải quyết đúng hẹn ({{t .PrevDue}}).
Lý do: {{.Reason}}
Cơ quan xin hẹn lại ngày trả kết quả: {{t .Due}}.
Mong Ông/Bà thông cảm. (Văn bản xin lỗi và hẹn lại ngày trả kết quả, Mẫu 04){{if .TrackURL}}
Tra cứu: {{.TrackURL}}{{end}}{{end}}
{{define "extended.en"}}{{.Agency}} apologises: your application "{{.Procedure}}", code {{.Code}}, could not be settled by the appointed date ({{t .PrevDue}}).
Reason: {{.Reason}}
New date for the result: {{t .Due}} (Vietnam time). (Apology and new appointment, Form 04){{if .TrackURL}}
Track it at: {{.TrackURL}}{{end}}{{end}}

{{define "result_ready.subject"}}Hồ sơ {{.Code}} đã có kết quả / Your result is ready{{end}}
{{define "result_ready.vi"}}Hồ sơ "{{.Procedure}}", mã {{.Code}}, đã có kết quả.
{{if eq .Return "postal"}}Kết quả sẽ được gửi đến Ông/Bà qua dịch vụ bưu chính công ích.{{else if eq .Return "online"}}Ông/Bà nhận kết quả điện tử trên Cổng dịch vụ công{{if .TrackURL}}: {{.TrackURL}}{{end}}.{{else}}Mời Ông/Bà mang Giấy tiếp nhận và hẹn trả kết quả đến Bộ phận Một cửa để nhận kết quả.{{end}}{{end}}
{{define "result_ready.en"}}Your application "{{.Procedure}}", code {{.Code}}, has its result.
{{if eq .Return "postal"}}It will be sent to you by post.{{else if eq .Return "online"}}Download the electronic result on the portal{{if .TrackURL}}: {{.TrackURL}}{{end}}.{{else}}Please bring your receipt to the one-stop office to collect it.{{end}}{{end}}

{{define "decision.subject"}}Hồ sơ {{.Ref}} đã có thông báo / A decision on your application{{end}}
{{define "decision.vi"}}Hồ sơ "{{.Procedure}}" ({{.Ref}}) {{if eq .Outcome "stopped"}}đã được dừng giải quyết (Thông báo dừng giải quyết hồ sơ){{else}}không đủ điều kiện giải quyết; cơ quan đã có văn bản trả lời nêu rõ lý do{{end}}.
{{if .Reason}}Lý do: {{.Reason}}
{{end}}Ông/Bà nhận văn bản tại Bộ phận Một cửa{{if .TrackURL}} hoặc xem tại: {{.TrackURL}}{{end}}.{{end}}
{{define "decision.en"}}Your application "{{.Procedure}}" ({{.RefEN}}) {{if eq .Outcome "stopped"}}has been stopped (stop notice){{else}}was found not eligible; the agency has answered in writing with its reasons{{end}}.
{{if .Reason}}Reason: {{.Reason}}
{{end}}Collect the letter at the one-stop office{{if .TrackURL}} or see it at: {{.TrackURL}}{{end}}.{{end}}

{{define "posted.subject"}}Kết quả hồ sơ {{.Code}} đã gửi qua bưu chính / Your result is in the post{{end}}
{{define "posted.vi"}}Kết quả hồ sơ "{{.Procedure}}", mã {{.Code}}, đã được giao cho bưu chính ngày {{d .At}} để chuyển đến địa chỉ Ông/Bà đã đăng ký.{{end}}
{{define "posted.en"}}The result of your application "{{.Procedure}}", code {{.Code}}, was handed to the post on {{d .At}} for delivery to the address you gave.{{end}}
`))

// emailData adds the derived names to the facts for the templates.
type emailData struct {
	Facts
	Ref, RefEN string
}

func execute(name string, data any) (string, error) {
	var b bytes.Buffer
	if err := emailTmpl.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("notify: template %s: %w", name, err)
	}
	return strings.TrimSpace(b.String()), nil
}

// Render builds the messages of one event.
func Render(f Facts) (Rendered, error) {
	var r Rendered
	if emailTmpl.Lookup(string(f.Kind)+".subject") == nil {
		return r, fmt.Errorf("notify: no template for %q", f.Kind)
	}
	data := emailData{Facts: f, Ref: f.ref("vi"), RefEN: f.ref("en")}
	var err error
	if r.Subject, err = execute(string(f.Kind)+".subject", data); err != nil {
		return r, err
	}
	vi, err := execute(string(f.Kind)+".vi", data)
	if err != nil {
		return r, err
	}
	en, err := execute(string(f.Kind)+".en", data)
	if err != nil {
		return r, err
	}
	r.Body = "Kính gửi Ông/Bà " + f.Name + ",\n\n" + vi +
		"\n\nTrân trọng,\nBộ phận Một cửa\n\n-- English --\n\nDear " + f.Name + ",\n\n" + en +
		"\n\nThe one-stop office\n\n(Thư tự động, xin không trả lời. / Automatic message, please do not reply.)"
	r.SMS = renderSMS(f)
	r.Zalo = ZaloPayload{Template: string(f.Kind), Data: map[string]string{
		"customer_name": clip(f.Name, 100), "dossier_code": f.ref("vi"), "procedure": clip(f.Procedure, 100),
		"due_date": vnTime(f.Due), "reason": clip(f.Reason, 100), "status": string(f.Kind),
	}}
	return r, nil
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// renderSMS writes the short texts; the reason is the part shortened to fit.
func renderSMS(f Facts) string {
	ref := f.ref("vi")
	link := ""
	if f.TrackURL != "" {
		link = " Tra cuu: " + f.TrackURL
	}
	switch f.Kind {
	case KindReceived:
		return fitSMS(func(string) string {
			return "Ho so " + f.Code + " da duoc tiep nhan. Hen tra ket qua " + vnTime(f.Due) + "." + link
		}, "")
	case KindRefused:
		return fitSMS(func(r string) string { return "Ho so " + ref + " khong duoc tiep nhan. Ly do: " + r }, f.Reason)
	case KindSupplement:
		return fitSMS(func(r string) string { return "Ho so " + ref + " can bo sung: " + r + link }, f.Reason)
	case KindExtended:
		return fitSMS(func(r string) string {
			return "Xin loi Ong/Ba: ho so " + f.Code + " chua kip tra dung hen. Hen lai " + vnTime(f.Due) + ". Ly do: " + r
		}, f.Reason)
	case KindResultReady:
		how := " Moi nhan tai Bo phan Mot cua."
		switch f.Return {
		case "postal":
			how = " Ket qua se gui qua buu dien."
		case "online":
			how = " Nhan ket qua dien tu tren Cong dich vu cong."
			if f.TrackURL != "" {
				how = " Nhan ket qua dien tu: " + f.TrackURL
			}
		}
		return fitSMS(func(string) string { return "Ho so " + f.Code + " da co ket qua." + how }, "")
	case KindDecision:
		what := "khong du dieu kien giai quyet"
		if f.Outcome == "stopped" {
			what = "da dung giai quyet"
		}
		if f.Reason == "" {
			return fitSMS(func(string) string { return "Ho so " + ref + " " + what + "." + link }, "")
		}
		return fitSMS(func(r string) string { return "Ho so " + ref + " " + what + ". Ly do: " + r }, f.Reason)
	case KindPosted:
		return fitSMS(func(string) string {
			return "Ket qua ho so " + f.Code + " da gui qua buu dien ngay " + vnDate(f.At) + "."
		}, "")
	}
	return ""
}
