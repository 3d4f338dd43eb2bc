package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/motcua/motcua/internal/api"
	"github.com/motcua/motcua/internal/catalog"
	"github.com/motcua/motcua/internal/dossier"
	"github.com/motcua/motcua/internal/org"
	"github.com/motcua/motcua/internal/service"
)

// The OpenAPI document is checked three ways: as a document (valid JSON,
// OpenAPI 3.0.3, every $ref resolves, exactly the routes server.go registers),
// against the Go types it describes (field names, required and nullable), and
// against real responses of a real server for every documented operation and
// status, validated with a small JSON-Schema subset.

type jsonObj = map[string]any

func openAPIDoc(t *testing.T) jsonObj {
	t.Helper()
	var doc jsonObj
	if err := json.Unmarshal(api.OpenAPI(), &doc); err != nil {
		t.Fatalf("openapi.json is not valid JSON: %v", err)
	}
	return doc
}

// operations lists "METHOD /path" for every operation in the document.
func docOperations(doc jsonObj) []string {
	var out []string
	for p, item := range doc["paths"].(jsonObj) {
		for m := range item.(jsonObj) {
			switch m {
			case "get", "post", "put", "patch", "delete", "head", "options":
				out = append(out, strings.ToUpper(m)+" "+p)
			}
		}
	}
	sort.Strings(out)
	return out
}

// serverRoutes parses the method-qualified patterns registered in server.go's
// routes(); the catch-all "/api/" (no method) answers 404 and is not an operation.
func serverRoutes(t *testing.T) []string {
	t.Helper()
	src := routeSource(t)
	re := regexp.MustCompile(`s\.mux\.Handle(?:Func)?\("([A-Z]+) (/[^"]*)"`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(string(src), -1) {
		out = append(out, m[1]+" "+m[2])
	}
	sort.Strings(out)
	if len(out) < 10 {
		t.Fatalf("parsed only %d routes from server.go: %v", len(out), out)
	}
	return out
}

// authedRoutes lists the routes server.go wraps in s.authed.
func authedRoutes(t *testing.T) []string {
	t.Helper()
	src := routeSource(t)
	re := regexp.MustCompile(`s\.mux\.HandleFunc\("([A-Z]+) (/[^"]*)", s\.authed\(`)
	var out []string
	for _, m := range re.FindAllStringSubmatch(string(src), -1) {
		out = append(out, m[1]+" "+m[2])
	}
	return out
}

// routeSource is the package's non-test source: routes are registered in
// server.go and in the per-concern files it calls (payment.go, postal.go …).
func routeSource(t *testing.T) []byte {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var src []byte
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src = append(src, b...)
	}
	return src
}

func TestOpenAPIDocument(t *testing.T) {
	doc := openAPIDoc(t)
	if doc["openapi"] != "3.0.3" {
		t.Fatalf("openapi = %v, want 3.0.3", doc["openapi"])
	}
	if info, _ := doc["info"].(jsonObj); info["title"] == nil || info["version"] == nil {
		t.Fatal("info.title and info.version are required")
	}
	if got, want := docOperations(doc), serverRoutes(t); !slices.Equal(got, want) {
		t.Fatalf("documented operations differ from server.go routes\ndocument: %v\nserver:   %v", got, want)
	}
	comps := doc["components"].(jsonObj)
	if _, ok := comps["securitySchemes"].(jsonObj)["bearer"]; !ok {
		t.Fatal("bearer security scheme missing")
	}
	// Every $ref resolves.
	var walk func(v any, at string)
	walk = func(v any, at string) {
		switch v := v.(type) {
		case jsonObj:
			if r, ok := v["$ref"].(string); ok {
				if _, err := resolve(doc, r); err != nil {
					t.Errorf("%s: %v", at, err)
				}
			}
			for k, x := range v {
				walk(x, at+"/"+k)
			}
		case []any:
			for i, x := range v {
				walk(x, at+"/"+strconv.Itoa(i))
			}
		}
	}
	walk(doc, "#")
	// Every operation documents its responses; every 4xx uses the Error schema.
	for _, op := range docOperations(doc) {
		method, path, _ := strings.Cut(op, " ")
		o := doc["paths"].(jsonObj)[path].(jsonObj)[strings.ToLower(method)].(jsonObj)
		if o["operationId"] == nil || o["summary"] == nil {
			t.Errorf("%s: operationId and summary required", op)
		}
		rs, _ := o["responses"].(jsonObj)
		if len(rs) == 0 {
			t.Errorf("%s: no responses", op)
		}
		for status, r := range rs {
			if !strings.HasPrefix(status, "4") {
				continue
			}
			schema, err := responseSchema(doc, r.(jsonObj), "application/json")
			if err != nil || schema["$ref"] != "#/components/schemas/Error" {
				t.Errorf("%s %s: error responses must use #/components/schemas/Error (%v)", op, status, err)
			}
		}
		// Secured unless it says security: [].
		sec, explicit := o["security"].([]any)
		public := explicit && len(sec) == 0
		if secured := slices.Contains(authedRoutes(t), op); secured == public {
			t.Errorf("%s: bearer authentication in the server (%v) and in the document (%v) disagree", op, secured, !public)
		}
	}
}

