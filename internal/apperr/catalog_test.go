package apperr_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/motcua/motcua/internal/langcheck"
)

// Every error the project declares with apperr.New or apperr.Newf says its
// Vietnamese in Vietnamese and its English in English, every word, so that
// a page can show the reader's language only (issue 22 item 4). The
// catalogue is the source itself: a new error is checked the day it is
// written.
func TestEveryErrorOneLanguageEach(t *testing.T) {
	fset := token.NewFileSet()
	seen := 0
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "../.." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) < 4 || !isNew(call.Fun) {
				return true
			}
			vi, ok1 := literal(call.Args[2])
			en, ok2 := literal(call.Args[3])
			if !ok1 || !ok2 {
				return true // built from parts (needReason, translate): checked where the parts are
			}
			seen++
			at := fset.Position(call.Pos())
			if w := langcheck.English(vi); len(w) > 0 {
				t.Errorf("%s: the Vietnamese message has English %q: %q", at, w, vi)
			}
			if w := langcheck.Vietnamese(en); len(w) > 0 {
				t.Errorf("%s: the English message has Vietnamese %q: %q", at, w, en)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 150 {
		t.Fatalf("only %d errors found: the scan is broken", seen)
	}
}

func isNew(fun ast.Expr) bool {
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && x.Name == "apperr" && (sel.Sel.Name == "New" || sel.Sel.Name == "Newf")
}

// literal is the text of a string literal or of a sum of literals.
func literal(e ast.Expr) (string, bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(v.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		a, ok1 := literal(v.X)
		b, ok2 := literal(v.Y)
		return a + b, ok1 && ok2 && v.Op == token.ADD
	}
	return "", false
}
