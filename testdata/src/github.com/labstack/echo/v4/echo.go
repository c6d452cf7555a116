// Package echo is a test stub of github.com/labstack/echo/v4.
package echo

import "net/http"

// Context represents the context of the current HTTP request.
type Context interface {
	Request() *http.Request
	String(code int, s string) error
	JSON(code int, i any) error
}

// HandlerFunc defines a function to serve HTTP requests.
type HandlerFunc func(c Context) error