func resolve(doc jsonObj, ref string) (jsonObj, error) {
	rest, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return nil, fmt.Errorf("non-local $ref %q", ref)
	}
	var cur any = doc
	for _, part := range strings.Split(rest, "/") {
		m, ok := cur.(jsonObj)
		if !ok {
			return nil, fmt.Errorf("$ref %q does not resolve", ref)
		}
		if cur, ok = m[part]; !ok {
			return nil, fmt.Errorf("$ref %q does not resolve", ref)
		}
	}
	m, ok := cur.(jsonObj)
	if !ok {
		return nil, fmt.Errorf("$ref %q is not an object", ref)
	}
	return m, nil
}

func deref(doc jsonObj, m jsonObj) jsonObj {
	for {
		r, ok := m["$ref"].(string)
		if !ok {
			return m
		}
		next, err := resolve(doc, r)
		if err != nil {
			return m
		}
		m = next
	}
}

func responseSchema(doc jsonObj, r jsonObj, media string) (jsonObj, error) {
	r = deref(doc, r)
	content, _ := r["content"].(jsonObj)
	mt, ok := content[media].(jsonObj)
	if !ok {
		return nil, fmt.Errorf("no %s content", media)
	}
	s, ok := mt["schema"].(jsonObj)
	if !ok {
		return nil, fmt.Errorf("no schema for %s", media)
	}
	return s, nil
}

// validate checks v (decoded with UseNumber) against a JSON-Schema subset:
// $ref, type with nullable, enum, format date-time, pattern, maxLength,
// minimum/maximum, properties, required, additionalProperties, items.
func validate(doc jsonObj, schema jsonObj, v any, at string) []string {
	if r, ok := schema["$ref"].(string); ok {
		s, err := resolve(doc, r)
		if err != nil {
			return []string{at + ": " + err.Error()}
		}
		return validate(doc, s, v, at)
	}
	if v == nil {
		if schema["nullable"] == true {
			return nil
		}
		return []string{at + ": null but not nullable"}
	}
	var errs []string
	bad := func(f string, args ...any) { errs = append(errs, at+": "+fmt.Sprintf(f, args...)) }
	typ, _ := schema["type"].(string)
	switch typ {
	case "object":
		m, ok := v.(jsonObj)
		if !ok {
			bad("want object, got %T", v)
			return errs
		}
		props, _ := schema["properties"].(jsonObj)
		for _, r := range asList(schema["required"]) {
			if _, ok := m[r.(string)]; !ok {
				bad("required field %q missing", r)
			}
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if ps, ok := props[k].(jsonObj); ok {
				errs = append(errs, validate(doc, ps, m[k], at+"."+k)...)
				continue
			}
			switch ap := schema["additionalProperties"].(type) {
			case bool:
				if !ap {
					bad("field %q is not in the document", k)
				}
			case jsonObj:
				errs = append(errs, validate(doc, ap, m[k], at+"."+k)...)
			}
		}
	case "array":
		a, ok := v.([]any)
		if !ok {
			bad("want array, got %T", v)
			return errs
		}
		if items, ok := schema["items"].(jsonObj); ok {
			for i, x := range a {
				errs = append(errs, validate(doc, items, x, fmt.Sprintf("%s[%d]", at, i))...)
			}
		}
	case "string":
		s, ok := v.(string)
		if !ok {
			bad("want string, got %T", v)
			return errs
		}
		if schema["format"] == "date-time" {
			if _, err := time.Parse(time.RFC3339, s); err != nil {
				bad("date-time %q: %v", s, err)
			}
		}
		if p, ok := schema["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(s) {
			bad("%q does not match %s", s, p)
		}
		if n, ok := schema["maxLength"].(float64); ok && len([]rune(s)) > int(n) {
			bad("%q longer than %v", s, n)
		}
	case "integer", "number":
		n, ok := v.(json.Number)
		if !ok {
			bad("want %s, got %T", typ, v)
			return errs
		}
		f, err := n.Float64()
		if err != nil {
			bad("bad number %s", n)
			return errs
		}
		if _, err := n.Int64(); typ == "integer" && err != nil {
			bad("want integer, got %s", n)
		}
		if min, ok := schema["minimum"].(float64); ok && f < min {
			bad("%s below minimum %v", n, min)
		}
		if max, ok := schema["maximum"].(float64); ok && f > max {
			bad("%s above maximum %v", n, max)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			bad("want boolean, got %T", v)
		}
	case "":
	default:
		bad("validator does not know type %q", typ)
	}
	if enum, ok := schema["enum"].([]any); ok && len(errs) == 0 {
		found := false
		for _, e := range enum {
			if fmt.Sprint(e) == fmt.Sprint(v) {
				found = true
			}
		}
		if !found {
			bad("%v not in enum %v", v, enum)
		}
	}
	return errs
}

