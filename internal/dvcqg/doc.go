// Package dvcqg links the province's one-stop system to the National Public
// Service Portal (Cổng Dịch vụ công quốc gia, DVCQG): dossiers filed there
// come in (pulled or pushed), and every dossier, its progress, results and
// fees go back, as Decision 31/2021/QĐ-TTg Art. 30(3) requires.
//
// The national API is not published in full; what we send is written from the
// field names open systems use (reference/DVCQG-NOTES.md, RULES-VN.md §12).
// So the wire format lives apart, in wire*.go and schema/, and everything
// else speaks in plain Go values: a province whose integration platform
// (LGSP/NDXP) exposes another version changes the wire files and the status
// table, not the callers.
//
// Nothing here stores anything: the service layer keeps the outbox, the
// mapping tables and the attachments, and calls Portal.
//
// Not yet called by the server: the outbox sync, the inbound endpoint and the pull are issue 14, so deadcode lists this package until then.
package dvcqg
