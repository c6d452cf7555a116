package detect

// automaton is a case-insensitive Aho-Corasick matcher compiled to a dense
// DFA over byte classes. One pass over a value sets a bit for every rule
// that has a keyword in it; bytes that occur in no keyword share class 0,
// so the table stays small and the inner loop is two loads per byte.
type automaton struct {
	class  [256]uint8 // byte -> class; ASCII letters fold to lowercase
	nclass int
	delta  []int32 // state*nclass + class -> next state
	out    [][]uint16
	hasOut []bool
	// next is delta with states pre-multiplied by nclass; an entry is
	// negated-minus-one (^off) when the target state has outputs.
	next     []int32
	nstates  int
	nonEmpty bool
}

// maxRules bounds the rule count so that a hit set fits in a stack array.
const maxRules = 256

// ruleSet is a set of rule indexes: bit i is a keyword of rule i, bit
// maxRules+i a Requires substring of rule i.
type ruleSet [2 * maxRules / 64]uint64

func (s *ruleSet) add(i int)      { s[i>>6] |= 1 << (uint(i) & 63) }
func (s *ruleSet) has(i int) bool { return s[i>>6]&(1<<(uint(i)&63)) != 0 }
func (s *ruleSet) or(o *ruleSet) {
	for i := range s {
		s[i] |= o[i]
	}
}

// empty reports whether no rule has a keyword hit (requirements do not count).
func (s *ruleSet) empty() bool {
	for _, w := range s[:maxRules/64] {
		if w != 0 {
			return false
		}
	}
	return true
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// newAutomaton builds the matcher; keywords[i] belongs to rule owner[i].
func newAutomaton(keywords []string, owner []int) *automaton {
	a := &automaton{}
	a.setClasses(keywords)
	nodes := a.trie(keywords, owner)
	a.link(nodes)
	a.compile(nodes)
	return a
}

// acNode is a trie node while the automaton is built: its children by byte
// class, its failure link and the owners of the keywords that end there.
type acNode struct {
	next map[uint8]int32
	fail int32
	out  []uint16
}

// setClasses gives every byte that occurs in a keyword a class of its
// own, the upper-case letters that of their lower-case one; all other
// bytes share class 0.
func (a *automaton) setClasses(keywords []string) {
	next := 1
	for _, k := range keywords {
		for i := 0; i < len(k); i++ {
			c := lowerByte(k[i])
			if a.class[c] == 0 {
				a.class[c] = uint8(next)
				next++
				if next > 255 {
					panic("detect: too many distinct keyword bytes")
				}
			}
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		a.class[c] = a.class[c+'a'-'A']
	}
	a.nclass = next
}

// trie builds the keyword trie over byte classes, each keyword's end
// node listing owner[keyword index].
func (a *automaton) trie(keywords []string, owner []int) []acNode {
	nodes := []acNode{{next: map[uint8]int32{}}}
	for ki, k := range keywords {
		if k == "" {
			continue
		}
		s := int32(0)
		for i := 0; i < len(k); i++ {
			c := a.class[lowerByte(k[i])]
			n, ok := nodes[s].next[c]
			if !ok {
				nodes = append(nodes, acNode{next: map[uint8]int32{}})
				n = int32(len(nodes) - 1)
				nodes[s].next[c] = n
			}
			s = n
		}
		nodes[s].out = appendUnique(nodes[s].out, uint16(owner[ki]))
		a.nonEmpty = true
	}
	a.nstates = len(nodes)
	return nodes
}

// link sets the failure links breadth first, merging each node's outputs
// with those of its failure node, and fills the dense transition table.
func (a *automaton) link(nodes []acNode) {
	a.delta = make([]int32, a.nstates*a.nclass)
	queue := make([]int32, 0, len(nodes))
	for c := 1; c < a.nclass; c++ {
		if n, ok := nodes[0].next[uint8(c)]; ok {
			nodes[n].fail = 0
			a.delta[c] = n
			queue = append(queue, n)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := nodes[s].fail
		for _, o := range nodes[f].out {
			nodes[s].out = appendUnique(nodes[s].out, o)
		}
		for c := 1; c < a.nclass; c++ {
			if n, ok := nodes[s].next[uint8(c)]; ok {
				nodes[n].fail = a.delta[int(f)*a.nclass+c]
				a.delta[int(s)*a.nclass+c] = n
				queue = append(queue, n)
			} else {
				a.delta[int(s)*a.nclass+c] = a.delta[int(f)*a.nclass+c]
			}
		}
	}
}

// compile keeps the outputs by state and turns delta into next, the table
// the matching loop reads.
func (a *automaton) compile(nodes []acNode) {
	a.out = make([][]uint16, a.nstates)
	a.hasOut = make([]bool, a.nstates)
	for i := range nodes {
		a.out[i] = nodes[i].out
		a.hasOut[i] = len(nodes[i].out) > 0
	}
	a.next = make([]int32, len(a.delta))
	for i, t := range a.delta {
		off := t * int32(a.nclass)
		if a.hasOut[t] {
			off = ^off
		}
		a.next[i] = off
	}
}

func appendUnique(s []uint16, v uint16) []uint16 {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// scanPositions calls hit for every keyword occurrence in v, with the
// index just past it. Used for large values, where regexps then run only
// in windows around the hits.
func (a *automaton) scanPositions(v string, hit func(token int, end int)) {
	if !a.nonEmpty {
		return
	}
	delta, class, hasOut, nc := a.delta, &a.class, a.hasOut, int32(a.nclass)
	s := int32(0)
	for i := 0; i < len(v); i++ {
		s = delta[s*nc+int32(class[v[i]])]
		if hasOut[s] {
			for _, r := range a.out[s] {
				hit(int(r), i+1)
			}
		}
	}
}

// scan adds to hits every rule with a keyword in v. It never allocates.
func (a *automaton) scan(v string, hits *ruleSet) {
	if !a.nonEmpty {
		return
	}
	next, class := a.next, &a.class
	nc := int32(a.nclass)
	off := int32(0)
	for i := 0; i < len(v); i++ {
		t := next[off+int32(class[v[i]])]
		if t >= 0 {
			off = t
			continue
		}
		off = ^t
		for _, r := range a.out[off/nc] {
			hits.add(int(r))
		}
	}
}

// any reports whether any keyword occurs in v. It never allocates.
func (a *automaton) any(v string) bool {
	if !a.nonEmpty {
		return false
	}
	next, class := a.next, &a.class
	off := int32(0)
	for i := 0; i < len(v); i++ {
		t := next[off+int32(class[v[i]])]
		if t < 0 {
			return true
		}
		off = t
	}
	return false
}
