package storetest

import (
	"context"
	"errors"
	"sort"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

// addOffice adds office slug and returns the store scoped to it.
func addOffice(tb testing.TB, db store.Full, slug string) store.Full {
	tb.Helper()
	id, err := db.AddOffice(context.Background(), tracker.Office{Slug: slug, Name: "Kantoor " + slug,
		Channel: "C" + slug, SecretHash: tracker.HashSecret("geheim-" + slug)}, now0)
	if err != nil {
		tb.Fatal(err)
	}
	return db.ForOffice(id)
}

func ids(fs []tracker.FollowUp) []int64 {
	out := make([]int64, len(fs))
	for i, f := range fs {
		out[i] = f.ID
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func overlap(a, b []tracker.FollowUp) bool {
	seen := map[int64]bool{}
	for _, f := range a {
		seen[f.ID] = true
	}
	for _, f := range b {
		if seen[f.ID] {
			return true
		}
	}
	return false
}

// Every database has the default office; offices are added with a unique
// slug, found by it, and listed with their open follow-ups.
func testOffices(t *testing.T, db store.Full) {
	ctx := context.Background()
	os, err := db.Offices(ctx)
	if err != nil || len(os) != 1 || os[0].ID != tracker.DefaultOffice || os[0].Slug != tracker.DefaultOfficeSlug {
		t.Fatalf("Offices of a new database = %+v, %v; want the default alone", os, err)
	}
	if db.Office() != tracker.DefaultOffice {
		t.Errorf("a store opens scoped to office %d, want the default", db.Office())
	}
	b := addOffice(t, db, "groen")
	if _, err := db.AddOffice(ctx, tracker.Office{Slug: "groen"}, now0); !errors.Is(err, tracker.ErrInvalid) {
		t.Errorf("a slug twice: %v, want ErrInvalid", err)
	}
	if _, err := db.AddOffice(ctx, tracker.Office{Slug: "Geen Slug"}, now0); !errors.Is(err, tracker.ErrInvalid) {
		t.Errorf("a bad slug: %v, want ErrInvalid", err)
	}
	if _, err := db.OfficeBySlug(ctx, "rood"); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("an unknown slug: %v, want ErrNotFound", err)
	}
	o, err := db.OfficeBySlug(ctx, "groen")
	if err != nil || o.ID != b.Office() || o.Channel != "Cgroen" || !o.SecretMatches("geheim-groen") || o.SecretMatches("geheim-rood") {
		t.Errorf("OfficeBySlug = %+v, %v", o, err)
	}
	mustIngest(t, b, SampleDoc(), now0)
	os, err = db.Offices(ctx)
	if err != nil || len(os) != 2 || os[0].Open != 0 || os[1].Slug != "groen" || os[1].Open == 0 {
		t.Errorf("Offices = %+v, %v; want groen with its open follow-ups, the default with none", os, err)
	}
}

// The same document in two offices is stored once, and each office gets
// follow-ups of its own that the other neither lists nor reads nor changes.
func testOfficeFollowUps(t *testing.T, db store.Full) {
	ctx := context.Background()
	a, b := db, addOffice(t, db, "groen")
	docA, docB := SampleDoc(), SampleDoc()
	ra := mustIngest(t, a, docA, now0)
	rb := mustIngest(t, b, docB, now0)
	if rb.DocumentID != ra.DocumentID || rb.Action != store.Unchanged || rb.New != ra.New || rb.FollowUps != ra.FollowUps {
		t.Fatalf("second office's ingest = %+v, want the same document unchanged with %d new follow-ups of its own", rb, ra.New)
	}
	if again := mustIngest(t, b, SampleDoc(), now0); again.New != 0 || again.FollowUps != rb.FollowUps {
		t.Errorf("the second office again: %+v, want nothing new", again)
	}
	docs, _ := a.Documents(ctx)
	if len(docs) != 1 {
		t.Errorf("%d documents, want one shared", len(docs))
	}
	fa, _ := a.FollowUps(ctx, tracker.FollowUpFilter{})
	fb, _ := b.FollowUps(ctx, tracker.FollowUpFilter{})
	if len(fa) == 0 || len(fa) != len(fb) || overlap(fa, fb) {
		t.Fatalf("follow-ups: A %v, B %v; want as many, none shared", ids(fa), ids(fb))
	}
	if n, _ := b.CountFollowUps(ctx, tracker.FollowUpFilter{}); n != len(fb) {
		t.Errorf("B counts %d, want %d", n, len(fb))
	}
	theirs := fa[0].ID
	if _, err := b.FollowUp(ctx, theirs); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("B reads A's follow-up: %v, want ErrNotFound", err)
	}
	if _, err := b.History(ctx, theirs); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("B reads A's history: %v, want ErrNotFound", err)
	}
	at := now0.Add(time.Hour)
	for name, err := range map[string]error{
		"check":  b.Check(ctx, theirs, tracker.Dropped, "", "", "b", at),
		"snooze": b.Snooze(ctx, theirs, day0.AddDate(1, 0, 0), "", "b", at),
		"redate": b.Redate(ctx, theirs, day0.AddDate(1, 0, 0), "later", "b", at),
		"reopen": b.Reopen(ctx, theirs, "", "b", at),
	} {
		if !errors.Is(err, tracker.ErrNotFound) {
			t.Errorf("B %s of A's follow-up: %v, want ErrNotFound", name, err)
		}
	}
	if f, _ := a.FollowUp(ctx, theirs); f.State != tracker.Open {
		t.Errorf("A's follow-up after B's tries: %s", f.State)
	}
	if _, err := b.QueuePage(ctx, tracker.FollowUpFilter{}, theirs, 0, 10); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("B pages from A's follow-up: %v, want ErrNotFound", err)
	}
	// B closes one of its own: A's counts and queue do not move.
	before := statsOf(t, a, day0)
	if err := b.Check(ctx, fb[0].ID, tracker.Delivered, "", "", "b", at); err != nil {
		t.Fatal(err)
	}
	if after := statsOf(t, a, day0); after.Open != before.Open || after.Done != before.Done {
		t.Errorf("A's stats moved with B's check: %+v -> %+v", before, after)
	}
	if sb := statsOf(t, b, day0); sb.Done != 1 || sb.Documents != before.Documents {
		t.Errorf("B's stats %+v, want one done and the shared documents", sb)
	}
	pa, _ := a.QueuePage(ctx, tracker.FollowUpFilter{}, 0, 0, 100)
	pb, _ := b.QueuePage(ctx, tracker.FollowUpFilter{}, 0, 0, 100)
	if len(pa.FollowUps) != len(fa) || len(pb.FollowUps) != len(fb) || overlap(pa.FollowUps, pb.FollowUps) {
		t.Errorf("queue pages: A %v, B %v", ids(pa.FollowUps), ids(pb.FollowUps))
	}
	if n, _ := b.QueueCount(ctx, tracker.FollowUpFilter{States: []tracker.State{tracker.Done}}, 0); n != 1 {
		t.Errorf("B's done count %d, want 1", n)
	}
	if n, _ := a.QueueCount(ctx, tracker.FollowUpFilter{States: []tracker.State{tracker.Done}}, 0); n != 0 {
		t.Errorf("A's done count %d, want 0", n)
	}
	far := day0.AddDate(5, 0, 0)
	da, _ := a.DueFollowUps(ctx, far)
	db2, _ := b.DueFollowUps(ctx, far)
	ra2, _ := a.ReminderDue(ctx, far)
	rb2, _ := b.ReminderDue(ctx, far)
	wa, _ := a.DueBetween(ctx, time.Time{}, far, "", 0)
	wb, _ := b.DueBetween(ctx, time.Time{}, far, "", 0)
	for name, p := range map[string][2][]tracker.FollowUp{"due": {da, db2}, "reminders": {ra2, rb2}, "due between": {wa, wb}} {
		if len(p[0]) == 0 || len(p[1]) == 0 || overlap(p[0], p[1]) {
			t.Errorf("%s: A %v, B %v; want both, apart", name, ids(p[0]), ids(p[1]))
		}
	}
	ea, _ := a.Events(ctx, time.Time{}, time.Time{})
	eb, _ := b.Events(ctx, time.Time{}, time.Time{})
	mine := map[int64]bool{}
	for _, f := range fb {
		mine[f.ID] = true
	}
	for _, e := range eb {
		if !mine[e.FollowUpID] {
			t.Errorf("B's events hold follow-up %d of A", e.FollowUpID)
		}
	}
	for _, e := range ea {
		if mine[e.FollowUpID] {
			t.Errorf("A's events hold follow-up %d of B", e.FollowUpID)
		}
	}
	// The reminder log: B marking A's follow-up reminded changes nothing
	// of A's, and each office's reminders have keys of their own.
	if err := b.MarkReminded(ctx, &ra2[0], at); err != nil {
		t.Fatal(err)
	}
	if again, _ := a.ReminderDue(ctx, far); len(again) != len(ra2) {
		t.Errorf("A's reminders due %d after B marked one of A's, want %d", len(again), len(ra2))
	}
	keys := map[string]bool{}
	for _, f := range append(ra2, rb2...) {
		if keys[f.ReminderKey()] {
			t.Errorf("reminder key %s twice", f.ReminderKey())
		}
		keys[f.ReminderKey()] = true
	}
}

