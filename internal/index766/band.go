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

// BandOf classifies a total out of 100: Xuất sắc ≥ 90; Tốt 80–< 90; Khá
// 70–< 80; Trung bình 50–< 70; Yếu < 50. The total is taken to 2 decimals
// (89.995 is 90.00), as Compute rounds it.
func BandOf(total float64) Band { return bandOfHundredths(toHundredths(total)) }

func bandOfHundredths(h int64) Band {
	for _, b := range Bands() {
		if h >= toHundredths(b.Min) {
			return b
		}
	}
	return Weak
}
