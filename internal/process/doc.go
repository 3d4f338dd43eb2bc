// Package process is the internal electronic process (quy trình nội bộ, quy
// trình điện tử) of a procedure as data: the ordered steps an agency follows
// between reception and the return of the result, each with the role that
// acts, the agency that holds it, a time budget in quarter working days and
// the output it produces (RULES-VN.md §1.4 "Handling"; DESIGN.md "The
// province in the national chain").
//
// It is pure domain code, free of HTTP and SQL: the service loads a process,
// validates it against the procedure's statutory time limit (the budgets
// must add up to it, RULES-VN §3.1(7)), measures each step of a dossier with
// [Clock] (working time from internal/calendar, paused during
// supplementation like the dossier's own clock) and asks [Attribute] which
// steps and which agencies made a finished dossier late (Circular 01/2018
// index 2: time taken by each participating agency against the time
// allotted). [Advance] moves a dossier from step to step (assign, forward,
// consult, answer, submit to the PPC, decide, return), checking that the
// mover holds the step, and [Records] replays those movements into the
// step records the clock measures.
//
// Budgets are integers ([Budget], a count of quarter working days), never
// floats: Bắc Ninh's Decision 1582/QĐ-UBND allots 0.25 day to a step, and
// 17 days must add up to exactly 17 days.
//
// The step clock, attribution and the import of a decision's process are not
// yet called by any command (deadcode lists them): they are the groundwork
// of issue 13, which wires them into the service's step actions.
package process
