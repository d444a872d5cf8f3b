package parse

import (
	"bytes"
	"encoding/binary"
	"strconv"
	"strings"
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
		// One copy of the text: string(data) in each call would be two.
		s := string(data)
		if fixed, ok := unMojibake(s); ok {
			return fixed, []string{"repaired text decoded twice (UTF-8 read as Windows-1252)"}, nil
		}
		return s, nil, nil
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
	// UTF-8 text with a few bad bytes (text pasted from elsewhere) is
	// UTF-8: Windows-1252 text next to never holds a valid multi-byte
	// UTF-8 character, so a fair share of them says UTF-8.
	if good, bad := utf8Counts(data); good > 0 && 2*good >= bad {
		return mixedUTF8(data)
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", nil, &Error{Msg: "cannot decode text: " + err.Error()}
	}
	return string(out), []string{"decoded as Windows-1252"}, nil
}

// utf8Counts counts the valid multi-byte UTF-8 characters in data and
// the bytes that are no part of a valid one.
func utf8Counts(data []byte) (good, bad int) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		i += n
	}
	return good, bad
}

// mixedUTF8 reads data as UTF-8 and each byte that is not valid UTF-8 as
// the Windows-1252 character it would be (the usual cause: text pasted
// from a Windows-1252 source). Each line with such bytes is named in a
// warning, at most maxBadLines of them.
func mixedUTF8(data []byte) (string, []string, *Error) {
	const maxBadLines = 5
	var b strings.Builder
	b.Grow(len(data) + 16)
	var lines []int
	line, more, last := 1, 0, 0 // more: lines past maxBadLines; last: the last line counted
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line++
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(charmap.Windows1252.DecodeByte(c))
			switch {
			case last == line:
			case len(lines) < maxBadLines:
				lines = append(lines, line)
			default:
				more++
			}
			last = line
		} else {
			b.Write(data[i : i+n])
		}
		i += n
	}
	w := "invalid UTF-8 read as Windows-1252 on " + plural(lines, "line", "lines")
	if more > 0 {
		w += " and " + strconv.Itoa(more) + " more lines"
	}
	return b.String(), []string{w}, nil
}

// binaryAt reports whether data looks binary (NUL bytes or many control
// characters), and the line where that starts.
func binaryAt(data []byte) (int, bool) {
	ctrl := 0
	first := -1
	for i := 0; i < len(data); i++ {
		// The common case: eight bytes at a time, none below 0x20, or
		// none but white space, which the loop passes over: a line
		// break in eight bytes sent them a byte at a time, each with a
		// failed test of eight, at every line of the text. quiet8,
		// the longer test, only where control8 finds a byte.
		for i+8 <= len(data) {
			if x := binary.LittleEndian.Uint64(data[i:]); control8(x) && !quiet8(x) {
				break
			}
			i += 8
		}
		if i == len(data) {
			break
		}
		c := data[i]
		if c >= 0x20 {
			continue
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

// control8 reports whether one of the eight bytes of x is below 0x20.
// Subtracting 0x20 from every byte borrows out of, and so sets the top bit
// of, the lowest byte below 0x20; bytes whose top bit was set (0x80 and
// up) are left out. A borrow only passes from a byte below 0x20 upwards,
// so there is no answer true without one.
func control8(x uint64) bool {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	return (x-ones*0x20)&^x&tops != 0
}

// quiet8 reports whether none of the eight bytes of x is one binaryAt
// stops at or counts: each is 0x20 or more (0x80 and up too) or white
// space from '\t' to '\r'. On the bytes with their top bit cleared,
// adding 0x80-c sets the top bit exactly when the byte is c or more,
// without a carry into the next byte; the bytes whose top bit was set are
// left out of below.
func quiet8(x uint64) bool {
	const ones, tops, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	y := x & lows
	below := ^(y + ones*(0x80-0x20)) &^ x & tops                       // below 0x20
	space := (y + ones*(0x80-'\t')) &^ (y + ones*(0x80-'\r'-1)) & tops // '\t' to '\r'
	return below&^space == 0
}
