package signing

import "fmt"

// Code is the outcome of verifying a document's signatures, stable for
// storage and for the API.
type Code string

const (
	Valid       Code = "valid"         // intact, trusted, valid at signing, not revoked
	Unsigned    Code = "unsigned"      // no signature at all
	Modified    Code = "modified"      // the signed bytes changed, or bytes were added after the signature
	Broken      Code = "broken"        // the signature cannot be read or does not match its certificate
	Untrusted   Code = "untrusted"     // no chain to an installed root
	Expired     Code = "expired"       // the certificate had expired at the signing time
	NotYetValid Code = "not_yet_valid" // the certificate was not yet valid at the signing time
	Revoked     Code = "revoked"       // the issuer says the certificate is revoked
	OtherSigner Code = "other_signer"  // valid, but not by the organisation expected
)

// RevocationStatus is what the issuer said about the signer's certificate.
type RevocationStatus string

const (
	RevocationGood    RevocationStatus = "good"
	RevocationRevoked RevocationStatus = "revoked"
	// RevocationUnknown: no responder named, none reachable, or an answer
	// that could not be checked. It does not fail a signature: the law asks
	// for the check "when reachable", and the page says it was not done.
	RevocationUnknown RevocationStatus = "unknown"
)

// Verdict is the conclusion shown to people. Signer and Organization come
// from the certificate; Expected is the organisation that should have
// signed (OtherSigner only).
type Verdict struct {
	Code         Code
	Signer       string
	Organization string
	Expected     string
	Revocation   RevocationStatus
}

// OK reports whether the document carries a valid signature (of the
// expected organisation, when one was asked for).
func (v Verdict) OK() bool { return v.Code == Valid }

func (v Verdict) who() string {
	if v.Organization != "" && v.Organization != v.Signer {
		return v.Signer + " (" + v.Organization + ")"
	}
	return v.Signer
}

// Vietnamese is the verdict in Vietnamese, every word.
func (v Verdict) Vietnamese() string {
	switch v.Code {
	case Valid:
		s := fmt.Sprintf("Chữ ký hợp lệ của %s.", v.who())
		if v.Revocation != RevocationGood {
			s += " Chưa kiểm tra được chứng thư số có bị thu hồi hay không."
		}
		return s
	case Unsigned:
		return "Tài liệu chưa được ký số."
	case Modified:
		return "Tài liệu đã bị sửa sau khi ký."
	case Broken:
		return "Chữ ký số không hợp lệ hoặc không đọc được."
	case Untrusted:
		return fmt.Sprintf("Chứng thư số của %s chưa được tin cậy: không thuộc tổ chức cung cấp dịch vụ chứng thực nào đã được cài đặt.", v.who())
	case Expired:
		return fmt.Sprintf("Chứng thư số của %s hết hạn khi ký.", v.who())
	case NotYetValid:
		return fmt.Sprintf("Chứng thư số của %s chưa có hiệu lực khi ký.", v.who())
	case Revoked:
		return fmt.Sprintf("Chứng thư số của %s đã bị thu hồi.", v.who())
	case OtherSigner:
		return fmt.Sprintf("Chữ ký hợp lệ của %s nhưng không phải của %s.", v.who(), v.Expected)
	}
	return "Không xác định được chữ ký số."
}

// English is the verdict in English, every word but the names.
func (v Verdict) English() string {
	switch v.Code {
	case Valid:
		s := fmt.Sprintf("Valid signature of %s.", v.who())
		if v.Revocation != RevocationGood {
			s += " Whether the certificate was revoked could not be checked."
		}
		return s
	case Unsigned:
		return "The document carries no digital signature."
	case Modified:
		return "The document was changed after it was signed."
	case Broken:
		return "The digital signature is invalid or unreadable."
	case Untrusted:
		return fmt.Sprintf("The certificate of %s is not trusted: it comes from no installed certification authority.", v.who())
	case Expired:
		return fmt.Sprintf("The certificate of %s had expired when the document was signed.", v.who())
	case NotYetValid:
		return fmt.Sprintf("The certificate of %s was not yet valid when the document was signed.", v.who())
	case Revoked:
		return fmt.Sprintf("The certificate of %s has been revoked.", v.who())
	case OtherSigner:
		return fmt.Sprintf("Valid signature of %s, but not of %s.", v.who(), v.Expected)
	}
	return "The digital signature could not be assessed."
}

// Message is the verdict in the reader's language: "vi" or anything else
// for English.
func (v Verdict) Message(lang string) string {
	if lang == "vi" {
		return v.Vietnamese()
	}
	return v.English()
}