func asList(v any) []any { l, _ := v.([]any); return l }

// The validator itself must catch what it is meant to catch.
func TestOpenAPIValidator(t *testing.T) {
	doc := openAPIDoc(t)
	dec := func(s string) any {
		d := json.NewDecoder(strings.NewReader(s))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	errRef := jsonObj{"$ref": "#/components/schemas/Error"}
	cases := []struct {
		schema jsonObj
		body   string
		ok     bool
	}{
		{errRef, `{"error":{"code":"x","message":"a","message_vi":"b"}}`, true},
		{errRef, `{"error":{"code":"x","message":"a"}}`, false},
		{errRef, `{"error":{"code":"x","message":"a","message_vi":"b","extra":1}}`, false},
		{errRef, `{"error":{"code":1,"message":"a","message_vi":"b"}}`, false},
		{jsonObj{"$ref": "#/components/schemas/Status"}, `"flying"`, false},
		{jsonObj{"$ref": "#/components/schemas/Timeliness"}, `null`, true},
		{jsonObj{"$ref": "#/components/schemas/Status"}, `null`, false},
		{jsonObj{"type": "integer"}, `1.5`, false},
		{jsonObj{"type": "string", "format": "date-time"}, `"2026-12-01 09:00"`, false},
		{jsonObj{"type": "string", "format": "date-time", "pattern": `\+07:00$`}, `"2026-12-01T02:00:00Z"`, false},
		{jsonObj{"type": "string", "format": "date-time", "pattern": `\+07:00$`}, `"2026-12-01T09:00:00+07:00"`, true},
		{jsonObj{"type": "array", "items": jsonObj{"type": "string"}}, `["a", 2]`, false},
	}
	for i, c := range cases {
		if errs := validate(doc, c.schema, dec(c.body), "$"); (len(errs) == 0) != c.ok {
			t.Errorf("case %d %s: ok=%v, errors %v", i, c.body, c.ok, errs)
		}
	}
}

// jsonFields lists a struct's JSON field names and whether each is omitempty.
func jsonFields(typ reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := range typ.NumField() {
		f := typ.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f
	}
	return out
}

// The document names exactly the fields the Go types encode and decode;
// response fields always sent are required; pointer fields are nullable.
func TestOpenAPISchemasMatchGoTypes(t *testing.T) {
	doc := openAPIDoc(t)
	schemas := doc["components"].(jsonObj)["schemas"].(jsonObj)
	cases := []struct {
		schema   string
		value    any
		response bool
	}{
		{"Dossier", api.DossierView{}, true},
		{"Track", api.TrackView{}, true},
		{"Event", api.EventView{}, true},
		{"EventActor", api.EventActorView{}, true},
		{"File", api.FileView{}, true},
		{"Procedure", catalog.Procedure{}, true},
		{"TimeLimit", catalog.TimeLimit{}, true},
		{"ProcedureComponent", catalog.Component{}, true},
		{"Agency", org.Agency{}, true},
		{"Applicant", dossier.Applicant{}, true},
		{"ComponentFiles", dossier.ComponentFiles{}, true},
		{"NewDossier", service.NewDossier{}, false},
		{"ActionInput", service.ActionInput{}, false},
		{"ApplicantInput", dossier.Applicant{}, false},
		{"ComponentInput", dossier.ComponentFiles{}, false},
		{"MissingPaper", dossier.MissingPaper{}, false},
		{"DelayReport", api.DelaysView{}, true},
		{"DelayLine", api.DelayLineView{}, true},
		{"LateDossier", api.LateView{}, true},
	}
	for _, c := range cases {
		s, ok := schemas[c.schema].(jsonObj)
		if !ok {
			t.Errorf("schema %s missing", c.schema)
			continue
		}
		fields := jsonFields(reflect.TypeOf(c.value))
		props, _ := s["properties"].(jsonObj)
		var goNames, docNames []string
		for n := range fields {
			goNames = append(goNames, n)
		}
		for n := range props {
			docNames = append(docNames, n)
		}
		sort.Strings(goNames)
		sort.Strings(docNames)
		if !slices.Equal(goNames, docNames) {
			t.Errorf("%s: document properties %v, Go fields %v", c.schema, docNames, goNames)
		}
		if s["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties must be false", c.schema)
		}
		if !c.response {
			continue
		}
		required := asList(s["required"])
		for name, f := range fields {
			omit := strings.Contains(f.Tag.Get("json"), ",omitempty")
			if omit == slices.Contains(required, any(name)) {
				t.Errorf("%s.%s: omitempty=%v but required=%v", c.schema, name, omit, !omit)
			}
			p, ok := props[name].(jsonObj)
			if !ok {
				continue
			}
			nullable := deref(doc, p)["nullable"] == true
			if want := f.Type.Kind() == reflect.Pointer && !omit; nullable != want {
				t.Errorf("%s.%s: nullable=%v, want %v (Go type %s)", c.schema, name, nullable, want, f.Type)
			}
		}
	}
	// Enums match the domain's lists.
	enum := func(name string) []string {
		var out []string
		for _, v := range asList(deref(doc, schemas[name].(jsonObj))["enum"]) {
			out = append(out, v.(string))
		}
		return out
	}
	var statuses, actions, roles []string
	for _, s := range dossier.Statuses {
		statuses = append(statuses, string(s))
	}
	for _, a := range dossier.Actions {
		actions = append(actions, string(a))
	}
	for _, r := range org.Roles {
		roles = append(roles, string(r))
	}
	for name, want := range map[string][]string{"Status": statuses, "Action": actions, "Role": roles} {
		if got := enum(name); !slices.Equal(got, want) {
			t.Errorf("%s enum %v, want %v", name, got, want)
		}
	}
}

