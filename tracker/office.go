package tracker

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"regexp"
	"time"
)

// An Office is one member's staff: its own Slack channel, watch list,
// follow-ups, digest and dashboard login. Documents and their judgements
// are shared by all offices; follow-ups belong to one.
type Office struct {
	ID      int64
	Slug    string // short name on the command line and in the login form
	Name    string
	Channel string // Slack channel id; "" for the default office: serve's own
	Lang    string // "nl", "en" or "" (the default language)
	Created time.Time
	// SecretHash is the hex SHA-256 of the login secret, "" when the
	// office has none (the default office logs in as the dashboard did).
	SecretHash string
	// Open counts the follow-ups not done, where a listing fills it.
	Open int
}

// DefaultOffice is the id of the office every database starts with, which
// owns what was stored before there were offices.
const DefaultOffice int64 = 1

// DefaultOfficeSlug is the default office's slug.
const DefaultOfficeSlug = "kantoor"

var slugRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)

// CheckSlug says whether s may name an office: lower-case letters, digits
// and hyphens, at most 40.
func CheckSlug(s string) error {
	if !slugRE.MatchString(s) {
		return fmt.Errorf("%w: office %q: use lower-case letters, digits and -", ErrInvalid, s)
	}
	return nil
}

// NewSecret returns a random login secret and the hash to store of it.
func NewSecret() (secret, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	secret = hex.EncodeToString(b)
	return secret, HashSecret(secret), nil
}

// HashSecret is what the store keeps of a secret. The secret is 256
// random bits, so a plain hash is enough; there is nothing to guess.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// SecretMatches says in constant time whether secret is o's.
func (o Office) SecretMatches(secret string) bool {
	if o.SecretHash == "" || secret == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(HashSecret(secret)), []byte(o.SecretHash)) == 1
}

// OfficeKey is key in the send log (and job in the log of runs) of office:
// the default office's keys are as they were before offices, the others'
// carry the office, so that the same message (a digest of a week, the
// lateness of a minister) is sent once to each office.
func OfficeKey(office int64, key string) string {
	if office == DefaultOffice || office == 0 {
		return key
	}
	return fmt.Sprintf("office:%d:%s", office, key)
}
