/* co_vec_faiss.cpp: the C API of co_vec_index.h over FAISS's C++ API.
 *
 * Debian's libfaiss ships the C API headers but not the compiled faiss_*
 * functions, so this shim is the project's only C++: every entry point is
 * extern "C", catches every exception and returns a co_err_t with the
 * exception text in errstr.
 *
 * Layout: an IndexIDMap2 over IndexFlatIP or IndexHNSWFlat (inner product).
 * FAISS 1.7.3's IndexIDMap rejects SearchParameters, so searches go to the
 * inner index directly with a selector over internal positions
 * (PosSelector: "slot alive, id allowed by the caller's filter"), and the
 * shim maps positions back to ids through id_map, as later FAISS releases do
 * inside IndexIDMap. The same selector hides HNSW's dead slots: HNSW cannot
 * remove vectors, so removal sets id_map[pos] = -1 and drops the id from
 * rev_map. That state survives write/read because id_map is what FAISS
 * stores; after a read the bogus rev_map[-1] entry is dropped again.
 *
 * File format: "COVECIX1", u32 ef_search, char[64] embedder id, u64 blob
 * length, u64 XXH64 of the blob, then the blob: the FAISS index as
 * write_index() produces it. The length and checksum are checked before
 * FAISS parses anything, so a truncated or damaged file is a clean
 * CO_ERR_PARSE (FAISS 1.7.3's read_index also leaks what it had built when
 * it throws half way). Integers are host-endian, like FAISS's own format. */
#include <faiss/IndexFlat.h>
#include <faiss/IndexHNSW.h>
#include <faiss/IndexIDMap.h>
#include <faiss/impl/AuxIndexStructures.h>
#include <faiss/impl/HNSW.h>
#include <faiss/impl/IDSelector.h>
#include <faiss/impl/io.h>
#include <faiss/index_io.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <shared_mutex>
#include <unordered_set>
#include <vector>

#include <fcntl.h>
#include <unistd.h>
#include <xxhash.h>

#include "co_vec_index.h"

typedef faiss::Index::idx_t idx_t;

static const char MAGIC[8] = {'C', 'O', 'V', 'E', 'C', 'I', 'X', '1'};
enum { KIND_FLAT = 0, KIND_HNSW = 1 };

struct co_vec_index_s {
  faiss::IndexIDMap2 *map = nullptr; /* owns the inner index */
  int kind = KIND_FLAT;
  char embedder[64] = {0};
  size_t dim = 0;
  size_t n_dead = 0; /* HNSW slots whose id_map entry is -1 */
  int ef_search = 128;
  std::shared_mutex mu;
  ~co_vec_index_s() { delete map; }
};

namespace {

/* Member = slot alive and id passes the caller's filter. */
struct PosSelector : faiss::IDSelector {
  const std::vector<idx_t> &id_map;
  const co_vec_filter_t *f;
  std::unique_ptr<faiss::IDSelectorBatch> allow;
  PosSelector(const std::vector<idx_t> &m, const co_vec_filter_t *filt) : id_map(m), f(filt) {
    if (f && f->allow) allow.reset(new faiss::IDSelectorBatch(f->n_allow, reinterpret_cast<const idx_t *>(f->allow)));
  }
  bool is_member(idx_t pos) const override {
    idx_t id = id_map[(size_t)pos];
    if (id < 0) return false;
    if (allow && !allow->is_member(id)) return false;
    if (f && f->fn && !f->fn((int64_t)id, f->opaque)) return false;
    return true;
  }
};

/* Runs fn, turning any exception into a co_err_t. */
template <typename F>
co_err_t guard(char *errstr, size_t errstr_size, const char *what, F fn) {
  try {
    return fn();
  } catch (const std::bad_alloc &) {
    return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "%s: out of memory", what);
  } catch (const std::exception &e) {
    return co_seterr(errstr, errstr_size, CO_ERR_STORE, "%s: %s", what, e.what());
  } catch (...) {
    return co_seterr(errstr, errstr_size, CO_ERR_STORE, "%s: unknown C++ exception", what);
  }
}

