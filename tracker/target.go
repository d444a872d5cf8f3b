package tracker

// targetNouns are the Dutch words for what a deferral points at. Target
// descriptions are stored with a follow-up's resolution and shown to staff
// as they are, so they are written in Dutch, the staff's language.
var targetNouns = map[TargetKind]string{
	TargetMeeting:  "vergadering",
	TargetAnswer:   "antwoord",
	TargetLetter:   "brief",
	TargetDocument: "document",
	TargetWebsite:  "website",
}

// Noun is the Dutch word for k in a target description ("vergadering").
func (k TargetKind) Noun() string {
	if n, ok := targetNouns[k]; ok {
		return n
	}
	return string(k)
}

// kindNouns are the Dutch words for the kinds of document pqtrack stores;
// ingest --kind accepts them beside the codes.
var kindNouns = map[Kind]string{
	KindAnswer:  "antwoord",
	KindMeeting: "vergadering",
	KindLetter:  "brief",
}

// Noun is the Dutch word for k ("vergadering").
func (k Kind) Noun() string {
	if n, ok := kindNouns[k]; ok {
		return n
	}
	return string(k)
}
