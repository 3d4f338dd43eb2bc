package forms

import (
	"bytes"
	"strings"
	"testing"
)

// Form 02 names each paper and what is wrong with it, and fills the header's
// number and the receiving unit's address and phone when they are known
// (issue 22 item 5; Circular 01/2018 Form 02; Decree 118/2025 Art. 11(2)).
func TestSupplementRequestRows_Circular01_2018_Form02(t *testing.T) {
	f := supplement()
	f.Number = "0042"
	f.Reason = ""
	f.OfficerPhone = ""
	f.AgencyAddress = "Số 8 đường Lê Lợi, phường Hạc Thành"
	f.AgencyPhone = "0237 385 2001"
	f.Items = []SupplementItem{
		{Component{Name: "Tờ khai", Originals: 1}, "Chưa đầy đủ: thiếu chữ ký"},
		{Component{Name: "Giấy chứng sinh", Originals: 1}, "Còn thiếu"},
		{Component{Name: "Giấy ủy quyền"}, "Không hợp lệ: chưa chứng thực"},
	}
	var buf bytes.Buffer
	if err := RenderSupplementRequest(&buf, f); err != nil {
		t.Fatal(err)
	}
	saveSample(t, "02-checklist", buf.Bytes())
	text, ok := pdfText(t, buf.Bytes())
	if !ok {
		return
	}
	for _, want := range []string{
		"Số: 0042/HDHS",
		"Nội dung cần bổ sung, hoàn thiện",
		"1 Tờ khai 01 Chưa đầy đủ: thiếu chữ ký",
		"2 Giấy chứng sinh 01 Còn thiếu",
		"3 Giấy ủy quyền Không hợp lệ: chưa chứng thực",
		"Địa chỉ: Số 8 đường Lê Lợi, phường Hạc Thành",
		"Điện thoại: 0237 385 2001",
		// The officer's own phone is unknown: the unit's is the one to call.
		"số điện thoại 0237 385 2001 để được hướng dẫn",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Form 02 lacks %q in:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Lý do:") {
		t.Errorf("no reason was given, yet the form prints a reason line:\n%s", text)
	}
}

// Only data that does not exist leaves dots to fill in by hand.
func TestSupplementRequestDotsOnlyWhenUnknown(t *testing.T) {
	f := supplement()
	f.OfficerPhone = ""
	var buf bytes.Buffer
	if err := RenderSupplementRequest(&buf, f); err != nil {
		t.Fatal(err)
	}
	text, ok := pdfText(t, buf.Bytes())
	if !ok {
		return
	}
	for _, want := range []string{"Số: " + dots + "/HDHS", "Địa chỉ: " + dots, "Điện thoại: " + dots, "số điện thoại " + dots} {
		if !strings.Contains(text, want) {
			t.Errorf("Form 02 lacks %q in:\n%s", want, text)
		}
	}
}

// Without a reason every row must say what is wrong.
func TestSupplementRequestNeedsReasonOrProblems(t *testing.T) {
	f := supplement()
	f.Reason = ""
	f.Items[1].Problem = " "
	err := RenderSupplementRequest(&bytes.Buffer{}, f)
	if err == nil || !strings.Contains(err.Error(), "Reason is required unless every item says what is wrong") {
		t.Fatalf("got %v", err)
	}
}
