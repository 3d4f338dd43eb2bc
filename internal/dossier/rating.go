package dossier

import "github.com/motcua/motcua/internal/apperr"

// Rating is the applicant's satisfaction with a settled dossier, on the
// three-level scale provinces use at result return (RULES-VN.md §5.2:
// Rất hài lòng / Hài lòng / Không hài lòng). The national portal counts a
// "dislike" per dossier for indicator 5.4 of the 766 index; Dissatisfied is
// that dislike.
type Rating int

const (
	Unrated        Rating = 0
	Dissatisfied   Rating = 1
	Satisfied      Rating = 2
	VerySatisfied  Rating = 3
	maxRatingValue        = VerySatisfied
)

// Label is the rating's name in Vietnamese and English.
func (r Rating) Label() (vi, en string) {
	switch r {
	case Dissatisfied:
		return "Không hài lòng", "Dissatisfied"
	case Satisfied:
		return "Hài lòng", "Satisfied"
	case VerySatisfied:
		return "Rất hài lòng", "Very satisfied"
	}
	return "Chưa đánh giá", "Not rated"
}

// Dislike reports whether the rating counts against indicator 5.4.
func (r Rating) Dislike() bool { return r == Dissatisfied }

func checkRating(r Rating) error {
	if r < Dissatisfied || r > maxRatingValue {
		return apperr.New(apperr.Invalid, "rating_invalid",
			"Mức đánh giá phải là 1 (không hài lòng), 2 (hài lòng) hoặc 3 (rất hài lòng).",
			"The rating must be 1 (dissatisfied), 2 (satisfied) or 3 (very satisfied).")
	}
	return nil
}
