package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
)

// A claim is granted once; another owner is kept off while the lease runs,
// takes it over after, and learns that an earlier attempt was made; a
// delivery ends all claims.
func TestClaim(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	t0 := time.Date(2023, 2, 14, 8, 0, 0, 0, time.UTC)
	lease := time.Minute
	key := "reminder:1:2023-02-14"
	steps := []struct {
		name  string
		do    func() (tracker.Claim, error)
		want  tracker.Claim
		grant bool
	}{
		{"first", func() (tracker.Claim, error) { return db.Claim(ctx, key, "a", t0, lease) }, tracker.Claim{}, true},
		{"other owner, lease runs", func() (tracker.Claim, error) { return db.Claim(ctx, key, "b", t0.Add(30*time.Second), lease) }, tracker.Claim{Holder: "a"}, false},
		{"other owner, lease over", func() (tracker.Claim, error) { return db.Claim(ctx, key, "b", t0.Add(2*time.Minute), lease) }, tracker.Claim{Since: t0}, true},
		{"after release", func() (tracker.Claim, error) {
			if err := db.Release(ctx, key, "b"); err != nil {
				return tracker.Claim{}, err
			}
			return db.Claim(ctx, key, "c", t0.Add(3*time.Minute), lease)
		}, tracker.Claim{Since: t0}, true},
		{"release by a non-owner keeps the claim", func() (tracker.Claim, error) {
			if err := db.Release(ctx, key, "a"); err != nil {
				return tracker.Claim{}, err
			}
			return db.Claim(ctx, key, "d", t0.Add(3*time.Minute), lease)
		}, tracker.Claim{Holder: "c"}, false},
		{"after delivery", func() (tracker.Claim, error) {
			if err := db.MarkSent(ctx, key, t0.Add(4*time.Minute)); err != nil {
				return tracker.Claim{}, err
			}
			return db.Claim(ctx, key, "d", t0.Add(5*time.Minute), lease)
		}, tracker.Claim{Sent: true}, false},
	}
	for _, s := range steps {
		got, err := s.do()
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if !got.Since.Equal(s.want.Since) || got.Sent != s.want.Sent || got.Holder != s.want.Holder || got.Granted() != s.grant {
			t.Errorf("%s: %+v, want %+v (granted %v)", s.name, got, s.want, s.grant)
		}
	}
	if n := count(t, db, `SELECT count(*) FROM claims`); n != 0 {
		t.Errorf("%d claims left after delivery", n)
	}
}

// Many handles on one file claim the same keys at once: each key is granted
// to exactly one of them.
func TestClaimConcurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "claims.db")
	const handles, keys = 4, 50
	dbs := make([]*DB, handles)
	for i := range dbs {
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs[i] = db
	}
	var mu sync.Mutex
	granted := map[string]int{}
	var wg sync.WaitGroup
	for i, db := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range keys {
				key := "digest:2023-W" + string(rune('A'+k%26)) + string(rune('a'+k/26))
				c, err := db.Claim(context.Background(), key, string(rune('p'+i)), time.Now(), time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if c.Granted() {
					mu.Lock()
					granted[key]++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if len(granted) != keys {
		t.Errorf("%d keys granted, want %d", len(granted), keys)
	}
	for k, n := range granted {
		if n != 1 {
			t.Errorf("%s granted %d times", k, n)
		}
	}
}

// Re-resolution stored through a batch queues the notices of what it
// changed, with the end of the work the ingest queued, in one transaction;
// a second batch with the same findings (another process, a moment later)
// queues nothing.
func TestBatchQueuesWorkAndNotices(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	now := time.Date(2023, 2, 14, 9, 0, 0, 0, time.UTC)
	doc := &tracker.Document{File: "a.txt", Kind: tracker.KindAnswer, Title: "Vraag", Text: "t",
		Items: []tracker.Item{{Number: 1, Question: "Q", Answer: "Zie verslag.", Status: tracker.Deferred,
			Deferral: &tracker.Deferral{Evidence: tracker.Evidence{Text: "Zie verslag."}}}}}
	if _, err := db.Ingest(ctx, doc, now); err != nil {
		t.Fatal(err)
	}
	work, err := db.PendingWork(ctx)
	if err != nil || work == 0 {
		t.Fatalf("PendingWork after ingest = %d, %v; want queued work", work, err)
	}
	fs, err := db.OpenFollowUps(ctx, tracker.FollowDeferral)
	if err != nil || len(fs) != 1 {
		t.Fatalf("deferral follow-ups: %d, %v", len(fs), err)
	}
	res := &tracker.Resolution{Verdict: tracker.Addressed, Target: "verslag", TargetID: doc.ID}
	arrival := []Arrival{{FollowUpID: fs[0].ID, TargetID: doc.ID, Label: "x", Resolution: res}}
	for i, want := range []int{1, 1} {
		b := db.NewBatch()
		if _, err := b.SetResolution(ctx, doc.ID, 1, res); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			if err := db.ArrivalsSent(ctx, "arrival:x", arrival, now); err != nil { // the first was sent
				t.Fatal(err)
			}
			want = 0
		}
		if err := db.CommitBatch(ctx, b, arrival, work, now); err != nil {
			t.Fatal(err)
		}
		if n := count(t, db, `SELECT count(*) FROM arrivals`); n != want {
			t.Errorf("batch %d: %d notices queued, want %d", i+1, n, want)
		}
	}
	if w, _ := db.PendingWork(ctx); w != 0 {
		t.Errorf("work %d still queued after the commit", w)
	}
}

// BenchmarkSendLog compares the send log's cost per message: the claim and
// the record (the send path now) with the check and the record alone (the
// path before claims).
func BenchmarkSendLog(b *testing.B) {
	ctx := context.Background()
	b.Run("claim+mark", func(b *testing.B) {
		db := MustOpenDB(b)
		i := 0
		for b.Loop() {
			i++
			key := fmt.Sprintf("reminder:%d:2023-02-14", i)
			if c, err := db.Claim(ctx, key, "me", time.Now(), time.Minute); err != nil || !c.Granted() {
				b.Fatal(c, err)
			}
			if err := db.MarkSent(ctx, key, time.Now()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("check+mark", func(b *testing.B) {
		db := MustOpenDB(b)
		i := 0
		for b.Loop() {
			i++
			key := fmt.Sprintf("reminder:%d:2023-02-14", i)
			if sent, err := db.WasSent(ctx, key); err != nil || sent {
				b.Fatal(sent, err)
			}
			if err := db.MarkSent(ctx, key, time.Now()); err != nil {
				b.Fatal(err)
			}
		}
	})
}
