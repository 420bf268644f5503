/* co_ingest_mbox.c: streams messages out of an mbox file.
 *
 * Reads line by line with getline() on a stdio buffer, so memory is bounded
 * by the largest message, not the file. A message starts at a "From " line
 * that opens the file or follows an empty line (mboxo and mboxrd writers
 * always leave one, and requiring it keeps an unquoted "From " inside a body
 * from splitting a message). The blank separator line is not part of the
 * message. Quoting is undone the mboxrd way: ">From ", ">>From " ... lose one
 * '>'. For mboxo files that is the same except for bodies that really began
 * with ">From ", which mboxo cannot represent anyway. A file that does not
 * start with "From " is read as if its first message had no From line. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "co_ingest_int.h"

typedef struct {
  struct co_ingest_reader_s base;
  FILE *fp;
  char *path;
  char *line; /* lookahead: the "From " line of the next message */
  size_t linecap;
  ssize_t linelen;
  int have_line;
  uint64_t pos;      /* file offset just past the lookahead line */
  uint64_t line_off; /* file offset of the lookahead line */
  GString *msg;
  int first;
} mbox_t;

static int is_from(const char *l, ssize_t n) { return n >= 5 && !memcmp(l, "From ", 5); }

static int is_blank(const char *l, ssize_t n) {
  return n == 0 || (n == 1 && l[0] == '\n') || (n == 2 && l[0] == '\r' && l[1] == '\n');
}

static int read_line(mbox_t *m) {
  m->line_off = m->pos;
  m->linelen = getline(&m->line, &m->linecap, m->fp);
  if (m->linelen < 0) return 0;
  m->pos += (uint64_t)m->linelen;
  return 1;
}

static void append_unquoted(GString *g, const char *l, ssize_t n) {
  ssize_t q = 0;
  while (q < n && l[q] == '>') q++;
  if (q > 0 && n - q >= 5 && !memcmp(l + q, "From ", 5)) l++, n--;
  g_string_append_len(g, l, n);
}

static co_err_t mbox_next(co_ingest_reader_t *r, co_ingest_msg_t *out, char *errstr, size_t errstr_size) {
  mbox_t *m = (mbox_t *)r;
  g_string_truncate(m->msg, 0);
  if (!m->have_line && !read_line(m)) goto eof;
  m->have_line = 0;
  uint64_t start = m->line_off;
  if (!(m->first && !is_from(m->line, m->linelen))) {
    /* Skip stray text before the first "From " line of a resumed read. */
    while (!is_from(m->line, m->linelen)) {
      if (!read_line(m)) goto eof;
      start = m->line_off;
    }
  } else {
    append_unquoted(m->msg, m->line, m->linelen);
  }
  m->first = 0;
  int prev_blank = 0;
  size_t blank_len = 0;
  while (read_line(m)) {
    if (prev_blank && is_from(m->line, m->linelen)) {
      m->have_line = 1;
      g_string_truncate(m->msg, m->msg->len - blank_len);
      break;
    }
    prev_blank = is_blank(m->line, m->linelen);
    blank_len = (size_t)m->linelen;
    append_unquoted(m->msg, m->line, m->linelen);
  }
  /* The last message is followed by a separator blank line too. */
  if (!m->have_line && prev_blank) g_string_truncate(m->msg, m->msg->len - blank_len);
  if (!m->have_line && ferror(m->fp))
    return co_seterr(errstr, errstr_size, CO_ERR_IO, "mbox %s: read error at %llu: %s", m->path,
                     (unsigned long long)m->pos, strerror(errno));
  out->data = m->msg->str;
  out->len = m->msg->len;
  out->path = m->path;
  out->offset = start;
  return CO_OK;
eof:
  if (ferror(m->fp))
    return co_seterr(errstr, errstr_size, CO_ERR_IO, "mbox %s: read error: %s", m->path, strerror(errno));
  return CO_ERR_NOT_FOUND;
}

static void mbox_close(co_ingest_reader_t *r) {
  mbox_t *m = (mbox_t *)r;
  if (m->fp) fclose(m->fp);
  free(m->line);
  g_free(m->path);
  if (m->msg) g_string_free(m->msg, TRUE);
  g_free(m);
}

co_err_t co_ingest_mbox_open(const char *path, uint64_t start_offset, co_ingest_reader_t **rp, char *errstr,
                             size_t errstr_size) {
  co_err_t err = CO_OK;
  *rp = NULL;
  mbox_t *m = g_new0(mbox_t, 1);
  m->base.next = mbox_next;
  m->base.close = mbox_close;
  m->path = g_strdup(path);
  m->msg = g_string_new(NULL);
  m->first = start_offset == 0;
  if (!(m->fp = fopen(path, "rb"))) {
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "mbox %s: %s", path, strerror(errno));
    goto err;
  }
  if (start_offset && fseeko(m->fp, (off_t)start_offset, SEEK_SET)) {
    err = co_seterr(errstr, errstr_size, CO_ERR_IO, "mbox %s: seek to %llu: %s", path,
                    (unsigned long long)start_offset, strerror(errno));
    goto err;
  }
  m->pos = start_offset;
  *rp = &m->base;
  return CO_OK;
err:
  mbox_close(&m->base);
  return err;
}

co_err_t co_ingest_reader_next(co_ingest_reader_t *r, co_ingest_msg_t *msg, char *errstr, size_t errstr_size) {
  if (!r || !msg) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "reader_next: NULL argument");
  return r->next(r, msg, errstr, errstr_size);
}

void co_ingest_reader_close(co_ingest_reader_t *r) {
  if (r) r->close(r);
}
