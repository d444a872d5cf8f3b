package parse

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestOneNumsUnwritten reads every document of the tests and of the eval
// sets, then checks that the shared lists of oneNum still hold their
// numbers: nothing wrote into a label's list. And an append to one makes
// a new array.
func TestOneNumsUnwritten(t *testing.T) {
	var files []string
	for _, pat := range []string{"testdata/*/*.txt", "testdata/*.txt", "../../rules/testdata/eval/*/docs/*.txt"} {
		f, _ := filepath.Glob(pat)
		files = append(files, f...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d documents", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		Read(f, b)
	}
	for i, n := range oneNums {
		if n != i {
			t.Fatalf("oneNums[%d] = %d", i, n)
		}
	}
	for _, n := range []int{0, 3, 255, 256, 1000} {
		l := oneNum(n)
		if !slices.Equal(l, []int{n}) || cap(l) != 1 {
			t.Fatalf("oneNum(%d) = %v, cap %d", n, l, cap(l))
		}
		l = append(l, 7)
		if n < len(oneNums) && n+1 < len(oneNums) && oneNums[n+1] != n+1 {
			t.Fatalf("append to oneNum(%d) wrote into the next", n)
		}
	}
}
