package rules

import (
	"math/rand"
	"slices"
	"testing"
)

// TestClassKeysAsLoop holds classKeys, allClassFeatures and
// askClassFeatures, which go over the set bits of their classes, to the
// loops over every class of classNames they replaced: the same features in
// the same order (the scorer adds their rows in it), for every set of
// classes as all and as denied, with 200 random others beside each, bits
// past the last class among them.
func TestClassKeysAsLoop(t *testing.T) {
	r := rand.New(rand.NewSource(25))
	check := func(all, denied uint16) {
		var got, want idSink
		classKeys(&got, all, denied)
		for b := range classNames {
			if all&(1<<b) != 0 {
				want.feature(featClass + featureID(b))
			}
			if denied&(1<<b) != 0 {
				want.feature(featDenied + featureID(b))
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("classKeys(%#x, %#x) = %v, the loop %v", all, denied, got, want)
		}
		got, want = nil, nil
		allClassFeatures(all, &got)
		for b := range classNames {
			if all&(1<<b) != 0 {
				want.feature(featClass + featureID(b))
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("allClassFeatures(%#x) = %v, the loop %v", all, got, want)
		}
		for a := range askNames {
			got, want = nil, nil
			askClassFeatures(&got, a, denied)
			for b := range classNames {
				if denied&(1<<b) != 0 {
					want.feature(featAskClass + featureID(a)*nClasses + featureID(b))
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("askClassFeatures(%d, %#x) = %v, the loop %v", a, denied, got, want)
			}
		}
	}
	n := 1 << len(classNames)
	for x := 0; x < n; x++ {
		check(uint16(x), 0)
		check(0, uint16(x))
		check(uint16(x), uint16(x))
		for k := 0; k < 200; k++ {
			y := uint16(r.Intn(1 << 16))
			check(uint16(x), y)
			check(y, uint16(x))
		}
	}
	check(0xffff, 0xffff)
}
