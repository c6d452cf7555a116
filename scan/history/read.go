package history

import (
	"bufio"
	"errors"
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
	in     io.WriteCloser
	out    *bufio.Reader
	wait   func() error
	stderr *strings.Builder
	buf    []byte
}

// finish waits for the process and returns what went wrong ("" if nothing):
// git's message, on one line.
func (c *catFile) finish() string {
	if err := c.wait(); err != nil {
		msg := strings.TrimSpace(c.stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return strings.Join(strings.Fields(msg), " ")
	}
	return ""
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
	return &catFile{in: in, out: bufio.NewReaderSize(out, 1<<16), wait: cmd.Wait, stderr: &stderr}, nil
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
// only during the call). A blob git cannot read (missing, or corrupt: git
// dies while streaming it) is passed to unreadable with the reason, and the
// worker goes on with a new cat-file process.
func readBlobs(r *repo, ids []string, workers int, scan func(id string, data []byte), unreadable func(id, why string)) error {
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
	for range workers {
		wg.Go(func() {
			for {
				retry, done, err := r.streamBlobs(next, scan, unreadable)
				if err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
					for range next { // cat-file cannot start: the rest is not read
					}
					return
				}
				// After a failure, the blobs that were in flight are read one by
				// one, so that only the unreadable ones are lost.
				for _, id := range retry {
					r.readOne(id, scan, unreadable)
				}
				if done {
					return
				}
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// streamBlobs pipelines blobs from next through one cat-file process until
// next is drained (done) or the process fails on a blob: that blob is
// reported unreadable and the ones sent after it are returned for retry.
func (r *repo) streamBlobs(next <-chan string, scan func(string, []byte), unreadable func(id, why string)) (retry []string, done bool, err error) {
	c, err := r.catFile()
	if err != nil {
		return nil, true, err
	}
	// The writer keeps cat-file's input ahead of the reader by a bounded
	// queue, so the pipe never stalls on a round trip. Each ID is queued
	// before it is written, so a failed write leaves it for the reader.
	queue := make(chan string, 32)
	stop := make(chan struct{})
	go func() {
		defer close(queue)
		defer c.in.Close()
		for {
			select {
			case <-stop:
				return
			case id, ok := <-next:
				if !ok {
					return
				}
				queue <- id
				if _, err := io.WriteString(c.in, id+"\n"); err != nil {
					return
				}
			}
		}
	}()
	for id := range queue {
		data, missing, err := c.read(id)
		switch {
		case err != nil:
			close(stop)
			go func() { _, _ = io.Copy(io.Discard, c.out) }()
			for rest := range queue {
				retry = append(retry, rest)
			}
			why := c.finish()
			if why == "" {
				why = err.Error()
			}
			unreadable(id, why)
			return retry, false, nil
		case missing:
			unreadable(id, "missing")
		default:
			scan(id, data)
		}
	}
	if why := c.finish(); why != "" {
		return nil, true, fmt.Errorf("git cat-file --batch: %s", why)
	}
	return nil, true, nil
}

// readOne reads one blob with a cat-file process of its own.
func (r *repo) readOne(id string, scan func(string, []byte), unreadable func(id, why string)) {
	c, err := r.catFile()
	if err != nil {
		unreadable(id, err.Error())
		return
	}
	_, werr := io.WriteString(c.in, id+"\n")
	c.in.Close()
	if werr != nil {
		c.finish()
		unreadable(id, werr.Error())
		return
	}
	data, missing, err := c.read(id)
	switch {
	case err != nil:
		_, _ = io.Copy(io.Discard, c.out)
		why := c.finish()
		if why == "" {
			why = err.Error()
		}
		unreadable(id, why)
		return
	case missing:
		unreadable(id, "missing")
	default:
		scan(id, data)
	}
	c.finish()
}
