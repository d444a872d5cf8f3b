package tracker

// PossiblyDelivered is the verdict on a promise for which a document came in
// that may deliver it: a meeting on the promised date, a letter on the same
// subject near it. It is a suggestion for a person to confirm
// (`pqtrack check ID --delivered`) or reject; it never closes anything.
const PossiblyDelivered Verdict = "possibly-delivered"

// Followed reports whether r found its target in hand: addressed or silent.
func (r *Resolution) Followed() bool {
	return r != nil && (r.Verdict == Addressed || r.Verdict == Silent)
}
