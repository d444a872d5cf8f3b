// Package resolve follows the references of deferring answers to what they
// point at and judges whether that target answers the question.
//
// A reference to another answer in the same document is followed without a
// store (Local): the item links to its target items and takes an effective
// status from them, following chains and reporting loops. References to
// other documents (a meeting, a letter, an earlier written question) are
// matched to stored documents by number, date, kind and body (Resolver);
// the target's passages (speaker turns, paragraphs, answers) are searched
// with the store's full-text index and each deferral gets a verdict:
// addressed (with the passages to read), silent, target-missing (with what
// to fetch) or loop.
//
// "Addressed" needs more than a shared word: a passage addresses a question
// when it shares enough of the question's distinctive terms, each weighted
// by its rarity in the indexed passages, so that "commissie" or "minister"
// alone never count.
package resolve
