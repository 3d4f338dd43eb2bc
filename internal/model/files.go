package model

import "time"

// File is an uploaded attachment's metadata; the bytes live in the blob store
// under their SHA-256.
type File struct {
	ID          string    `json:"file_id"`
	SHA256      string    `json:"sha256"`
	Size        int64     `json:"size"`
	ContentType string    `json:"content_type"`
	Name        string    `json:"name"`
	OwnerUserID int64     `json:"-"`
	CreatedAt   time.Time `json:"created_at"`
}