// oaCheck drives the real server and validates every response against the
// schema documented for its path, method and status.
type oaCheck struct {
	t    *testing.T
	e    *env
	doc  jsonObj
	seen map[string]bool
}

// template finds the documented path a concrete path belongs to, preferring
// literal segments over parameters.
func (c *oaCheck) template(path string) string {
	path, _, _ = strings.Cut(path, "?")
	segs := strings.Split(path, "/")
	best, bestScore := "", -1
	for p := range c.doc["paths"].(jsonObj) {
		ps := strings.Split(p, "/")
		if len(ps) != len(segs) {
			continue
		}
		score := 0
		for i := range ps {
			switch {
			case ps[i] == segs[i]:
				score++
			case strings.HasPrefix(ps[i], "{") && segs[i] != "":
			default:
				score = -1
			}
			if score < 0 {
				break
			}
		}
		if score > bestScore {
			best, bestScore = p, score
		}
	}
	if best == "" {
		c.t.Fatalf("no documented path for %s", path)
	}
	return best
}

func decodeNumbers(raw []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, fmt.Errorf("trailing data")
	}
	return v, nil
}

// check validates r as the answer to method on path; reqBody, when a JSON
// request succeeded, is validated against the documented request body.
func (c *oaCheck) check(method, path string, r resp, reqBody any) resp {
	c.t.Helper()
	tmpl := c.template(path)
	op, ok := c.doc["paths"].(jsonObj)[tmpl].(jsonObj)[strings.ToLower(method)].(jsonObj)
	if !ok {
		c.t.Fatalf("%s %s: operation not documented", method, tmpl)
	}
	status := strconv.Itoa(r.status)
	c.seen[method+" "+tmpl+" "+status] = true
	doc, ok := op["responses"].(jsonObj)[status].(jsonObj)
	if !ok {
		c.t.Errorf("%s %s: status %s not documented (%.300s)", method, path, status, r.raw)
		return r
	}
	media := "application/json"
	if ct := r.header.Get("Content-Type"); ct != "" {
		media, _, _ = strings.Cut(ct, ";")
	}
	schema, err := responseSchema(c.doc, doc, media)
	if err != nil {
		c.t.Errorf("%s %s %s: %v", method, path, status, err)
		return r
	}
	if media == "application/json" {
		v, err := decodeNumbers(r.raw)
		if err != nil {
			c.t.Errorf("%s %s %s: body is not JSON: %v", method, path, status, err)
			return r
		}
		for _, e := range validate(c.doc, schema, v, "$") {
			c.t.Errorf("%s %s %s: %s", method, path, status, e)
		}
	}
	if reqBody != nil && r.status < 300 {
		rb, _ := op["requestBody"].(jsonObj)
		if s, err := responseSchema(c.doc, rb, "application/json"); err == nil {
			raw, _ := json.Marshal(reqBody)
			v, _ := decodeNumbers(raw)
			for _, e := range validate(c.doc, s, v, "request") {
				c.t.Errorf("%s %s: request accepted by the server but not by the document: %s", method, path, e)
			}
		}
	}
	return r
}

