// Package postal connects the one-stop with the public postal service that
// picks up dossiers and delivers results (Decision 45/2016/QĐ-TTg; Circular
// 17/2017/TT-BTTTT). Both directions are webhooks signed with HMAC-SHA256:
// the operator reports its events to us, and we tell the operator when a
// result is handed to post. Signing is symmetric so that the operator can use
// this package's rules (documented in the OpenAPI document) in any language.
package postal
