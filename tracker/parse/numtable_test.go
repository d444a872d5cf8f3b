package parse

import (
	"math/rand"
	"testing"
)

// TestNumTableAsMap holds numTable to the map[int]int it stands for in
// resolveLabels: the same values and presence after random sets and adds
// of numbers inside its slice, at its edges, beyond it and below zero,
// for sizes 0 to 40.
func TestNumTableAsMap(t *testing.T) {
	rng := rand.New(rand.NewSource(20))
	for size := 0; size <= 40; size++ {
		tab, m := newNumTable(size), map[int]int{}
		for op := 0; op < 2000; op++ {
			n := rng.Intn(size+8) - 3
			if rng.Intn(10) == 0 {
				n = maxTabled + rng.Intn(3) - 1
			}
			switch rng.Intn(3) {
			case 0:
				v := rng.Intn(5) - 1
				tab.set(n, v)
				m[n] = v
			case 1:
				d := rng.Intn(3) - 1
				tab.add(n, d)
				m[n] += d
			}
			got, ok := tab.get(n)
			want, wok := m[n]
			if got != want || ok != wok || tab.count(n) != want {
				t.Fatalf("size %d, op %d: get(%d) = %d, %v; the map has %d, %v", size, op, n, got, ok, want, wok)
			}
		}
		for n := -4; n < size+10; n++ {
			got, ok := tab.get(n)
			if want, wok := m[n]; got != want || ok != wok {
				t.Fatalf("size %d: get(%d) = %d, %v; the map has %d, %v", size, n, got, ok, want, wok)
			}
		}
	}
}
