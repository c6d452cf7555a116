package detect

// Engine runs a set of rules over values. It is safe for concurrent use.
type Engine struct {
	rules []*Rule
}

// New builds an engine from options.
func New(opts Options) (*Engine, error) {
	return &Engine{}, nil // TODO(engine): real implementation
}

// Scan appends the credentials found in value to dst and returns it.
func (e *Engine) Scan(value string, ctx Context, dst []Finding) []Finding {
	return dst // TODO(engine)
}

// Builtin returns the built-in rules, ordered by ID.
func Builtin() []*Rule { return nil } // TODO(engine)
