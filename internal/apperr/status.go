package apperr

import "net/http"

// HTTPStatus is the status every HTTP transport (JSON API, web pages)
// answers an error of this kind with.
func (k Kind) HTTPStatus() int {
	switch k {
	case Invalid:
		return http.StatusUnprocessableEntity
	case Forbidden:
		return http.StatusForbidden
	case NotFound:
		return http.StatusNotFound
	case Conflict:
		return http.StatusConflict
	case Unauthorized:
		return http.StatusUnauthorized
	case TooLarge:
		return http.StatusRequestEntityTooLarge
	case Locked:
		return http.StatusTooManyRequests
	}
	return http.StatusBadRequest
}
