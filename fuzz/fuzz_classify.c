/* fuzz_classify: libFuzzer target for the offline classifier's input side:
 * feature extraction (co_cls_featurize with the n-gram and the embedding
 * configurations, the embedder's text, co_cls_tokenize_only) and the
 * company/role/sender extraction of co_classify_extract.c. No model file:
 * prediction is arithmetic on these features, parsing is all here.
 * Input: subject NUL from NUL body. Checks: every feature index lies in
 * the hashed block, values are finite, extracted strings are
 * NUL-terminated inside their buffers. Seeds: fuzz/corpus/classify. */
#include <math.h>

#include "co_classify.h"
#include "co_classify_int.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *f[3];
  fuzz_fields(data, size, f, 3);
  co_classify_input_t in = {.subject = f[0], .from = f[1], .body = f[2]};
  co_cls_featcfg_t cfgs[2];
  co_cls_featcfg_default(&cfgs[0]);
  co_cls_featcfg_default_embed(&cfgs[1]);
  co_cls_vec_t x = {0};
  for (int c = 0; c < 2; c++) {
    if (co_cls_featurize(&cfgs[c], &in, &x) != CO_OK) abort();
    for (size_t i = 0; i < x.n; i++)
      if (x.v[i].idx >= (1u << cfgs[c].hash_bits) + cfgs[c].embed_dim || !isfinite(x.v[i].val)) abort();
    char text[2048];
    co_cls_embed_text(&cfgs[c], &in, text, sizeof(text));
    if (strlen(text) >= sizeof(text)) abort();
  }
  co_cls_vec_free(&x);
  (void)co_cls_tokenize_only(f[0], f[2]);
  if (co_cls_unquoted_len(f[2]) > strlen(f[2])) abort();

  char company[128], role[128];
  size_t bl = strlen(f[2]);
  co_cls_extract_company(f[0], f[1], f[2], bl, company, sizeof(company));
  co_cls_extract_role(f[0], f[2], bl, role, sizeof(role));
  if (!memchr(company, 0, sizeof(company)) || !memchr(role, 0, sizeof(role))) abort();
  co_cls_clean_company(company);
  co_cls_sender_t s;
  co_cls_parse_sender(f[1], &s);
  (void)co_cls_domain_is_ats(s.domain);
  fuzz_fields_free(f, 3);
  return 0;
}
