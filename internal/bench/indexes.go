package bench

import (
	"context"
	"fmt"
)

// secondaryIndex is an index of a bulk table that no constraint owns, with
// the statement that creates it again.
type secondaryIndex struct{ name, def string }

// dropSecondaryIndexes removes the secondary indexes of the bulk tables and
// returns their definitions. A dossier row lands at a random place in each
// of its eleven secondary indexes (agency, status, ID number, name, due
// date…), each one a page read and a page written once the indexes outgrow
// the buffer cache. Building each index once at the end sorts its keys
// instead. The primary keys and UNIQUE constraints stay, so the load is
// still checked: ids and event sequence numbers grow, which keeps their
// inserts at the right edge of the tree.
//
// PostgreSQL only: 1M dossiers took 2 min 27 s this way, the index builds
// 20 s of it. SQLite builds each index with a scan of the whole table
// (2 GB of rows per million dossiers, mostly the components' JSON): the
// same run took 3 min 8 s against 2 min 24 s with the indexes kept (the
// same quiet machine, a day apart).
func dropSecondaryIndexes(ctx context.Context, st DB) ([]secondaryIndex, error) {
	q := `SELECT i.relname, pg_get_indexdef(i.oid)
			FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
			WHERE t.relname IN ('dossiers', 'dossier_events') AND t.relnamespace = current_schema()::regnamespace
			  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
			ORDER BY i.relname`
	rows, err := st.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("bench: list the indexes of dossiers and dossier_events: %w", err)
	}
	var list []secondaryIndex
	for rows.Next() {
		var ix secondaryIndex
		if err := rows.Scan(&ix.name, &ix.def); err != nil {
			rows.Close()
			return nil, fmt.Errorf("bench: list the indexes: %w", err)
		}
		list = append(list, ix)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("bench: list the indexes: %w", err)
	}
	for i, ix := range list {
		if _, err := st.Exec(ctx, `DROP INDEX `+ix.name); err != nil {
			// Put back the ones already dropped: the database stays usable.
			return nil, fmt.Errorf("bench: drop index %s: %w", ix.name, recreateIndexes(ctx, storeExec(st), list[:i], err))
		}
	}
	return list, nil
}

// recreateIndexes runs the saved definitions through exec, the generator's
// connection with its bulk settings. cause, when not nil, is returned with
// any error of its own.
func recreateIndexes(ctx context.Context, exec execFunc, list []secondaryIndex, cause error) error {
	err := cause
	for _, ix := range list {
		if e := exec(ctx, ix.def); e != nil {
			e = fmt.Errorf("bench: create index %s again (%s): %w", ix.name, ix.def, e)
			if err == nil {
				err = e
			} else {
				err = fmt.Errorf("%w; %w", err, e)
			}
		}
	}
	return err
}

// execFunc runs one statement without arguments on some connection.
type execFunc func(ctx context.Context, query string) error

func storeExec(st DB) execFunc {
	return func(ctx context.Context, q string) error { _, err := st.Exec(ctx, q); return err }
}
