// Package to is a test stub of the Azure SDK azcore/to package.
package to

// Ptr returns a pointer to the provided value.
func Ptr[T any](v T) *T {
	return &v
}
