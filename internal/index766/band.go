package index766

// Band is a ranking band of the total score (RULES-VN.md §6.1).
type Band struct {
	// Code is a stable identifier: "excellent", "good", "fair", "average",
	// "weak".
	Code           string
	NameVI, NameEN string
	// Min is the lowest total in the band (inclusive); the band runs up to
	// the next band's Min (exclusive).
	Min float64
}

// The bands, from the best. 90–100 Xuất sắc and < 50 Yếu are in the press
// [V]; 80 Tốt and 50 Trung bình are seen in practice [S]; the 70 boundary of
// Khá is inferred (RULES-VN.md §6.1 and §15(5)).
var (
	Excellent = Band{"excellent", "Xuất sắc", "Excellent", 90}
	Good      = Band{"good", "Tốt", "Good", 80}
	Fair      = Band{"fair", "Khá", "Fair", 70}
	Average   = Band{"average", "Trung bình", "Average", 50}
	Weak      = Band{"weak", "Yếu", "Weak", 0}
)

// Bands returns the bands from the best to the worst.
func Bands() []Band { return []Band{Excellent, Good, Fair, Average, Weak} }

func bandOfHundredths(h int64) Band {
	for _, b := range Bands() {
		if h >= toHundredths(b.Min) {
			return b
		}
	}
	return Weak
}