func (c *oaCheck) do(method, path, user string, body any, headers map[string]string) resp {
	c.t.Helper()
	var reqBody any
	if _, isStr := body.(string); !isStr {
		reqBody = body
	}
	return c.check(method, path, c.e.do(method, path, user, body, headers), reqBody)
}

func (c *oaCheck) want(status int, r resp) resp {
	c.t.Helper()
	if r.status != status {
		c.t.Fatalf("want %d, got %d %.300s", status, r.status, r.raw)
	}
	return r
}

func (c *oaCheck) act(user string, id, version int, body map[string]any) resp {
	c.t.Helper()
	return c.check("POST", fmt.Sprintf("/api/v1/dossiers/%d/actions", id), c.e.act(user, id, version, body), body)
}

func (c *oaCheck) mustAct(user string, id int, version *int, body map[string]any) resp {
	c.t.Helper()
	r := c.want(200, c.act(user, id, *version, body))
	*version = r.num("version")
	return r
}

func (c *oaCheck) submit(user string, body any) resp {
	c.t.Helper()
	return c.do("POST", "/api/v1/dossiers", user, body, map[string]string{"Idempotency-Key": newKey()})
}

func (c *oaCheck) upload(user, name string, data []byte) resp {
	c.t.Helper()
	r := c.e.upload(user, name, data)
	r.header = http.Header{"Content-Type": {"application/json"}}
	return c.check("POST", "/api/v1/files", r, nil)
}