bool needs_selector(const co_vec_index_t *idx, const co_vec_filter_t *f) {
  return idx->n_dead > 0 || (f && (f->allow || f->fn));
}

/* Top-k on the inner index; labels come back as ids. Caller holds mu. */
void search_locked(co_vec_index_t *idx, size_t nq, const float *q, size_t k, const co_vec_filter_t *filter,
                   float *scores, int64_t *ids) {
  std::unique_ptr<PosSelector> sel;
  if (needs_selector(idx, filter)) sel.reset(new PosSelector(idx->map->id_map, filter));
  std::vector<idx_t> pos(nq * k);
  if (idx->kind == KIND_HNSW) {
    faiss::SearchParametersHNSW p;
    p.efSearch = std::max<int>(idx->ef_search, (int)k);
    p.sel = sel.get();
    idx->map->index->search((idx_t)nq, q, (idx_t)k, scores, pos.data(), &p);
  } else {
    faiss::SearchParameters p;
    p.sel = sel.get();
    idx->map->index->search((idx_t)nq, q, (idx_t)k, scores, pos.data(), sel ? &p : nullptr);
  }
  for (size_t i = 0; i < nq * k; i++) {
    ids[i] = pos[i] >= 0 ? (int64_t)idx->map->id_map[(size_t)pos[i]] : -1;
    if (ids[i] < 0) scores[i] = -INFINITY;
  }
}

/* Removes ids (present ones only); returns how many. Caller holds mu. */
size_t remove_locked(co_vec_index_t *idx, size_t n, const int64_t *ids) {
  std::vector<idx_t> present;
  for (size_t i = 0; i < n; i++)
    if (ids[i] >= 0 && idx->map->rev_map.count((idx_t)ids[i])) present.push_back((idx_t)ids[i]);
  if (present.empty()) return 0;
  if (idx->kind == KIND_HNSW) {
    for (idx_t id : present) {
      auto it = idx->map->rev_map.find(id);
      if (it == idx->map->rev_map.end()) continue; /* repeated in ids */
      idx->map->id_map[(size_t)it->second] = -1;
      idx->map->rev_map.erase(it);
      idx->n_dead++;
    }
    return present.size();
  }
  faiss::IDSelectorBatch sel(present.size(), present.data());
  return (size_t)idx->map->remove_ids(sel);
}

co_vec_index_t *wrap(faiss::IndexIDMap2 *map, const char *embedder, int ef_search) {
  co_vec_index_t *idx = new co_vec_index_t();
  idx->map = map;
  idx->dim = (size_t)map->d;
  idx->kind = dynamic_cast<faiss::IndexHNSW *>(map->index) ? KIND_HNSW : KIND_FLAT;
  idx->ef_search = ef_search;
  snprintf(idx->embedder, sizeof(idx->embedder), "%s", embedder);
  return idx;
}

}  // namespace

extern "C" {

void co_vec_index_opts_default(co_vec_index_opts_t *opts) {
  opts->hnsw_threshold = 20000; /* config vector.hnsw.threshold */
  opts->hnsw_m = 32;
  opts->ef_construction = 80;
  opts->ef_search = 128;
}

co_vec_index_t *co_vec_index_new(size_t dim, const char *embedder_id, size_t expected_n,
                                 const co_vec_index_opts_t *opts, char *errstr, size_t errstr_size) {
  co_vec_index_opts_t o;
  co_vec_index_t *idx = nullptr;
  if (opts)
    o = *opts;
  else
    co_vec_index_opts_default(&o);
  if (dim == 0 || dim > 65536 || !embedder_id || !*embedder_id || strlen(embedder_id) > 63) {
    co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "index: bad dim or embedder id");
    return nullptr;
  }
  if (o.hnsw_m < 4 || o.hnsw_m > 128 || o.ef_search < 1 || o.ef_search > 65536 || o.ef_construction < 1) {
    co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "index: HNSW M must be 4..128 and ef >= 1");
    return nullptr;
  }
  guard(errstr, errstr_size, "index create", [&]() {
    faiss::Index *inner;
    if (expected_n >= o.hnsw_threshold) {
      auto *h = new faiss::IndexHNSWFlat((int)dim, o.hnsw_m, faiss::METRIC_INNER_PRODUCT);
      h->hnsw.efConstruction = o.ef_construction;
      h->hnsw.efSearch = o.ef_search;
      inner = h;
    } else {
      inner = new faiss::IndexFlatIP((int)dim);
    }
    auto *map = new faiss::IndexIDMap2(inner);
    map->own_fields = true;
    idx = wrap(map, embedder_id, o.ef_search);
    return CO_OK;
  });
  return idx;
}

