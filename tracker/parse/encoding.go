package parse

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// decode turns the input bytes into a string: UTF-8 (BOM stripped), UTF-16
// with a BOM, or else Windows-1252, which is what older Word exports and
// e-mails use. Binary data is refused.
func decode(data []byte) (string, []string, *Error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err == nil {
			return string(out), []string{"decoded as UTF-16"}, nil
		}
	}
	if line, bad := binaryAt(data); bad {
		return "", nil, &Error{Line: line, Msg: "binary data, not text or PDF"}
	}
	if utf8.Valid(data) {
		return string(data), nil, nil
	}
	// Windows-1252 text is mostly ASCII, even in Dutch with its accents;
	// bytes that are a third or more above 0x7F are data, not text.
	high := 0
	for _, c := range data {
		if c >= 0x80 {
			high++
		}
	}
	if high*3 >= len(data) {
		return "", nil, &Error{Msg: "binary data, not text or PDF (not UTF-8, and mostly non-ASCII bytes)"}
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", nil, &Error{Msg: "cannot decode text: " + err.Error()}
	}
	return string(out), []string{"decoded as Windows-1252"}, nil
}

// binaryAt reports whether data looks binary (NUL bytes or many control
// characters), and the line where that starts.
func binaryAt(data []byte) (int, bool) {
	ctrl := 0
	first := -1
	for i, c := range data {
		if c >= 0x20 {
			continue // the common case, one test
		}
		if c == 0 {
			return bytes.Count(data[:i], []byte{'\n'}) + 1, true
		}
		if c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
			ctrl++
			if first < 0 {
				first = i
			}
		}
	}
	if ctrl > 0 && ctrl*20 > len(data) {
		return bytes.Count(data[:first], []byte{'\n'}) + 1, true
	}
	return 0, false
}
