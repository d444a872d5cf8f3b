package tracker

import "errors"

// Errors callers branch on. Adapters wrap them with context; the web layer
// maps them to HTTP status codes in one place.
var (
	ErrNotFound = errors.New("not found")
	ErrInvalid  = errors.New("invalid")
)
