// Package model holds the records the store reads and writes and the service
// hands to the transports: outbox messages, stored events, files, payments,
// accounts, the citizen's documents, and the filters and counts of the
// figures. It has no behaviour beyond small accessors, so that web and api can
// show a record without importing the store (miniflux's internal/model is the
// pattern).
package model
