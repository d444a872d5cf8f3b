package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/store"
)

func testNotificationLog(t *testing.T, db store.Full) {
	ctx := context.Background()
	key := tracker.DigestKey(2023, 9)
	if sent, err := db.WasSent(ctx, key); err != nil || sent {
		t.Fatalf("WasSent before = %v, %v", sent, err)
	}
	if err := db.MarkSent(ctx, key, now0); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkSent(ctx, key, now0.Add(time.Hour)); err != nil {
		t.Fatalf("marking twice: %v", err)
	}
	if sent, err := db.WasSent(ctx, key); err != nil || !sent {
		t.Errorf("WasSent after = %v, %v", sent, err)
	}
	if sent, _ := db.WasSent(ctx, tracker.DigestKey(2023, 10)); sent {
		t.Error("another key counts as sent")
	}
	if last, err := db.LastRun(ctx, "digest"); err != nil || !last.IsZero() {
		t.Errorf("LastRun never = %v, %v", last, err)
	}
	for _, at := range []time.Time{now0, now0.Add(7 * 24 * time.Hour)} {
		if err := db.SetLastRun(ctx, "digest", at); err != nil {
			t.Fatal(err)
		}
		if last, err := db.LastRun(ctx, "digest"); err != nil || !last.Equal(at) {
			t.Errorf("LastRun = %v, %v; want %v", last, err, at)
		}
	}
}

// A claim is granted once; another owner is kept off while the lease runs,
// takes it over after, and learns that an earlier attempt was made; a
// delivery ends all claims.
func testClaim(t *testing.T, db store.Full) {
	ctx := context.Background()
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
		{"same owner again", func() (tracker.Claim, error) { return db.Claim(ctx, key, "a", t0.Add(40*time.Second), lease) }, tracker.Claim{Since: t0}, true},
		{"other owner, lease over", func() (tracker.Claim, error) { return db.Claim(ctx, key, "b", t0.Add(3*time.Minute), lease) }, tracker.Claim{Since: t0}, true},
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
		{"a new key after delivery of another", func() (tracker.Claim, error) {
			return db.Claim(ctx, "reminder:1:2023-03-14", "d", t0.Add(5*time.Minute), lease)
		}, tracker.Claim{}, true},
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
}

// Many goroutines claim the same keys at once, each as its own owner, and
// mark what they were granted as sent: each key is granted to exactly one.
func testClaimConcurrent(t *testing.T, db store.Full) {
	const workers, keys = 8, 40
	var mu sync.Mutex
	granted := map[string]int{}
	var wg sync.WaitGroup
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			for k := range keys {
				key := fmt.Sprintf("digest:2023-W%02d", k)
				c, err := db.Claim(ctx, key, fmt.Sprintf("worker-%d", i), time.Now(), time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if !c.Granted() {
					continue
				}
				mu.Lock()
				granted[key]++
				mu.Unlock()
				if k%2 == 0 { // half delivered at once, half left claimed
					if err := db.MarkSent(ctx, key, time.Now()); err != nil {
						t.Error(err)
						return
					}
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
