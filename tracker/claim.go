package tracker

import "time"

// Claim is the send log's answer to a process that asks to send the
// message under a key: at most one process holds a live claim on a key, so
// any number of processes deliver each message once.
type Claim struct {
	// Sent says the message was delivered before: nothing to send.
	Sent bool
	// Holder is the owner of another claim whose lease still runs: that
	// process is sending it. Empty when the claim is granted.
	Holder string
	// Since is when the first earlier attempt began that has no recorded
	// delivery (its owner failed, died, or timed out waiting for an
	// answer): the message may have arrived, so look before sending again.
	// Zero for a first attempt.
	Since time.Time
}

// Granted reports whether the asker may send.
func (c Claim) Granted() bool { return !c.Sent && c.Holder == "" }
