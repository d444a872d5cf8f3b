package rules

// Most features of a sentence but its words and stems come from small
// fixed sets: the classes of words, the kinds of rule, the kinds of
// question, a few dates and places. Each of them has a number, so that
// the scorer finds its row in a slice (fastIndex.fixed) instead of
// building its key and looking it up in a map, a dozen times a sentence.
// The keys stay the names of the weight file: featureKeys[id] is the key
// of id, which training writes.

// featureID numbers a feature of a fixed key.
type featureID int32

// The numbers: single features, then ranges for each prefix, by the
// index of the class bit (classNames), the kind (kindIndex) and the kind
// of question (askIndex).
const (
	featBias featureID = iota
	featDateAny
	featDateFuture
	featDatePast
	featDatePromise
	featWhenDate
	featWhenYes
	featPosOnly
	featPosFirst
	featPosLast
	featLen3 // len:1-3, then len:4-8, len:9-20, len:21+
	featLen8
	featLen20
	featLenMore
	featShare0 // q:0 to q:3
	featShare1
	featShare2
	featShare3
	featSingles // the count of the above
)

// askNames are the kinds of question askKindOf gives, by askIndex.
var askNames = [...]string{askOpen, askCount, askWhen, askWhy, askYesNo}

// askIndex is the place of ask in askNames, or len(askNames) for none.
func askIndex(ask string) int {
	for i, a := range askNames {
		if a == ask {
			return i
		}
	}
	return len(askNames)
}

// The first number of each range.
var (
	nClasses     = featureID(len(lexiconClasses))
	nKinds       = featureID(len(kinds))
	nAsks        = featureID(len(askNames))
	featClass    = featSingles                // c:CLASS
	featDenied   = featClass + nClasses       // nc:CLASS
	featRule     = featDenied + nClasses      // r:KIND
	featPrev     = featRule + nKinds          // pr:KIND
	featKind     = featPrev + nKinds          // k:KIND
	featAsk      = featKind + nKinds          // qk:ASK
	featAskRule  = featAsk + nAsks            // qr:ASK_KIND
	featAskClass = featAskRule + nAsks*nKinds // qn:ASK_CLASS
	nFeatures    = featAskClass + nAsks*nClasses
)

// featureKeys is the key of each featureID.
var featureKeys = func() []string {
	out := make([]string, nFeatures)
	singles := []string{"bias", "d:any", "d:future", "d:past", "d:promise", "qwhen:date", "qwhen:yes",
		"pos:only", "pos:first", "pos:last", "len:1-3", "len:4-8", "len:9-20", "len:21+", "q:0", "q:1", "q:2", "q:3"}
	copy(out, singles)
	for b, name := range classNames {
		out[featClass+featureID(b)] = "c:" + name
		out[featDenied+featureID(b)] = "nc:" + name
	}
	for k, kind := range kinds {
		out[featRule+featureID(k)] = "r:" + string(kind)
		out[featPrev+featureID(k)] = "pr:" + string(kind)
		out[featKind+featureID(k)] = "k:" + string(kind)
	}
	for a, ask := range askNames {
		out[featAsk+featureID(a)] = "qk:" + ask
		for k, kind := range kinds {
			out[featAskRule+featureID(a)*nKinds+featureID(k)] = "qr:" + ask + "_" + string(kind)
		}
		for b, name := range classNames {
			out[featAskClass+featureID(a)*nClasses+featureID(b)] = "qn:" + ask + "_" + name
		}
	}
	return out
}()

// lengthFeature is len:N for a sentence of n words.
func lengthFeature(n int) featureID {
	switch {
	case n <= 3:
		return featLen3
	case n <= 8:
		return featLen8
	case n <= 20:
		return featLen20
	}
	return featLenMore
}