void co_vec_index_destroy(co_vec_index_t *idx) {
  delete idx;
}

const char *co_vec_index_kind(const co_vec_index_t *idx) {
  return idx->kind == KIND_HNSW ? "hnsw" : "flat";
}
const char *co_vec_index_embedder(const co_vec_index_t *idx) {
  return idx->embedder;
}
size_t co_vec_index_dim(const co_vec_index_t *idx) {
  return idx->dim;
}

size_t co_vec_index_ntotal(co_vec_index_t *idx) {
  std::shared_lock<std::shared_mutex> lk(idx->mu);
  return (size_t)idx->map->ntotal - idx->n_dead;
}

co_err_t co_vec_index_check_embedder(const co_vec_index_t *idx, const char *embedder_id, char *errstr,
                                     size_t errstr_size) {
  if (embedder_id && !strcmp(idx->embedder, embedder_id)) return CO_OK;
  return co_seterr(errstr, errstr_size, CO_ERR_CONFIG,
                   "index holds vectors from embedder '%s', not '%s': rebuild the index", idx->embedder,
                   embedder_id ? embedder_id : "(null)");
}

co_err_t co_vec_index_add(co_vec_index_t *idx, size_t n, const float *x, const int64_t *ids, char *errstr,
                          size_t errstr_size) {
  if (n == 0) return CO_OK;
  if (!x || !ids) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "index add: NULL vectors or ids");
  return guard(errstr, errstr_size, "index add", [&]() {
    std::unordered_set<int64_t> seen;
    for (size_t i = 0; i < n; i++) {
      if (ids[i] < 0)
        return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "index add: negative id %lld", (long long)ids[i]);
      if (!seen.insert(ids[i]).second)
        return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "index add: id %lld repeated in one call",
                         (long long)ids[i]);
    }
    std::unique_lock<std::shared_mutex> lk(idx->mu);
    remove_locked(idx, n, ids); /* upsert */
    idx->map->add_with_ids((idx_t)n, x, reinterpret_cast<const idx_t *>(ids));
    return CO_OK;
  });
}

co_err_t co_vec_index_remove(co_vec_index_t *idx, size_t n, const int64_t *ids, size_t *n_removed, char *errstr,
                             size_t errstr_size) {
  if (n_removed) *n_removed = 0;
  if (n == 0) return CO_OK;
  if (!ids) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "index remove: NULL ids");
  return guard(errstr, errstr_size, "index remove", [&]() {
    std::unique_lock<std::shared_mutex> lk(idx->mu);
    size_t r = remove_locked(idx, n, ids);
    if (n_removed) *n_removed = r;
    return CO_OK;
  });
}

co_err_t co_vec_index_search(co_vec_index_t *idx, size_t nq, const float *q, size_t k, const co_vec_filter_t *filter,
                             float *scores, int64_t *ids, char *errstr, size_t errstr_size) {
  if (nq == 0 || k == 0) return CO_OK;
  if (!q || !scores || !ids) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "index search: NULL argument");
  return guard(errstr, errstr_size, "index search", [&]() {
    std::shared_lock<std::shared_mutex> lk(idx->mu);
    search_locked(idx, nq, q, k, filter, scores, ids);
    return CO_OK;
  });
}

