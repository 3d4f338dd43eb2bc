// Package bench generates a realistic database for benchmarks, drives a
// running server with a mixed workload over HTTP, and measures the raw SQL
// rate of the same writes (`motcua bench generate|load|limit`, DESIGN.md
// "Performance targets").
package bench

// The shares below shape the generated dossiers. Where a published figure
// exists (/work/shared/reference/operations-and-figures.md) it is named;
// the others are assumptions, said so, kept in one place to be revised.
const (
	// Online filings: Bình Dương 68.3 % (18/03/2024); Bắc Giang reports 84 %
	// of documents processed online (2023–24). Between the two.
	shareOnline = 0.65
	// Postal filings: no published share was found (Bắc Giang: 344 procedures
	// receivable by post, 2017). Assumed small.
	sharePostal = 0.04
	// Online filers identified through the national e-ID: Bắc Giang "100 %
	// of online users identified/authenticated"; a few legacy accounts assumed.
	shareVNeID = 0.95
	// Paper dossiers scanned on receipt: Bắc Giang digitization rate 90.26 %.
	shareDigitized = 0.90
	// Settled dossiers with an electronic result: Bình Dương "> 84 %".
	shareEResult = 0.84
	// Late settlements: Bình Dương on time 96.24 %, Bắc Giang 99.8 %,
	// Bắc Ninh progress 97.2 % of the maximum. About 3 % late.
	shareLate = 0.03
	// Supplementation requested (once): no published share found; assumed.
	shareSupplement = 0.07
	// Refused at the counter (Form 03): assumed.
	shareRefused = 0.015
	// Rejected after review (not eligible): assumed.
	shareRejected = 0.015
	// Withdrawn by the applicant and stopped: assumed.
	shareWithdrawn = 0.005
	// Rated by the applicant at return: the share is not published; the
	// satisfaction is (> 99 % satisfied, Bắc Giang 2021; 99.2 %, Bắc Ninh 2025).
	shareRated         = 0.45
	shareDissatisfied  = 0.008 // of the rated
	shareVerySatisfied = 0.55  // of the rated
)
