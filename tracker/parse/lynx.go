package parse

import (
	"regexp"
	"strings"
)

// A web page saved as text by a text browser (lynx -dump, and w3m with its
// link list) numbers every link: "[14]Joke Vanderhaeghen", "plan[22][1]",
// and lists the addresses after the page under "References": "1.
// https://...", numbered as questions are. unLinkList takes that list and
// the marks away; a page without such a list is left as it is, so that a
// footnote mark "[1]" in other documents stays for the footnote reader.
func unLinkList(s string) string {
	i := linkListRE.FindStringIndex(s)
	if i == nil {
		return s
	}
	s = s[:i[0]]
	// The page's foot (footnotes, related pages, sharing, the site's
	// footer) follows the last rule the browser drew under the text.
	if r := ruleLineRE.FindAllStringIndex(s, -1); r != nil {
		if last := r[len(r)-1]; !strings.Contains(s[last[1]:], "\nAntwoord") {
			s = s[:last[0]]
		}
	}
	s = relLineRE.ReplaceAllString(s, "")
	s = navLineRE.ReplaceAllString(s, "")
	return linkMarkRE.ReplaceAllString(s, "")
}

var (
	// linkListRE finds the heading of the link list and its first address.
	linkListRE = regexp.MustCompile(`(?m)^[ \t]*References[ \t]*\n(?:[ \t]*\n)*(?:[ \t]*(?:Visible|Hidden) links:[ \t]*\n)?[ \t]*1\. (?:https?|mailto|file|ftp):`)
	// relLineRE is the line of the page's own links (feeds) lynx puts
	// first: "#[1]Vlaams Parlement - Nieuws [2]...".
	relLineRE = regexp.MustCompile(`(?m)^[ \t]*#\[[0-9]+\][^\n]*\n`)
	// navLineRE is a line that is one short link and nothing else, or a
	// form's button: the site's navigation ("* [5]Het parlement", "[3]Naar
	// hoofdinhoud", "Zoeken ____ (BUTTON) Zoeken"). A line of a wrapped
	// paragraph that starts with a link runs on or ends a sentence.
	navLineRE = regexp.MustCompile(`(?m)^[ \t]*(?:\* )?\[[0-9]+\][^\[\n.?!;:)]{1,60}\n|^[^\n]*\(BUTTON\)[^\n]*\n`)
	// ruleLineRE is a horizontal rule as the browser draws it.
	ruleLineRE = regexp.MustCompile(`(?m)^[ \t]*_{20,}[ \t]*$`)
	// linkMarkRE is a link's number before its text.
	linkMarkRE = regexp.MustCompile(`\[[0-9]{1,4}\]`)
)

// hasLinkList reports cheaply whether s may hold a link list.
func hasLinkList(s string) bool { return strings.Contains(s, "References") }
