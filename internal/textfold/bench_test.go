package textfold

import "testing"

// BenchmarkFold_Name: the search key of an applicant's name (stored with
// each dossier, and computed for every name search). BenchmarkFold in
// fold_test.go folds a procedure name.
func BenchmarkFold_Name(b *testing.B) {
	for b.Loop() {
		if Fold("Nguyễn Thị Ngọc Huyền") != "nguyen thi ngoc huyen" {
			b.Fatal("fold")
		}
	}
}

// BenchmarkFold_ASCII: a query typed without diacritics, the common case.
func BenchmarkFold_ASCII(b *testing.B) {
	for b.Loop() {
		Fold("nguyen van an")
	}
}

// BenchmarkFold_Procedure: a procedure's longer search key (code, name, sector).
func BenchmarkFold_Procedure(b *testing.B) {
	s := "1.001193 Đăng ký khai sinh có yếu tố nước ngoài tại Ủy ban nhân dân cấp xã Hộ tịch"
	for b.Loop() {
		Fold(s)
	}
}

// BenchmarkNFC: normalising typed text before it is stored.
func BenchmarkNFC(b *testing.B) {
	for b.Loop() {
		NFC("  Nguyễn Thị Ngọc Huyền  ")
	}
}
