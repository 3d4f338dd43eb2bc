package bench

import (
	"fmt"
	"math/rand/v2"
)

// Family names weighted by their frequency in Vietnam (Nguyễn alone is
// about four in ten), so that a search by a common name finds many
// dossiers, as it does in a real province.
var families = []struct {
	name   string
	weight int
}{
	{"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95}, {"Phạm", 70}, {"Hoàng", 50}, {"Phan", 45}, {"Vũ", 39},
	{"Đặng", 21}, {"Bùi", 20}, {"Đỗ", 14}, {"Hồ", 13}, {"Ngô", 13}, {"Dương", 10}, {"Lý", 5}, {"Đinh", 5},
	{"Trịnh", 4}, {"Mai", 4}, {"Đào", 4}, {"Lương", 3}, {"Tạ", 2}, {"Cao", 2}, {"Lưu", 2}, {"La", 1}, {"Thân", 1},
}

var familyTotal = func() int {
	n := 0
	for _, f := range families {
		n += f.weight
	}
	return n
}()

var (
	middlesMale   = []string{"Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Xuân", "Công", "Mạnh", "Trọng", "Tiến", "Ngọc"}
	middlesFemale = []string{"Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim", "Diệu", "Bích", "Thùy"}
	givenMale     = []string{"An", "Anh", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Khoa", "Long", "Minh", "Nam", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Thành", "Trung", "Tuấn", "Tùng", "Việt", "Vinh"}
	givenFemale   = []string{"An", "Anh", "Chi", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Tuyết", "Vân", "Yến"}
	streets       = []string{"Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hùng Vương", "Quang Trung", "Lý Thái Tổ", "Ngô Gia Tự", "Nguyễn Văn Cừ", "Kinh Dương Vương", "Hoàng Văn Thụ"}
	wards         = []string{"phường Trung Tâm", "xã Hòa Bình", "phường Bắc Giang", "phường Kinh Bắc", "xã Tân Tiến", "xã Hợp Thịnh"}
)

// person is a fictitious applicant.
type person struct {
	name, idNumber, phone, address string
	male                           bool
}

func fakePerson(r *rand.Rand) person {
	n := r.IntN(familyTotal)
	family := families[0].name
	for _, f := range families {
		if n < f.weight {
			family = f.name
			break
		}
		n -= f.weight
	}
	male := r.IntN(2) == 0
	var middle, given string
	if male {
		middle, given = middlesMale[r.IntN(len(middlesMale))], givenMale[r.IntN(len(givenMale))]
	} else {
		middle, given = middlesFemale[r.IntN(len(middlesFemale))], givenFemale[r.IntN(len(givenFemale))]
	}
	// CCCD: province of birth (3 digits), century and sex (0/1 for the
	// 1900s, 2/3 for the 2000s), year of birth (2 digits), then 6 digits.
	year := 1940 + r.IntN(66)
	sex := 0
	if !male {
		sex = 1
	}
	if year >= 2000 {
		sex += 2
	}
	id := fmt.Sprintf("%03d%d%02d%06d", []int{24, 27, 1, 79, 31}[r.IntN(5)], sex, year%100, r.IntN(1_000_000))
	phone := fmt.Sprintf("0%d%08d", []int{9, 8, 3, 7}[r.IntN(4)], r.IntN(100_000_000))
	addr := fmt.Sprintf("%d %s, %s", 1+r.IntN(300), streets[r.IntN(len(streets))], wards[r.IntN(len(wards))])
	return person{name: family + " " + middle + " " + given, idNumber: id, phone: phone, address: addr, male: male}
}
