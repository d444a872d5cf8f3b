// Package tracker holds pqtrack's domain: written-question documents, their
// questions and answers, what an answer delivers (Status), where it points
// (Deferral), what it promises (Promise), and the work that follows from it
// (FollowUp).
//
// The package knows nothing of SQL, HTTP, Slack or files. Adapters live in
// sub-packages (tracker/parse, tracker/sqlite, tracker/web) and in notify;
// cmd/pqtrack wires them together.
package tracker