co_err_t co_vec_index_range_search(co_vec_index_t *idx, const float *q, float min_score, const co_vec_filter_t *filter,
                                   int64_t **ids, float **scores, size_t *n, char *errstr, size_t errstr_size) {
  if (!q || !ids || !scores || !n)
    return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "range search: NULL argument");
  *ids = nullptr;
  *scores = nullptr;
  *n = 0;
  return guard(errstr, errstr_size, "index range search", [&]() {
    std::vector<std::pair<float, int64_t>> hits;
    std::shared_lock<std::shared_mutex> lk(idx->mu);
    size_t live = (size_t)idx->map->ntotal - idx->n_dead;
    if (live == 0) return CO_OK;
    if (idx->kind == KIND_FLAT) {
      std::unique_ptr<PosSelector> sel;
      if (needs_selector(idx, filter)) sel.reset(new PosSelector(idx->map->id_map, filter));
      faiss::SearchParameters p;
      p.sel = sel.get();
      faiss::RangeSearchResult res(1);
      /* FAISS keeps scores strictly above the radius; we promise >=. */
      idx->map->index->range_search(1, q, std::nextafter(min_score, -INFINITY), &res, sel ? &p : nullptr);
      for (size_t i = res.lims[0]; i < res.lims[1]; i++)
        if (res.distances[i] >= min_score)
          hits.emplace_back(res.distances[i], (int64_t)idx->map->id_map[(size_t)res.labels[i]]);
    } else {
      /* No range search in IndexHNSW: widen top-k until it reaches below
       * min_score or covers every live vector. */
      for (size_t k = std::min<size_t>(64, live);; k = std::min(live, k * 4)) {
        std::vector<float> sc(k);
        std::vector<int64_t> id(k);
        search_locked(idx, 1, q, k, filter, sc.data(), id.data());
        hits.clear();
        bool below = false;
        for (size_t i = 0; i < k; i++) {
          if (id[i] < 0 || sc[i] < min_score) {
            below = true;
            continue;
          }
          hits.emplace_back(sc[i], id[i]);
        }
        if (below || k >= live) break;
      }
    }
    std::sort(hits.begin(), hits.end(), [](const std::pair<float, int64_t> &a, const std::pair<float, int64_t> &b) {
      return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
    if (hits.empty()) return CO_OK;
    *ids = (int64_t *)malloc(hits.size() * sizeof(int64_t));
    *scores = (float *)malloc(hits.size() * sizeof(float));
    if (!*ids || !*scores) {
      free(*ids);
      free(*scores);
      *ids = nullptr;
      *scores = nullptr;
      return co_seterr(errstr, errstr_size, CO_ERR_NOMEM, "range search: out of memory");
    }
    for (size_t i = 0; i < hits.size(); i++) {
      (*scores)[i] = hits[i].first;
      (*ids)[i] = hits[i].second;
    }
    *n = hits.size();
    return CO_OK;
  });
}

co_err_t co_vec_index_write(co_vec_index_t *idx, const char *path, char *errstr, size_t errstr_size) {
  if (!path) return co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "index write: NULL path");
  std::string tmp = std::string(path) + ".tmp." + std::to_string(getpid());
  FILE *f = nullptr;
  co_err_t err = guard(errstr, errstr_size, "index write", [&]() {
    faiss::VectorIOWriter w;
    uint32_t ef;
    {
      std::shared_lock<std::shared_mutex> lk(idx->mu); /* excludes add/remove */
      faiss::write_index(idx->map, &w);
      ef = (uint32_t)idx->ef_search;
    }
    uint64_t len = w.data.size(), sum = XXH64(w.data.data(), w.data.size(), 0);
    if (!(f = fopen(tmp.c_str(), "wb")))
      return co_seterr(errstr, errstr_size, CO_ERR_IO, "index write: open %s: %s", tmp.c_str(), strerror(errno));
    if (fwrite(MAGIC, 1, 8, f) != 8 || fwrite(&ef, 4, 1, f) != 1 || fwrite(idx->embedder, 1, 64, f) != 64 ||
        fwrite(&len, 8, 1, f) != 1 || fwrite(&sum, 8, 1, f) != 1 || fwrite(w.data.data(), 1, len, f) != len ||
        fflush(f) != 0 || fsync(fileno(f)) != 0)
      return co_seterr(errstr, errstr_size, CO_ERR_IO, "index write: %s: %s", tmp.c_str(), strerror(errno));
    int rc = fclose(f);
    f = nullptr;
    if (rc != 0 || rename(tmp.c_str(), path) != 0)
      return co_seterr(errstr, errstr_size, CO_ERR_IO, "index write: %s: %s", path, strerror(errno));
    return CO_OK;
  });
  if (f) fclose(f);
  if (err != CO_OK) unlink(tmp.c_str());
  return err;
}

