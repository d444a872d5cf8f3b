package parse

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// UTF-8 text once read as Windows-1252 and saved again as UTF-8 shows each
// accented letter as two or three ("geÃ¯nformeerd", "â€“"): a copy that
// passed through a program that guessed the encoding wrong. unMojibake
// undoes that when the marks of it are many: it writes the text back as
// Windows-1252 and reads those bytes as the UTF-8 they were. Text that
// holds a character Windows-1252 cannot write, or whose bytes are then not
// UTF-8, is left as it is.
func unMojibake(s string) (string, bool) {
	if strings.Count(s, "Ã")+strings.Count(s, "â€")+strings.Count(s, "â‚") < mojibakeMarks {
		return s, false
	}
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil || !utf8.Valid(b) {
		return s, false
	}
	return string(b), true
}

// mojibakeMarks is how many "Ã", "â€" and "â‚" (the euro sign) make a text twice decoded: one
// or two may be real (a Portuguese name), three in Dutch are not.
const mojibakeMarks = 3
