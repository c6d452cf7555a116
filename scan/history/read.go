package history

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// blobSizes asks git for the size of every blob in ids (cat-file
// --batch-check, which reads object headers, not content). A blob git
// cannot find is returned in missing.
func blobSizes(r *repo, ids []string) (sizes map[string]int64, missing []string, err error) {
	sizes = make(map[string]int64, len(ids))
	cmd := r.command("cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	go func() {
		bw := bufio.NewWriterSize(in, 1<<16)
		for _, id := range ids {
			bw.WriteString(id)
			bw.WriteByte('\n')
		}
		bw.Flush()
		in.Close()
	}()
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 2 && f[1] == "missing":
			missing = append(missing, f[0])
		case len(f) == 3 && f[1] == "blob":
			n, perr := strconv.ParseInt(f[2], 10, 64)
			if perr != nil {
				err = fmt.Errorf("git cat-file: bad size in %q", sc.Text())
				continue
			}
			sizes[f[0]] = n
		case len(f) == 3:
			err = fmt.Errorf("git cat-file: %s is a %s, not a blob", f[0], f[1])
		default:
			err = fmt.Errorf("git cat-file: unexpected output %q", sc.Text())
		}
	}
	if serr := sc.Err(); serr != nil && err == nil {
		err = serr
	}
	if werr := cmd.Wait(); werr != nil && err == nil {
		err = fmt.Errorf("git cat-file --batch-check: %s", strings.TrimSpace(stderr.String()+" "+werr.Error()))
	}
	return sizes, missing, err
}

// catFile is one `git cat-file --batch` process that a reader feeds object
// IDs and reads contents from, in order.
type catFile struct {
	in   io.WriteCloser
	out  *bufio.Reader
	wait func() error
	buf  []byte
}

func (r *repo) catFile() (*catFile, error) {
	cmd := r.command("cat-file", "--batch")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &catFile{in: in, out: bufio.NewReaderSize(out, 1<<16), wait: func() error {
		if err := cmd.Wait(); err != nil {
			return fmt.Errorf("git cat-file --batch: %s", strings.TrimSpace(stderr.String()+" "+err.Error()))
		}
		return nil
	}}, nil
}

// read returns the content of the next object answered, in c's buffer
// (valid until the next call), or missing.
func (c *catFile) read(id string) (data []byte, missing bool, err error) {
	hdr, err := c.out.ReadString('\n')
	if err != nil {
		return nil, false, fmt.Errorf("git cat-file: reading %s: %w", id, err)
	}
	f := strings.Fields(hdr)
	if len(f) == 2 && f[1] == "missing" {
		return nil, true, nil
	}
	if len(f) != 3 || f[0] != id {
		return nil, false, fmt.Errorf("git cat-file: unexpected header %q for %s", strings.TrimSpace(hdr), id)
	}
	n, err := strconv.Atoi(f[2])
	if err != nil {
		return nil, false, fmt.Errorf("git cat-file: bad size in %q", strings.TrimSpace(hdr))
	}
	if cap(c.buf) < n+1 {
		c.buf = make([]byte, n+1, n+n/4+512)
	}
	buf := c.buf[:n+1] // the content and git's trailing newline
	if _, err := io.ReadFull(c.out, buf); err != nil {
		return nil, false, fmt.Errorf("git cat-file: reading %s: %w", id, err)
	}
	return buf[:n], false, nil
}

// readBlobs reads the blobs in ids with one cat-file process per worker and
// calls scan for each (concurrently, from workers goroutines; data is valid
// only during the call). Blobs git cannot read are passed to missing.
func readBlobs(r *repo, ids []string, workers int, scan func(id string, data []byte), missing func(id string)) error {
	next := make(chan string, 4*workers)
	go func() {
		for _, id := range ids {
			next <- id
		}
		close(next)
	}()
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}
	for range workers {
		wg.Go(func() {
			c, err := r.catFile()
			if err != nil {
				fail(err)
				for range next {
				}
				return
			}
			// A writer goroutine keeps cat-file's input ahead of the reader by
			// a bounded queue, so the pipe never stalls on a round trip.
			queue := make(chan string, 32)
			go func() {
				for id := range next {
					if _, err := io.WriteString(c.in, id+"\n"); err != nil {
						break
					}
					queue <- id
				}
				c.in.Close()
				close(queue)
				for range next {
				}
			}()
			broken := false
			for id := range queue {
				if broken {
					continue
				}
				data, miss, err := c.read(id)
				switch {
				case err != nil:
					fail(err)
					broken = true
					go func() { _, _ = io.Copy(io.Discard, c.out) }()
				case miss:
					missing(id)
				default:
					scan(id, data)
				}
			}
			if err := c.wait(); err != nil && !broken {
				fail(err)
			}
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}