// A correction is about the shared document: it changes the follow-ups of
// every office that follows it, and tells the correcting office its own.
func testOfficeCorrection(t *testing.T, db store.Full) {
	ctx := context.Background()
	a, b := db, addOffice(t, db, "groen")
	doc := SampleDoc()
	mustIngest(t, a, doc, now0)
	mustIngest(t, b, SampleDoc(), now0)
	res, err := b.Correct(ctx, tracker.Correction{DocumentID: doc.ID, QuestionNumber: 3, Status: tracker.Partial,
		By: "jan", Source: tracker.FromDashboard, At: now0.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"q3:partial": "open/"}
	for name, s := range map[string]store.Full{"A": a, "B": b} {
		if got := followUpStates(t, s, doc.ID, 3); len(got) != 1 || got["q3:partial"] != want["q3:partial"] {
			t.Errorf("%s's follow-ups of question 3: %v, want %v", name, got, want)
		}
	}
	fb, _ := b.FollowUps(ctx, tracker.FollowUpFilter{})
	if len(res.Created) != 1 || !contains(fb, res.Created[0].ID) {
		t.Errorf("the correction tells B %+v, want B's new follow-up alone", res.Created)
	}
	// A corrected version of the document merges both offices' follow-ups.
	rc := mustIngest(t, a, corrected(), now0.Add(2*time.Hour))
	if rc.Action != store.Replaced {
		t.Fatalf("corrected version: %+v", rc)
	}
	fa2, _ := a.FollowUps(ctx, tracker.FollowUpFilter{})
	fb2, _ := b.FollowUps(ctx, tracker.FollowUpFilter{})
	if len(fa2) != len(fb2) || overlap(fa2, fb2) {
		t.Errorf("after the corrected version: A %v, B %v; want as many, apart", keys(fa2), keys(fb2))
	}
}

// Each office has its own watch list.
func testOfficeWatches(t *testing.T, db store.Full) {
	ctx := context.Background()
	a, b := db, addOffice(t, db, "groen")
	w := tracker.Watch{Parliament: tracker.VP, Kind: tracker.WatchMember, Value: "Jan Peeters", Created: now0}
	ida, err := a.AddWatch(ctx, w)
	if err != nil {
		t.Fatal(err)
	}
	idb, err := b.AddWatch(ctx, w)
	if err != nil || idb == ida {
		t.Fatalf("the same watch in B: %d, %v; want an entry of its own", idb, err)
	}
	if _, err := b.AddWatch(ctx, tracker.Watch{Parliament: tracker.TK, Kind: tracker.WatchKeyword, Value: "stikstof", Created: now0}); err != nil {
		t.Fatal(err)
	}
	wa, _ := a.Watches(ctx)
	wb, _ := b.Watches(ctx)
	if len(wa) != 1 || len(wb) != 2 {
		t.Errorf("watches: A %+v, B %+v", wa, wb)
	}
	if err := b.RemoveWatch(ctx, ida); !errors.Is(err, tracker.ErrNotFound) {
		t.Errorf("B removes A's watch: %v, want ErrNotFound", err)
	}
	if wa, _ := a.Watches(ctx); len(wa) != 1 {
		t.Errorf("A's watch list after B's try: %+v", wa)
	}
}

// The send log and the log of runs are each office's: a digest of a week
// sent to one office is still to send to the other.
func testOfficeSendLog(t *testing.T, db store.Full) {
	ctx := context.Background()
	a, b := db, addOffice(t, db, "groen")
	key := tracker.DigestKey(2023, 7)
	if err := b.MarkSent(ctx, key, now0); err != nil {
		t.Fatal(err)
	}
	if sent, _ := b.WasSent(ctx, key); !sent {
		t.Error("B's digest not logged")
	}
	if sent, _ := a.WasSent(ctx, key); sent {
		t.Error("A's digest logged as sent by B's")
	}
	c, err := a.Claim(ctx, key, "a", now0, time.Minute)
	if err != nil || !c.Granted() {
		t.Errorf("A claims its digest: %+v, %v", c, err)
	}
	if err := b.MarkSentAll(ctx, []string{"late:x"}, now0); err != nil {
		t.Fatal(err)
	}
	if sent, _ := a.WasSent(ctx, "late:x"); sent {
		t.Error("B's MarkSentAll logged A's key")
	}
	if err := b.SetLastRun(ctx, "remind", now0); err != nil {
		t.Fatal(err)
	}
	if last, _ := a.LastRun(ctx, "remind"); !last.IsZero() {
		t.Errorf("A's last reminder run %v, set by B's", last)
	}
	if last, _ := b.LastRun(ctx, "remind"); !last.Equal(now0) {
		t.Errorf("B's last reminder run %v, want %v", last, now0)
	}
}
