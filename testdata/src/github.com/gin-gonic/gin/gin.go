// Package gin is a test stub of github.com/gin-gonic/gin.
package gin

import (
	"context"
	"net/http"
)

// Context is the most important part of gin.
type Context struct {
	Request *http.Request
	Writer  http.ResponseWriter
}

// String writes the given string into the response body.
func (c *Context) String(code int, format string, values ...any) {}

// JSON serializes the given struct as JSON into the response body.
func (c *Context) JSON(code int, obj any) {}

// H is a shortcut for map[string]any.
type H map[string]any

// Ctx returns the request context.
func (c *Context) Ctx() context.Context { return context.Background() }

// HandlerFunc defines the handler used by gin middleware as return value.
type HandlerFunc func(*Context)
