package resolve_test

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/pqtrack/pqtrack/tracker"
	"github.com/pqtrack/pqtrack/tracker/resolve"
	"github.com/pqtrack/pqtrack/tracker/sqlite"
)

// vocabulary for generated reports: subject words are rare, the others
// common, as in real transcripts.
var (
	common = strings.Fields("minister commissie middelen beleid vlaanderen overleg begroting werking projecten organisaties gemeenten agentschap evaluatie cijfers jaar decreet regering sector subsidie onderzoek")
	// Random words of 7 to 12 letters, so that trigrams spread as in
	// real text.
	subject = func() []string {
		rng := rand.New(rand.NewSource(2))
		var out []string
		for i := 0; i < 2000; i++ {
			w := make([]byte, 7+rng.Intn(6))
			for j := range w {
				w[j] = "aaabcdeeeefghiijklmnnoopqrrssttuvwz"[rng.Intn(35)]
			}
			out = append(out, string(w))
		}
		return out
	}()
)

func paragraph(rng *rand.Rand, words int) string {
	w := make([]string, words)
	for i := range w {
		if rng.Intn(6) == 0 {
			w[i] = subject[rng.Intn(len(subject))]
		} else {
			w[i] = common[rng.Intn(len(common))]
		}
	}
	return "Minister Bart Somers: " + strings.Join(w, " ") + "."
}

// BenchmarkResolve resolves 1,000 deferrals against 10,000 pages of
// meeting reports (100 reports of 100 pages, 4 paragraphs of 80 words a
// page) and reports the time per 1,000; the target is under a second.
func BenchmarkResolve(b *testing.B) {
	ctx := context.Background()
	db := openDB(b)
	rng := rand.New(rand.NewSource(1))
	const reports, pages, perPage = 100, 100, 4
	start := tracker.Day(2022, 1, 3)
	for m := 0; m < reports; m++ {
		var paras []string
		for p := 0; p < pages*perPage; p++ {
			paras = append(paras, paragraph(rng, 80))
		}
		doc := &tracker.Document{File: fmt.Sprint("verslag-", m), Kind: tracker.KindMeeting, Title: fmt.Sprint("Verslag ", m),
			Body: "commissie", Date: start.AddDate(0, 0, m), Text: strings.Join(paras, "\n\n")}
		store(b, db, doc)
	}
	asking := &tracker.Document{File: "vragen", Title: "Vragen", Date: start.AddDate(0, 6, 0)}
	for i := 0; i < 1000; i++ {
		q := fmt.Sprintf("Hoe staat het met %s en %s in de %s?", subject[rng.Intn(len(subject))], subject[rng.Intn(len(subject))], common[rng.Intn(len(common))])
		asking.Items = append(asking.Items, tracker.Item{Number: i + 1, Question: q, Answer: "Hiervoor verwijs ik naar de bespreking in de commissie.",
			Status: tracker.Deferred, Deferral: &tracker.Deferral{Kind: tracker.TargetMeeting, Date: start.AddDate(0, 0, rng.Intn(reports)), Ref: "bespreking in de commissie"}})
	}
	asking.Text = "vragen"
	if _, err := db.Ingest(ctx, asking, time.Now()); err != nil {
		b.Fatal(err)
	}
	timed := &timedStore{st: db}
	b.ResetTimer()
	var addressed int
	for n := 0; n < b.N; n++ {
		r, err := resolve.New(ctx, timed)
		if err != nil {
			b.Fatal(err)
		}
		addressed = 0
		for i := range asking.Items {
			res, err := r.Item(ctx, asking, &asking.Items[i])
			if err != nil {
				b.Fatal(err)
			}
			if res.Verdict == tracker.Addressed {
				addressed++
			}
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/1000-deferrals")
	// The requirement counts database time: the store's calls alone.
	b.ReportMetric(timed.d.Seconds()/float64(b.N), "db-s/1000-deferrals")
	b.ReportMetric(float64(addressed), "addressed")
	_ = sqlite.Open
}

// timedStore adds up the time spent in the store's calls.
type timedStore struct {
	st resolve.Store
	d  time.Duration
}

func (t *timedStore) Documents(ctx context.Context) ([]tracker.Document, error) {
	defer t.add(time.Now())
	return t.st.Documents(ctx)
}

func (t *timedStore) SearchPassages(ctx context.Context, docID int64, terms []string, limit int, compounds bool) ([]tracker.Passage, error) {
	defer t.add(time.Now())
	return t.st.SearchPassages(ctx, docID, terms, limit, compounds)
}

func (t *timedStore) TermStats(ctx context.Context, terms []string) (int, map[string]int, error) {
	defer t.add(time.Now())
	return t.st.TermStats(ctx, terms)
}

func (t *timedStore) add(start time.Time) { t.d += time.Since(start) }
