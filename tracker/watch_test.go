package tracker

import (
	"testing"
	"time"
)

func TestWatched(t *testing.T) {
	q := FiledQuestion{Parliament: TK, Asker: "J. Jansen, P. de Vries", AskerID: "a1b2", Minister: "minister van Infrastructuur en Waterstaat",
		Committee: "Infrastructuur", Title: "Vragen over de vertraging van de Zuidasdok"}
	tests := []struct {
		name string
		w    Watch
		want bool
	}{
		{"member by name", Watch{Parliament: TK, Kind: WatchMember, Value: "jansen"}, true},
		{"co-asker by name", Watch{Parliament: TK, Kind: WatchMember, Value: "De Vries"}, true},
		{"member by person id", Watch{Parliament: TK, Kind: WatchMember, Value: "a1b2"}, true},
		{"part of a name is not the name", Watch{Parliament: TK, Kind: WatchMember, Value: "Jans"}, false},
		{"other member", Watch{Parliament: TK, Kind: WatchMember, Value: "Janssens"}, false},
		{"minister", Watch{Parliament: TK, Kind: WatchMinister, Value: "Infrastructuur en Waterstaat"}, true},
		{"other minister", Watch{Parliament: TK, Kind: WatchMinister, Value: "Financiën"}, false},
		{"committee", Watch{Parliament: TK, Kind: WatchCommittee, Value: "infrastructuur"}, true},
		{"keyword", Watch{Parliament: TK, Kind: WatchKeyword, Value: "Zuidasdok"}, true},
		{"keyword not in title", Watch{Parliament: TK, Kind: WatchKeyword, Value: "stikstof"}, false},
		{"other parliament", Watch{Parliament: VP, Kind: WatchMember, Value: "Jansen"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(Watched([]Watch{tt.w}, q)) > 0; got != tt.want {
				t.Errorf("Watched = %v, want %v", got, tt.want)
			}
		})
	}
	if len(Watched(nil, q)) != 0 {
		t.Error("an empty watch list keeps a question")
	}
}

func TestCommitmentFollowUps(t *testing.T) {
	made, due := Day(2026, 3, 19), Day(2026, 6, 30)
	tests := []struct {
		name string
		due  time.Time
		want time.Time
	}{
		{"dated", due, due},
		{"no date: after the pending wait", time.Time{}, made.Add(DefaultPendingWait)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := CommitmentDocument("Toezegging(x)", "Tweede Kamer", "TZ202603-130", "Herbert, H.G.",
				"De minister zegt toe de Kamer voor de zomer te informeren.", "Openstaand", made, tt.due)
			fus := FollowUps(doc, Day(2026, 12, 4), DefaultPendingWait)
			if len(fus) != 1 {
				t.Fatalf("%d follow-ups, want 1: %+v", len(fus), fus)
			}
			f := fus[0]
			if f.Kind != FollowCommitment || !f.Due.Equal(tt.want) || f.Summary != "De minister zegt toe de Kamer voor de zomer te informeren." {
				t.Errorf("follow-up %s due %s summary %q; want commitment due %s", f.Kind, f.Due.Format(DateLayout), f.Summary, tt.want.Format(DateLayout))
			}
		})
	}
}
