package web

import "testing"

func TestLocalPath(t *testing.T) {
	tests := []struct {
		back string
		ok   bool
	}{
		{"/followups", true},
		{"/followups?tab=overdue&page=2", true},
		{"/documents/3#q2", true},
		{"/%09/evil.example", false}, // decodes to a tab: refused whichever side decodes it
		{"/\t/evil.example", false},
		{"/\n/evil.example", false},
		{"/\r\n/evil.example", false},
		{"//evil.example/", false},
		{"/\\evil.example", false},
		{"\\\\evil.example", false},
		{"https://evil.example/", false},
		{"javascript:alert(1)", false},
		{"evil.example", false},
		{"followups", false},
		{"", false},
		{"/%5Cevil.example", false}, // decodes to a backslash
		{"/x\x00", false},
		{" //evil.example", false},
	}
	for _, tt := range tests {
		got, ok := localPath(tt.back)
		if ok != tt.ok || ok && got != tt.back {
			t.Errorf("localPath(%q) = %q, %v; want ok %v", tt.back, got, ok, tt.ok)
		}
	}
}
