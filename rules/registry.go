package rules

import (
	"slices"
	"strings"
	"sync"
)

// The registry holds every rule a package has registered: each rule's
// metadata is stated once, where the rule lives (an analyzer's Rules, the
// IaC practice rules), and registered from there with Register. config
// resolves and validates rule references (enable, disable, severity,
// directives) against it; `kvlint rules`, the README table and SARIF read
// the same values.
var registry struct {
	sync.RWMutex
	byRef   map[string]Info // ID and name, lowercase
	all     []Info
	pending []func() []Info // RegisterFunc's, not called yet
}

// Register adds rules to the registry; a package calls it from init with
// its own rules. Registering an ID twice keeps the first.
func Register(infos ...Info) {
	registry.Lock()
	defer registry.Unlock()
	add(infos)
}

// RegisterFunc adds the rules that fn returns, calling it at the first
// lookup: for a package whose rule table is built after its init functions
// have run (the detection engine's).
func RegisterFunc(fn func() []Info) {
	registry.Lock()
	defer registry.Unlock()
	registry.pending = append(registry.pending, fn)
}

// flush registers the rules of pending RegisterFunc calls.
func flush() {
	registry.RLock()
	n := len(registry.pending)
	registry.RUnlock()
	if n == 0 {
		return
	}
	registry.Lock()
	defer registry.Unlock()
	for len(registry.pending) > 0 {
		fn := registry.pending[0]
		registry.pending = registry.pending[1:]
		add(fn())
	}
}

// add registers infos; the caller holds the lock.
func add(infos []Info) {
	if registry.byRef == nil {
		registry.byRef = map[string]Info{}
	}
	for _, info := range infos {
		id := strings.ToLower(info.ID)
		if id == "" {
			continue
		}
		if _, dup := registry.byRef[id]; dup {
			continue
		}
		registry.byRef[id] = info
		if info.Name != "" {
			registry.byRef[strings.ToLower(info.Name)] = info
		}
		registry.all = append(registry.all, info)
	}
}

// Lookup resolves a registered rule by ID ("KV205") or name
// ("client-secret-credential"), in any case.
func Lookup(ref string) (Info, bool) {
	flush()
	registry.RLock()
	defer registry.RUnlock()
	info, ok := registry.byRef[strings.ToLower(strings.TrimSpace(ref))]
	return info, ok
}

// Registered returns every registered rule, ordered by ID.
func Registered() []Info {
	flush()
	registry.RLock()
	out := slices.Clone(registry.all)
	registry.RUnlock()
	slices.SortStableFunc(out, func(a, b Info) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Analyzers returns the names of the analyzers of the registered rules,
// sorted.
func Analyzers() []string {
	var names []string
	for _, info := range Registered() {
		if info.Analyzer != "" && !slices.Contains(names, info.Analyzer) {
			names = append(names, info.Analyzer)
		}
	}
	slices.Sort(names)
	return names
}
