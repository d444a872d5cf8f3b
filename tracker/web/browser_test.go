package web

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pqtrack/pqtrack/seeds"
)

var screenshots = flag.String("screenshots", os.Getenv("PQTRACK_SCREENSHOTS"),
	"directory for the browser test's screenshots (default: a temporary one); e.g. ../../docs/screenshots")

// chromium finds a Chromium or Chrome binary: $PQTRACK_CHROMIUM, else the
// usual names on $PATH.
func chromium() string {
	if p := os.Getenv("PQTRACK_CHROMIUM"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives a real headless Chromium through the main flow: upload
// the seed, see its questions with the badges the analysis gives, open
// question 5's promise and see its date marked, mark it delivered, and see
// it leave the queue; then correct question 7's judgement ("klopt niet")
// and see the new status. No JavaScript of ours is needed for any step.
func TestBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary (apt-get install chromium, or set PQTRACK_CHROMIUM): browser test skipped")
	}
	dir := *screenshots
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}

	// What the analysis says of the seed, to compare the page against.
	want, err := analyze(t)(seeds.Name, seeds.Default)
	if err != nil {
		t.Fatal(err)
	}
	seedFile := filepath.Join(t.TempDir(), seeds.Name)
	if err := os.WriteFile(seedFile, seeds.Default, 0o644); err != nil {
		t.Fatal(err)
	}

	db := mustOpenDB(t)
	srv, err := New(Config{Store: db, Ingest: ingest(t, db), Now: func() time.Time { return now },
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
		// Staff browsers in Flanders ask for Dutch; headless Chromium asks for en-US.
		chromedp.Flag("lang", "nl-BE"),
		chromedp.Flag("accept-lang", "nl-BE,nl"),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	bctx, cancelC := chromedp.NewContext(actx)
	defer cancelC()
	// The first run starts the browser and must not carry a timeout, or
	// the timeout stops the browser.
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	ctx, cancelT := context.WithTimeout(bctx, 90*time.Second)
	defer cancelT()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(what, js string) bool {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
	shot := func(name string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }

	// 1. Upload the seed.
	do("upload",
		chromedp.Navigate(ts.URL+"/upload"),
		chromedp.WaitVisible(css(`input[name=file]`)),
		chromedp.SetUploadFiles(css(`input[name=file]`), []string{seedFile}),
		chromedp.Click(css(`#analyse`)),
		chromedp.WaitVisible(css(`article.qa`)),
	)
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.Contains(loc, "/documents/") {
		t.Fatalf("after the upload the browser is at %s (%v)", loc, err)
	}

	// 2. Its questions, each with the badge of its status.
	statuses, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll("article.qa h2 [data-badge]")).map(e => e.dataset.badge)`))
	if err != nil {
		t.Fatal(err)
	}
	shot("document.png")
	if len(statuses) != len(want.Items) || len(statuses) != 10 {
		t.Fatalf("page shows %d questions, want %d (10)", len(statuses), len(want.Items))
	}
	for i, it := range want.Items {
		if statuses[i] != string(it.Status) {
			t.Errorf("question %d: badge %q, want %q", it.Number, statuses[i], it.Status)
		}
	}
	label, err := chromedp.Run(ctx, chromedp.Text(css(`#q5 h2 .badge`)))
	if err != nil || label != "gedeeltelijk" {
		t.Errorf("question 5's badge reads %q (%v), want gedeeltelijk", label, err)
	}

	// 3. Question 5: its promised date is marked in the answer.
	if !eval("question 5", `Array.from(document.querySelectorAll("#q5 .answer mark")).some(m => m.textContent.includes("14 februari 2023"))`) {
		t.Error(`question 5's answer does not mark "14 februari 2023"`)
	}
	attr, err := chromedp.Run(ctx, chromedp.AttributeValue(css(`#q5 li.fu[data-kind=promise]`), "data-followup"))
	if err != nil || !attr.Exists {
		t.Fatalf("question 5 lists no promise follow-up: %v", err)
	}
	fid := attr.Value
	do("open question 5's promise",
		chromedp.Click(css(`#q5 li.fu[data-kind=promise] a`)),
		chromedp.WaitVisible(css(`#delivered`)),
	)
	if !eval("follow-up page", `Array.from(document.querySelectorAll(".answer mark")).some(m => m.textContent.includes("14 februari 2023"))`) {
		t.Error(`the follow-up page does not mark "14 februari 2023"`)
	}
	shot("followup.png")

	// 4. It is in the queue; delivered, it leaves it.
	inQueue := func() bool {
		t.Helper()
		do("queue", chromedp.Navigate(ts.URL+"/followups"), chromedp.WaitVisible(css(`#count`)))
		return eval("queue row", fmt.Sprintf(`document.querySelectorAll("tr#f%s").length === 1`, fid))
	}
	if !inQueue() {
		t.Fatalf("follow-up %s is not in the queue before it is checked", fid)
	}
	shot("queue.png")
	do("overview", chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(css(`.cards`)))
	shot("overview.png")
	do("mark delivered",
		chromedp.Navigate(ts.URL+"/followups/"+fid),
		chromedp.WaitVisible(css(`#delivered`)),
		chromedp.Click(css(`#delivered`)),
		chromedp.WaitVisible(css(`.saved`)),
	)
	state, err := chromedp.Run(ctx, chromedp.AttributeValue(css(`#state`), "data-state"))
	if err != nil || state.Value != "done" {
		t.Errorf("after Geleverd the follow-up is %q (%v)", state.Value, err)
	}
	if inQueue() {
		t.Errorf("follow-up %s is still in the queue after it was delivered", fid)
	}

	// 5. Question 7 is judged answered; staff say it is partial ("klopt
	// niet"): the page shows the new status with when, and the partial
	// follow-up pqtrack would have made.
	do("correct question 7",
		chromedp.Navigate(loc),
		chromedp.WaitVisible(css(`#q7 details.judge summary`)),
		chromedp.Click(css(`#q7 details.judge summary`)),
		chromedp.WaitVisible(css(`#q7 details.judge select[name=status]`)),
		chromedp.SetValue(css(`#q7 details.judge select[name=status]`), "partial"),
		chromedp.SendKeys(css(`#q7 details.judge input[name=note]`), "het tweede deel ontbreekt"),
		chromedp.Click(css(`#q7 details.judge button[type=submit]`)),
		chromedp.WaitVisible(css(`#q7 .corrected`)),
	)
	badge, err := chromedp.Run(ctx, chromedp.Text(css(`#q7 h2 .badge`)))
	if err != nil || badge != "gedeeltelijk" {
		t.Errorf("after the correction question 7's badge reads %q (%v), want gedeeltelijk", badge, err)
	}
	said, err := chromedp.Run(ctx, chromedp.Text(css(`#q7 .corrected`)))
	if err != nil || !strings.Contains(said, "Gecorrigeerd op 13 februari 2023") || !strings.Contains(said, "pqtrack zei: beantwoord") ||
		!strings.Contains(said, "het tweede deel ontbreekt") {
		t.Errorf("question 7 says %q (%v), want when it was corrected and what pqtrack said", said, err)
	}
	if !eval("partial follow-up", `document.querySelectorAll("#q7 li.fu[data-kind=partial]").length === 1`) {
		t.Error("question 7 lists no partial follow-up after the correction")
	}
	shot("correction.png")
	t.Logf("screenshots in %s", dir)
}