func TestOpenAPIResponses(t *testing.T) {
	eachDB(t, func(t *testing.T, e *env) {
		c := &oaCheck{t: t, e: e, doc: openAPIDoc(t), seen: map[string]bool{}}
		at := func(s string) time.Time {
			tm, err := time.Parse(time.RFC3339, s)
			if err != nil {
				t.Fatal(err)
			}
			return tm
		}
		big := `"` + strings.Repeat("x", 2<<20) + `"`

		// Operations.
		c.want(200, c.do("GET", "/healthz", "", nil, nil))
		c.want(200, c.do("GET", "/readyz", "", nil, nil))
		c.want(200, c.do("GET", "/api/openapi.json", "", nil, nil))

		// Sign-in.
		c.want(200, c.do("POST", "/api/v1/auth/token", "", map[string]string{"username": "citizen", "password": demoPassword}, nil))
		c.want(400, c.do("POST", "/api/v1/auth/token", "", map[string]string{}, nil))
		c.want(400, c.do("POST", "/api/v1/auth/token", "", `{"username":"citizen","pass":"x"}`, nil))
		c.want(401, c.do("POST", "/api/v1/auth/token", "", map[string]string{"username": "citizen", "password": "sai"}, nil))
		c.want(413, c.do("POST", "/api/v1/auth/token", "", `{"username":`+big+`}`, nil))
		e.addCitizen("khoa")
		for range 5 {
			e.do("POST", "/api/v1/auth/token", "", map[string]string{"username": "khoa", "password": "sai"}, nil)
		}
		c.want(429, c.do("POST", "/api/v1/auth/token", "", map[string]string{"username": "khoa", "password": demoPassword}, nil))

		// Catalog: the whole published catalog validates, page by page.
		total := 0
		for off := 0; ; off += 200 {
			r := c.want(200, c.do("GET", fmt.Sprintf("/api/v1/procedures?limit=200&offset=%d", off), "", nil, nil))
			n := len(r.body["items"].([]any))
			total += n
			if n < 200 {
				break
			}
		}
		if total == 0 {
			t.Fatal("empty catalog")
		}
		c.want(200, c.do("GET", "/api/v1/procedures?q=dang+ky+khai+sinh&level=commune&limit=5", "", nil, nil))
		c.want(200, c.do("GET", "/api/v1/procedures?sector=nope", "", nil, nil))
		c.want(200, c.do("GET", "/api/v1/procedures/"+criminalRecord, "", nil, nil))
		c.want(200, c.do("GET", "/api/v1/procedures/"+businessReg, "", nil, nil))
		c.want(404, c.do("GET", "/api/v1/procedures/0.000000", "", nil, nil))
		c.want(200, c.do("GET", "/api/v1/agencies", "", nil, nil))

		// Files.
		c.want(201, c.upload("citizen", "cccd.pdf", pdf))
		c.want(422, c.upload("citizen", "x.pdf", []byte("MZ\x90\x00\x03\x00\x00\x00")))
		bigFile := make([]byte, 21<<20)
		copy(bigFile, pdf)
		c.want(413, c.upload("citizen", "big.pdf", bigFile))
		c.want(400, c.do("POST", "/api/v1/files", "citizen", `{"file":"x"}`, nil))
		c.want(401, c.do("POST", "/api/v1/files", "", `{}`, nil))

		// Filing.
		r := c.want(201, c.submit("citizen", submitBody(criminalRecord)))
		id, v := r.num("id"), r.num("version")
		counterBody := submitBody(businessReg)
		counterBody["channel"] = "postal"
		counterBody["return_method"] = "postal"
		counterBody["agency_code"] = r.str("processing_agency_code")
		c.submit("counter", counterBody) // validated whatever the routing says
		c.want(400, c.do("POST", "/api/v1/dossiers", "citizen", submitBody(criminalRecord), nil))
		c.want(400, c.submit("citizen", `{"procedure_code":7}`))
		c.want(401, c.submit("", submitBody(criminalRecord)))
		c.want(403, c.submit("specialist", submitBody(criminalRecord)))
		c.want(413, c.submit("citizen", `{"procedure_code":`+big+`}`))
		c.want(422, c.submit("citizen", map[string]any{"procedure_code": "9.999999", "applicant": map[string]any{"name": "A", "id_number": "001090012345"}}))

		// The whole life of a dossier, so that every nullable field is seen set.
		path := fmt.Sprintf("/api/v1/dossiers/%d", id)
		c.want(200, c.do("GET", path, "citizen", nil, nil))
		c.mustAct("counter", id, &v, map[string]any{"action": "receive", "note": "Đủ giấy tờ"})
		code := c.want(200, c.do("GET", path, "counter", nil, nil)).str("code")
		c.want(200, c.do("GET", "/api/v1/track/"+code, "", nil, nil))
		trackKey, err := e.svc.TrackKey(context.Background(), code)
		if err != nil {
			t.Fatal(err)
		}
		c.want(200, c.do("GET", "/api/v1/track/"+code+"?key="+trackKey, "", nil, nil))
		c.want(403, c.do("GET", "/api/v1/track/"+code+"?key=AAAA-AAAA", "", nil, nil))
		c.want(404, c.do("GET", "/api/v1/track/000.00.01.H99-261201-9999", "", nil, nil))
		c.mustAct("counter", id, &v, map[string]any{"action": "transfer"})
		e.setNow(at("2026-12-02T10:00:00+07:00"))
		// Form 02's papers (missing_papers): a paper the procedure does not list
		// must be marked other; the request then names each paper.
		c.want(422, c.act("specialist", id, v, map[string]any{"action": "request_supplement",
			"missing_papers": []map[string]any{{"name": "Sổ hộ khẩu", "defect": "missing"}}}))
		c.want(400, c.act("specialist", id, v, map[string]any{"action": "request_supplement",
			"missing_papers": []map[string]any{{"name": "Sổ hộ khẩu", "oops": true}}}))
		c.mustAct("specialist", id, &v, map[string]any{"action": "request_supplement", "reason": "Thiếu bản sao CCCD",
			"missing_papers": []map[string]any{{"name": "Sổ hộ khẩu", "other": true, "defect": "invalid", "explanation": "Bản sao không có chứng thực"}}})
		// The payload is served as the log stores it (dossier.SupplementRequestPayload).
		if evs := c.want(200, c.do("GET", path+"/events", "specialist", nil, nil)); !strings.Contains(string(evs.raw), `"missing_papers":[{"name":"Sổ hộ khẩu","other":true,"defect":"invalid","explanation":"Bản sao không có chứng thực"}]`) {
			t.Fatalf("the event must carry the papers: %s", evs.raw)
		}
		c.want(200, c.do("GET", path, "specialist", nil, nil)) // suspended_at set
		c.want(422, c.act("leader", id, v, map[string]any{"action": "approve"}))
		e.setNow(at("2026-12-04T10:00:00+07:00"))
		f := c.want(201, c.upload("citizen", "cccd.pdf", pdf))
		c.mustAct("citizen", id, &v, map[string]any{"action": "supplement",
			"components": []map[string]any{{"name": "Bản sao CCCD", "file_ids": []string{f.str("file_id")}}}})
		c.want(422, c.act("specialist", id, v, map[string]any{"action": "request_supplement", "reason": "Lại thiếu"}))
		c.mustAct("specialist", id, &v, map[string]any{"action": "request_payment", "amount_vnd": 200000})
		c.mustAct("counter", id, &v, map[string]any{"action": "pay", "amount_vnd": 200000})
		e.setNow(at("2026-12-14T09:00:00+07:00"))
		c.want(422, c.act("leader", id, v, map[string]any{"action": "extend", "reason": "Chậm", "new_due_at": "2026-12-18T17:00:00+07:00"}))
		c.mustAct("leader", id, &v, map[string]any{"action": "extend", "reason": "Cần xác minh thêm", "signer": "Giám đốc Sở Tư pháp",
			"new_due_at": "2026-12-18T17:00:00+07:00"})
		e.setNow(at("2026-12-17T15:00:00+07:00"))
		c.want(422, c.act("leader", id, v, map[string]any{"action": "approve"})) // online return, no result file
		kq := c.want(201, c.upload("leader", "ket-qua.pdf", pdf))
		c.mustAct("leader", id, &v, map[string]any{"action": "approve", "result_file_ids": []string{kq.str("file_id")}})
		e.setNow(at("2026-12-18T08:00:00+07:00"))
		c.mustAct("counter", id, &v, map[string]any{"action": "return_result"})
		c.want(200, c.do("GET", "/api/v1/track/"+code+"?key="+trackKey, "", nil, nil))
		// Look-ups are limited per address (security_test.go).
		for i := 0; c.do("GET", "/api/v1/track/"+code, "", nil, nil).status != 429; i++ {
			if i > 2*service.TrackBurst {
				t.Fatal("public tracking is never limited")
			}
		}

		// Action errors.
		actPath := path + "/actions"
		c.want(400, c.do("POST", actPath, "counter", map[string]any{"action": "stop"}, map[string]string{"Idempotency-Key": newKey()}))
		c.want(400, c.do("POST", actPath, "counter", `{"action":"stop","oops":1}`, map[string]string{"If-Match": fmt.Sprint(v), "Idempotency-Key": newKey()}))
		c.want(401, c.do("POST", actPath, "", map[string]any{"action": "stop"}, map[string]string{"If-Match": fmt.Sprint(v), "Idempotency-Key": newKey()}))
		c.want(403, c.act("citizen", id, v, map[string]any{"action": "approve"}))
		c.want(404, c.act("leader", 999999, 1, map[string]any{"action": "approve"}))
		c.want(409, c.act("counter", id, v-1, map[string]any{"action": "stop", "reason": "x"}))
		c.want(413, c.do("POST", actPath, "counter", `{"action":"stop","note":`+big+`}`, map[string]string{"If-Match": fmt.Sprint(v), "Idempotency-Key": newKey()}))
		c.want(422, c.act("counter", id, v, map[string]any{"action": "teleport"}))

		// The other endings: refuse, reject, withdraw and stop.
		r = c.want(201, c.submit("citizen", submitBody(criminalRecord)))
		id2, v2 := r.num("id"), r.num("version")
		c.mustAct("counter", id2, &v2, map[string]any{"action": "refuse", "reason": "Không thuộc thẩm quyền"})
		r = c.want(201, c.submit("citizen", submitBody(criminalRecord)))
		id3, v3 := r.num("id"), r.num("version")
		c.mustAct("counter", id3, &v3, map[string]any{"action": "receive"})
		c.mustAct("leader", id3, &v3, map[string]any{"action": "transfer", "to_agency": r.str("processing_agency_code")})
		c.mustAct("leader", id3, &v3, map[string]any{"action": "reject", "reason": "Không đủ điều kiện"})
		r = c.want(201, c.submit("citizen", submitBody(criminalRecord)))
		id4, v4 := r.num("id"), r.num("version")
		c.mustAct("citizen", id4, &v4, map[string]any{"action": "withdraw", "reason": "Không còn nhu cầu"})
		c.mustAct("counter", id4, &v4, map[string]any{"action": "stop"})

		// Reading.
		for _, user := range []string{"citizen", "counter", "specialist", "leader", "director", "admin"} {
			c.want(200, c.do("GET", "/api/v1/dossiers", user, nil, nil))
		}
		for _, q := range []string{"?status=processing", "?status=returned&limit=1", "?overdue=true", "?overdue=false",
			"?q=nguyen+van+dan", "?q=" + code, "?agency=" + r.str("processing_agency_code"), fmt.Sprintf("?after=%d&limit=2", id4)} {
			c.want(200, c.do("GET", "/api/v1/dossiers"+q, "director", nil, nil))
		}
		c.want(400, c.do("GET", "/api/v1/dossiers?overdue=maybe", "leader", nil, nil))
		c.want(401, c.do("GET", "/api/v1/dossiers", "", nil, nil))
		c.want(403, c.do("GET", "/api/v1/dossiers?agency="+r.str("processing_agency_code"), "specialist_tc", nil, nil))
		c.want(422, c.do("GET", "/api/v1/dossiers?status=flying", "leader", nil, nil))
		for _, d := range []int{id, id2, id3, id4} {
			c.want(200, c.do("GET", fmt.Sprintf("/api/v1/dossiers/%d", d), "leader", nil, nil))
			c.want(200, c.do("GET", fmt.Sprintf("/api/v1/dossiers/%d/events", d), "leader", nil, nil))
		}
		e.addCitizen("other")
		c.want(401, c.do("GET", path, "", nil, nil))
		c.want(403, c.do("GET", path, "specialist_tc", nil, nil))
		c.want(404, c.do("GET", path, "other", nil, nil))
		c.want(404, c.do("GET", "/api/v1/dossiers/abc", "leader", nil, nil))
		c.want(401, c.do("GET", path+"/events", "", nil, nil))
		c.want(403, c.do("GET", path+"/events", "specialist_tc", nil, nil))
		c.want(404, c.do("GET", "/api/v1/dossiers/999999/events", "leader", nil, nil))

		// Working calendar.
		c.want(200, c.do("GET", "/api/v1/calendar/2026", "", nil, nil))
		c.want(200, c.do("GET", "/api/v1/calendar/2031", "", nil, nil))
		c.want(404, c.do("GET", "/api/v1/calendar/abc", "", nil, nil))
		c.want(422, c.do("GET", "/api/v1/calendar/1800", "", nil, nil))
		notice := map[string]any{"days_off": []string{"2031-01-01"}, "working_days": []string{}, "source": "Công văn kiểm thử", "notes": map[string]string{"2031-01-01": "Tết Dương lịch"}}
		c.want(200, c.do("PUT", "/api/v1/calendar/2031", "admin", notice, nil))
		c.want(400, c.do("PUT", "/api/v1/calendar/2031", "admin", `{"days_off":["2031-02-30"],"source":"x"}`, nil))
		c.want(401, c.do("PUT", "/api/v1/calendar/2031", "", notice, nil))
		c.want(403, c.do("PUT", "/api/v1/calendar/2031", "leader", notice, nil))
		c.want(413, c.do("PUT", "/api/v1/calendar/2031", "admin", `{"source":`+big+`}`, nil))
		c.want(422, c.do("PUT", "/api/v1/calendar/2031", "admin", map[string]any{"working_days": []string{"2031-01-06"}, "source": "x"}, nil))

		// The 766 index and the settlement report (figures_test.go).
		figuresContract(c)
		// The step delay report (delays_test.go).
		delaysContract(c)
		// Online payment of fees (payment_flow_test.go).
		paymentContract(c)
		// The postal operator's webhook (postal_contract_test.go).
		postalContract(c)
		// The citizen's data store (datastore_api_test.go).
		dataStoreContract(c)
		// Reveals of masked personal data (privacy_test.go).
		privacyContract(c)

		// Not public on this listener (security_test.go reads it with a token).
		c.want(404, c.do("GET", "/metrics", "", nil, nil))

		// Every documented response was seen, except those a healthy test
		// server cannot produce.
		cannot := map[string]bool{"GET /readyz 503": true, "GET /metrics 200": true, "GET /metrics 401": true}
		for _, op := range docOperations(c.doc) {
			method, p, _ := strings.Cut(op, " ")
			for status := range c.doc["paths"].(jsonObj)[p].(jsonObj)[strings.ToLower(method)].(jsonObj)["responses"].(jsonObj) {
				if k := op + " " + status; !c.seen[k] && !cannot[k] {
					t.Errorf("documented response never exercised: %s", k)
				}
			}
		}
	})
}
