// Package forms renders the paper forms of the one-stop (một cửa) process as
// PDF: the receipt and appointment slip, the supplementation request, the
// refusal slip, the apology slip and the control slip.
//
// The layouts follow Circular 01/2018/TT-VPCP (forms 01–05, in force until
// 30/6/2025) and keep the same content for the numbering of Circular
// 03/2025/TT-VPCP Annex I, whose exact field layout has not been retrieved
// (see shared/reference/RULES-VN.md §1.5–§1.6). The administrative header,
// margins and date style follow Decree 30/2020/NĐ-CP so that the printouts
// look like any other Vietnamese administrative document.
//
// The package takes plain data and writes bytes: it knows nothing of HTTP,
// storage or the dossier model, so that callers can map their own types and
// the layouts can be tested in isolation. Text is drawn with the DejaVu Sans
// fonts embedded from github.com/go-fonts/dejavu, which cover every
// Vietnamese precomposed letter, so diacritics are real, searchable text.
package forms