co_vec_index_t *co_vec_index_read(const char *path, char *errstr, size_t errstr_size) {
  co_vec_index_t *idx = nullptr;
  FILE *f = nullptr;
  if (!path) {
    co_seterr(errstr, errstr_size, CO_ERR_INVALID_ARG, "index read: NULL path");
    return nullptr;
  }
  guard(errstr, errstr_size, "index read", [&]() {
    char magic[8], emb[64];
    uint32_t ef = 0;
    uint64_t len = 0, sum = 0;
    if (!(f = fopen(path, "rb")))
      return co_seterr(errstr, errstr_size, errno == ENOENT ? CO_ERR_NOT_FOUND : CO_ERR_IO, "index read: %s: %s", path,
                       strerror(errno));
    if (fread(magic, 1, 8, f) != 8 || memcmp(magic, MAGIC, 8) || fread(&ef, 4, 1, f) != 1 ||
        fread(emb, 1, 64, f) != 64 || emb[63] != '\0' || !emb[0] || ef < 1 || ef > 65536 || fread(&len, 8, 1, f) != 1 ||
        fread(&sum, 8, 1, f) != 1)
      return co_seterr(errstr, errstr_size, CO_ERR_PARSE, "index read: %s is not a CareerOps vector index", path);
    long here = ftell(f);
    if (fseek(f, 0, SEEK_END) != 0 || here < 0 || (uint64_t)(ftell(f) - here) != len || fseek(f, here, SEEK_SET) != 0)
      return co_seterr(errstr, errstr_size, CO_ERR_PARSE, "index read: %s is truncated or has trailing bytes", path);
    faiss::VectorIOReader r;
    r.data.resize(len);
    if (fread(r.data.data(), 1, len, f) != len)
      return co_seterr(errstr, errstr_size, CO_ERR_IO, "index read: %s: %s", path, strerror(errno));
    if (XXH64(r.data.data(), len, 0) != sum)
      return co_seterr(errstr, errstr_size, CO_ERR_PARSE, "index read: %s fails its checksum", path);
    std::unique_ptr<faiss::Index> any(faiss::read_index(&r));
    auto *map = dynamic_cast<faiss::IndexIDMap2 *>(any.get());
    if (!map || map->metric_type != faiss::METRIC_INNER_PRODUCT ||
        !(dynamic_cast<faiss::IndexFlatIP *>(map->index) || dynamic_cast<faiss::IndexHNSWFlat *>(map->index)))
      return co_seterr(errstr, errstr_size, CO_ERR_PARSE, "index read: %s holds an unexpected FAISS index type", path);
    any.release();
    idx = wrap(map, emb, (int)ef);
    idx->map->rev_map.erase(-1);
    for (idx_t id : idx->map->id_map)
      if (id < 0) idx->n_dead++;
    if (idx->kind == KIND_HNSW) static_cast<faiss::IndexHNSW *>(map->index)->hnsw.efSearch = (int)ef;
    return CO_OK;
  });
  if (f) fclose(f);
  return idx;
}

}  // extern "C"
