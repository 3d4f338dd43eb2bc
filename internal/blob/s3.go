package blob

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// S3Config names an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, a
// government cloud's object storage).
type S3Config struct {
	Endpoint  string // host[:port]; an http:// or https:// prefix is accepted
	Bucket    string
	AccessKey string
	SecretKey string
	Region    string
	Insecure  bool // plain HTTP, for an endpoint inside the data centre
}

// S3 stores blobs as objects named by their hash in one bucket, so several
// stateless server nodes share the files as they share PostgreSQL.
type S3 struct {
	c      *minio.Client
	bucket string
}

var _ Store = (*S3)(nil)

// NewS3 connects to the bucket and checks that it exists: a typo in the
// bucket name must stop the server at start, not fail the first upload.
func NewS3(ctx context.Context, cfg S3Config) (*S3, error) {
	endpoint, secure := cfg.Endpoint, !cfg.Insecure
	switch {
	case strings.HasPrefix(endpoint, "http://"):
		endpoint, secure = strings.TrimPrefix(endpoint, "http://"), false
	case strings.HasPrefix(endpoint, "https://"):
		endpoint = strings.TrimPrefix(endpoint, "https://")
	}
	endpoint = strings.TrimSuffix(endpoint, "/")
	if endpoint == "" || cfg.Bucket == "" {
		return nil, fmt.Errorf("blob: S3 needs an endpoint and a bucket")
	}
	c, err := minio.New(endpoint, &minio.Options{
		Creds:  credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""),
		Secure: secure,
		Region: cfg.Region,
		// Path-style requests work with every S3-compatible server, and
		// need no wildcard DNS for the bucket.
		BucketLookup: minio.BucketLookupPath,
	})
	if err != nil {
		return nil, fmt.Errorf("blob: S3 client: %w", err)
	}
	ok, err := c.BucketExists(ctx, cfg.Bucket)
	if err != nil {
		return nil, fmt.Errorf("blob: S3 bucket %q at %s: %w", cfg.Bucket, endpoint, err)
	}
	if !ok {
		return nil, fmt.Errorf("blob: S3 bucket %q does not exist at %s", cfg.Bucket, endpoint)
	}
	return &S3{c: c, bucket: cfg.Bucket}, nil
}

// Put uploads data under its hash unless an object is already there. The
// hash is also kept in the object's metadata for whoever audits the bucket.
func (s *S3) Put(ctx context.Context, sum string, data []byte) error {
	if err := checkPut(sum, data); err != nil {
		return err
	}
	ok, err := s.Exists(ctx, sum)
	if err != nil {
		return err
	}
	if ok {
		return nil
	}
	_, err = s.c.PutObject(ctx, s.bucket, key(sum), bytes.NewReader(data), int64(len(data)), minio.PutObjectOptions{
		ContentType:    "application/octet-stream",
		UserMetadata:   map[string]string{"sha256": sum},
		SendContentMd5: true, // the server refuses bytes damaged on the way
	})
	if err != nil {
		return fmt.Errorf("blob: S3 put %s: %w", sum, err)
	}
	return nil
}

// Open reads an object, checking its hash as it is read.
func (s *S3) Open(ctx context.Context, sum string) (io.ReadCloser, error) {
	if err := checkSum(sum); err != nil {
		return nil, err
	}
	obj, err := s.c.GetObject(ctx, s.bucket, key(sum), minio.GetObjectOptions{})
	if err != nil {
		return nil, fmt.Errorf("blob: S3 get %s: %w", sum, err)
	}
	// GetObject is lazy: Stat makes the request, so that a missing object
	// is reported here and not at the first read.
	if _, err := obj.Stat(); err != nil {
		obj.Close()
		if missing(err) {
			return nil, fmt.Errorf("%w: %s", ErrNotFound, sum)
		}
		return nil, fmt.Errorf("blob: S3 get %s: %w", sum, err)
	}
	return verify(obj, sum), nil
}

// Exists asks the server for the object's metadata.
func (s *S3) Exists(ctx context.Context, sum string) (bool, error) {
	if err := checkSum(sum); err != nil {
		return false, err
	}
	_, err := s.c.StatObject(ctx, s.bucket, key(sum), minio.StatObjectOptions{})
	if err == nil {
		return true, nil
	}
	if missing(err) {
		return false, nil
	}
	return false, fmt.Errorf("blob: S3 stat %s: %w", sum, err)
}

func missing(err error) bool {
	r := minio.ToErrorResponse(err)
	return r.Code == minio.NoSuchKey || r.StatusCode == http.StatusNotFound
}

// FromEnv chooses the blob store: the S3 bucket named by MOTCUA_S3_ENDPOINT,
// MOTCUA_S3_BUCKET, MOTCUA_S3_ACCESS_KEY, MOTCUA_S3_SECRET_KEY,
// MOTCUA_S3_REGION and MOTCUA_S3_INSECURE when an endpoint is set, otherwise
// files under dir. It says which one in where, for the start-up log.
func FromEnv(ctx context.Context, getenv func(string) string, dir string) (st Store, where string, err error) {
	endpoint := getenv("MOTCUA_S3_ENDPOINT")
	if endpoint == "" {
		return &Disk{Dir: dir}, "disk " + dir, nil
	}
	cfg := S3Config{Endpoint: endpoint, Bucket: getenv("MOTCUA_S3_BUCKET"), AccessKey: getenv("MOTCUA_S3_ACCESS_KEY"),
		SecretKey: getenv("MOTCUA_S3_SECRET_KEY"), Region: getenv("MOTCUA_S3_REGION")}
	if v := getenv("MOTCUA_S3_INSECURE"); v != "" {
		if cfg.Insecure, err = strconv.ParseBool(v); err != nil {
			return nil, "", fmt.Errorf("blob: MOTCUA_S3_INSECURE=%q: want true or false", v)
		}
	}
	if cfg.Bucket == "" {
		return nil, "", fmt.Errorf("blob: MOTCUA_S3_ENDPOINT is set but MOTCUA_S3_BUCKET is empty")
	}
	s, err := NewS3(ctx, cfg)
	if err != nil {
		return nil, "", err
	}
	return s, "s3 " + cfg.Bucket, nil
}
